using System.Text.Json;
using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Pathways.ListingCaseload;
using Parcours.People.GettingDetails;
using Parcours.Reference;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;
using static Parcours.Tests.Pathways.AccessMatrixTests.Seen;

namespace Parcours.Tests.Pathways;

/// <summary>
/// Every demo habilitation against five cases, through the file, the caseload and the person:
/// the HTTP answer, the view, and the access trail's entry, checked against one table.
/// </summary>
public sealed class AccessMatrixTests(AppFixture fixture) : IntegrationContext(fixture)
{
    public enum Seen
    {
        /// <summary>404 on the file and the person, absent from the caseload.</summary>
        No,
        /// <summary>200, summary view.</summary>
        Summary,
        /// <summary>200, full view.</summary>
        Full,
        /// <summary>404 on every person-level endpoint, the caseload included.</summary>
        Gated,
    }

    // The cases, built through the API:
    //   Pre        a PRE child followed by the PRE; parents informed; team under the parents' consent:
    //              collège (team follow-up), PJJ (team follow-up), SAS Coluche (orientation).
    //   Sas        a young adult followed by SAS Coluche; team under his consent: France Travail,
    //              the PRE (team follow-up), La Fabrique Défi (orientation).
    //   Cite       an adult followed by La Fabrique Défi (Cité de l'emploi); no team.
    //   Sealed     a woman followed by the Maison des Femmes.
    //   Withdrawn  an adult followed by La Fabrique Défi whose consent to share with the collège,
    //              France Travail, the PJJ, the PRE and SAS Coluche was withdrawn after they joined.
    // So every row meets its own case (if its structure follows any), a team case, another
    // structure's case, the sealed case and a case whose consent was withdrawn.
    private static readonly (Habilitation Worker, Seen Pre, Seen Sas, Seen Cite, Seen Sealed, Seen Withdrawn)[] Matrix =
    [
        //                              Pre      Sas      Cite  Sealed  Withdrawn
        (Staff.PreReferent,             Full,    Full,    No,   No,     No),
        (Staff.PreCoordinator,          Full,    Full,    No,   No,     No),
        (Staff.SasEducator,             Full,    Full,    No,   No,     No),
        (Staff.CiteAdviser,             No,      Full,    Full, No,     Full),
        (Staff.MdfWorker,               No,      No,      No,   Full,   No),
        (Staff.SchoolWorker,            Summary, No,      No,   No,     No),
        (Staff.FranceTravailAdviser,    No,      Summary, No,   No,     No),
        (Staff.PjjEducator,             Full,    No,      No,   No,     No),
        (Staff.StatisticsCoordinator,   Gated,   Gated,   Gated, Gated, Gated),
        (Staff.DataProtectionOfficer,   Gated,   Gated,   Gated, Gated, Gated),
        (Staff.Administrator,           Gated,   Gated,   Gated, Gated, Gated),
        (Staff.CcasSocialWorker,        No,      No,      No,   No,     No),
        (Staff.CcasSocialWorkerAtSas,   Full,    Full,    No,   No,     No),
        (Staff.SasCoordinator,          Full,    Full,    No,   No,     No),
        (Staff.CiteCoordinator,         No,      Full,    Full, No,     Full),
    ];

