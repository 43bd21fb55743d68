using Alba;
using Marten;
using Parcours.Committees;
using Parcours.Committees.Reading;
using Parcours.Identity;
using Parcours.Orientations.Reminding;
using Parcours.Pathways;
using Parcours.Pathways.Orienting;
using Parcours.Reference;
using Parcours.Tests.Support;
using Wolverine;
using Wolverine.Tracking;
using static Parcours.Tests.Support.Scenarios;
using static Parcours.Tests.Support.SharingScenarios;

namespace Parcours.Tests.Committees;

/// <summary>The chair decides agenda items during the session; decisions cascade to the pathways in the same transaction.</summary>
public sealed class DecidingTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static object Orient(string destination = "SAS", Guid? structure = null, string rationale = "Projet de remobilisation, d'accord pour l'accompagnement.") =>
        new { outcome = "Orient", destination, receivingStructureId = structure, rationale };

    private async Task<(Guid Pathway, Sessions.Sitting Sitting)> SasItemInSession()
    {
        var pathway = await Host.Referred(SasReferral(), Staff.SasEducator);
        return (pathway, await Store.AdmissionInSession(pathway));
    }

    /// <summary>Runs the request and waits until every cascaded message is handled.</summary>
    private async Task<ITrackedSession> Tracked(Func<Task> action) =>
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => action()));

    [Fact]
    public async Task the_chair_s_orientation_is_recorded_on_the_pathway_and_opens_an_orientation_to_the_receiving_structure()
    {
        var (pathway, sitting) = await SasItemInSession();

        var tracked = await Tracked(() => Host.Done(sitting.DecisionUrl(), Orient(), Staff.SasCoordinator));

        var applied = tracked.Executed.SingleMessage<ApplyCommitteeDecision>();
        Assert.Equal((pathway, ItemOutcome.Orient, Structures.SasColuche), (applied.PathwayId, applied.Outcome, applied.ReceivingStructureId));
        var file = await Host.PathwayFile(pathway, Staff.SasEducator);
        Assert.Contains(file.Timeline, t => t.Kind == "committee-decision" && t.Text == "Projet de remobilisation, d'accord pour l'accompagnement.");
        var orientation = Assert.Single(file.Orientations);
        Assert.Equal(("SAS", "proposed", applied.OrientationId), (orientation.Destination, orientation.State, orientation.OrientationId));
        await using var session = Store.QuerySession();
        var view = await session.LoadAsync<CommitteeView>(sitting.CommitteeId);
        Assert.Equal((AgendaItemStatus.Decided, ItemOutcome.Orient), (view!.Items[0].Status, view.Items[0].Outcome));
    }

    [Fact]
    public async Task opening_an_orientation_schedules_its_reminder_after_ten_days_and_its_expiry_after_thirty()
    {
        var (_, sitting) = await SasItemInSession();
        var before = DateTimeOffset.UtcNow;

        var tracked = await Tracked(() => Host.Done(sitting.DecisionUrl(), Orient(), Staff.SasCoordinator));

        var reminder = tracked.Scheduled.Envelopes().Single(e => e.Message is RemindOrientation);
        var expiry = tracked.Scheduled.Envelopes().Single(e => e.Message is ExpireOrientation);
        Assert.InRange(reminder.ScheduledTime!.Value, before.AddDays(10), DateTimeOffset.UtcNow.AddDays(10));
        Assert.InRange(expiry.ScheduledTime!.Value, before.AddDays(30), DateTimeOffset.UtcNow.AddDays(30));
    }

    [Fact]
    public async Task the_rationale_is_stored_encrypted_with_the_person_s_key()
    {
        var (pathway, sitting) = await SasItemInSession();

        await Tracked(() => Host.Done(sitting.DecisionUrl(), Orient(rationale: "Motivation très confidentielle"), Staff.SasCoordinator));

        await using var session = Store.QuerySession();
        var raw = string.Join("", await session.AdvancedSql.QueryAsync<string>(
            "select data::text from parcours.mt_events where stream_id = any(?)", CancellationToken.None, new[] { sitting.CommitteeId, pathway }));
        Assert.DoesNotContain("Motivation très confidentielle", raw);
        Assert.Contains("item_decided", string.Join("", await session.AdvancedSql.QueryAsync<string>(
            "select type from parcours.mt_events where stream_id = ?", CancellationToken.None, sitting.CommitteeId)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task a_committee_member_who_does_not_convene_the_sitting_may_not_decide()
    {
        var (_, sitting) = await SasItemInSession();

        var (problem, _) = await Host.Refused(sitting.DecisionUrl(), Orient(), 403, Staff.FranceTravailAdviser);

        Assert.Contains("coordinateurs qui organisent", problem.Detail);
    }

    [Fact]
    public async Task a_worker_who_does_not_sit_on_the_committee_gets_404_as_for_a_sitting_that_does_not_exist()
    {
        var (_, sitting) = await SasItemInSession();

        var (_, hidden) = await Host.Refused(sitting.DecisionUrl(), Orient(), 404, Staff.PjjEducator);
        var (_, unknown) = await Host.Refused($"/api/committees/{Guid.CreateVersion7()}/items/{sitting.ItemId}/decision", Orient(), 404, Staff.PjjEducator);

        Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(hidden));
    }

    [Fact]
    public async Task no_decision_is_recorded_before_the_session_is_opened()
    {
        var pathway = await Host.Referred(SasReferral(), Staff.SasEducator);
        var sitting = await Store.SittingAsync(CommitteeKind.MutualisedAdmission, [Structures.SasColuche], Staff.SasCoordinator, [pathway], open: false);

        var (problem, _) = await Host.Refused(sitting.DecisionUrl(), Orient(), 422, Staff.SasCoordinator);

        Assert.Contains("séance n'est pas ouverte", problem.Detail);
    }

    [Fact]
    public async Task an_admission_committee_cannot_take_a_pre_team_s_decision()
    {
        var (_, sitting) = await SasItemInSession();

        var (problem, _) = await Host.Refused(sitting.DecisionUrl(),
            new { outcome = "Continue", actions = new[] { new { category = "SCOLARITE", kind = "Aide aux devoirs" } }, rationale = "Suite" }, 422, Staff.SasCoordinator);

        Assert.Contains("n'est pas possible pour un comité d'admission", problem.Detail);
    }

    [Fact]
    public async Task each_decision_needs_a_rationale_and_what_its_outcome_requires()
    {
        var (_, sitting) = await SasItemInSession();

        var (noRationale, _) = await Host.Refused(sitting.DecisionUrl(), new { outcome = "NoAction" }, 400, Staff.SasCoordinator);
        var (noMissing, _) = await Host.Refused(sitting.DecisionUrl(), new { outcome = "Postpone", rationale = "Dossier incomplet" }, 400, Staff.SasCoordinator);
        var (noStructure, _) = await Host.Refused(sitting.DecisionUrl(), Orient("AUTRE"), 400, Staff.SasCoordinator);
        var (unknown, _) = await Host.Refused(sitting.DecisionUrl(), Orient("LUNE"), 400, Staff.SasCoordinator);

        Assert.Equal(["rationale", "missing", "receivingStructureId", "destination"],
            new[] { noRationale, noMissing, noStructure, unknown }.Select(p => p.Errors!.Keys.Single()));
    }

    [Fact]
    public async Task an_unreadable_decision_is_a_french_400_naming_the_field()
    {
        var (_, sitting) = await SasItemInSession();

        var (outcome, _) = await Host.Refused(sitting.DecisionUrl(), new { outcome = "Banane", rationale = "x" }, 400, Staff.SasCoordinator);
        var (structure, _) = await Host.Refused(sitting.DecisionUrl(), new { outcome = "Orient", destination = "AUTRE", receivingStructureId = "ccas", rationale = "x" }, 400, Staff.SasCoordinator);

        Assert.Equal(["outcome", "receivingStructureId"], new[] { outcome, structure }.Select(p => p.Errors!.Keys.Single()));
        Assert.Contains("illisible", outcome.Detail);
    }

    [Fact]
    public async Task a_second_decision_on_the_same_item_is_a_conflict_that_says_it_was_already_decided()
    {
        var (pathway, sitting) = await SasItemInSession();
        await Tracked(() => Host.Done(sitting.DecisionUrl(), Orient(), Staff.SasCoordinator));

        var (problem, _) = await Host.Refused(sitting.DecisionUrl(), new { outcome = "NoAction", rationale = "Autre avis" }, 409, Staff.CiteCoordinator);

        Assert.Contains("déjà été décidé (Orienter)", problem.Detail);
        Assert.Single((await Host.PathwayFile(pathway, Staff.SasEducator)).Timeline, t => t.Kind == "committee-decision");
    }

    [Fact]
    public async Task two_chairs_deciding_the_same_item_at_once_get_one_decision_and_one_conflict()
    {
        var (pathway, sitting) = await SasItemInSession();

        var statuses = await Task.WhenAll(
            Post(sitting.DecisionUrl(), Orient(), Staff.SasCoordinator),
            Post(sitting.DecisionUrl(), new { outcome = "Postpone", missing = "Avis de la famille", rationale = "À revoir" }, Staff.CiteCoordinator));

        Assert.Equal([200, 409], statuses.Order());
        await WaitForDecisionsOn(pathway, 1);
        await Task.Delay(500);
        Assert.Single((await Host.PathwayFile(pathway, Staff.SasEducator)).Timeline, t => t.Kind == "committee-decision");
    }

    [Fact]
    public async Task two_chairs_deciding_two_different_items_at_once_both_succeed()
    {
        var first = await Host.Referred(SasReferral(), Staff.SasEducator);
        var second = await Host.Referred(SasReferral(YoungAdult(19)), Staff.SasEducator);
        var sitting = await Store.AdmissionInSession(first, second);

        var statuses = await Task.WhenAll(
            Post(sitting.DecisionUrl(sitting.ItemIds[0]), Orient(), Staff.SasCoordinator),
            Post(sitting.DecisionUrl(sitting.ItemIds[1]), new { outcome = "NoAction", rationale = "Déjà suivi ailleurs" }, Staff.CiteCoordinator));

        Assert.Equal([200, 200], statuses);
        await WaitForDecisionsOn(first, 1);
        await WaitForDecisionsOn(second, 1);
    }

    [Fact]
    public async Task a_refused_decision_sends_no_message_and_leaves_the_pathway_unchanged()
    {
        var (pathway, sitting) = await SasItemInSession();
        var version = (await Host.PathwayFile(pathway, Staff.SasEducator)).Version;
        var stored = await StoredCascades();

        var tracked = await Tracked(() => Host.Refused(sitting.DecisionUrl(), new { outcome = "Close", exitOutcome = "EMPLOI", rationale = "x" }, 422, Staff.SasCoordinator));

        Assert.Empty(tracked.Sent.MessagesOf<ApplyCommitteeDecision>());
        Assert.Empty(tracked.Executed.MessagesOf<ApplyCommitteeDecision>());
        Assert.Equal(stored, await StoredCascades());
        Assert.Equal(version, (await Host.PathwayFile(pathway, Staff.SasEducator)).Version);
    }

    /// <summary>Cascaded decisions Wolverine's durable inbox holds (pending or kept after handling).</summary>
    private async Task<int> StoredCascades()
    {
        await using var session = Store.QuerySession();
        var schema = (await session.AdvancedSql.QueryAsync<string>(
            "select table_schema from information_schema.tables where table_name = 'wolverine_incoming_envelopes'", CancellationToken.None)).First();
        return (await session.AdvancedSql.QueryAsync<int>(
            $"select count(*)::int from {schema}.wolverine_incoming_envelopes where message_type like '%ApplyCommitteeDecision%'", CancellationToken.None)).Single();
    }

    [Fact]
    public async Task a_pre_team_continues_a_pathway_with_an_updated_action_plan()
    {
        var pathway = await Host.ActivePathway();
        var sitting = await Store.PreTeamInSession(pathway);

        await Tracked(() => Host.Done(sitting.DecisionUrl(), new
        {
            outcome = "Continue",
            actions = new[] { new { category = "SCOLARITE", kind = "Aide aux devoirs", dueOn = (DateOnly?)Today.AddMonths(2) }, new { category = "PARENTALITE", kind = "Café des parents", dueOn = (DateOnly?)null } },
            rationale = "Progrès en classe, à poursuivre.",
        }, Staff.PreCoordinator));

        var file = await Host.PathwayFile(pathway);
        Assert.Equal(["Aide aux devoirs", "Café des parents"], file.Actions.Select(a => a.Kind).Order());
        Assert.Contains(file.Timeline, t => t.Kind == "committee-decision" && t.Code == "Continue");
    }

    [Fact]
    public async Task a_pre_team_closes_a_pathway_with_an_exit_outcome()
    {
        var pathway = await Host.ActivePathway();
        var sitting = await Store.PreTeamInSession(pathway);

        await Tracked(() => Host.Done(sitting.DecisionUrl(), new { outcome = "Close", exitOutcome = "OBJECTIFS-ATTEINTS", rationale = "Objectifs atteints." }, Staff.PreCoordinator));

        var file = await Host.PathwayFile(pathway);
        Assert.Equal((PathwayStatus.Exited, "OBJECTIFS-ATTEINTS"), (file.Status, file.Outcome));
    }

    [Fact]
    public async Task a_pre_team_refers_elsewhere_to_a_destination_and_its_receiving_structure()
    {
        var pathway = await Host.ActivePathway();
        var sitting = await Store.PreTeamInSession(pathway);

        var tracked = await Tracked(() => Host.Done(sitting.DecisionUrl(),
            new { outcome = "ReferElsewhere", destination = "SPIRALE", rationale = "Prévention spécialisée plus adaptée." }, Staff.PreCoordinator));

        Assert.Equal(Structures.LaSpirale, tracked.Executed.SingleMessage<ApplyCommitteeDecision>().ReceivingStructureId);
        Assert.Equal("SPIRALE", Assert.Single((await Host.PathwayFile(pathway)).Orientations).Destination);
    }

    [Fact]
    public async Task the_cascade_skips_a_pathway_closed_since_the_agenda_was_built()
    {
        var pathway = await Host.ActivePathway();
        var sitting = await Store.PreTeamInSession(pathway);
        await Host.Done($"/api/pathways/{pathway}/exit", new { expectedVersion = 3, exitedOn = Today, outcome = "DEMENAGEMENT" });
        var version = (await Host.PathwayFile(pathway)).Version;

        await Tracked(() => Host.Done(sitting.DecisionUrl(), new { outcome = "ReferElsewhere", destination = "SPIRALE", rationale = "x" }, Staff.PreCoordinator));

        Assert.Equal(version, (await Host.PathwayFile(pathway)).Version);
    }

    private async Task<int> Post(string url, object body, Habilitation by)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(by);
            s.Post.Json(body).ToUrl(url);
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    private async Task WaitForDecisionsOn(Guid pathway, int count)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await Host.PathwayFile(pathway, Staff.SasEducator)).Timeline.Count(t => t.Kind == "committee-decision") >= count) return;
            await Task.Delay(100);
        }
        Assert.Fail($"The pathway did not record {count} committee decision(s).");
    }
}
