namespace Parcours.Committees.Documents;

// What the committee templates see (snake_cased: committee.sitting_on, items[0].person_name…).
// The anonymised versions are built from the same records with every identifying or free-text
// field left null: the template cannot print what it is not given.

/// <summary>The sitting, as both versions of each document head it.</summary>
public sealed record SittingHeader(
    string Title,
    string Kind,
    string? Neighbourhood,
    DateOnly SittingOn,
    string StartsAt,
    string Place,
    IReadOnlyList<string> Conveners,
    IReadOnlyList<string> InvitedStructures,
    string Status);

/// <summary>Which version a document is, in words, and who printed it when.</summary>
public sealed record DocumentStamp(bool Nominative, string VersionLabel, string PrintedBy, DateOnly PrintedOn);

/// <summary>
/// One agenda item: categorical facts for everybody; the name and the situation as written only in
/// the nominative version, and only for a person who consented (otherwise the summary is built
/// from categorical facts, like the anonymised version).
/// </summary>
public sealed record AgendaEntry(
    int Number,
    string Code,
    string Reason,
    string Programme,
    string AgeBand,
    string Sex,
    string Neighbourhood,
    string? ReferralSource,
    int MonthsSinceIdentification,
    IReadOnlyList<string> ActionsInProgress,
    bool Named,
    string? PersonName,
    string Summary);

public sealed record AgendaDocument(SittingHeader Committee, DocumentStamp Document, IReadOnlyList<AgendaEntry> Items);

public sealed record AttendanceEntry(string Name, string Structure, bool Present);

/// <summary>An action of the updated plan; its kind (typed by the chair) only for named items.</summary>
public sealed record PlannedActionEntry(string Category, string? Kind, DateOnly? DueOn);

/// <summary>One decided (or undecided) item of the minutes; rationale and what is missing only in the nominative version.</summary>
public sealed record MinutesEntry(
    int Number,
    string Code,
    string Programme,
    string AgeBand,
    string Neighbourhood,
    bool Decided,
    string? Outcome,
    string? Destination,
    string? ReceivingStructure,
    string? ExitOutcome,
    IReadOnlyList<PlannedActionEntry> Actions,
    bool Named,
    string? PersonName,
    string? Rationale,
    string? Missing);

public sealed record MinutesDocument(
    SittingHeader Committee,
    DocumentStamp Document,
    string? Chair,
    string? OpenedAt,
    string? ClosedAt,
    int MinutesVersion,
    IReadOnlyList<AttendanceEntry> Attendance,
    IReadOnlyList<MinutesEntry> Items);

/// <summary>The letter telling a person which structure the committee oriented them to.</summary>
public sealed record OrientationLetter(
    SittingHeader Committee,
    string PersonName,
    string? Address,
    string Destination,
    string ReceivingStructure,
    string ReferentStructure,
    string SignedBy,
    DateOnly PrintedOn);
