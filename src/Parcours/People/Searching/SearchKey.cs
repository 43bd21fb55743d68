using System.Security.Cryptography;
using Npgsql;

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
        configuration[Setting] is { Length: > 0 } configured ? Convert.FromBase64String(configured) : LoadOrCreate(connectionString, schema);

    private static byte[] LoadOrCreate(string connectionString, string schema)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            create schema if not exists {schema};
            create table if not exists {schema}.search_secret (id int primary key, key bytea not null);
            insert into {schema}.search_secret (id, key) values (1, @key) on conflict (id) do nothing;
            select key from {schema}.search_secret where id = 1;
            """;
        command.Parameters.AddWithValue("key", RandomNumberGenerator.GetBytes(KeyBytes));
        return (byte[])command.ExecuteScalar()!;
    }
}
