using Npgsql;

namespace Parcours.Audit;

/// <summary>The result of walking the chain: how many entries were checked, and the first broken link.</summary>
public sealed record AuditVerificationResult(long Checked, long? BrokenAt, string? Reason)
{
    public bool Intact => BrokenAt is null;
}

/// <summary>
/// Recomputes every entry's hash from its fields and checks each entry points to the one
/// before it, in id order. Any edited field, edited hash, deleted or inserted row breaks it.
/// </summary>
public static class AuditVerification
{
    public static async Task<AuditVerificationResult> VerifyAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            $"select e.id, e.previous_hash, e.hash, {AuditSchema.HashOf} from {AuditSchema.Table} e order by e.id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var expectedPrevious = new string('0', 64);
        long count = 0;
        while (await reader.ReadAsync(ct))
        {
            var (id, previous, hash, recomputed) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            if (previous != expectedPrevious) return new(count, id, "le lien vers l'entrée précédente est rompu (entrée supprimée, insérée ou modifiée)");
            if (hash != recomputed) return new(count, id, "le contenu de l'entrée ne correspond plus à son empreinte (entrée modifiée)");
            expectedPrevious = hash;
            count++;
        }
        return new(count, null, null);
    }
}
