using System.Security.Cryptography;
using System.Text;
using Marten;
using Parcours.Pathways;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.People.Searching;

/// <summary>
/// Writes and reads the blind index (<see cref="PersonSearchEntry"/>). Every place that seals or
/// changes an identity calls <see cref="WriteAsync"/> in the same session, so the index commits
/// with the identity. Tokens are HMAC-SHA256 with the search key, truncated to 64 bits (enough
/// to tell tokens apart; a little ambiguity more for whoever reads the table).
/// </summary>
public sealed class PersonSearchIndex(byte[] key, TimeProvider time)
{
    private readonly byte[] _key = key.Length >= SearchKey.KeyBytes ? key.ToArray() : throw new ArgumentException($"The search key needs at least {SearchKey.KeyBytes} bytes.", nameof(key));

    public string Token(string clear) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(clear)).AsSpan(0, 8));

    public IReadOnlyList<string> NameTokens(params string?[] names) => SearchTerms.NameTokens(names).Select(Token).Distinct().ToList();

    public string BirthDateToken(DateOnly birthDate) => Token($"b:{birthDate:yyyy-MM-dd}");

    /// <summary>
    /// Writes (or rewrites) the person's entry from their identity: on identification, on a new
    /// referral (<paramref name="territoryCode"/> is added to the territories), on rectification.
    /// <paramref name="identifiedIn"/> is the identifying structure for a new person (the person's
    /// stream is not committed yet); otherwise it is read from the person.
    /// </summary>
    public async Task WriteAsync(IDocumentSession session, Guid personId, PersonIdentity identity, string? territoryCode = null, Guid? identifiedIn = null, CancellationToken ct = default)
    {
        var existing = await session.LoadAsync<PersonSearchEntry>(personId, ct);
        var territories = existing?.Territories.ToList() ?? [];
        if (!string.IsNullOrWhiteSpace(territoryCode) && !territories.Contains(territoryCode)) territories.Add(territoryCode);
        var sealedIn = existing is not null ? existing.SealedIn : await SealedScopeAsync(session, identifiedIn ?? (await session.LoadAsync<Person>(personId, ct))?.StructureId, ct);
        session.Store(Entry(personId, identity, territories, sealedIn, time.GetUtcNow()));
    }

    public PersonSearchEntry Entry(Guid personId, PersonIdentity identity, IEnumerable<string> territories, Guid? sealedIn, DateTimeOffset now) => new()
    {
        Id = personId,
        Tokens = [.. NameTokens(identity.FirstName, identity.LastName)],
        BirthDate = BirthDateToken(identity.BirthDate),
        Territories = territories.Distinct().Order().ToList(),
        SealedIn = sealedIn,
        UpdatedAt = now,
    };

    /// <summary>The identifying structure when it is sealed (runs the Maison des Femmes), else null.</summary>
    public static async Task<Guid?> SealedScopeAsync(IQuerySession session, Guid? structureId, CancellationToken ct) =>
        structureId is { } id && await session.LoadAsync<Structure>(id, ct) is { } structure && structure.Programmes.Any(PathwayAccess.IsSealed) ? id : null;

    public static void Remove(IDocumentSession session, Guid personId) => session.Delete<PersonSearchEntry>(personId);
}
