using System.Text.Json;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Identity;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Publishing;
using Parcours.Indicators.Reproducing;
using Parcours.Tests.Support;
using static Parcours.Tests.Indicators.PublicationChecks;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Indicators;

public sealed class IndicatorAsOfTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private IndicatorPublications Publications => Host.Services.GetRequiredService<IndicatorPublications>();

    private static readonly int[] Years = [Today.Year - 1, Today.Year];

    [Fact]
    public async Task A_publication_as_of_an_instant_is_the_one_computed_at_that_instant_whatever_was_recorded_since()
    {
        var history = new GeneratedHistory(seed: 5).AddPathways(500);
        await history.AppendAsync(Store, rounds: 2);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        var then = await Publications.LiveAsync(Years, CancellationToken.None);
        var instant = then.ComputedAt;
        await Task.Delay(50);

        // Recorded after the instant: new referrals, exits dated back in the year, reopenings, late orientation answers.
        await history.AddPathways(150, from: new DateOnly(Today.Year, 1, 1)).AddLateChanges(120).AppendAsync(Store);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        var now = await Publications.LiveAsync(Years, CancellationToken.None);
        var asOf = await Publications.AsOfAsync(instant, Years, CancellationToken.None);

        Assert.NotEqual(Tables(then), Tables(now));
        Assert.True(Values(then).Count(v => v.Value > 10) > 20, "the history publishes figures above the threshold");
        Assert.Equal(Tables(then), Tables(asOf));
        Assert.Equal(instant, asOf.AsOf);
        Assert.True(asOf.EventSequence > 0 && asOf.EventSequence <= then.EventSequence);
        NoSmallCount(now);
        NoSmallCount(asOf);
    }

    [Fact]
    public async Task The_live_publication_is_reused_while_nothing_is_recorded_and_computed_again_after_a_new_event()
    {
        await new GeneratedHistory(seed: 9).AddPathways(100).AppendAsync(Store);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);

        var first = await Publications.LiveAsync(Years, CancellationToken.None);
        Assert.Same(first, await Publications.LiveAsync(Years, CancellationToken.None));
        Assert.NotSame(first, await Publications.LiveAsync([Today.Year], CancellationToken.None));

        await new GeneratedHistory(seed: 10).AddPathways(20).AppendAsync(Store);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        var after = await Publications.LiveAsync(Years, CancellationToken.None);

        Assert.NotSame(first, after);
        Assert.True(after.EventSequence > first.EventSequence);
    }

    [Fact]
    public async Task A_publication_replayed_up_to_now_equals_the_live_one_whose_sequence_is_the_last_projected_event()
    {
        await new GeneratedHistory(seed: 8).AddPathways(300).AppendAsync(Store, rounds: 3);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);

        var live = await Publications.LiveAsync(Years, CancellationToken.None);
        var replayed = await Publications.AsOfAsync(Clock.GetUtcNow(), Years, CancellationToken.None);

        Assert.Equal(Tables(live), Tables(replayed));
        Assert.Equal((await Store.Advanced.FetchEventStoreStatistics()).EventSequenceNumber, live.EventSequence);
    }

    [Fact]
    public async Task The_api_gives_the_publication_as_of_the_end_of_a_past_day_which_ignores_what_was_recorded_today()
    {
        await new GeneratedHistory(seed: 13).AddPathways(200).AppendAsync(Store);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        var yesterday = Today.AddDays(-1);

        var past = await Get($"/api/indicators?annees={Today.Year - 1},{Today.Year}&asOf={yesterday:yyyy-MM-dd}");
        var live = await Get($"/api/indicators?annees={Today.Year - 1},{Today.Year}");

        Assert.Equal([Today.Year - 1, Today.Year], past.Years);
        Assert.Equal(PublicationQuery.EndOfDay(yesterday), past.AsOf);
        Assert.All(Values(past), v => Assert.Equal(0, v.Value));
        Assert.Null(live.AsOf);
        Assert.Contains(Values(live), v => v.Value > 10);
        NoSmallCount(live);
    }

    [Fact]
    public void The_end_of_a_day_is_midnight_in_Paris_in_winter_and_in_summer()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero).AddTicks(-10), PublicationQuery.EndOfDay(new DateOnly(2026, 3, 1)));
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 22, 0, 0, TimeSpan.Zero).AddTicks(-10), PublicationQuery.EndOfDay(new DateOnly(2026, 7, 14)));
    }

    [Theory]
    [InlineData("asOf=2026-02-30", "asOf")]
    [InlineData("asOf=01/03/2026", "asOf")]
    [InlineData("asOf=2999-01-01", "asOf")]
    [InlineData("annees=deux-mille", "annees")]
    [InlineData("annees=1999", "annees")]
    [InlineData("annees=2023,,x", "annees")]
    public async Task A_bad_date_or_year_is_a_French_400(string query, string field)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.StatisticsCoordinator);
            s.Get.Url($"/api/indicators?{query}");
            s.StatusCodeShouldBe(400);
        });
        var problem = await result.Read<Problem>();
        Assert.Equal("Requête invalide", problem.Title);
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_worker_who_is_not_a_coordinator_gets_403_from_every_indicator_endpoint()
    {
        foreach (var url in new[] { "/api/indicators", "/api/indicators?asOf=2026-01-01", "/api/indicators/publications", $"/api/indicators/publications/{Guid.CreateVersion7()}" })
        {
            await Host.Scenario(s =>
            {
                s.As(Staff.PreReferent);
                s.Get.Url(url);
                s.StatusCodeShouldBe(403);
            });
        }
        await Host.Scenario(s =>
        {
            s.As(Staff.PreReferent);
            s.Post.Url($"/api/indicators/publications/{Guid.CreateVersion7()}/reproduce");
            s.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task A_logged_publication_is_reproduced_identically_from_the_event_store_after_new_events()
    {
        var history = new GeneratedHistory(seed: 21).AddPathways(300);
        await history.AppendAsync(Store);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        var live = await Get($"/api/indicators?annees={Today.Year}", Staff.PreCoordinator);
        var past = await Get($"/api/indicators?annees={Today.Year}&asOf={Today.AddDays(-1):yyyy-MM-dd}");

        await history.AddPathways(100, from: new DateOnly(Today.Year, 1, 1)).AddLateChanges(50).AppendAsync(Store);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        var log = await (await Host.Scenario(s =>
        {
            s.As(Staff.StatisticsCoordinator);
            s.Get.Url("/api/indicators/publications");
        })).Read<List<PublicationRecord>>();

        Assert.Equal(2, log.Count);
        var liveRecord = log.Single(r => r.AsOf is null);
        Assert.Equal((Staff.PreCoordinator.Id, "api", live.EventSequence), (liveRecord.By, liveRecord.Format, liveRecord.EventSequence));
        Assert.Equal(PublicationFingerprint.Sha256(live), liveRecord.Sha256);
        foreach (var record in log)
        {
            var reproduction = await Reproduce(record.Id);
            Assert.True(reproduction.Matches, $"publication {record.Id} (as of {record.AsOf}) reproduces");
            Assert.Equal(record.Sha256, reproduction.ReproducedSha256);
        }
        Assert.NotEqual(Tables(live), Tables(await Publications.LiveAsync([Today.Year], CancellationToken.None)));
        var again = await (await Host.Scenario(s =>
        {
            s.As(Staff.StatisticsCoordinator);
            s.Get.Url($"/api/indicators/publications/{liveRecord.Id}");
        })).Read<Publication>();
        Assert.Equal(Tables(live), Tables(again));
        Assert.Equal(live.EventSequence, again.EventSequence);
        Assert.Equal(past.AsOf, log.Single(r => r.AsOf is not null).AsOf);
    }

    [Fact]
    public async Task A_tampered_fingerprint_does_not_match_and_an_unknown_publication_is_a_404()
    {
        await new GeneratedHistory(seed: 34).AddPathways(50).AppendAsync(Store);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        var record = await Host.Services.GetRequiredService<PublicationLog>().RecordAsync(
            await Publications.LiveAsync([Today.Year], CancellationToken.None), CurrentWorker.Of(Staff.StatisticsCoordinator), "csv", "BM", CancellationToken.None);
        await using (var session = Store.LightweightSession())
        {
            record.Sha256 = new string('0', 64);
            session.Update(record);
            await session.SaveChangesAsync();
        }

        Assert.False((await Reproduce(record.Id)).Matches);
        await Host.Scenario(s =>
        {
            s.As(Staff.StatisticsCoordinator);
            s.Post.Url($"/api/indicators/publications/{Guid.CreateVersion7()}/reproduce");
            s.StatusCodeShouldBe(404);
        });
        await Host.Scenario(s =>
        {
            s.As(Staff.StatisticsCoordinator);
            s.Get.Url($"/api/indicators/publications/{Guid.CreateVersion7()}");
            s.StatusCodeShouldBe(404);
        });
    }

    private async Task<Publication> Get(string url, Habilitation? by = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(by ?? Staff.StatisticsCoordinator);
            s.Get.Url(url);
            s.StatusCodeShouldBe(200);
        });
        return await result.Read<Publication>();
    }

    private async Task<Reproduction> Reproduce(Guid id) =>
        await (await Host.Scenario(s =>
        {
            s.As(Staff.StatisticsCoordinator);
            s.Post.Url($"/api/indicators/publications/{id}/reproduce");
            s.StatusCodeShouldBe(200);
        })).Read<Reproduction>();
}
