using System.Security.Cryptography;
using System.Text;

namespace Parcours.Indicators.Facts;

/// <summary>
/// Keyed one-way pseudonyms (HMAC-SHA256): without the key, a pseudonym cannot be traced back to
/// an id, nor computed from one. Each kind of id has its own prefix, so a person's pseudonym
/// never equals a pathway's.
/// </summary>
public sealed class Pseudonyms(byte[] key)
{
    public const int KeyBytes = 32;

    private readonly byte[] _key = key.Length >= KeyBytes ? key.ToArray() : throw new ArgumentException($"The pseudonym key needs at least {KeyBytes} bytes.", nameof(key));

    public string Person(Guid personId) => Of("person", personId);

    public string Pathway(Guid pathwayId) => Of("pathway", pathwayId);

    public string Orientation(Guid orientationId) => Of("orientation", orientationId);

    private string Of(string kind, Guid id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{kind}:{id:N}")));
}
