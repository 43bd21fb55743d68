namespace Parcours.Indicators.Definitions;

/// <summary>
/// One version of an indicator definition as stored data (id "CODE:v1"). It takes effect at
/// <see cref="ValidFrom"/> and stays in force until a later version of the same code does: a
/// rule change is a new document, never an edit, so a past figure is recomputed with the rule it
/// was computed with.
/// </summary>
public sealed class IndicatorDefinitionVersion
{
    public string Id { get; set; } = "";
    public IndicatorDefinition Definition { get; set; } = null!;
    public DateTimeOffset ValidFrom { get; set; }
    /// <summary>Where the indicator comes in publications (the catalogue's order).</summary>
    public int Order { get; set; }

    public static string IdOf(string code, int version) => $"{code}:v{version}";

    public static IndicatorDefinitionVersion Of(IndicatorDefinition definition, DateTimeOffset validFrom, int order) => new()
    {
        Id = IdOf(definition.Code, definition.Version),
        Definition = definition,
        ValidFrom = validFrom,
        Order = order,
    };
}

/// <summary>Pure: which version of each indicator is in force at an instant.</summary>
public static class DefinitionsInForce
{
    /// <summary>
    /// For each code, the version with the latest <see cref="IndicatorDefinitionVersion.ValidFrom"/>
    /// at or before <paramref name="at"/> (the higher version number on a tie); codes not yet in
    /// force are left out. In publication order.
    /// </summary>
    public static IReadOnlyList<IndicatorDefinition> At(IEnumerable<IndicatorDefinitionVersion> versions, DateTimeOffset at) =>
        versions.Where(v => v.ValidFrom <= at)
            .GroupBy(v => v.Definition.Code)
            .Select(g => g.OrderByDescending(v => v.ValidFrom).ThenByDescending(v => v.Definition.Version).First())
            .OrderBy(v => v.Order).ThenBy(v => v.Definition.Code, StringComparer.Ordinal)
            .Select(v => v.Definition)
            .ToList();
}
