using Parcours.Kernel;

namespace Parcours.People.Searching;

/// <summary>
/// The secret key of the blind index: <c>Parcours:People:SearchKey</c> (base64, 32 bytes or more)
/// when configured, else a random key generated once and kept in its own table
/// (<c>parcours.search_secret</c>), never in a document, so a copy of the documents alone
/// cannot test a guessed name against the index. A different key from the indicators' pseudonyms.
/// </summary>
public static class SearchKey
{
    public const string Setting = "Parcours:People:SearchKey";
    public const int KeyBytes = 32;

    public static byte[] Resolve(IConfiguration configuration, string connectionString, string schema) =>
        DatabaseSecret.Resolve(configuration, Setting, connectionString, schema, "search_secret", KeyBytes);
}
