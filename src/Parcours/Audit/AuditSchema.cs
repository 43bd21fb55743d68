using Npgsql;

namespace Parcours.Audit;

/// <summary>
/// The access trail's table: append-only and hash-chained. It is installed by a database owner
/// (the embedded cluster's superuser, or <c>ConnectionStrings:ParcoursAdmin</c>) and the
/// application's role only gets SELECT and INSERT, so it can neither change nor delete an
/// entry. Triggers refuse UPDATE, DELETE and TRUNCATE for every role as well, and chain each
/// new row to the previous one under a transaction lock, so ids follow the chain.
/// </summary>
public static class AuditSchema
{
    public const string Schema = "parcours_audit";
    public const string Table = Schema + ".entries";

    /// <summary>SQL giving an entry's hash: SHA-256 of its canonical text, which includes the previous hash.</summary>
    public const string HashOf = "encode(sha256(convert_to(" + Schema + ".canonical(e), 'UTF8')), 'hex')";

    private static readonly string Ddl = $"""
        create schema if not exists {Schema};
        create sequence if not exists {Schema}.entry_ids;
        create table if not exists {Table} (
            id bigint primary key,
            at timestamptz not null,
            worker_id uuid,
            email text,
            structure_id uuid,
            case_id uuid,
            person_id uuid,
            action text not null,
            purpose text not null,
            outcome text not null,
            previous_hash text not null,
            hash text not null
        );
        create index if not exists entries_case on {Table} (case_id);
        create index if not exists entries_person on {Table} (person_id);
        create index if not exists entries_at on {Table} (at);

        create or replace function {Schema}.canonical(e {Table}) returns text language sql immutable as $$
            select concat_ws('|', e.id, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                coalesce(e.worker_id::text, ''), coalesce(e.email, ''), coalesce(e.structure_id::text, ''),
                coalesce(e.case_id::text, ''), coalesce(e.person_id::text, ''), e.action, e.purpose, e.outcome, e.previous_hash)
        $$;

        create or replace function {Schema}.chain() returns trigger language plpgsql as $$
        declare last_hash text;
        begin
            perform pg_advisory_xact_lock(hashtext('{Table}'));
            select hash into last_hash from {Table} order by id desc limit 1;
            new.id := nextval('{Schema}.entry_ids');
            new.at := clock_timestamp();
            new.previous_hash := coalesce(last_hash, repeat('0', 64));
            new.hash := encode(sha256(convert_to({Schema}.canonical(new), 'UTF8')), 'hex');
            return new;
        end $$;

        create or replace function {Schema}.refuse_change() returns trigger language plpgsql as $$
        begin
            raise exception 'The access trail is append-only: % refused', tg_op;
        end $$;

        drop trigger if exists chain on {Table};
        create trigger chain before insert on {Table} for each row execute function {Schema}.chain();
        drop trigger if exists append_only on {Table};
        create trigger append_only before update or delete on {Table} for each row execute function {Schema}.refuse_change();
        drop trigger if exists no_truncate on {Table};
        create trigger no_truncate before truncate on {Table} for each statement execute function {Schema}.refuse_change();
        """;

    /// <summary>Installs or updates the table; <paramref name="applicationRole"/> gets SELECT and INSERT only.</summary>
    public static async Task InstallAsync(string ownerConnectionString, string? applicationRole, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using (var ddl = new NpgsqlCommand(Ddl, connection)) await ddl.ExecuteNonQueryAsync(ct);
        if (applicationRole is null) return;

        var role = new NpgsqlCommandBuilder().QuoteIdentifier(applicationRole);
        var grants = $"""
            grant usage on schema {Schema} to {role};
            grant select, insert on {Table} to {role};
            revoke update, delete, truncate on {Table} from {role};
            grant usage on sequence {Schema}.entry_ids to {role};
            """;
        await using var grant = new NpgsqlCommand(grants, connection);
        await grant.ExecuteNonQueryAsync(ct);
    }

    public static async Task<bool> ExistsAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"select to_regclass('{Table}') is not null");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
