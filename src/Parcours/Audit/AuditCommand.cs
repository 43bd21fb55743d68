using JasperFx.CommandLine;
using Npgsql;

namespace Parcours.Audit;

public sealed class AuditInput : NetCoreInput
{
    [Description("What to do with the access trail: verify")]
    public string Action { get; set; } = "verify";
}

/// <summary><c>dotnet run --project src/Parcours -- audit verify</c>: checks the hash chain of the access trail.</summary>
[Description("Access trail: 'audit verify' checks the hash chain and reports the first broken link", Name = "audit")]
public sealed class AuditCommand : JasperFxAsyncCommand<AuditInput>
{
    public override async Task<bool> Execute(AuditInput input)
    {
        if (!string.Equals(input.Action, "verify", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"Action inconnue « {input.Action} » / unknown action: use 'audit verify'.");
            return false;
        }

        using var host = input.BuildHost();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var result = await AuditVerification.VerifyAsync(dataSource);
        if (result.Intact)
        {
            Console.WriteLine($"Journal des accès intègre : {result.Checked} entrées vérifiées. / Access trail intact: {result.Checked} entries verified.");
            return true;
        }
        Console.WriteLine($"Journal des accès ALTÉRÉ à l'entrée {result.BrokenAt} : {result.Reason}. " +
                          $"/ Access trail BROKEN at entry {result.BrokenAt} ({result.Checked} entries intact before it).");
        return false;
    }
}
