using System.Diagnostics;
using Npgsql;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Tests.Support;

namespace Parcours.Tests.Audit;

/// <summary>Each test has its own database, so that tampering cannot disturb another test's chain.</summary>
public sealed class AuditTrailTests
{
    private readonly string _database = $"parcours_audit_{Guid.NewGuid():N}"[..28];

    private NpgsqlDataSource Application() => NpgsqlDataSource.Create(TestCluster.ConnectionString(_database));

    private NpgsqlDataSource Owner() => NpgsqlDataSource.Create(TestCluster.OwnerConnectionString(_database));

    [Fact]
    public async Task entries_are_chained_and_the_chain_verifies()
    {
        {
            await using var app = Application();
            var trail = new AuditTrail(app);
            var caseId = Guid.CreateVersion7();
            await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
                trail.RecordAsync(AuditEntry.By(CurrentWorker.Of(Staff.PreReferent), "pathway.read", "suivi", AuditOutcome.Allowed, caseId))));

            await using var count = app.CreateCommand($"select count(*) from {AuditSchema.Table} where case_id = '{caseId}'");
            Assert.Equal(20L, await count.ExecuteScalarAsync());
            var result = await AuditVerification.VerifyAsync(app);
            Assert.True(result.Intact, result.Reason);
        }
    }

    [Theory]
    [InlineData("update parcours_audit.entries set outcome = 'Allowed'")]
    [InlineData("delete from parcours_audit.entries")]
    [InlineData("truncate parcours_audit.entries")]
    public async Task the_application_role_can_neither_change_nor_delete_an_entry(string sql)
    {
        await using var app = Application();
        await new AuditTrail(app).RecordAsync(AuditEntry.By(null, "pathway.read", "suivi", AuditOutcome.Refused));

        await using var command = app.CreateCommand(sql);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task even_the_owner_is_stopped_by_the_append_only_trigger()
    {
        await using var owner = Owner();
        await new AuditTrail(owner).RecordAsync(AuditEntry.By(null, "pathway.read", "suivi", AuditOutcome.Refused));
        await using var command = owner.CreateCommand("delete from parcours_audit.entries");
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", error.MessageText);
    }

    [Fact]
    public async Task a_row_edited_directly_in_the_database_makes_audit_verify_fail_at_that_row()
    {
        {
            await using var app = Application();
            var trail = new AuditTrail(app);
            var caseId = Guid.CreateVersion7();
            for (var i = 0; i < 3; i++) await trail.RecordAsync(AuditEntry.By(CurrentWorker.Of(Staff.SchoolWorker), "pathway.read", "suivi", AuditOutcome.Refused, caseId));
            Assert.Equal(0, await RunAuditVerify());

            await using var owner = Owner();
            await using var find = owner.CreateCommand($"select min(id) from {AuditSchema.Table} where case_id = '{caseId}'");
            var tampered = (long)(await find.ExecuteScalarAsync())!;
            await using var tamper = owner.CreateCommand($"""
                alter table {AuditSchema.Table} disable trigger append_only;
                update {AuditSchema.Table} set outcome = 'Allowed' where id = {tampered};
                alter table {AuditSchema.Table} enable trigger append_only;
                """);
            await tamper.ExecuteNonQueryAsync();

            var result = await AuditVerification.VerifyAsync(app);
            Assert.Equal(tampered, result.BrokenAt);
            Assert.NotEqual(0, await RunAuditVerify());
        }
    }

    /// <summary>Runs the real command, as an operator would: <c>Parcours audit verify</c>.</summary>
    private async Task<int> RunAuditVerify()
    {
        var start = new ProcessStartInfo("dotnet", [typeof(AuditCommand).Assembly.Location, "audit", "verify"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(typeof(AuditCommand).Assembly.Location)!,
        };
        start.Environment["ConnectionStrings__Parcours"] = TestCluster.ConnectionString(_database);
        start.Environment["Parcours__SeedDemo"] = "false";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Contains(process.ExitCode == 0 ? "intègre" : "ALTÉRÉ", output);
        return process.ExitCode;
    }
}
