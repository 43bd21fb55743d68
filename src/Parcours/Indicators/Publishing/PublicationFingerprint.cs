using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parcours.Indicators.Publishing;

/// <summary>
/// Pure: the canonical JSON of a publication — everything it shows and what it was computed
/// from (as-of instant, event sequence, threshold, years, definitions and tables), not when it
/// was computed — and its SHA-256, so a reproduction can be checked figure for figure.
/// </summary>
public static class PublicationFingerprint
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string CanonicalJson(Publication publication) =>
        JsonSerializer.Serialize(new
        {
            AsOf = publication.AsOf?.ToUniversalTime(),
            publication.EventSequence,
            publication.Threshold,
            publication.BaselineYear,
            publication.Years,
            publication.Indicators,
        }, Canonical);

    /// <summary>Lower-case hexadecimal SHA-256 of the UTF-8 canonical JSON.</summary>
    public static string Sha256(Publication publication) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(publication))));
}
