using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Permanences;

namespace Parcours.Demo;

/// <summary>A permanence of the demo's Maison des Femmes: its kind, where it is held, how often, and how many people come.</summary>
internal sealed record DemoPermanence(string Kind, string Territory, DayOfWeek Day, int EveryWeeks, (int Min, int Max) People, DateOnly Since);

/// <summary>
/// The permanence sessions of the demo's Maison des Femmes since January 2023: weekly juriste,
/// psychologue and listening permanences, a fortnightly CIDFF one, monthly CAF and health
/// mediation ones in the neighbourhoods; none in August or during the Christmas week. Mostly
/// women aged 26–44. Pure given the seed and "now"; loaded once, when the store has none.
/// </summary>
public static class DemoPermanences
{
    private static readonly DemoPermanence[] Schedule =
    [
        new("JURISTE", "HORS-QPV", DayOfWeek.Tuesday, 1, (2, 6), DemoTerritory.Beginning),
        new("PSYCHOLOGUE", "HORS-QPV", DayOfWeek.Thursday, 1, (1, 5), DemoTerritory.Beginning),
        new("ECOUTE", "BM-GAUGUIN-MATISSE", DayOfWeek.Monday, 1, (2, 7), DemoTerritory.Beginning),
        new("CIDFF", "FNCSP-CAILLOUX", DayOfWeek.Wednesday, 2, (3, 8), DemoTerritory.Beginning),
        new("CAF", "BM-GAGARINE", DayOfWeek.Friday, 4, (4, 10), DemoTerritory.Beginning),
        new("MEDIATION-SANTE", "SV-CREVECOEUR", DayOfWeek.Friday, 4, (2, 7), new DateOnly(2024, 1, 5)),
    ];

    // Who comes: women mostly, aged 26–44 mostly (the demo's Maison des Femmes public).
    private static readonly (string Band, int Weight)[] Bands = [("16-17", 2), ("18-25", 20), ("26-44", 52), ("45-59", 19), ("60+", 7)];
    private const double WomenShare = 0.92;

    /// <summary>The sessions held from the beginning of the demo to today, each with the moment it was recorded.</summary>
    public static IReadOnlyList<DemoEvent> Generate(int seed, DateTimeOffset now)
    {
        var world = new DemoWorld(new DemoDice(seed + 1), now, (_, _) => throw new InvalidOperationException("Permanences hold no text."));
        var dice = world.Dice;
        var sessions = new List<DemoEvent>();
        foreach (var permanence in Schedule)
        {
            var day = permanence.Since;
            while (day.DayOfWeek != permanence.Day) day = day.AddDays(1);
            for (; world.Happened(day); day = day.AddDays(7 * permanence.EveryWeeks))
            {
                if (day.Month == 8 || day is { Month: 12, Day: > 23 } || dice.Chance(0.06)) continue;
                var people = dice.Between(permanence.People);
                var counts = new Dictionary<(Sex, string), int>();
                for (var i = 0; i < people; i++)
                {
                    var key = (dice.Chance(WomenShare) ? Sex.F : Sex.M, Band(dice));
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
                var received = counts.Select(c => new PeopleReceived(c.Key.Item1, c.Key.Item2, c.Value))
                    .OrderBy(r => r.Sex).ThenBy(r => Array.FindIndex(Bands, b => b.Band == r.AgeBand)).ToList();
                // Recorded at the end of the afternoon, the day the permanence was held.
                var at = world.Moment(day, new TimeOnly(17, dice.Between(0, 59)));
                sessions.Add(new DemoEvent(new PermanenceSessionRecorded(dice.Id(at), PermanenceAccess.Structure, day, permanence.Kind, permanence.Territory,
                    received, Staff.MdfWorker.Id, at), at));
            }
        }
        return sessions.OrderBy(s => s.At).ToList();
    }

    /// <summary>Writes the sessions (one stream each) when the store holds none yet; returns how many were written.</summary>
    public static async Task<int> LoadAsync(IDocumentStore store, int seed, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<Permanences.Listing.PermanenceSessionView>().AnyAsync(ct)) return 0;
        var sessions = Generate(seed, now);
        foreach (var e in sessions)
        {
            var recorded = (PermanenceSessionRecorded)e.Data;
            var action = session.Events.StartStream(recorded.SessionId, recorded);
            action.Events[0].Timestamp = e.At;
        }
        await session.SaveChangesAsync(ct);
        return sessions.Count;
    }

    private static string Band(DemoDice dice)
    {
        var roll = dice.Between(1, Bands.Sum(b => b.Weight));
        foreach (var (band, weight) in Bands)
        {
            if (roll <= weight) return band;
            roll -= weight;
        }
        return Bands[^1].Band;
    }
}
