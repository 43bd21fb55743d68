using Alba;
using Marten;
using Parcours.Identity;
using Parcours.Pathways.Reading;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Pathways;

/// <summary>Optimistic concurrency: a command states the version it saw; a stale one changes nothing.</summary>
public sealed class ConcurrencyTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(long Version, int Events, long FileVersion)> Written(Guid id)
    {
        await using var session = Store.QuerySession();
        var state = await session.Events.FetchStreamStateAsync(id);
        var events = await session.Events.FetchStreamAsync(id);
        var file = await session.LoadAsync<PathwayFile>(id);
        return (state!.Version, events.Count, file!.Version);
    }

    private Task<IScenarioResult> Post(string url, object body) => Host.Scenario(s =>
    {
        s.As(Staff.PreReferent);
        s.Post.Json(body).ToUrl(url);
        s.IgnoreStatusCode();
    });

    [Fact]
    public async Task a_command_at_a_stale_version_is_a_409_and_writes_nothing()
    {
        var id = await Host.ActivePathway();
        var before = await Written(id);

        var (problem, _) = await Host.Refused($"/api/pathways/{id}/reviews", new { expectedVersion = 2, reviewedOn = Today, summary = "Bilan" }, 409);

        Assert.Contains("modifié entre-temps", problem.Detail);
        Assert.Equal((3, 3, 3), before);
        Assert.Equal(before, await Written(id));
    }

    [Fact]
    public async Task a_command_at_a_version_not_reached_yet_is_a_409_and_writes_nothing()
    {
        var id = await Host.ActivePathway();

        await Host.Refused($"/api/pathways/{id}/suspension", new { expectedVersion = 7, suspendedOn = Today, reasonCode = "ABSENCE" }, 409);

        Assert.Equal((3, 3, 3), await Written(id));
    }

    [Fact]
    public async Task a_command_at_the_current_version_is_applied_and_answers_the_next_one()
    {
        var id = await Host.ActivePathway();

        var written = await Host.Done($"/api/pathways/{id}/reviews", new { expectedVersion = 3, reviewedOn = Today, summary = "Bilan" });

        Assert.Equal((id, 4), (written.Id, written.Version));
        Assert.Equal((4, 4, 4), await Written(id));
    }

    [Fact]
    public async Task of_two_concurrent_commands_at_the_same_version_exactly_one_is_applied()
    {
        var id = await Host.ActivePathway();

        for (var version = 3; version < 9; version++)
        {
            var answers = await Task.WhenAll(
                Post($"/api/pathways/{id}/reviews", new { expectedVersion = version, reviewedOn = Today, summary = "Bilan A" }),
                Post($"/api/pathways/{id}/reviews", new { expectedVersion = version, reviewedOn = Today, summary = "Bilan B" }));

            var statuses = answers.Select(a => a.Context.Response.StatusCode).Order().ToArray();
            Assert.Equal([200, 409], statuses);
            Assert.Equal((version + 1, version + 1, version + 1), await Written(id));
        }
    }

    [Fact]
    public async Task of_a_suspension_and_an_exit_sent_together_only_one_happens()
    {
        var id = await Host.ActivePathway();

        var answers = await Task.WhenAll(
            Post($"/api/pathways/{id}/suspension", new { expectedVersion = 3, suspendedOn = Today, reasonCode = "ABSENCE" }),
            Post($"/api/pathways/{id}/exit", new { expectedVersion = 3, exitedOn = Today, outcome = "DEMENAGEMENT" }));

        Assert.Equal([200, 409], answers.Select(a => a.Context.Response.StatusCode).Order().ToArray());
        var file = await Host.PathwayFile(id);
        Assert.Equal(4, file.Version);
        Assert.Equal(answers[0].Context.Response.StatusCode == 200 ? "suspended" : "exited", file.Timeline[^1].Kind);
    }
}
