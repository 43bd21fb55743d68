using Parcours.Identity;

namespace Parcours.Reference;

// Reference data lives in Marten documents, seeded from the domain brief (ReferenceSeed) and
// editable by administrators. Codes are stable; labels are what pages show.

/// <summary>A programme ("dispositif") and the public it accepts.</summary>
public sealed class Programme
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    /// <summary>Inclusive age range at referral; null bounds are open.</summary>
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public bool WomenOnly { get; set; }
    /// <summary>Only people living in a priority neighbourhood or watch sector may be referred.</summary>
    public bool RequiresPriorityTerritory { get; set; }
    /// <summary>Sub-publics with their own age range (Cité de l'emploi: young people, adults over 26).</summary>
    public List<ProgrammeTrack> Tracks { get; set; } = [];
    public int Order { get; set; }
}

public sealed record ProgrammeTrack(string Code, string Label, int? MinAge, int? MaxAge);

public enum TerritoryKind
{
    /// <summary>Quartier prioritaire de la politique de la ville.</summary>
    Qpv,
    /// <summary>A sub-sector of a QPV.</summary>
    SubSector,
    /// <summary>Secteur de vigilance.</summary>
    WatchSector,
    /// <summary>Elsewhere in the agglomeration.</summary>
    Elsewhere,
}

/// <summary>A piece of geography, valid between two dates (the perimeter changes over time).</summary>
public sealed class Territory
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";
    public TerritoryKind Kind { get; set; }
    public string? ParentId { get; set; }
    public string Commune { get; set; } = "Calais";
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int Order { get; set; }

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    public bool IsPriority => Kind is TerritoryKind.Qpv or TerritoryKind.SubSector or TerritoryKind.WatchSector;
}

/// <summary>The simple code lists, all in one document type.</summary>
public static class CodeLists
{
    public const string ReferralSource = "referral-source";
    public const string Destination = "destination";
    public const string ExitOutcome = "exit-outcome";
    /// <summary>PRE axes and SAS "à la carte" contents (scoped by programme).</summary>
    public const string ActionCategory = "action-category";
    public const string DeclineReason = "decline-reason";
    public const string SuspensionReason = "suspension-reason";
    public const string OrientationRefusalReason = "orientation-refusal-reason";
    /// <summary>The kinds of the Maison des Femmes' dedicated permanences (juriste, psychologue, CIDFF...).</summary>
    public const string PermanenceKind = "permanence-kind";

    public static readonly IReadOnlyList<string> All =
        [ReferralSource, Destination, ExitOutcome, ActionCategory, DeclineReason, SuspensionReason, OrientationRefusalReason, PermanenceKind];
}

public sealed class CodeListItem
{
    /// <summary>"{list}:{code}" or "{list}:{programme}:{code}", so an item is loaded by id.</summary>
    public string Id { get; set; } = "";
    public string List { get; set; } = "";
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    /// <summary>Set when the item applies to one programme only.</summary>
    public string? Programme { get; set; }
    public bool Active { get; set; } = true;
    public int Order { get; set; }
    /// <summary>Set when the item reveals youth-justice or health information: only entitled habilitations read it in a file.</summary>
    public SpecialCategory? Category { get; set; }
    /// <summary>For a destination: the structure that receives the people oriented to it (null: the committee names one).</summary>
    public Guid? StructureId { get; set; }

    public static string IdOf(string list, string code, string? programme = null) =>
        programme is null ? $"{list}:{code}" : $"{list}:{programme}:{code}";
}

/// <summary>A partner organisation ("structure").</summary>
public sealed class Structure
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public List<string> Programmes { get; set; } = [];
}