    [Fact]
    public async Task every_role_sees_each_kind_of_case_exactly_as_the_table_says()
    {
        Assert.Equal(Staff.All.Select(s => s.Id).Order(), Matrix.Select(r => r.Worker.Id).Order());
        var cases = await BuildCases();
        var unknown = Guid.CreateVersion7();
        var failures = new List<string>();

        foreach (var row in Matrix)
        {
            var notFound = Problem.Normalised(await Host.GetText($"/api/pathways/{unknown}", row.Worker, 404));
            var caseload = await Caseload(row.Worker);
            foreach (var (name, (caseId, personId), expected) in new[]
                     {
                         ("Pre", cases.Pre, row.Pre), ("Sas", cases.Sas, row.Sas), ("Cite", cases.Cite, row.Cite),
                         ("Sealed", cases.Sealed, row.Sealed), ("Withdrawn", cases.Withdrawn, row.Withdrawn),
                     })
            {
                var cell = $"{row.Worker.Position} × {name}";
                var seen = expected is Summary or Full;
                var file = await Get($"/api/pathways/{caseId}", row.Worker);
                var person = await Get($"/api/people/{personId}", row.Worker);

                Check(failures, cell, "file status", seen ? 200 : 404, file.Status);
                Check(failures, cell, "person status", seen ? 200 : 404, person.Status);
                if (seen)
                {
                    Check(failures, cell, "file view", expected.ToString(), JsonDocument.Parse(file.Body).RootElement.GetProperty("view").GetString());
                    Check(failures, cell, "person view", expected.ToString(), JsonSerializer.Deserialize<PersonDetails>(person.Body, Json)!.View.ToString());
                }
                else
                {
                    Check(failures, cell, "file body", notFound, Problem.Normalised(file.Body));
                    Check(failures, cell, "person body", notFound, Problem.Normalised(person.Body));
                }
                Check(failures, cell, "caseload", expected == Gated ? "404" : seen ? "listed" : "absent",
                    caseload is null ? "404" : caseload.Contains(caseId) ? "listed" : "absent");

                var trail = await Host.TrailOf(caseId);
                var (action, outcome) = expected == Gated ? ("person-level", "Refused") : ("pathway.read", seen ? "Allowed" : "Refused");
                if (!trail.Any(e => e.Worker == row.Worker.Id && e.Action == action && e.Outcome == outcome))
                {
                    failures.Add($"{cell}: no trail entry {action}/{outcome}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static void Check<T>(List<string> failures, string cell, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual)) failures.Add($"{cell}: {what} expected {expected}, got {actual}");
    }

    private async Task<(int Status, string Body)> Get(string url, Habilitation worker)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(worker);
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }

    /// <summary>The ids in the worker's caseload, or null when the caseload itself is a 404.</summary>
    private async Task<HashSet<Guid>?> Caseload(Habilitation worker)
    {
        var (status, body) = await Get("/api/pathways", worker);
        return status == 404 ? null : JsonSerializer.Deserialize<CaseloadPage>(body, Json)!.Rows.Select(r => r.PathwayId).ToHashSet();
    }

    private sealed record Cases((Guid, Guid) Pre, (Guid, Guid) Sas, (Guid, Guid) Cite, (Guid, Guid) Sealed, (Guid, Guid) Withdrawn);

    private async Task<Cases> BuildCases()
    {
        var (pre, _) = await Host.PreCaseSharedWith(structures: [Structures.CollegeLesDunes, Structures.Pjj]);
        await Host.Consent(pre, ConsentPurpose.Orientation, [Structures.SasColuche], byParents: true);
        await Host.Join(pre, Structures.SasColuche, ConsentPurpose.Orientation);

        var sas = await Host.Referred(SharingScenarios.SasReferral(), Staff.SasEducator);
        await Host.Consent(sas, ConsentPurpose.TeamSharing, [Structures.FranceTravail, Structures.PreCalais], byParents: false, Staff.SasEducator);
        await Host.Consent(sas, ConsentPurpose.Orientation, [Structures.FabriqueDefi], byParents: false, Staff.SasEducator);
        await Host.Join(sas, Structures.FranceTravail, by: Staff.SasEducator);
        await Host.Join(sas, Structures.PreCalais, by: Staff.SasEducator);
        await Host.Join(sas, Structures.FabriqueDefi, ConsentPurpose.Orientation, Staff.SasEducator);

        var cite = await Host.Referred(SharingScenarios.CiteReferral(), Staff.CiteAdviser);
        var sealedCase = await Host.Referred(MdfReferral(), Staff.MdfWorker);

        var withdrawn = await Host.Referred(SharingScenarios.CiteReferral(SharingScenarios.Adult(50)), Staff.CiteAdviser);
        Guid[] everyone = [Structures.CollegeLesDunes, Structures.FranceTravail, Structures.Pjj, Structures.PreCalais, Structures.SasColuche];
        var consent = await Host.Consent(withdrawn, ConsentPurpose.TeamSharing, everyone, byParents: false, Staff.CiteAdviser);
        foreach (var structure in everyone) await Host.Join(withdrawn, structure, by: Staff.CiteAdviser);
        await Host.Withdraw(withdrawn, consent, Staff.CiteAdviser);

        async Task<(Guid, Guid)> WithPerson(Guid id, Habilitation owner) => (id, (await Host.PathwayFile(id, owner)).Person.Id);
        return new Cases(
            await WithPerson(pre, Staff.PreReferent), await WithPerson(sas, Staff.SasEducator), await WithPerson(cite, Staff.CiteAdviser),
            await WithPerson(sealedCase, Staff.MdfWorker), await WithPerson(withdrawn, Staff.CiteAdviser));
    }
}
