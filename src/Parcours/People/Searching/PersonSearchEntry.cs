namespace Parcours.People.Searching;

/// <summary>
/// The blind index of one person (id = person id), for search and duplicate checks. It holds no
/// clear identifying data: <see cref="Tokens"/> are keyed HMACs of the name's trigrams and
/// phonetic keys, <see cref="BirthDate"/> the keyed HMAC of the birth date. Without the search key
/// (outside the documents, see <see cref="SearchKey"/>) nothing can be recomputed or checked
/// against a guessed name. <see cref="Territories"/> are the neighbourhood codes of the person's
/// pathways (categorical, like the indicators); <see cref="SealedIn"/> is the sealed structure
/// (the Maison des Femmes) that identified the person, if any. Erasure and merges delete it.
/// </summary>
public sealed class PersonSearchEntry
{
    public Guid Id { get; set; }
    public List<string> Tokens { get; set; } = [];
    public string BirthDate { get; set; } = "";
    public List<string> Territories { get; set; } = [];
    public Guid? SealedIn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
