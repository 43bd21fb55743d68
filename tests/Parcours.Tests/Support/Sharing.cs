using System.Text.Json;
using Alba;
using Npgsql;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Referring;
using Parcours.People;
using Parcours.Reference;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Support;

/// <summary>Scenario helpers for consents, case teams and what each worker then reads, through the public API.</summary>
public static class SharingScenarios
{
    public static NewPerson YoungAdult(int age = 20) => new("Yanis", "Martin", Today.AddYears(-age).AddDays(-30), Sex.M, "3 rue Matisse, Calais", "0622222222", null);

    public static NewPerson Adult(int age = 40) => new("Rachid", "Benali", Today.AddYears(-age).AddDays(-30), Sex.M, "8 rue Tunis, Calais", "0633333333", null);

    public static ReferPersonRequest SasReferral(NewPerson? person = null) => new(
        null, person ?? YoungAdult(), "SAS", null, Today.AddDays(-10), "MARAUDE", null, "BM-GREUZE-VADEZ", Structures.SasColuche, "Rupture scolaire depuis un an.");

    public static ReferPersonRequest CiteReferral(NewPerson? person = null) => new(
        null, person ?? Adult(), "CITE", "ADULTES", Today.AddDays(-10), "FT", Structures.FranceTravail, "BM-GREUZE-VADEZ", Structures.FabriqueDefi, "Chômage de longue durée.");

    /// <summary>Records a consent and returns its id. Parents for a minor (with the minor's view), the person otherwise.</summary>
    public static async Task<Guid> Consent(this IAlbaHost host, Guid pathwayId, ConsentPurpose purpose, Guid[] structures, bool byParents,
        Habilitation? by = null, DateOnly? givenOn = null, DateOnly? expiresOn = null)
    {
        var (_, consentId) = await host.Created($"/api/pathways/{pathwayId}/consents", new
        {
            purpose = purpose.ToString(),
            structures,
            givenBy = byParents ? "ParentalAuthority" : "Person",
            mode = "Written",
            givenOn = givenOn ?? Today.AddDays(-5),
            expiresOn,
            minorView = byParents ? "Il est d'accord, il aime bien son professeur principal." : null,
        }, by);
        return consentId;
    }

    public static Task ParentsInformed(this IAlbaHost host, Guid pathwayId, Habilitation? by = null) =>
        host.Done($"/api/pathways/{pathwayId}/parents-information", new { informedOn = Today.AddDays(-5), mode = "Oral", note = "Rencontre avec la mère au collège" }, by);

    public static Task Join(this IAlbaHost host, Guid pathwayId, Guid structure, ConsentPurpose purpose = ConsentPurpose.TeamSharing, Habilitation? by = null) =>
        host.Done($"/api/pathways/{pathwayId}/team", new { structureId = structure, purpose = purpose.ToString() }, by);

    public static Task Withdraw(this IAlbaHost host, Guid pathwayId, Guid consentId, Habilitation? by = null) =>
        host.Done($"/api/pathways/{pathwayId}/consents/{consentId}/withdrawal", new { withdrawnOn = Today, note = "Appel de la mère" }, by);

    /// <summary>An active PRE case (a child of nine), the parents informed, shared with these structures under one parental consent.</summary>
    public static async Task<(Guid Id, Guid ConsentId)> PreCaseSharedWith(this IAlbaHost host, ReferPersonRequest? request = null, params Guid[] structures)
    {
        var id = await host.ActivePathway(request);
        await host.ParentsInformed(id);
        var consentId = await host.Consent(id, ConsentPurpose.TeamSharing, structures, byParents: true);
        foreach (var structure in structures) await host.Join(id, structure);
        return (id, consentId);
    }

    /// <summary>GETs a URL as a worker, expecting a status; returns the body.</summary>
    public static async Task<string> GetText(this IAlbaHost host, string url, Habilitation by, int status)
    {
        var result = await host.Scenario(s =>
        {
            s.As(by);
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });
        return await result.ReadAsTextAsync();
    }

    public static async Task<T> GetJson<T>(this IAlbaHost host, string url, Habilitation by) =>
        JsonSerializer.Deserialize<T>(await host.GetText(url, by, 200), Json)!;

    /// <summary>The access trail's entries about a case, oldest first.</summary>
    public static async Task<IReadOnlyList<(Guid? Worker, string Action, string Purpose, string Outcome)>> TrailOf(this IAlbaHost host, Guid caseId)
    {
        var dataSource = (NpgsqlDataSource)host.Services.GetService(typeof(NpgsqlDataSource))!;
        await using var command = dataSource.CreateCommand(
            $"select worker_id, action, purpose, outcome from {AuditSchema.Table} where case_id = @case or person_id = @case order by id");
        command.Parameters.AddWithValue("case", caseId);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(Guid?, string, string, string)>();
        while (await reader.ReadAsync())
        {
            entries.Add((reader.IsDBNull(0) ? null : reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return entries;
    }
}
