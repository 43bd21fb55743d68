using System.Security.Cryptography;
using Npgsql;

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
        configuration[Setting] is { Length: > 0 } configured ? Convert.FromBase64String(configured) : LoadOrCreate(connectionString, schema);

    private static byte[] LoadOrCreate(string connectionString, string schema)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            create schema if not exists {schema};
            create table if not exists {schema}.indicator_secret (id int primary key, key bytea not null);
            insert into {schema}.indicator_secret (id, key) values (1, @key) on conflict (id) do nothing;
            select key from {schema}.indicator_secret where id = 1;
            """;
        command.Parameters.AddWithValue("key", RandomNumberGenerator.GetBytes(Pseudonyms.KeyBytes));
        return (byte[])command.ExecuteScalar()!;
    }
}
