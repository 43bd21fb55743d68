using System.Security.Cryptography;
using Npgsql;

namespace Parcours.Kernel;

/// <summary>
/// A secret key kept out of the documents: the configured value (base64) when there is one, else
/// a random key generated once and kept in its own one-row table, so restarts and rebuilds use
/// the same key while a copy of the documents alone does not hold it.
/// </summary>
public static class DatabaseSecret
{
    public static byte[] Resolve(IConfiguration configuration, string setting, string connectionString, string schema, string table, int bytes) =>
        configuration[setting] is { Length: > 0 } configured ? Convert.FromBase64String(configured) : LoadOrCreate(connectionString, schema, table, bytes);

    private static byte[] LoadOrCreate(string connectionString, string schema, string table, int bytes)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            create schema if not exists {schema};
            create table if not exists {schema}.{table} (id int primary key, key bytea not null);
            insert into {schema}.{table} (id, key) values (1, @key) on conflict (id) do nothing;
            select key from {schema}.{table} where id = 1;
            """;
        command.Parameters.AddWithValue("key", RandomNumberGenerator.GetBytes(bytes));
        return (byte[])command.ExecuteScalar()!;
    }
}
