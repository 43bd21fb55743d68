using Alba;
using Marten;
using Parcours.Identity;
using Parcours.Orientations.Returns;
using Parcours.Pathways;
using Parcours.Reference;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;
using static Parcours.Tests.Support.SharingScenarios;

namespace Parcours.Tests.Orientations;

/// <summary>The receiving structure's inbox: anonymised unless an orientation consent names it; it alone answers.</summary>
public sealed class InboxTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_receiving_structure_sees_an_anonymised_ticket_without_an_orientation_consent_naming_it()
    {
        var (pathway, orientation, _) = await Host.OrientedTo(Store, "CEJ");

        var line = Assert.Single(await Host.Inbox(Staff.CiteAdviser));

        Assert.Equal((orientation, (string?)null, (Guid?)null, "CEJ", "18-25", "BM-GREUZE-VADEZ"),
            (line.OrientationId, line.Name, line.PathwayId, line.Destination, line.AgeBand, line.TerritoryCode));
        Assert.StartsWith("OR-", line.Code);
        Assert.DoesNotContain(pathway.ToString(), await InboxText(Staff.CiteAdviser));
    }

    [Fact]
    public async Task the_receiving_structure_sees_the_name_under_an_orientation_consent_naming_it()
    {
        var (pathway, _, _) = await Host.OrientedTo(Store, "CEJ");
        await Host.Consent(pathway, ConsentPurpose.Orientation, [Structures.FabriqueDefi], byParents: false, Staff.SasEducator);

        var line = Assert.Single(await Host.Inbox(Staff.CiteAdviser));

        Assert.Equal(("Yanis MARTIN", (Guid?)pathway), (line.Name, line.PathwayId));
    }

    [Fact]
    public async Task a_consent_naming_another_structure_or_withdrawn_leaves_the_ticket_anonymised()
    {
        var (pathway, _, _) = await Host.OrientedTo(Store, "CEJ");
        await Host.Consent(pathway, ConsentPurpose.Orientation, [Structures.FranceTravail], byParents: false, Staff.SasEducator);
        var consent = await Host.Consent(pathway, ConsentPurpose.Orientation, [Structures.FabriqueDefi], byParents: false, Staff.SasEducator);
        await Host.Withdraw(pathway, consent, Staff.SasEducator);

        Assert.Null(Assert.Single(await Host.Inbox(Staff.CiteAdviser)).Name);
    }

    [Fact]
    public async Task another_structure_neither_sees_nor_answers_the_ticket()
    {
        var (_, orientation, _) = await Host.OrientedTo(Store, "CEJ");

        Assert.Empty(await Host.Inbox(Staff.FranceTravailAdviser));
        Assert.Empty(await Host.Inbox(Staff.SasCoordinator));
        var (hidden, _) = await Host.Refused($"/api/orientations/{orientation}/acceptance", new { takenBy = Staff.FranceTravailAdviser.Id }, 404, Staff.FranceTravailAdviser);
        await Host.Refused($"/api/orientations/{orientation}/refusal", new { reasonCode = "COMPLET" }, 404, Staff.SasEducator);
        var (unknown, _) = await Host.Refused($"/api/orientations/{Guid.CreateVersion7()}/acceptance", new { takenBy = Staff.FranceTravailAdviser.Id }, 404, Staff.FranceTravailAdviser);
        Assert.Equal(unknown.Detail, hidden.Detail);
    }

    [Fact]
    public async Task the_receiving_structure_accepts_naming_the_worker_who_takes_the_person()
    {
        var (pathway, orientation, _) = await Host.OrientedTo(Store, "CEJ");

        await Host.Done($"/api/orientations/{orientation}/acceptance", new { takenBy = Staff.CiteCoordinator.Id }, Staff.CiteAdviser);

        Assert.Empty(await Host.Inbox(Staff.CiteAdviser));
        var line = Assert.Single((await Host.PathwayFile(pathway, Staff.SasEducator)).Orientations);
        Assert.Equal("accepted", line.State);
        await using var session = Store.QuerySession();
        Assert.Equal(Staff.CiteCoordinator.Id, (await session.LoadAsync<Parcours.Orientations.Inbox.OrientationTicket>(orientation))!.TakenBy);
        await Host.Refused($"/api/orientations/{orientation}/refusal", new { reasonCode = "COMPLET" }, 422, Staff.CiteAdviser);
    }

    [Fact]
    public async Task the_worker_who_takes_the_person_must_be_active_in_the_receiving_structure()
    {
        var (_, orientation, _) = await Host.OrientedTo(Store, "CEJ");

        var (other, _) = await Host.Refused($"/api/orientations/{orientation}/acceptance", new { takenBy = Staff.SasEducator.Id }, 400, Staff.CiteAdviser);
        var (none, _) = await Host.Refused($"/api/orientations/{orientation}/acceptance", new { }, 400, Staff.CiteAdviser);

        Assert.Equal(["takenBy", "takenBy"], new[] { other, none }.Select(p => p.Errors!.Keys.Single()));
    }

    [Fact]
    public async Task a_refusal_goes_back_to_the_committee_s_coordinators_with_its_reason_and_sitting()
    {
        var (pathway, orientation, sitting) = await Host.OrientedTo(Store, "FT");

        await Host.Done($"/api/orientations/{orientation}/refusal", new { reasonCode = "HORS-CRITERES", note = "Pas inscrit, à revoir avec la Mission locale." }, Staff.FranceTravailAdviser);

        var sas = Assert.Single(await Returns(Staff.SasCoordinator));
        Assert.Equal((sitting.CommitteeId, "Hors critères de la structure", "France Travail Calais", "Yanis MARTIN", "Pas inscrit, à revoir avec la Mission locale."),
            (sas.CommitteeId, sas.Reason, sas.ReceivingStructure, sas.Name, sas.Note));
        var cite = Assert.Single(await Returns(Staff.CiteCoordinator));
        Assert.Equal(("Hors critères de la structure", (string?)null, (string?)null), (cite.Reason, cite.Name, cite.Note));
        Assert.Empty(await Returns(Staff.SasEducator));
        Assert.Empty(await Returns(Staff.PreCoordinator));
        Assert.Equal("refused", Assert.Single((await Host.PathwayFile(pathway, Staff.SasEducator)).Orientations).State);
    }

    [Fact]
    public async Task the_refusal_needs_a_reason_from_the_standard_list_and_its_text_is_stored_encrypted()
    {
        var (pathway, orientation, _) = await Host.OrientedTo(Store, "FT");

        var (problem, _) = await Host.Refused($"/api/orientations/{orientation}/refusal", new { reasonCode = "FLEMME" }, 400, Staff.FranceTravailAdviser);
        await Host.Done($"/api/orientations/{orientation}/refusal", new { reasonCode = "AUTRE", note = "Texte libre secret" }, Staff.FranceTravailAdviser);

        Assert.Equal("reasonCode", problem.Errors!.Keys.Single());
        await using var session = Store.QuerySession();
        var raw = string.Join("", await session.AdvancedSql.QueryAsync<string>("select data::text from parcours.mt_events where stream_id = ?", CancellationToken.None, pathway));
        Assert.DoesNotContain("Texte libre secret", raw);
    }

    [Fact]
    public async Task a_maison_des_femmes_pathway_never_becomes_a_ticket()
    {
        var pathway = await Host.Referred(MdfReferral(), Staff.MdfWorker);
        var sitting = await Store.SittingAsync(Parcours.Committees.CommitteeKind.MutualisedAdmission, [Structures.SasColuche], Staff.SasCoordinator, [pathway], open: true);
        var version = (await Host.PathwayFile(pathway, Staff.MdfWorker)).Version;

        await Host.TrackedDecision(sitting.DecisionUrl(), new { outcome = "Orient", destination = "CEJ", rationale = "x" });

        Assert.Empty(await Host.Inbox(Staff.CiteAdviser));
        Assert.Equal(version, (await Host.PathwayFile(pathway, Staff.MdfWorker)).Version);
    }

    private async Task<string> InboxText(Habilitation worker) =>
        await (await Host.Scenario(s => { s.As(worker); s.Get.Url("/api/orientations/inbox"); })).ReadAsTextAsync();

    private async Task<List<ReturnLine>> Returns(Habilitation worker) =>
        await (await Host.Scenario(s => { s.As(worker); s.Get.Url("/api/orientations/returns"); })).Read<List<ReturnLine>>();
}
