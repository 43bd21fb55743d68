using Parcours.Reference;

namespace Parcours.Committees.Scheduling;

/// <summary>A sitting the calendar rules ask for.</summary>
public sealed record PlannedSitting(CommitteeKind Kind, string? TerritoryCode, DateOnly SittingOn, TimeOnly StartsAt, string Place)
{
    /// <summary>What makes two sittings the same one for the calendar: kind, neighbourhood, month.</summary>
    public (CommitteeKind, string?, int, int) Slot => (Kind, TerritoryCode, SittingOn.Year, SittingOn.Month);
}

/// <summary>
/// The contract's calendar ("LES INSTANCES PAR THÉMATIQUES"), as a pure function of the year:
/// <list type="bullet">
/// <item>the mutualised admission committee every two months, in odd months;</item>
/// <item>each programme's own committee (SAS Coluche, Cité de l'emploi young people) in the months between;</item>
/// <item>the Cité de l'emploi adults-over-26 committee the month after each mutualised one;</item>
/// <item>a PRE team every month in each priority neighbourhood that exists on the day.</item>
/// </list>
/// Skipped months (August by default) have no sitting, and no adults' committee follows a
/// mutualised one that was not held.
/// </summary>
public static class CommitteeCalendar
{
    public static IReadOnlyList<PlannedSitting> Plan(int year, IEnumerable<CommitteeKind> kinds, IReadOnlyList<Territory> territories, CalendarSettings settings)
    {
        var skipped = settings.Skipped;
        var held = Enumerable.Range(1, 12).Where(m => !skipped.Contains(m)).ToList();
        var mutualised = held.Where(m => m % 2 == 1).ToList();
        var sittings = new List<PlannedSitting>();
        foreach (var kind in kinds.Distinct().OrderBy(k => k))
        {
            var rule = settings.RuleFor(kind);
            if (kind == CommitteeKind.PreTeam)
            {
                sittings.AddRange(PreTeams(year, held, territories, rule));
                continue;
            }
            var months = kind switch
            {
                CommitteeKind.MutualisedAdmission => mutualised,
                CommitteeKind.CiteAdults => mutualised.Select(m => m + 1).Where(held.Contains).ToList(),
                _ => held.Where(m => m % 2 == 0).ToList(),
            };
            sittings.AddRange(months.Select(m => new PlannedSitting(kind, null, Nth(year, m, rule.Weekday, rule.Week), rule.StartsAt, rule.Place)));
        }
        return sittings.OrderBy(s => s.SittingOn).ThenBy(s => s.StartsAt).ThenBy(s => s.Kind).ThenBy(s => s.TerritoryCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>One team per priority neighbourhood valid on the day; the n-th neighbourhood meets n weeks after the first.</summary>
    private static IEnumerable<PlannedSitting> PreTeams(int year, IEnumerable<int> months, IReadOnlyList<Territory> territories, SittingRule rule)
    {
        var neighbourhoods = territories.Where(t => t.Kind == TerritoryKind.Qpv).OrderBy(t => t.Order).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        foreach (var month in months)
        {
            for (var i = 0; i < neighbourhoods.Count; i++)
            {
                var day = Nth(year, month, rule.Weekday, (rule.Week - 1 + i) % 4 + 1);
                if (neighbourhoods[i].IsValidOn(day)) yield return new PlannedSitting(CommitteeKind.PreTeam, neighbourhoods[i].Id, day, rule.StartsAt, rule.Place);
            }
        }
    }

    /// <summary>
    /// The stream id of a generated sitting, derived from its slot (kind, neighbourhood, month):
    /// two coordinators generating the same calendar at once cannot both create it, the second
    /// commit collides. Sittings scheduled one by one get ordinary version-7 ids.
    /// </summary>
    public static Guid SlotId(PlannedSitting sitting)
    {
        var name = $"parcours:committee:{sitting.Kind}:{sitting.TerritoryCode}:{sitting.SittingOn.Year:0000}-{sitting.SittingOn.Month:00}";
        Span<byte> bytes = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name), bytes);
        bytes[6] = (byte)(0x80 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes[..16], bigEndian: true);
    }

    /// <summary>The n-th (1 to 4) given weekday of the month.</summary>
    public static DateOnly Nth(int year, int month, DayOfWeek weekday, int week)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (Math.Clamp(week, 1, 4) - 1));
    }
}
