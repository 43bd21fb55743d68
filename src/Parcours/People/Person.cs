using Parcours.Kernel;

namespace Parcours.People;

// A person's stream holds no identifying data: names, birth date and contact details are in
// the vault (SealedIdentity), keyed by the same id.

public sealed record PersonIdentified(Guid PersonId, Sex Sex, Guid StructureId, Guid IdentifiedBy, DateTimeOffset IdentifiedAt);

/// <summary>
/// A family link. <see cref="SealedIn"/> is set when it was recorded inside a sealed structure
/// (the Maison des Femmes): only that structure ever sees the link.
/// </summary>
public sealed record FamilyLinkRecorded(Guid PersonId, Guid RelatedPersonId, FamilyRelation Relation, Guid RecordedBy, DateTimeOffset RecordedAt, Guid? SealedIn = null);

/// <summary>
/// Identity fields were corrected in the vault (RGPD art. 16). Lists which fields changed, never
/// their values, old or new; the old values are not kept.
/// </summary>
public sealed record IdentityRectified(Guid PersonId, IReadOnlyList<string> Fields, DateOnly RectifiedOn, Guid RectifiedBy, DateTimeOffset RectifiedAt);

/// <summary>How the related person stands to the person whose stream records the link.</summary>
public enum FamilyRelation
{
    ParentOf,
    ChildOf,
    SiblingOf,
    PartnerOf,
}

public sealed record FamilyLink(Guid RelatedPersonId, FamilyRelation Relation, Guid? SealedIn = null);

/// <summary>Write model and inline view of a person (no identifying data).</summary>
public sealed record Person(Guid Id, Sex Sex, Guid StructureId, DateTimeOffset IdentifiedAt, IReadOnlyList<FamilyLink> Links)
{
    /// <summary>Set when a coordinator confirmed this record was a duplicate of another (see <c>People/Merging</c>).</summary>
    public Guid? MergedInto { get; init; }
    /// <summary>Set once the person's data was erased: the stream stays, anonymous, and their family links are forgotten.</summary>
    public DateOnly? ErasedOn { get; init; }

    public static Person Create(PersonIdentified e) => new(e.PersonId, e.Sex, e.StructureId, e.IdentifiedAt, []);

    public Person Apply(FamilyLinkRecorded e) => this with { Links = [.. Links, new FamilyLink(e.RelatedPersonId, e.Relation, e.SealedIn)] };

    public Person Apply(Merging.PersonMergedInto e) => this with { MergedInto = e.KeptPersonId };

    public Person Apply(Privacy.Erasing.PersonErased e) => this with { ErasedOn = e.ErasedOn, Links = [] };

    public Person Apply(IdentityRectified e) => this with { RectifiedOn = e.RectifiedOn };

    /// <summary>The day the identity was last rectified (the file says so; the old values are not kept).</summary>
    public DateOnly? RectifiedOn { get; init; }

    public static FamilyRelation Reverse(FamilyRelation relation) => relation switch
    {
        FamilyRelation.ParentOf => FamilyRelation.ChildOf,
        FamilyRelation.ChildOf => FamilyRelation.ParentOf,
        _ => relation,
    };
}
