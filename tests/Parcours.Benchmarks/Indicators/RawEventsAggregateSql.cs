namespace Parcours.Benchmarks.Indicators;

/// <summary>
/// Baseline 2 of goal 5: the main counts of the export aggregated straight from the raw events
/// (<c>parcours.mt_events</c>, jsonb), as one would without any projection: referrals, people
/// followed, exits by outcome and orientations by destination, per year, neighbourhood, sex, age
/// band, programme and source. It reads the events once (one scan, the fields it needs) and
/// simplifies the rules (no reopenings, no merges, no rates or medians), so it does less than
/// the export: the ratio against it is conservative.
/// </summary>
public static class RawEventsAggregateSql
{
    public static string For(IReadOnlyList<int> years) => $"""
        with ev as materialized (
          select e.stream_id, e.type, e.data->>'PersonId' as person, e.data->>'Programme' as programme,
                 e.data->>'TerritoryCode' as territory, e.data->>'Sex' as sex, e.data->>'AgeBand' as age,
                 e.data->>'ReferralSource' as source, e.data->>'Outcome' as outcome, e.data->>'Destination' as dest,
                 coalesce(e.data->>'ReferredOn', e.data->>'StartedOn', e.data->>'ExitedOn', e.data->>'ProposedOn')::date as on_
          from parcours.mt_events e
          where e.type in ('pathway_referred', 'accompaniment_started', 'pathway_exited', 'orientation_proposed')),
        years as (select unnest(array[{string.Join(',', years)}]) as y),
        referred as (
          select r.*, case when t.data->>'Kind' = 'SubSector' and t.data->>'ParentId' is not null then t.data->>'ParentId' else r.territory end as nb
          from ev r left join parcours.mt_doc_territory t on t.id = r.territory
          where r.type = 'pathway_referred'),
        started as (select stream_id, min(on_) as on_ from ev where type = 'accompaniment_started' group by stream_id),
        exited as (select stream_id, on_, outcome from ev where type = 'pathway_exited'),
        last_exit as (select stream_id, max(on_) as on_ from exited group by stream_id),
        units as (
          select 'referrals' as what, y.y, r.stream_id::text as key, r.nb, r.sex, r.age, r.programme, r.source, null::text as category
          from referred r join years y on extract(year from r.on_) = y.y
          union all
          select 'followed', y.y, r.programme || '|' || r.person, r.nb, r.sex, r.age, r.programme, r.source, null
          from referred r join started s on s.stream_id = r.stream_id left join last_exit x on x.stream_id = r.stream_id
          join years y on s.on_ <= make_date(y.y, 12, 31) and (x.on_ is null or x.on_ >= make_date(y.y, 1, 1))
          union all
          select 'exits', y.y, r.programme || '|' || r.person, r.nb, r.sex, r.age, r.programme, r.source, x.outcome
          from referred r join exited x on x.stream_id = r.stream_id join years y on extract(year from x.on_) = y.y
          union all
          select 'orientations', y.y, o.dest || '|' || r.person, r.nb, r.sex, r.age, r.programme, r.source, o.dest
          from referred r join ev o on o.stream_id = r.stream_id and o.type = 'orientation_proposed'
          join years y on extract(year from o.on_) = y.y),
        latest as (select distinct on (what, y, key) * from units)
        select what, y, nb, dimension, value, count(*)::int as n from (
          select what, y, nb, 'Sex' as dimension, sex as value from latest
          union all select what, y, nb, 'AgeBand', age from latest
          union all select what, y, nb, 'Programme', programme from latest
          union all select what, y, nb, 'ReferralSource', source from latest
          union all select what, y, nb, 'Category', category from latest where category is not null) cells
        group by grouping sets ((what, y, nb, dimension, value), (what, y, dimension, value), (what, y, nb, dimension), (what, y, dimension))
        """;
}
