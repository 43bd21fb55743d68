namespace Parcours.Retention;

/// <summary>
/// How long one programme keeps a pathway: in the active base until <see cref="ActiveYears"/>
/// after the last contact, then in the restricted archive for <see cref="ArchiveYears"/>, then the
/// person is anonymised (when all their pathways are due), announced <see cref="RetentionOptions.NoticeDays"/> before.
/// </summary>
public sealed class RetentionPolicy
{
    public int ActiveYears { get; set; } = 2;
    public int ArchiveYears { get; set; } = 3;
    /// <summary>The legal basis of the processing, shown to the officer (French).</summary>
    public string LegalBasis { get; set; } = RetentionOptions.PublicInterest;
}

/// <summary>
/// The retention policy (<c>Parcours:Retention</c>): a default, and per-programme overrides keyed by
/// programme code (<c>Parcours:Retention:Programmes:MDF:ArchiveYears</c>). The defaults follow the
/// CNIL's 2023 reference for social support: two years after the last contact in the active base,
/// then an intermediate archive up to five years after it (the civil limitation period).
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Parcours:Retention";

    public const string PublicInterest =
        "Mission d'intérêt public (RGPD art. 6.1.e ; contrat de ville « Engagements Quartiers 2030 »)";

    public RetentionPolicy Default { get; set; } = new();

    public Dictionary<string, RetentionPolicy> Programmes { get; set; } = new(StringComparer.Ordinal)
    {
        ["PRE"] = new() { LegalBasis = "Mission d'intérêt public (RGPD art. 6.1.e ; loi n° 2005-32 du 18 janvier 2005, art. 128 — réussite éducative)" },
        ["MDF"] = new() { LegalBasis = "Mission d'intérêt public (RGPD art. 6.1.e) ; données sensibles : RGPD art. 9.2.h (accompagnement social)" },
    };

    /// <summary>Days between the announcement of a purge and the purge itself; the officer may postpone it meanwhile.</summary>
    public int NoticeDays { get; set; } = 30;

    /// <summary>How far ahead the queue lists the pathways about to be archived.</summary>
    public int HorizonDays { get; set; } = 90;

    /// <summary>The longest a single postponement may push a purge (from today).</summary>
    public int MaxPostponementDays { get; set; } = 365;

    /// <summary>Whether the application schedules the daily sweep itself (tests drive it by hand).</summary>
    public bool Schedule { get; set; } = true;

    /// <summary>The hour (Paris time) of the daily sweep.</summary>
    public int SweepHour { get; set; } = 2;

    public RetentionPolicy For(string programme) =>
        Programmes.TryGetValue(programme, out var policy) ? policy : Default;
}
