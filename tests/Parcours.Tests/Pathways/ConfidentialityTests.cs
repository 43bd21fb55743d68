using Marten;
using Parcours.Identity;
using Parcours.Pathways.ListingCaseload;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Pathways;

/// <summary>A case is seen only by its referent structure; elsewhere it answers as if it did not exist.</summary>
public sealed class ConfidentialityTests(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>Every pathway command, with a body that would be valid for the pathway's own workers.</summary>
    private static IEnumerable<(string Url, object Body)> EveryCommand(Guid id, Guid actionId, Guid orientationId) =>
    [
        ($"/api/pathways/{id}/acceptance", new { acceptedOn = Today }),
        ($"/api/pathways/{id}/decline", new { declinedOn = Today, reasonCode = "AUTRE" }),
        ($"/api/pathways/{id}/accompaniment", new { startedOn = Today, referentWorkerId = Staff.MdfWorker.Id }),
        ($"/api/pathways/{id}/actions", new { category = "ACCUEIL", kind = "Écoute", plannedOn = Today }),
        ($"/api/pathways/{id}/actions/{actionId}/completion", new { completedOn = Today }),
        ($"/api/pathways/{id}/actions/{actionId}/cancellation", new { cancelledOn = Today }),
        ($"/api/pathways/{id}/reviews", new { reviewedOn = Today, summary = "Bilan" }),
        ($"/api/pathways/{id}/orientations", new { destination = "AUTRE", proposedOn = Today }),
        ($"/api/pathways/{id}/orientations/{orientationId}/acceptance", new { acceptedOn = Today }),
        ($"/api/pathways/{id}/orientations/{orientationId}/refusal", new { refusedOn = Today, reasonCode = "AUTRE" }),
        ($"/api/pathways/{id}/suspension", new { suspendedOn = Today, reasonCode = "AUTRE" }),
        ($"/api/pathways/{id}/resumption", new { resumedOn = Today }),
        ($"/api/pathways/{id}/exit", new { exitedOn = Today, outcome = "AUTRE" }),
        ($"/api/pathways/{id}/reopening", new { reopenedOn = Today }),
    ];

    private async Task<(Guid Id, Guid ActionId, Guid OrientationId)> ActiveMdfPathway()
    {
        var id = await Host.Referred(MdfReferral(), Staff.MdfWorker);
        await Host.Done($"/api/pathways/{id}/acceptance", new { acceptedOn = Today.AddDays(-9) }, Staff.MdfWorker);
        await Host.Done($"/api/pathways/{id}/accompaniment", new { startedOn = Today.AddDays(-8), referentWorkerId = Staff.MdfWorker.Id }, Staff.MdfWorker);
        var (_, actionId) = await Host.Created($"/api/pathways/{id}/actions",
            new { category = "ACCUEIL", kind = "Entretien d'accueil", plannedOn = Today.AddDays(-8) }, Staff.MdfWorker);
        var (_, orientationId) = await Host.Created($"/api/pathways/{id}/orientations",
            new { destination = "AUTRE", proposedOn = Today.AddDays(-8), note = "Avocate spécialisée" }, Staff.MdfWorker);
        return (id, actionId, orientationId);
    }

    private async Task<string> GetBody(string url, Habilitation worker, int status)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(worker);
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });
        return await result.ReadAsTextAsync();
    }

    [Fact]
    public async Task a_maison_des_femmes_case_reads_outside_it_exactly_like_a_case_that_does_not_exist()
    {
        var (id, _, _) = await ActiveMdfPathway();

        var hidden = await GetBody($"/api/pathways/{id}", Staff.PreReferent, 404);
        var unknown = await GetBody($"/api/pathways/{Guid.CreateVersion7()}", Staff.PreReferent, 404);

        Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(hidden));
        Assert.DoesNotContain("Diallo", hidden);
        Assert.Equal("Diallo", (await Host.PathwayFile(id, Staff.MdfWorker)).Person.LastName);
    }

    [Fact]
    public async Task every_command_on_a_case_of_another_structure_is_a_404_like_an_unknown_case_and_writes_nothing()
    {
        var (id, actionId, orientationId) = await ActiveMdfPathway();
        var unknownId = Guid.CreateVersion7();
        await using var session = Store.QuerySession();
        var before = (await session.Events.FetchStreamStateAsync(id))!.Version;

        var hiddenCommands = EveryCommand(id, actionId, orientationId).ToList();
        var unknownCommands = EveryCommand(unknownId, actionId, orientationId).ToList();
        for (var i = 0; i < hiddenCommands.Count; i++)
        {
            var (_, hidden) = await Host.Refused(hiddenCommands[i].Url, hiddenCommands[i].Body, 404, Staff.SasEducator);
            var (_, unknown) = await Host.Refused(unknownCommands[i].Url, unknownCommands[i].Body, 404, Staff.SasEducator);
            Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(hidden));
        }

        Assert.Equal(before, (await session.Events.FetchStreamStateAsync(id))!.Version);
    }

    [Fact]
    public async Task a_stale_version_on_a_hidden_case_does_not_reveal_that_it_exists()
    {
        var (id, _, _) = await ActiveMdfPathway();

        var (_, hidden) = await Host.Refused($"/api/pathways/{id}/reviews", new { expectedVersion = 1, reviewedOn = Today, summary = "x" }, 404, Staff.PreReferent);
        var (_, unknown) = await Host.Refused($"/api/pathways/{Guid.CreateVersion7()}/reviews", new { expectedVersion = 1, reviewedOn = Today, summary = "x" }, 404, Staff.PreReferent);

        Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(hidden));
    }

    [Fact]
    public async Task a_case_of_another_structure_is_absent_from_the_caseload()
    {
        var (mdfCase, _, _) = await ActiveMdfPathway();
        var preCase = await Host.Referred(PreReferral());

        var preList = await (await Host.Scenario(s => { s.As(Staff.PreReferent); s.Get.Url("/api/pathways"); })).Read<CaseloadPage>();
        var mdfList = await (await Host.Scenario(s => { s.As(Staff.MdfWorker); s.Get.Url("/api/pathways"); })).Read<CaseloadPage>();
        var schoolList = await (await Host.Scenario(s => { s.As(Staff.SchoolWorker); s.Get.Url("/api/pathways"); })).Read<CaseloadPage>();

        Assert.Equal([preCase], preList.Rows.Select(r => r.PathwayId));
        Assert.Equal([mdfCase], mdfList.Rows.Select(r => r.PathwayId));
        Assert.Equal(1, mdfList.Total);
        Assert.Empty(schoolList.Rows);
        Assert.Equal(0, schoolList.Total);
    }

    [Fact]
    public async Task the_referring_school_does_not_see_the_case_it_referred_to_the_pre()
    {
        var id = await Host.Referred(PreReferral(), Staff.SchoolWorker);

        await GetBody($"/api/pathways/{id}", Staff.SchoolWorker, 404);
        Assert.Equal("Dupont", (await Host.PathwayFile(id, Staff.PreReferent)).Person.LastName);
    }

    [Theory]
    [InlineData("GET", "/api/pathways")]
    [InlineData("GET", "/api/pathways/0196c000-0000-7000-8000-000000000001")]
    [InlineData("POST", "/api/pathways")]
    [InlineData("POST", "/api/pathways/0196c000-0000-7000-8000-000000000001/reviews")]
    [InlineData("GET", "/api/people/0196c000-0000-7000-8000-000000000001")]
    [InlineData("POST", "/api/people")]
    public async Task a_request_without_a_signed_in_worker_is_a_401(string method, string url)
    {
        var result = await Host.Scenario(s =>
        {
            if (method == "GET") s.Get.Url(url);
            else s.Post.Json(PreReferral()).ToUrl(url);
            s.StatusCodeShouldBe(401);
        });

        Assert.Contains("Connectez-vous", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task free_text_and_identity_are_never_stored_in_clear()
    {
        var id = await Host.ActivePathway(PreReferral(Child() with { FirstName = "Zébulon", LastName = "Quintessence", Address = "7 impasse Vauxhall" }));
        var (_, actionId) = await Host.Created($"/api/pathways/{id}/actions",
            new { category = "SANTE", kind = "Orthophonie", plannedOn = Today.AddDays(-7), note = "Bégaiement marqué" });
        await Host.Done($"/api/pathways/{id}/actions/{actionId}/completion", new { completedOn = Today.AddDays(-6), note = "Séances assidues" });
        await Host.Done($"/api/pathways/{id}/reviews", new { reviewedOn = Today.AddDays(-5), summary = "Climat familial tendu" });
        await Host.Created($"/api/pathways/{id}/orientations", new { destination = "SPIRALE", proposedOn = Today.AddDays(-5), note = "Fréquente un groupe à risque" });
        await Host.Done($"/api/pathways/{id}/suspension", new { suspendedOn = Today.AddDays(-4), reasonCode = "HOSPITALISATION", note = "Appendicite" });
        await Host.Done($"/api/pathways/{id}/resumption", new { resumedOn = Today.AddDays(-3) });
        await Host.Done($"/api/pathways/{id}/exit", new { exitedOn = Today.AddDays(-2), outcome = "AUTRE", note = "Déménagement à Lille" });
        await Host.Done($"/api/pathways/{id}/reopening", new { reopenedOn = Today, reason = "Retour à Calais" });
        string[] secrets =
        [
            "Zébulon", "Quintessence", "impasse Vauxhall", "Absences répétées", "Bégaiement", "Séances assidues", "Climat familial",
            "groupe à risque", "Appendicite", "Lille", "Retour à Calais",
        ];

        await using var session = Store.QuerySession();
        var stored = string.Join("\n",
            (await session.QueryAsync<string>("select data::text from parcours.mt_events")).Concat(
            await session.QueryAsync<string>("select data::text from parcours.mt_doc_pathwayfile")).Concat(
            await session.QueryAsync<string>("select data::text from parcours.mt_doc_person")).Concat(
            await session.QueryAsync<string>("select data::text from parcours.mt_doc_sealedidentity")));

        Assert.Contains("SPIRALE", stored);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, stored));
        var file = await Host.PathwayFile(id);
        Assert.Contains(file.Timeline, t => t.Text == "Climat familial tendu");
        Assert.Equal("Zébulon", file.Person.FirstName);
    }
}
