using Parcours.People.Vault;

namespace Parcours.Pathways;

// Who else may see a pathway, and on what ground: the consent ledger, the case team, what the
// parents were told, and (Maison des Femmes) how the woman may be contacted. The events live
// on the pathway's stream; the state below is folded by the write model and the file alike, so
// a command and a read decide from the same facts.

/// <summary>What a consent allows (« finalité »).</summary>
public enum ConsentPurpose
{
    /// <summary>Sharing the case with the named structures of its team (e.g. the PRE team).</summary>
    TeamSharing,
    /// <summary>Examination of the case by an admission committee.</summary>
    CommitteeExamination,
    /// <summary>Orientation to the named structure(s).</summary>
    Orientation,
    ContactBySms,
    ContactByLetter,
}

/// <summary>Who gave a consent: the person, or for a minor the holders of parental authority.</summary>
public enum ConsentGiver
{
    Person,
    ParentalAuthority,
}

public enum ConsentMode
{
    Written,
    Oral,
}

/// <summary>How, or whether, a woman followed by the Maison des Femmes may be contacted.</summary>
public enum SafeContactMode
{
    AnyChannel,
    PhoneOnly,
    InPersonOnly,
    ThroughThirdParty,
    NoContact,
}

/// <summary>A consent as given. For a minor, <see cref="MinorView"/> is the minor's own view, encrypted.</summary>
public sealed record ConsentRecorded(
    Guid PathwayId,
    Guid ConsentId,
    ConsentPurpose Purpose,
    IReadOnlyList<Guid> Structures,
    ConsentGiver GivenBy,
    ConsentMode Mode,
    DateOnly GivenOn,
    DateOnly? ExpiresOn,
    EncryptedText? MinorView,
    Guid RecordedBy,
    DateTimeOffset RecordedAt);

public sealed record ConsentWithdrawn(Guid PathwayId, Guid ConsentId, DateOnly WithdrawnOn, EncryptedText? Note, Guid RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A partner structure joins the case team, for a purpose a consent covers.</summary>
public sealed record TeamMemberAdded(Guid PathwayId, Guid StructureId, ConsentPurpose Purpose, DateOnly AddedOn, Guid AddedBy, DateTimeOffset AddedAt);

public sealed record TeamMemberRemoved(Guid PathwayId, Guid StructureId, DateOnly RemovedOn, Guid RemovedBy, DateTimeOffset RemovedAt);

/// <summary>The holders of parental authority were told the case would be shared.</summary>
public sealed record ParentsInformed(Guid PathwayId, DateOnly InformedOn, ConsentMode Mode, EncryptedText? Note, Guid RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A programme coordinator decided the case may be shared without informing the parents, and why (encrypted).</summary>
public sealed record SharingExceptionJustified(Guid PathwayId, DateOnly DecidedOn, EncryptedText Justification, Guid DecidedBy, DateTimeOffset DecidedAt);

/// <summary>How the woman may be contacted (Maison des Femmes only); replaces the previous rule.</summary>
public sealed record SafeContactRuleRecorded(Guid PathwayId, SafeContactMode Mode, EncryptedText? Instructions, DateOnly RecordedOn, Guid RecordedBy, DateTimeOffset RecordedAt);

/// <summary>One entry of the consent ledger, as the rules need it.</summary>
public sealed record Consent(
    Guid ConsentId,
    ConsentPurpose Purpose,
    IReadOnlyList<Guid> Structures,
    ConsentGiver GivenBy,
    ConsentMode Mode,
    DateOnly GivenOn,
    DateOnly? ExpiresOn,
    DateOnly? WithdrawnOn)
{
    public bool Covers(ConsentPurpose purpose, Guid structureId) => Purpose == purpose && Structures.Contains(structureId);

    /// <summary>
    /// Whether the consent counts on that day: given, not withdrawn (whatever the date typed for
    /// the withdrawal), not expired (the expiry day is the last valid one), and given by the right
    /// people: the parents' consent counts only while the person is a minor. An unknown majority
    /// date (identity erased) counts as adult.
    /// </summary>
    public bool CountsOn(DateOnly day, DateOnly? adultOn) =>
        WithdrawnOn is null
        && GivenOn <= day
        && (ExpiresOn is not { } expiry || day <= expiry)
        && (GivenBy == ConsentGiver.Person || (adultOn is { } adult && day < adult));
}

public sealed record TeamMember(Guid StructureId, ConsentPurpose Purpose, DateOnly AddedOn);

/// <summary>The sharing facts of a pathway, folded from its events by the write model and the file.</summary>
public sealed record CaseSharing(IReadOnlyList<Consent> Consents, IReadOnlyList<TeamMember> Team, DateOnly? ParentsInformedOn, DateOnly? ExceptionJustifiedOn)
{
    public static readonly CaseSharing None = new([], [], null, null);

    public CaseSharing Apply(ConsentRecorded e) => this with
    {
        Consents = [.. Consents, new Consent(e.ConsentId, e.Purpose, e.Structures, e.GivenBy, e.Mode, e.GivenOn, e.ExpiresOn, null)],
    };

    public CaseSharing Apply(ConsentWithdrawn e) => this with
    {
        Consents = Consents.Select(c => c.ConsentId == e.ConsentId ? c with { WithdrawnOn = e.WithdrawnOn } : c).ToList(),
    };

    public CaseSharing Apply(TeamMemberAdded e) => this with { Team = [.. Team, new TeamMember(e.StructureId, e.Purpose, e.AddedOn)] };

    public CaseSharing Apply(TeamMemberRemoved e) => this with { Team = Team.Where(m => m.StructureId != e.StructureId).ToList() };

    public CaseSharing Apply(ParentsInformed e) => this with { ParentsInformedOn = e.InformedOn };

    public CaseSharing Apply(SharingExceptionJustified e) => this with { ExceptionJustifiedOn = e.DecidedOn };

    public TeamMember? MemberOf(Guid structureId) => Team.FirstOrDefault(m => m.StructureId == structureId);

    /// <summary>The consent that lets this member see the case on that day, if any.</summary>
    public Consent? CoveringConsent(Guid structureId, ConsentPurpose purpose, DateOnly day, DateOnly? adultOn) =>
        Consents.FirstOrDefault(c => c.Covers(purpose, structureId) && c.CountsOn(day, adultOn));

    /// <summary>Before any share about a child, the parents are informed, or a coordinator justified not to.</summary>
    public bool ParentsInformedOrExcepted => ParentsInformedOn is not null || ExceptionJustifiedOn is not null;
}
