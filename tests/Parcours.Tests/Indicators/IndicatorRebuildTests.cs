using System.Diagnostics;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Parcours.Tests.Support;
using Xunit.Abstractions;
using static Parcours.Tests.Indicators.PublicationChecks;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Indicators;

public sealed class IndicatorRebuildTests(AppFixture fixture, ITestOutputHelper output) : IntegrationContext(fixture)
{
    private IndicatorPublications Publications => Host.Services.GetRequiredService<IndicatorPublications>();

    private static readonly int[] Years = [2024, Today.Year];

    [Fact]
    public async Task A_rebuild_from_the_event_store_gives_exactly_the_facts_and_publication_built_incrementally_on_a_large_history()
    {
        var clock = Stopwatch.StartNew();
        var history = new GeneratedHistory(seed: 2026).AddPathways(2_000);
        // Appended in rounds while the daemon runs, then late changes on top: the facts are built incrementally.
        await history.AppendAsync(Store, rounds: 3);
        await history.AddLateChanges(200).AppendAsync(Store);
        var incremental = await RawFactsAsync(Store);
        output.WriteLine($"projected at {clock.Elapsed}");
        var live = await Publications.LiveAsync(Years, CancellationToken.None);
        output.WriteLine($"{history.Pathways} pathways of {history.People} people, {live.EventSequence} events, incremental in {clock.Elapsed}");

        var replayed = await Publications.AsOfAsync(Clock.GetUtcNow(), Years, CancellationToken.None);
        output.WriteLine($"replayed at {clock.Elapsed}");
        await RebuildAsync(Host.Services);
        var rebuilt = await RawFactsAsync(Store);
        var afterRebuild = await Publications.LiveAsync(Years, CancellationToken.None);
        output.WriteLine($"rebuilt at {clock.Elapsed}");

        Assert.Equal(history.Pathways, incremental.Count);
        Assert.True(history.People < history.Pathways, "some people have two pathways");
        Assert.Equal(incremental, rebuilt);
        Assert.Equal(PublicationFingerprint.CanonicalJson(live), PublicationFingerprint.CanonicalJson(afterRebuild));
        Assert.Equal(Tables(live), Tables(replayed));
        Assert.Contains(Values(live), v => v.Value > 10);
        Assert.Contains(Values(live), v => v.IsSuppressed);
        NoSmallCount(live);
    }

    [Fact]
    public async Task Destroying_a_persons_vault_key_leaves_every_count_unchanged_also_after_a_rebuild()
    {
        var erased = await Host.ActivePathway(PreReferral(Child(age: 11)));
        await Host.Done($"/api/pathways/{erased}/exit", new { expectedVersion = 3, exitedOn = Today.AddDays(-1), outcome = "RETOUR-SCOLARITE" });
        await Host.ActivePathway(PreReferral(Child(age: 8)));
        await new GeneratedHistory(seed: 99).AddPathways(300).AppendAsync(Store, rounds: 2);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        var factsBefore = await RawFactsAsync(Store);
        var before = await Publications.LiveAsync([Today.Year], CancellationToken.None);

        Guid person;
        await using (var session = Store.LightweightSession())
        {
            person = (await session.LoadAsync<PathwayFile>(erased))!.PersonId;
            Assert.NotNull(await session.LoadAsync<PersonKey>(person));
            session.Delete<PersonKey>(person);
            session.Delete<SealedIdentity>(person);
            await session.SaveChangesAsync();
        }

        var after = await Publications.LiveAsync([Today.Year], CancellationToken.None);
        await RebuildAsync(Host.Services);
        var rebuilt = await Publications.LiveAsync([Today.Year], CancellationToken.None);
        var replayed = await Publications.AsOfAsync(Clock.GetUtcNow(), [Today.Year], CancellationToken.None);

        Assert.Equal(factsBefore, await RawFactsAsync(Store));
        Assert.Equal(Tables(before), Tables(after));
        Assert.Equal(Tables(before), Tables(rebuilt));
        Assert.Equal(Tables(before), Tables(replayed));
        Assert.Equal(302, factsBefore.Count);
    }
}
