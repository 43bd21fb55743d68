using System.Diagnostics;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;
using Parcours.Audit;
using Parcours.Benchmarks.Reporting;
using Parcours.Identity;
using Parcours.Indicators.Counting;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Exporting;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;
using Parcours.Indicators.Reproducing;

namespace Parcours.Benchmarks.Indicators;

/// <summary>
/// Goal 5: the indicator export as a statistics coordinator gets it (the CSV of the current year,
/// computed from the live publication, which covers the baseline year to the current one) against
/// (1) the same figures as one hand-written SQL aggregate over the same facts and (2) the main
/// counts aggregated from the raw events. The export is measured cold — a new publication
/// service, so nothing cached — and, for information, warm (the publication reused).
/// Measured in-process: the export's own code path (<see cref="ReportRequest.ResolveAsync"/>:
/// access check, publication, log, audit entry, view) and <see cref="IndicatorCsv.Write"/>.
/// </summary>
public static class IndicatorExportMeasure
{
    private const string Goal = "5";

    public static async Task RunAsync(BenchContext context, CancellationToken ct)
    {
        var store = context.Store;
        await new IndicatorDefinitionSeed().Populate(store, ct);

        var pseudonyms = new Pseudonyms(PseudonymKey.Resolve(new ConfigurationBuilder().Build(), context.Database.ConnectionString, "parcours"));
        await using var dataSource = NpgsqlDataSource.Create(context.Database.ConnectionString);
        var trail = new AuditTrail(dataSource);
        var worker = new CurrentWorker(Guid.NewGuid(), "statistiques@bench.invalid", Guid.NewGuid(), "Bench statistiques",
            new HashSet<Role> { Role.StatisticsCoordinator }, new HashSet<SpecialCategory>());
        IndicatorPublications NewPublications() => new(store, pseudonyms, Options.Create(new IndicatorOptions()), TimeProvider.System);

        async Task<int> ExportAsync(IndicatorPublications publications)
        {
            await using var session = store.QuerySession();
            var sources = new ReportSources(publications, new PublicationLog(store, publications, TimeProvider.System), session, trail, TimeProvider.System);
            var (report, refusal) = await ReportRequest.ResolveAsync(worker, sources, "csv", null, null, null, ct);
            if (report is null) throw new InvalidOperationException($"Export refused: {refusal}");
            return IndicatorCsv.Write(report).Length;
        }

        var years = NewPublications().DefaultYears();
        var factsSql = FactsAggregateSql.For(IndicatorCatalogue.All, years);
        var rawSql = RawEventsAggregateSql.For(years);
        // In the temporary folder, for EXPLAIN (ANALYZE, BUFFERS) by hand.
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"parcours-bench-{context.Scale.Name}-indicators-facts.sql"), factsSql, ct);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"parcours-bench-{context.Scale.Name}-indicators-events.sql"), rawSql, ct);
        await CheckAgainstParcoursAsync(context, factsSql, years, ct);

        await ProfileAsync(context, years, ct);

        var cold = new List<double>();
        var warm = new List<double>();
        var facts = new List<double>();
        var raw = new List<double>();
        var bytes = 0;
        for (var i = 0; i < context.Scale.Repetitions; i++)
        {
            var publications = NewPublications();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            cold.Add(await TimeAsync(async () => bytes = await ExportAsync(publications)));
            var coldCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            warm.Add(await TimeAsync(() => ExportAsync(publications)));
            facts.Add(await TimeAsync(() => RowsAsync(context, factsSql, ct)));
            raw.Add(await TimeAsync(() => RowsAsync(context, rawSql, ct)));
            Harness.Log($"  indicators #{i + 1}: export cold {cold[^1]:0.000} s (CPU {coldCpu:0.000} s), warm {warm[^1]:0.000} s, SQL on facts {facts[^1]:0.000} s, SQL on events {raw[^1]:0.000} s");
        }

        var (c, w, f, r) = (Median(cold), Median(warm), Median(facts), Median(raw));
        var how = $"in-process export path (ReportRequest + CSV, {bytes:N0} bytes, years {years[0]}–{years[^1]}), cold: new publication service; median of {cold.Count}";
        context.Measures.Add(Measure.AtMost(Goal, "Indicator export (cold) vs SQL aggregate over the facts", context.Scale, c, f, "s", 1.5, how));
        context.Measures.Add(Measure.AtMost(Goal, "Indicator export (cold) vs aggregating the raw events", context.Scale, c, r, "s", 0.01,
            "baseline: referrals, followed, exits, orientations from mt_events in one SQL statement"));
        context.Measures.Add(Measure.Info("Indicator export (warm: live publication reused)", context.Scale, w, "s",
            $"{r / w:0}× faster than the raw-event aggregate; {f / w:0.#}× faster than the facts aggregate"));
    }

    /// <summary>Where a cold publication's time goes: reading the facts, counting them, disclosure control (logged).</summary>
    private static async Task ProfileAsync(BenchContext context, IReadOnlyList<int> years, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var session = context.Store.QuerySession();
        var documents = await session.Query<IndicatorFact>().ToListAsync(ct);
        var whole = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var facts = await IndicatorFactReader.ReadAsync(session, "parcours", ct);
        var read = watch.Elapsed.TotalSeconds;
        Harness.Log($"  indicators profile: read {documents.Count:N0} whole fact documents {whole:0.000} s, the counted fields only {read:0.000} s");
        watch.Restart();
        var counts = IndicatorCatalogue.All.Where(d => d.IsCount && d.Kind != IndicatorKind.Receptions).ToList();
        var perKind = new Dictionary<IndicatorKind, double>();
        var units = new List<(int Year, IndicatorDefinition Definition, IReadOnlyList<IndicatorCounter.Unit> Units)>();
        foreach (var year in years)
            foreach (var d in counts)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                units.Add((year, d, IndicatorCounter.UnitsOf(facts, d, year)));
                perKind[d.Kind] = perKind.GetValueOrDefault(d.Kind) + (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            }
        var chosen = watch.Elapsed.TotalSeconds;
        Harness.Log("  indicators profile: CPU choosing units by kind: " + string.Join(", ", perKind.Select(k => $"{k.Key} {k.Value:0.000} s")) +
                    $"; units {units.Sum(u => u.Units.Count):N0}");
        watch.Restart();
        foreach (var (year, definition, list) in units)
            foreach (var by in IndicatorPublisher.BreakdownsOf(definition))
                IndicatorCounter.Tabulate(list, definition, year, null, Dimension.Neighbourhood, by);
        var tabulated = watch.Elapsed.TotalSeconds;
        watch.Restart();
        foreach (var definition in IndicatorCatalogue.All.Where(d => !d.IsCount))
            foreach (var year in years)
                IndicatorCounter.Measure(facts, definition, year, null);
        var measured = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var rules = new Parcours.Indicators.Disclosure.DisclosureRules(new IndicatorOptions().Threshold);
        foreach (var (year, definition, _) in units)
            Parcours.Indicators.Disclosure.Suppress.Tables(IndicatorPublisher.CountTables(facts, definition, year), rules);
        var suppressed = watch.Elapsed.TotalSeconds;
        watch.Restart();
        IndicatorPublisher.Publish(facts, IndicatorCatalogue.All, years, new Parcours.Indicators.Disclosure.DisclosureRules(new IndicatorOptions().Threshold));
        var published = watch.Elapsed.TotalSeconds;
        Harness.Log($"  indicators profile: choose units {chosen:0.000} s; tabulate {tabulated:0.000} s; " +
                    $"rates and medians (territory) {measured:0.000} s; counts + one suppression per indicator-year {suppressed:0.000} s; whole publisher (all that, fingerprints, suppression) {published:0.000} s");
    }

    /// <summary>
    /// The hand-written aggregate must give Parcours' own true counts (before disclosure control):
    /// every cell of every breakdown table and every grand total, compared at city scale and below.
    /// </summary>
    private static async Task CheckAgainstParcoursAsync(BenchContext context, string factsSql, IReadOnlyList<int> years, CancellationToken ct)
    {
        if (context.Scale.Pathways > Scale.City.Pathways) return;
        await using var session = context.Store.QuerySession();
        var facts = await session.Query<IndicatorFact>().ToListAsync(ct);
        var cells = new Dictionary<(string Code, int Year, string Neighbourhood, string Dimension, string Category), int>();
        var totals = new Dictionary<(string Code, int Year), int>();
        await using (var connection = new NpgsqlConnection(context.Database.OwnerConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"select code, y, nb, dimension, category, n from ({factsSql}) a where dimension is not null", connection)
                { CommandTimeout = 0 };
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (code, year, dimension) = (reader.GetString(0), reader.GetInt32(1), reader.GetString(3));
                if (reader.IsDBNull(2) && reader.IsDBNull(4)) totals[(code, year)] = reader.GetInt32(5);
                else if (!reader.IsDBNull(2) && !reader.IsDBNull(4)) cells[(code, year, reader.GetString(2), dimension, reader.GetString(4))] = reader.GetInt32(5);
            }
        }
        var (compared, differences) = (0, 0);
        void Compare(string what, int parcours, int sql)
        {
            compared++;
            if (parcours == sql) return;
            if (++differences <= 10) Harness.Log($"  SQL aggregate differs: {what}: Parcours {parcours}, SQL {sql}");
        }
        foreach (var definition in IndicatorCatalogue.All.Where(d => d.IsCount && d.Kind != IndicatorKind.Receptions))
            foreach (var year in years)
            {
                var tables = IndicatorPublisher.CountTables(facts, definition, year);
                Compare($"{definition.Code} {year} total", tables[0].GrandTotal, totals.GetValueOrDefault((definition.Code, year)));
                foreach (var (table, by) in tables.Zip(IndicatorPublisher.BreakdownsOf(definition)))
                    for (var r = 0; r < table.RowLabels.Count; r++)
                        for (var c = 0; c < table.ColumnLabels.Count; c++)
                            Compare($"{definition.Code} {year} {table.RowLabels[r]} × {table.ColumnLabels[c]}", table.Counts[r][c],
                                cells.GetValueOrDefault((definition.Code, year, table.RowLabels[r], by.ToString(), table.ColumnLabels[c])));
            }
        Harness.Log($"  SQL aggregate over the facts checked against Parcours' true counts: {compared:N0} figures, {differences} differences");
    }

    private static async Task<int> RowsAsync(BenchContext context, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(context.Database.ConnectionString);
        await connection.OpenAsync(ct);
        // Tuned as one would by hand after EXPLAIN: JIT compilation of these long statements costs more than it
        // saves, the planner's guesses on CTE scans pick nested loops over thousands of rows, and sorts spill to disk under
        // the default work_mem.
        await using (var settings = new NpgsqlCommand("set jit = off; set enable_nestloop = off; set work_mem = '256MB'", connection)) await settings.ExecuteNonQueryAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = 0;
        while (await reader.ReadAsync(ct)) rows++;
        return rows;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
