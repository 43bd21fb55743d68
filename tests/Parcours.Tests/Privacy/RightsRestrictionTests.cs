using Alba;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Orienting;
using Parcours.Orientations;
using Parcours.Orientations.Reminding;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Privacy;

public sealed class RightsRestrictionTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string RestrictionMessage = "limitation du traitement";

    private Task Restrict(Guid id) =>
        Host.Done($"/api/privacy/pathways/{id}/restriction", new { reason = "Exactitude des données contestée par la personne.", restrictedOn = Today }, Staff.DataProtectionOfficer);

    /// <summary>Every POST route that acts on one existing pathway, found in the running application's endpoints.</summary>
    private IReadOnlyList<string> PathwayCommandRoutes() =>
        Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/pathways/{pathwayId}/", StringComparison.Ordinal) && !r.Contains("/restriction", StringComparison.Ordinal))
            .Distinct().Order().ToList();

    [Fact]
    public async Task a_restricted_pathway_refuses_every_pathway_command_endpoint_with_the_french_409()
    {
        var id = await Host.ActivePathway();
        await Restrict(id);
        var before = await Host.PathwayFile(id);

        var routes = PathwayCommandRoutes();
        Assert.True(routes.Count >= 20, $"only {routes.Count} pathway command routes found: {string.Join(", ", routes)}");
        Assert.Contains("/api/pathways/{pathwayId}/suspension", routes);
        Assert.Contains("/api/pathways/{pathwayId}/actions", routes);
        Assert.Contains("/api/pathways/{pathwayId}/consents", routes);

        foreach (var route in routes)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route.Replace("{pathwayId}", id.ToString()), "\\{[^}]+\\}", Guid.NewGuid().ToString());
            var body = new
            {
                expectedVersion = before.Version, on = Today, startedOn = Today, suspendedOn = Today, resumedOn = Today, exitedOn = Today, reopenedOn = Today,
                reasonCode = "HOSPITALISATION", outcome = "RETOUR-SCOLARITE", category = "SANTE", kind = "Orthophonie", plannedOn = Today, summary = "Bilan.",
                reviewedOn = Today, destination = "CEJ", proposedOn = Today, acceptedOn = Today, refusedOn = Today, declinedOn = Today,
                completedOn = Today, cancelledOn = Today, referentWorkerId = Staff.PreReferent.Id,
            };
            var result = await Host.Scenario(s =>
            {
                s.As(Staff.PreReferent);
                s.Post.Json(body).ToUrl(url);
                s.IgnoreStatusCode();
            });
            var text = await result.ReadAsTextAsync();
            Assert.True(result.Context.Response.StatusCode == 409 && text.Contains(RestrictionMessage), $"{route} answered {result.Context.Response.StatusCode}: {text}");
        }

        var after = await Host.PathwayFile(id);
        Assert.Equal(before.Version, after.Version);
        Assert.True(after.Restricted);
    }

    [Fact]
    public async Task lifting_the_restriction_gives_the_commands_back()
    {
        var id = await Host.ActivePathway();
        await Restrict(id);
        await Host.Refused($"/api/pathways/{id}/suspension", new { suspendedOn = Today, reasonCode = "HOSPITALISATION" }, 409);

        await Host.Done($"/api/privacy/pathways/{id}/restriction/lifting", new { liftedOn = Today }, Staff.DataProtectionOfficer);

        await Host.Done($"/api/pathways/{id}/suspension", new { suspendedOn = Today, reasonCode = "HOSPITALISATION" });
        var file = await Host.PathwayFile(id);
        Assert.False(file.Restricted);
        Assert.Equal(PathwayStatus.Suspended, file.Status);
    }

    [Fact]
    public async Task only_the_data_protection_officer_restricts_or_lifts()
    {
        var id = await Host.ActivePathway();
        foreach (var worker in new[] { Staff.PreReferent, Staff.PreCoordinator, Staff.Administrator, Staff.StatisticsCoordinator })
        {
            var (problem, _) = await Host.Refused($"/api/privacy/pathways/{id}/restriction", new { reason = "x", restrictedOn = Today }, 403, worker);
            Assert.Contains("délégué à la protection des données", problem.Detail);
        }
        await Restrict(id);
        await Host.Refused($"/api/privacy/pathways/{id}/restriction/lifting", new { liftedOn = Today }, 403, Staff.PreCoordinator);
        Assert.True((await Host.PathwayFile(id)).Restricted);
    }

    [Fact]
    public async Task bad_restriction_requests_are_french_400s_404s_and_409s()
    {
        var id = await Host.ActivePathway();
        var (missing, _) = await Host.Refused($"/api/privacy/pathways/{id}/restriction", new { reason = " ", restrictedOn = Today }, 400, Staff.DataProtectionOfficer);
        Assert.Equal("reason", Assert.Single(missing.Errors!).Key);
        await Host.Refused($"/api/privacy/pathways/{id}/restriction", new { reason = "x", restrictedOn = Today.AddDays(3) }, 422, Staff.DataProtectionOfficer);
        await Host.Refused($"/api/privacy/pathways/{Guid.NewGuid()}/restriction", new { reason = "x", restrictedOn = Today }, 404, Staff.DataProtectionOfficer);
        await Host.Refused($"/api/privacy/pathways/{id}/restriction/lifting", new { liftedOn = Today }, 409, Staff.DataProtectionOfficer);
        await Restrict(id);
        await Host.Refused($"/api/privacy/pathways/{id}/restriction", new { reason = "x", restrictedOn = Today }, 409, Staff.DataProtectionOfficer);
    }

    [Fact]
    public async Task the_file_still_reads_and_shows_the_restriction_in_its_history()
    {
        var id = await Host.ActivePathway();
        await Restrict(id);

        var file = await Host.PathwayFile(id);
        Assert.True(file.Restricted);
        Assert.Contains(file.Timeline, t => t.Kind == "restricted");
    }

    [Fact]
    public void system_messages_leave_a_restricted_pathway_untouched()
    {
        var referred = new PathwayReferred(Guid.NewGuid(), Guid.NewGuid(), "PRE", null, Today.AddDays(-30), "ECOLE", null, "BM", Guid.NewGuid(),
            Sex.M, "6-10", null, Guid.NewGuid(), DateTimeOffset.UtcNow);
        var orientationId = Guid.NewGuid();
        var pathway = Pathway.Create(referred)
            .Apply(new OrientationProposed(referred.PathwayId, orientationId, "CEJ", Today.AddDays(-30), null, Guid.NewGuid(), DateTimeOffset.UtcNow))
            .Apply(new PathwayRestricted(referred.PathwayId, "Contestation", Today, Guid.NewGuid(), DateTimeOffset.UtcNow));

        Assert.Empty(OrientationDeadlineHandler.Remind(pathway, orientationId, new OrientationOptions(), Today, DateTimeOffset.UtcNow).Events);
        Assert.Empty(OrientationDeadlineHandler.Expire(pathway, orientationId, new OrientationOptions(), Today, DateTimeOffset.UtcNow).Events);
        var decision = new ApplyCommitteeDecision(pathway.Id, Guid.NewGuid(), Guid.NewGuid(), Parcours.Committees.CommitteeKind.MutualisedAdmission,
            Parcours.Committees.ItemOutcome.NoAction, null, null, null, null, [], null, Today, Guid.NewGuid(), DateTimeOffset.UtcNow);
        Assert.Empty(ApplyCommitteeDecisionHandler.Decide(pathway, decision, []).Events);
    }
}
