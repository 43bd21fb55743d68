using Parcours.Demo;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Permanences;
using Parcours.Permanences.Recording;
using Parcours.Reference;

namespace Parcours.Tests.Demo;

public sealed class DemoPermanencesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<DemoEvent> Sessions = DemoPermanences.Generate(DemoTerritory.DefaultSeed, Now);

    [Fact]
    public void every_demo_session_is_one_the_recording_command_accepts_as_it_stands()
    {
        var kinds = ReferenceSeed.Codes.Where(c => c.List == CodeLists.PermanenceKind).Select(c => c.Code).ToHashSet();
        Assert.All(Sessions, e =>
        {
            var recorded = Assert.IsType<PermanenceSessionRecorded>(e.Data);
            var command = new RecordPermanenceSession(recorded.SessionId, recorded.HeldOn, recorded.Kind, recorded.TerritoryCode, recorded.Received.Select(ReceivedLine.Of).ToList(), CurrentWorker.Of(Staff.MdfWorker));
            Assert.Null(RecordPermanenceSessionHandler.ValidateInput(command));
            var territory = ReferenceSeed.Territories.SingleOrDefault(t => t.Id == recorded.TerritoryCode);
            var decision = RecordPermanenceSessionHandler.Decide(command, new PermanenceFacts(kinds.Contains(recorded.Kind), territory), DemoWorld.ParisDay(Now), e.At);
            Assert.Null(decision.Refusal);
            Assert.Equal(recorded, Assert.Single(decision.Events), new RecordComparer());
            Assert.Equal(DemoWorld.ParisDay(e.At), recorded.HeldOn);
            Assert.True(e.At <= Now);
        });
    }

    [Fact]
    public void sessions_run_through_every_year_but_august_and_receive_mostly_women()
    {
        var recorded = Sessions.Select(e => (PermanenceSessionRecorded)e.Data).ToList();
        Assert.All(new[] { 2023, 2024, 2025, 2026 }, year => Assert.InRange(recorded.Count(r => r.HeldOn.Year == year), 120, 220));
        Assert.DoesNotContain(recorded, r => r.HeldOn.Month == 8);
        var people = recorded.SelectMany(r => r.Received).ToList();
        Assert.True(people.Where(p => p.Sex == Sex.F).Sum(p => p.People) > 8 * people.Where(p => p.Sex == Sex.M).Sum(p => p.People));
        Assert.Equal(Sessions.Count, recorded.Select(r => r.SessionId).Distinct().Count());
        Assert.Equal(Sessions.Select(e => e.Data), DemoPermanences.Generate(DemoTerritory.DefaultSeed, Now).Select(e => e.Data), new RecordComparer());
    }

    private sealed class RecordComparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => x is PermanenceSessionRecorded a && y is PermanenceSessionRecorded b
            && a with { Received = [] } == b with { Received = [] } && a.Received.SequenceEqual(b.Received);

        public int GetHashCode(object obj) => 0;
    }
}
