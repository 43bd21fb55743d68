using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.DataProtection;

namespace Parcours.People.Vault;

/// <summary>
/// The personal-data vault: one AES-GCM data key per person, wrapped by DataProtection (whose
/// key ring lives in PostgreSQL). Ciphertexts are bound to their person id, so one person's
/// text cannot be replayed as another's.
/// </summary>
public sealed class PersonVault(IDataProtectionProvider provider)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IDataProtector _protector = provider.CreateProtector("Parcours.PersonVault.DataKey.v1");

    public PersonKey NewKey(Guid personId, DateTimeOffset now)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        return new PersonKey { Id = personId, Wrapped = Convert.ToBase64String(_protector.Protect(key)), CreatedAt = now };
    }

    public EncryptedText Encrypt(PersonKey key, string plaintext)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + clear.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Unwrap(key), TagSize);
        aes.Encrypt(nonce, clear, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), key.Id.ToByteArray());
        return new EncryptedText(Convert.ToBase64String(output));
    }

    public EncryptedText? EncryptOptional(PersonKey key, string? plaintext) =>
        string.IsNullOrWhiteSpace(plaintext) ? null : Encrypt(key, plaintext.Trim());

    /// <summary>Null when there is no text, or when the person's key has been destroyed.</summary>
    public string? Decrypt(PersonKey? key, EncryptedText? text)
    {
        if (key is null || text is null || text.Cipher.Length == 0) return null;
        var input = Convert.FromBase64String(text.Cipher);
        var clear = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(Unwrap(key), TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), clear, key.Id.ToByteArray());
        return Encoding.UTF8.GetString(clear);
    }

    public SealedIdentity Seal(PersonKey key, PersonIdentity identity, DateTimeOffset now) => new()
    {
        Id = key.Id,
        Identity = Encrypt(key, JsonSerializer.Serialize(identity)),
        UpdatedAt = now,
    };

    public PersonIdentity? Open(PersonKey? key, SealedIdentity? sealedIdentity) =>
        Decrypt(key, sealedIdentity?.Identity) is { } json ? JsonSerializer.Deserialize<PersonIdentity>(json) : null;

    /// <summary>Loads a person's data key and sealed identity in one round trip, and opens the identity (null once erased).</summary>
    public async Task<(PersonKey? Key, PersonIdentity? Identity)> LoadAsync(IQuerySession session, Guid personId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var key = batch.Load<PersonKey>(personId);
        var sealedIdentity = batch.Load<SealedIdentity>(personId);
        await batch.Execute(ct);
        return (await key, Open(await key, await sealedIdentity));
    }

    /// <summary>Loads and opens the identities of several people in one round trip.</summary>
    public async Task<IReadOnlyDictionary<Guid, PersonIdentity>> OpenManyAsync(IQuerySession session, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToArray();
        var batch = session.CreateBatchQuery();
        var keysLoaded = batch.LoadMany<PersonKey>().ById(ids);
        var identitiesLoaded = batch.LoadMany<SealedIdentity>().ById(ids);
        await batch.Execute(ct);
        return OpenAll(await keysLoaded, await identitiesLoaded);
    }

    /// <summary>Opens the identities of several people from their loaded keys and sealed identities (an erased one is left out).</summary>
    public IReadOnlyDictionary<Guid, PersonIdentity> OpenAll(IEnumerable<PersonKey> keys, IEnumerable<SealedIdentity> identities)
    {
        var byPerson = keys.ToDictionary(k => k.Id);
        var result = new Dictionary<Guid, PersonIdentity>();
        foreach (var sealedIdentity in identities)
        {
            if (Open(byPerson.GetValueOrDefault(sealedIdentity.Id), sealedIdentity) is { } identity) result[sealedIdentity.Id] = identity;
        }
        return result;
    }

    /// <summary>
    /// Opens a throw-away identity: the same work as opening a real one. Searches pad with it so
    /// that how much they decrypt never depends on who exists.
    /// </summary>
    public PersonIdentity? OpenDummy()
    {
        // A benign race: two threads may each build one.
        _dummy ??= Dummy();
        return Open(_dummy.Value.Key, _dummy.Value.Identity);
    }

    private (PersonKey Key, SealedIdentity Identity)? _dummy;

    private (PersonKey, SealedIdentity) Dummy()
    {
        var key = NewKey(Guid.Empty, DateTimeOffset.UnixEpoch);
        return (key, Seal(key, new PersonIdentity("Prénom", "Nom", new DateOnly(2000, 1, 1)), DateTimeOffset.UnixEpoch));
    }

    /// <summary>
    /// The person's data key in clear. Unwrapped once per loaded <see cref="PersonKey"/> (a page of 60
    /// committee items decrypts each person's identity, situation and rationale with the same key),
    /// kept only as long as that object lives, and unwrapped again if its wrapped value changes.
    /// </summary>
    private byte[] Unwrap(PersonKey key)
    {
        if (_unwrapped.TryGetValue(key, out var known) && ReferenceEquals(known.Item1, key.Wrapped)) return known.Item2;
        var clear = _protector.Unprotect(Convert.FromBase64String(key.Wrapped));
        _unwrapped.AddOrUpdate(key, Tuple.Create(key.Wrapped, clear));
        return clear;
    }

    private readonly ConditionalWeakTable<PersonKey, Tuple<string, byte[]>> _unwrapped = new();
}
