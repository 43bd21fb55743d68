using Parcours.Kernel;

namespace Parcours.Indicators.Facts;

/// <summary>
/// The secret key of the pseudonyms: <c>Parcours:Indicators:PseudonymKey</c> (base64, 32 bytes or
/// more) when configured, else a random key generated once and kept in the database
/// (<c>parcours.indicator_secret</c>), so every rebuild gives the same pseudonyms.
/// </summary>
public static class PseudonymKey
{
    public const string Setting = "Parcours:Indicators:PseudonymKey";

    public static byte[] Resolve(IConfiguration configuration, string connectionString, string schema) =>
        DatabaseSecret.Resolve(configuration, Setting, connectionString, schema, "indicator_secret", Pseudonyms.KeyBytes);
}
