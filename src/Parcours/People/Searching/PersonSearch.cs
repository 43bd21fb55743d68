using Marten;
using Npgsql;
using NpgsqlTypes;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.People.Searching;

/// <summary>What a worker looks for. Names are compared as tokens; the birth date and neighbourhood must match.</summary>
public sealed record SearchCriteria(string? Name, DateOnly? BirthDate = null, string? Territory = null, DateOnly? PreferredBirthDate = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && BirthDate is null && string.IsNullOrWhiteSpace(Territory);
}

/// <summary>A person found, as the worker may see them (names and birth date; never contact details).</summary>
public sealed record PersonMatch(Guid PersonId, string FirstName, string LastName, string DisplayName, DateOnly BirthDate, Sex Sex, IReadOnlyList<string> Programmes, bool SameBirthDate);

/// <summary>
/// What a search did, for the tests that prove it does not depend on hidden people: the candidate
/// SQL (always the same text) and how many identities were decrypted (always <see cref="PersonSearch.Slots"/>).
/// </summary>
public sealed record SearchWork(string Sql, int Candidates, int Decryptions);

/// <summary>
/// Searches the blind index. The one candidate query decides visibility itself: it returns only
/// people the worker's structure identified, or who have a pathway the worker's structure is
/// referent of or on the team of (never a sealed programme's pathway), and never a person
/// identified inside a sealed structure unless it is the worker's own or the worker's structure is
/// referent of one of their pathways. So a sealed Maison des Femmes person never becomes a
/// candidate outside it. Then exactly <see cref="Slots"/> identities are decrypted (real
/// candidates, padded with a dummy), and the remaining rule that needs the birth date (a
/// parental consent lapses at majority) is checked by <see cref="PathwayAccess"/>.
/// </summary>
public sealed class PersonSearch(NpgsqlDataSource dataSource, PersonSearchIndex index, PersonVault vault)
{
    public const int Slots = 20;
    /// <summary>Share of the typed name's tokens a person must have to be a match.</summary>
    public const int MinimumPercent = 50;

    public static readonly string CandidateSql = $"""
        with candidates as (
            select e.id,
                   (select count(*) from jsonb_array_elements_text(e.data -> 'Tokens') t(v) where t.v = any(@tokens))::int as score,
                   jsonb_array_length(e.data -> 'Tokens') as size,
                   (e.data ->> 'BirthDate' = @preferred) as same_birth
            from parcours.mt_doc_personsearchentry e
            where (cardinality(@tokens) = 0 or (e.data -> 'Tokens') ?| @tokens)
              and (@birth is null or e.data ->> 'BirthDate' = @birth)
              and (cardinality(@territories) = 0 or (e.data -> 'Territories') ?| @territories)
              and (e.data ->> 'SealedIn' is null
                   or e.data ->> 'SealedIn' = @structure::text
                   or exists (select 1 from parcours.mt_doc_pathwayfile f where f.person_id = e.id and f.referent_structure_id = @own))
              and (exists (select 1 from parcours.mt_doc_person p where p.id = e.id and p.structure_id = @own)
                   or exists (select 1 from parcours.mt_doc_pathwayfile f
                              where f.person_id = e.id
                                and (f.referent_structure_id = @own
                                     or (f.programme <> '{PathwayAccess.SealedProgramme}' and (f.data -> 'SharedWith') ? @structure::text))))
        )
        select id from candidates
        where score * 100 >= @minimum * cardinality(@tokens)
        order by coalesce(same_birth, false) desc, score desc, size, id
        limit {Slots}
        """;

    public async Task<(IReadOnlyList<PersonMatch> Matches, SearchWork Work)> FindAsync(IQuerySession session, CurrentWorker worker, SearchCriteria criteria, DateOnly today, CancellationToken ct)
    {
        var territories = await TerritoriesAsync(session, criteria.Territory, ct);
        await using var command = CandidateCommand(worker, criteria, territories);
        var ids = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        }

        var people = (await session.LoadManyAsync<Person>(ct, ids)).ToDictionary(p => p.Id);
        var files = await session.Query<PathwayFile>().Where(f => ids.Contains(f.PersonId)).ToListAsync(ct);
        var identities = await vault.OpenManyAsync(session, ids, ct);
        // The same number of decryptions whatever was found.
        for (var i = identities.Count; i < Slots; i++) vault.OpenDummy();

        var preferred = criteria.PreferredBirthDate;
        var matches = new List<PersonMatch>();
        foreach (var id in ids)
        {
            if (!people.TryGetValue(id, out var person) || !identities.TryGetValue(id, out var identity)) continue;
            var theirs = files.Where(f => f.PersonId == id).ToList();
            var visible = theirs.Where(f => PathwayAccess.For(worker, f, today, PathwayAccess.AdultOn(identity.BirthDate)).Sees).ToList();
            var own = person.StructureId == worker.StructureId && worker.FollowsCases;
            if (!own && visible.Count == 0) continue;
            matches.Add(new PersonMatch(id, identity.FirstName, identity.LastName, identity.DisplayName, identity.BirthDate, person.Sex,
                visible.Select(f => f.Programme).Distinct().Order().ToList(), preferred == identity.BirthDate));
        }
        return (matches, new SearchWork(CandidateSql, ids.Count, Math.Max(identities.Count, Slots)));
    }

    /// <summary>The candidate query with its parameters, for the search and for the tests that EXPLAIN it.</summary>
    public NpgsqlCommand CandidateCommand(CurrentWorker worker, SearchCriteria criteria, IReadOnlyList<string> territories)
    {
        var command = dataSource.CreateCommand(CandidateSql);
        command.Parameters.Add(new NpgsqlParameter("tokens", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = index.NameTokens(criteria.Name).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("birth", NpgsqlDbType.Text) { Value = criteria.BirthDate is { } b ? index.BirthDateToken(b) : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("preferred", NpgsqlDbType.Text) { Value = criteria.PreferredBirthDate is { } p ? index.BirthDateToken(p) : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("territories", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = territories.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("structure", NpgsqlDbType.Uuid) { Value = worker.StructureId });
        command.Parameters.Add(new NpgsqlParameter("own", NpgsqlDbType.Uuid) { Value = PathwayAccess.OwnStructure(worker) is { } own ? own : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("minimum", NpgsqlDbType.Integer) { Value = MinimumPercent });
        return command;
    }

    /// <summary>A neighbourhood also matches its sub-sectors.</summary>
    public static async Task<IReadOnlyList<string>> TerritoriesAsync(IQuerySession session, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return [];
        var found = await session.Query<Territory>().Where(t => t.Id == code || t.ParentId == code).ToListAsync(ct);
        return found.Count == 0 ? [code] : found.Select(t => t.Id).ToList();
    }
}
