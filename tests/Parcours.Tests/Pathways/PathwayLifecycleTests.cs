using Marten;
using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Pathways;

/// <summary>A whole pathway through the HTTP API, and the file a worker reads back.</summary>
public sealed class PathwayLifecycleTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_pathway_goes_from_referral_to_reopening_and_its_file_tells_the_whole_story()
    {
        var id = await Host.Referred(PreReferral());
        var url = $"/api/pathways/{id}";

        Assert.Equal(2, (await Host.Done($"{url}/acceptance", new { expectedVersion = 1, acceptedOn = Today.AddDays(-9) })).Version);
        Assert.Equal(3, (await Host.Done($"{url}/accompaniment", new { expectedVersion = 2, startedOn = Today.AddDays(-8), referentWorkerId = Staff.PreCoordinator.Id })).Version);
        var (v4, actionId) = await Host.Created($"{url}/actions",
            new { expectedVersion = 3, category = "SCOLARITE", kind = "Aide aux devoirs", plannedOn = Today.AddDays(-8), dueOn = Today.AddDays(20), note = "Difficultés en lecture" });
        Assert.Equal(4, v4);
        Assert.Equal(5, (await Host.Done($"{url}/actions/{actionId}/completion", new { expectedVersion = 4, completedOn = Today.AddDays(-5), note = "Progrès nets en lecture" })).Version);
        Assert.Equal(6, (await Host.Done($"{url}/reviews", new { expectedVersion = 5, reviewedOn = Today.AddDays(-4), summary = "Équipe pluridisciplinaire : poursuivre" })).Version);
        var (v7, orientationId) = await Host.Created($"{url}/orientations",
            new { expectedVersion = 6, destination = "SPIRALE", proposedOn = Today.AddDays(-4), note = "Besoin d'un éducateur de rue" });
        Assert.Equal(7, v7);
        Assert.Equal(8, (await Host.Done($"{url}/orientations/{orientationId}/acceptance", new { expectedVersion = 7, acceptedOn = Today.AddDays(-3) })).Version);
        Assert.Equal(9, (await Host.Done($"{url}/suspension", new { expectedVersion = 8, suspendedOn = Today.AddDays(-3), reasonCode = "HOSPITALISATION", note = "Opération du genou" })).Version);
        Assert.Equal(10, (await Host.Done($"{url}/resumption", new { expectedVersion = 9, resumedOn = Today.AddDays(-2) })).Version);
        Assert.Equal(11, (await Host.Done($"{url}/exit", new { expectedVersion = 10, exitedOn = Today.AddDays(-1), outcome = "RETOUR-SCOLARITE", note = "Assiduité retrouvée" })).Version);
        Assert.Equal(PathwayStatus.Exited, (await Host.PathwayFile(id)).Status);
        Assert.Equal("RETOUR-SCOLARITE", (await Host.PathwayFile(id)).Outcome);
        Assert.Equal(12, (await Host.Done($"{url}/reopening", new { expectedVersion = 11, reopenedOn = Today, reason = "Nouvelles absences" })).Version);

        var file = await Host.PathwayFile(id);
        Assert.Equal(12, file.Version);
        Assert.Equal(PathwayStatus.Active, file.Status);
        Assert.Null(file.Outcome);
        Assert.Equal(("Léo", "Dupont"), (file.Person.FirstName, file.Person.LastName));
        Assert.Equal("Absences répétées, fatigue en classe.", file.Reason);
        Assert.Equal(Staff.PreCoordinator.Id, file.ReferentWorkerId);
        Assert.Equal(Today, file.LastDate);
        Assert.Equal("6-10", file.AgeBand);

        var action = Assert.Single(file.Actions);
        Assert.Equal((actionId, ActionStatus.Completed, Today.AddDays(-5), "Difficultés en lecture"), (action.ActionId, action.Status, action.DoneOn, action.Note));
        var orientation = Assert.Single(file.Orientations);
        Assert.Equal((orientationId, "SPIRALE", "accepted", Today.AddDays(-3)), (orientation.OrientationId, orientation.Destination, orientation.State, orientation.DecidedOn));

        Assert.Equal(
        [
            ("referred", "Absences répétées, fatigue en classe."), ("accepted", null), ("started", null), ("action-planned", "Difficultés en lecture"),
            ("action-completed", "Progrès nets en lecture"), ("review", "Équipe pluridisciplinaire : poursuivre"),
            ("orientation-proposed", "Besoin d'un éducateur de rue"), ("orientation-accepted", null), ("suspended", "Opération du genou"),
            ("resumed", null), ("exited", "Assiduité retrouvée"), ("reopened", "Nouvelles absences"),
        ], file.Timeline.Select(t => (t.Kind, t.Text)).ToArray());
        Assert.Equal(Today.AddDays(-10), file.Timeline[0].On);
        Assert.All(file.Timeline, t => Assert.Equal(Staff.PreReferent.Id, t.By));

        await using var session = Store.QuerySession();
        Assert.Equal(12, (await session.Events.FetchStreamStateAsync(id))!.Version);
    }

    [Fact]
    public async Task a_declined_referral_is_closed_and_takes_no_further_command()
    {
        var id = await Host.Referred(PreReferral());

        await Host.Done($"/api/pathways/{id}/decline", new { expectedVersion = 1, declinedOn = Today.AddDays(-9), reasonCode = "REFUS-FAMILLE", note = "Les parents refusent" });
        var (problem, _) = await Host.Refused($"/api/pathways/{id}/acceptance", new { acceptedOn = Today }, 422);

        Assert.Contains("clos", problem.Detail);
        var file = await Host.PathwayFile(id);
        Assert.Equal(PathwayStatus.Declined, file.Status);
        Assert.Equal(("declined", "REFUS-FAMILLE", "Les parents refusent"), (file.Timeline[^1].Kind, file.Timeline[^1].Code, file.Timeline[^1].Text));
    }

    [Fact]
    public async Task a_cancelled_action_and_a_refused_orientation_show_in_the_file()
    {
        var id = await Host.ActivePathway();
        var (_, actionId) = await Host.Created($"/api/pathways/{id}/actions", new { category = "SANTE", kind = "Orthophonie", plannedOn = Today.AddDays(-5) });
        var (_, orientationId) = await Host.Created($"/api/pathways/{id}/orientations", new { destination = "CEJ", proposedOn = Today.AddDays(-5) });

        await Host.Done($"/api/pathways/{id}/actions/{actionId}/cancellation", new { cancelledOn = Today.AddDays(-4) });
        await Host.Done($"/api/pathways/{id}/orientations/{orientationId}/refusal", new { refusedOn = Today.AddDays(-4), reasonCode = "COMPLET", note = "Liste d'attente" });

        var file = await Host.PathwayFile(id);
        Assert.Equal(ActionStatus.Cancelled, Assert.Single(file.Actions).Status);
        Assert.Equal(("refused", "COMPLET"), (Assert.Single(file.Orientations).State, file.Orientations[0].ReasonCode));
        Assert.Equal("Liste d'attente", file.Timeline[^1].Text);
    }

    [Fact]
    public async Task an_answered_orientation_cannot_be_answered_again()
    {
        var id = await Host.ActivePathway();
        var (_, orientationId) = await Host.Created($"/api/pathways/{id}/orientations", new { destination = "CEJ", proposedOn = Today.AddDays(-5) });
        await Host.Done($"/api/pathways/{id}/orientations/{orientationId}/acceptance", new { acceptedOn = Today.AddDays(-4) });

        await Host.Refused($"/api/pathways/{id}/orientations/{orientationId}/refusal", new { refusedOn = Today, reasonCode = "COMPLET" }, 422);
        await Host.Refused($"/api/pathways/{id}/orientations/{Guid.CreateVersion7()}/acceptance", new { acceptedOn = Today }, 404);
    }

    [Fact]
    public async Task a_rule_broken_over_http_is_a_422_naming_the_field()
    {
        var id = await Host.AcceptedPathway();

        var (problem, _) = await Host.Refused($"/api/pathways/{id}/accompaniment",
            new { startedOn = Today, referentWorkerId = Staff.SasEducator.Id }, 422);

        Assert.Equal(422, problem.Status);
        Assert.Equal("referentWorkerId", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task a_date_in_the_future_is_refused_over_http_naming_the_field()
    {
        var id = await Host.ActivePathway();

        var (problem, _) = await Host.Refused($"/api/pathways/{id}/suspension", new { suspendedOn = Today.AddDays(2), reasonCode = "ABSENCE" }, 422);

        Assert.Contains("suspendedOn", problem.Errors!.Keys);
    }

    [Fact]
    public async Task an_unknown_code_is_refused_over_http_naming_the_field()
    {
        var id = await Host.ActivePathway();

        var (problem, _) = await Host.Refused($"/api/pathways/{id}/exit", new { exitedOn = Today, outcome = "FORTUNE" }, 400);

        Assert.Contains("outcome", problem.Errors!.Keys);
    }
}
