using System.Globalization;
using Parcours.Indicators.Definitions;

namespace Parcours.Benchmarks.Indicators;

/// <summary>
/// Baseline 1 of goal 5: the figures of the export written by hand as one SQL statement over the
/// same indicator facts (<c>parcours.mt_doc_indicatorfact</c>) — what a statistician would write
/// without Parcours. It applies the counting rules of docs/indicators.md: the units of each kind
/// (a referral per pathway; a followed (programme, person) with an active period in the year; an
/// exit per (programme, person) classed by its last exit; an orientation per (destination,
/// person)), the latest pathway of each unit giving its cell, every breakdown of every count
/// indicator by neighbourhood (grouping sets), and the medians and the rate per neighbourhood.
/// It does no disclosure control: that is what Parcours adds on top.
/// </summary>
public static class FactsAggregateSql
{
    /// <summary>Rows: (code, year, neighbourhood or null, dimension or null, category or null, count, value).</summary>
    public static string For(IReadOnlyList<IndicatorDefinition> definitions, IReadOnlyList<int> years)
    {
        var counts = definitions.Where(d => d.IsCount && d.Kind != IndicatorKind.Receptions).ToList();
        var unitSelects = counts.Select(d => $"""
            select '{d.Code}' as code, u.y, u.key, u.on_, u.nb, u.sex, u.age, u.programme, u.source, u.dest, u.outcome
            from units u where u.kind = '{d.Kind}' {Filter(d)}
            """);
        return $"""
            with f as materialized (
              select data->>'Id' as id, data->>'Person' as person, data->>'Programme' as programme,
                     data->>'ReferralSource' as source, data->>'Sex' as sex, data->>'AgeBand' as age,
                     data->>'TerritoryKind' as tkind,
                     case when data->>'TerritoryKind' = 'SubSector' and data->>'ParentTerritoryCode' is not null
                          then data->>'ParentTerritoryCode' else data->>'TerritoryCode' end as nb,
                     (data->>'ReferredOn')::date as referred,
                     (data->>'StartedOn')::date as started, (data->>'AcceptedOn')::date as accepted,
                     coalesce((data->>'StartedOn')::date, (data->>'AcceptedOn')::date, (data->>'ReferredOn')::date) as start_,
                     (data->>'FirstCommitteeDecisionOn')::date as decided,
                     data->'Exits' as exits, data->'Orientations' as orientations
              from parcours.mt_doc_indicatorfact),
            years as (select unnest(array[{string.Join(',', years)}]) as y),
            exits as (
              select f.id, e.ord, (e.x->>'ExitedOn')::date as exited, (e.x->>'ReopenedOn')::date as reopened, e.x->>'Outcome' as outcome
              from f cross join lateral jsonb_array_elements(f.exits) with ordinality as e(x, ord)),
            ordered as (
              select x.*, row_number() over w as n, count(*) over (partition by x.id) as c, lag(x.reopened) over w as previous_reopened
              from exits x window w as (partition by x.id order by x.exited, x.ord)),
            periods as (
              -- from the start to the first exit, then from each reopening to the next exit; the last one open
              select p.id, p.from_, p.to_ from (
                  select f.id, case when o.n = 1 then f.start_ else o.previous_reopened end as from_, o.exited as to_
                  from f join ordered o on o.id = f.id where f.started is not null or f.accepted is not null
                  union all
                  select f.id, o.reopened, null from f join ordered o on o.id = f.id and o.n = o.c where f.started is not null or f.accepted is not null
                  union all
                  select f.id, f.start_, null from f where (f.started is not null or f.accepted is not null) and jsonb_array_length(f.exits) = 0) p
              where p.from_ is not null),
            active as (
              select distinct p.id, y.y from periods p
              join years y on p.from_ <= make_date(y.y, 12, 31) and (p.to_ is null or p.to_ >= make_date(y.y, 1, 1))),
            units as (
              select 'Referrals' as kind, y.y, f.id as key, f.referred as on_, f.nb, f.sex, f.age, f.programme, f.source, f.tkind, f.person,
                     null::text as dest, null::text as outcome
              from f join years y on extract(year from f.referred) = y.y
              union all
              select 'Followed', y.y, f.programme || '|' || f.person, f.start_, f.nb, f.sex, f.age, f.programme, f.source, f.tkind, f.person, null, null
              from f join active y on y.id = f.id
              union all
              select 'Exits', y.y, f.programme || '|' || f.person, x.exited, f.nb, f.sex, f.age, f.programme, f.source, f.tkind, f.person, null, x.outcome
              from f join exits x on x.id = f.id join years y on extract(year from x.exited) = y.y
              union all
              select 'Orientations', y.y, (o->>'Destination') || '|' || f.person, (o->>'ProposedOn')::date, f.nb, f.sex, f.age, f.programme, f.source,
                     f.tkind, f.person, o->>'Destination', null
              from f cross join lateral jsonb_array_elements(f.orientations) o join years y on extract(year from (o->>'ProposedOn')::date) = y.y),
            selected as (
              {string.Join("\n  union all\n", unitSelects)}),
            latest as (
              select distinct on (code, y, key) * from selected order by code, y, key, on_ desc)
            select code, y, nb, dimension, category, count(*)::int as n, null::float8 as value from (
              select code, y, nb, 'Sex' as dimension, sex as category from latest
              union all select code, y, nb, 'AgeBand', age from latest
              union all select code, y, nb, 'Programme', programme from latest
              union all select code, y, nb, 'ReferralSource', source from latest
              union all select code, y, nb, 'Destination', dest from latest where dest is not null
              union all select code, y, nb, 'Outcome', outcome from latest where outcome is not null) cells
            group by grouping sets ((code, y, nb, dimension, category), (code, y, dimension, category), (code, y, nb, dimension), (code, y, dimension))
            union all
            select 'DELAI-DECISION', y.y, f.nb, null, null, count(*)::int, percentile_cont(0.5) within group (order by f.decided - f.referred)
            from f join years y on extract(year from f.decided) = y.y
            group by grouping sets ((y.y, f.nb), (y.y))
            union all
            select 'DUREE-PARCOURS', y.y, f.nb, null, null, count(*)::int, percentile_cont(0.5) within group (order by x.exited - f.start_)
            from f join exits x on x.id = f.id join years y on extract(year from x.exited) = y.y
            group by grouping sets ((y.y, f.nb), (y.y))
            union all
            select 'TAUX-ACCEPTATION', y.y, f.nb, null, null, count(*)::int, avg(case when o->>'Answer' = 'Accepted' then 1.0 else 0.0 end)::float8
            from f cross join lateral jsonb_array_elements(f.orientations) o
              join years y on o->>'Answer' <> 'Pending' and extract(year from (o->>'AnsweredOn')::date) = y.y
            group by grouping sets ((y.y, f.nb), (y.y))
            """;
    }

    private static string Filter(IndicatorDefinition definition)
    {
        var filter = definition.Filter;
        var clauses = new List<string>();
        if (filter.Programmes.Count > 0) clauses.Add($"u.programme in ({Quoted(filter.Programmes)})");
        if (filter.ReferralSources.Count > 0) clauses.Add($"u.source in ({Quoted(filter.ReferralSources)})");
        if (filter.Destinations.Count > 0) clauses.Add($"u.dest in ({Quoted(filter.Destinations)})");
        if (filter.TerritoryKinds.Count > 0) clauses.Add($"u.tkind in ({Quoted(filter.TerritoryKinds.Select(k => k.ToString()))})");
        if (filter.Sexes.Count > 0) clauses.Add($"u.sex in ({Quoted(filter.Sexes.Select(s => s.ToString()))})");
        return string.Concat(clauses.Select(c => " and " + c));
    }

    private static string Quoted(IEnumerable<string> values) =>
        string.Join(", ", values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"));

    internal static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
