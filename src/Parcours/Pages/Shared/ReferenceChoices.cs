using Marten;
using Parcours.Reference;

namespace Parcours.Pages.Shared;

/// <summary>An option of a select list.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>A labelled group of options (an optgroup).</summary>
public sealed record ChoiceGroup(string Label, IReadOnlyList<Choice> Choices);

/// <summary>The reference data pages offer in their select lists and use to show labels instead of codes.</summary>
public sealed class ReferenceChoices
{
    public required IReadOnlyList<Programme> Programmes { get; init; }
    public required IReadOnlyList<Territory> Territories { get; init; }
    public required IReadOnlyList<CodeListItem> Codes { get; init; }
    public required IReadOnlyList<Structure> Structures { get; init; }

    public static async Task<ReferenceChoices> LoadAsync(IQuerySession session, CancellationToken ct) => new()
    {
        Programmes = (await session.Query<Programme>().ToListAsync(ct)).OrderBy(p => p.Order).ToList(),
        Territories = (await session.Query<Territory>().ToListAsync(ct)).OrderBy(t => t.Order).ToList(),
        Codes = (await session.Query<CodeListItem>().Where(c => c.Active).ToListAsync(ct)).OrderBy(c => c.Order).ToList(),
        Structures = (await session.Query<Structure>().ToListAsync(ct)).OrderBy(s => s.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList(),
    };

    /// <summary>The active items of a code list; a programme's own items when it has some.</summary>
    public IReadOnlyList<Choice> List(string list, string? programme = null)
    {
        var items = Codes.Where(c => c.List == list).ToList();
        var own = items.Where(c => programme is not null && c.Programme == programme).ToList();
        return (own.Count > 0 ? own : items.Where(c => c.Programme is null)).Select(c => new Choice(c.Code, c.Label)).ToList();
    }

    public string CodeLabel(string list, string? code, string? programme = null) =>
        code is null ? "" :
        (Codes.FirstOrDefault(c => c.List == list && c.Code == code && c.Programme == programme)
         ?? Codes.FirstOrDefault(c => c.List == list && c.Code == code))?.Label ?? code;

    public string ProgrammeLabel(string code) => Programmes.FirstOrDefault(p => p.Id == code)?.Label ?? code;

    public string TerritoryLabel(string code) => Territories.FirstOrDefault(t => t.Id == code)?.Label ?? code;

    public string StructureName(Guid? id) => id is null ? "—" : Structures.FirstOrDefault(s => s.Id == id)?.Name ?? "—";

    /// <summary>
    /// Territories grouped as people think of them: each priority neighbourhood with its
    /// sub-sectors, then the watch sectors, then elsewhere. <paramref name="validOn"/> hides
    /// territories that do not exist on that day.
    /// </summary>
    public IReadOnlyList<ChoiceGroup> TerritoryGroups(string wholeNeighbourhoodSuffix, DateOnly? validOn = null)
    {
        var valid = Territories.Where(t => validOn is not { } day || t.IsValidOn(day)).ToList();
        var groups = new List<ChoiceGroup>();
        foreach (var qpv in valid.Where(t => t.Kind == TerritoryKind.Qpv))
        {
            var prefix = qpv.Label + " – ";
            groups.Add(new ChoiceGroup($"Quartier prioritaire {qpv.Label}",
            [
                new Choice(qpv.Id, $"{qpv.Label} {wholeNeighbourhoodSuffix}"),
                .. valid.Where(t => t.ParentId == qpv.Id)
                    .Select(t => new Choice(t.Id, t.Label.StartsWith(prefix, StringComparison.Ordinal) ? t.Label[prefix.Length..] : t.Label)),
            ]));
        }
        AddGroup(groups, "Secteurs de vigilance", valid.Where(t => t.Kind == TerritoryKind.WatchSector));
        AddGroup(groups, "Hors quartier prioritaire", valid.Where(t => t.Kind == TerritoryKind.Elsewhere));
        return groups;
    }

    private static void AddGroup(List<ChoiceGroup> groups, string label, IEnumerable<Territory> territories)
    {
        var choices = territories.Select(t => new Choice(t.Id, t.Label)).ToList();
        if (choices.Count > 0) groups.Add(new ChoiceGroup(label, choices));
    }
}
