using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Parcours.Audit;
using Parcours.Audit.Searching;
using Parcours.Identity;
using Parcours.Reference;
using Parcours.Tests.Support;
using static Parcours.Tests.Indicators.ExportHistory;

namespace Parcours.Tests.Indicators;

/// <summary>The exports and the printed report, against a history with small and large cells, read as their users' tools would read them.</summary>
public sealed partial class ExportTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Categories of the long format that are not counts (rates, medians, evolutions).</summary>
    private static readonly string[] NotCounts = ["Taux (%)", "Médiane (jours)", "Écart (nombre)", "Écart (points de %)", "Écart (jours)"];

    private async Task HistoryAsync()
    {
        await BuildAsync(Host, Store);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
    }

    private async Task<IScenarioResult> Get(string url, Habilitation? by = null, int status = 200) =>
        await Host.Scenario(s =>
        {
            s.As(by ?? Staff.StatisticsCoordinator);
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });

    private static async Task<byte[]> Bytes(IScenarioResult result)
    {
        using var memory = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(memory);
        return memory.ToArray();
    }

    private static List<string[]> ParseCsv(byte[] bytes)
    {
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotMatch("[^\r]\n", text);
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(SplitLine).ToList();
    }

    /// <summary>Splits one CSV line on <c>;</c>, honouring quotes.</summary>
    private static string[] SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ';' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }

    private static bool IsSmall(double value) => value is >= 1 and <= 10;

    [Fact]
    public async Task the_csv_opens_in_french_excel_with_a_bom_semicolons_decimal_commas_and_crlf()
    {
        await HistoryAsync();
        var result = await Get($"/api/indicators/export.csv?annee={Year}&quartier=BEAU-MARAIS");
        var bytes = await Bytes(result);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("text/csv", result.Context.Response.ContentType);
        var disposition = result.Context.Response.Headers.ContentDisposition.ToString();
        Assert.StartsWith("attachment", disposition);
        Assert.Contains($"indicateurs-{Year}-beau-marais.csv", disposition);

        var lines = ParseCsv(bytes);
        Assert.Equal(["Indicateur", "Code", "Version", "Année", "Quartier", "Ventilation", "Catégorie", "Valeur", "Secret statistique"], lines[0]);
        Assert.All(lines, l => Assert.Equal(9, l.Length));
        var rate = lines.Single(l => l[1] == "TAUX-ACCEPTATION" && l[3] == Year.ToString(CultureInfo.InvariantCulture) && l[6] == "Taux (%)");
        Assert.Equal(("Beau Marais", "66,7", ""), (rate[4], rate[7], rate[8]));
        Assert.Contains(lines, l => l[8] == "secret (effectif < 11)" && l[7] == "");
        Assert.Contains(lines, l => l[8] == "secret (secondaire)" && l[7] == "");
        // Labels with a separator are quoted, and read back whole.
        Assert.Contains(lines, l => l[0] == "Nombre d'élèves suivis en GPDS orientés vers La Spirale, la ferme urbaine, SAS Coluche");
    }

    [Fact]
    public async Task no_count_between_1_and_10_appears_in_the_csv_the_workbook_the_json_or_the_report()
    {
        await HistoryAsync();
        foreach (var quartier in new[] { "BM", "FNCSP", Elsewhere, "" })
        {
            var query = $"annee={Year}&quartier={quartier}";
            var csv = ParseCsv(await Bytes(await Get($"/api/indicators/export.csv?{query}")));
            var counts = csv.Skip(1).Where(l => !NotCounts.Contains(l[6]) && l[7] != "").Select(l => double.Parse(l[7], new NumberFormatInfo { NumberDecimalSeparator = "," })).ToList();
            Assert.NotEmpty(counts);
            Assert.DoesNotContain(counts, IsSmall);

            var workbook = Workbook(await Bytes(await Get($"/api/indicators/export.xlsx?{query}")));
            var detail = workbook["Détail"].Skip(1).Where(r => !NotCounts.Contains(r[6] as string)).Select(r => r[7]).OfType<double>().ToList();
            Assert.Equal(counts, detail);

            using var json = JsonDocument.Parse(await (await Get($"/api/indicators/export.json?{query}")).ReadAsTextAsync());
            Assert.NotEmpty(JsonCounts(json.RootElement));
            Assert.DoesNotContain(JsonCounts(json.RootElement), IsSmall);

            var report = await (await Get($"/indicateurs/rapport?{query}")).ReadAsTextAsync();
            Assert.NotEmpty(ReportCounts(report));
            Assert.DoesNotContain(ReportCounts(report), IsSmall);
        }
    }

    [Fact]
    public async Task the_workbook_opens_with_openxml_and_holds_the_numbers_of_the_json()
    {
        await HistoryAsync();
        var bytes = await Bytes(await Get($"/api/indicators/export.xlsx?annee={Year}&quartier=BM"));
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        var workbook = Workbook(bytes);
        using var json = JsonDocument.Parse(await (await Get($"/api/indicators/export.json?annee={Year}&quartier=BM")).ReadAsTextAsync());

        var summary = workbook["Synthèse"];
        var header = summary.FindIndex(r => r.Length > 2 && r[2] as string == "Code");
        var indicators = json.RootElement.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(summary.Count - header - 1, indicators.Count);
        foreach (var indicator in indicators)
        {
            var row = summary.Skip(header + 1).Single(r => r[2] as string == indicator.GetProperty("code").GetString());
            Assert.Equal(Expected(indicator.GetProperty("baseline").GetProperty("value")), row[4]);
            Assert.Equal(Expected(indicator.GetProperty("current").GetProperty("value")), row[5]);
            Assert.Equal(Expected(indicator.GetProperty("evolution")), row[6]);
        }
        var rate = summary.Single(r => r.Length > 2 && r[2] as string == "TAUX-ACCEPTATION");
        Assert.Equal(66.7, rate[5]);
        Assert.Equal(12.0, rate[8]);
        Assert.Contains(workbook["Détail"], r => r[7] as string == "secret");
    }

    [Fact]
    public async Task the_json_carries_the_publication_it_is_part_of_and_hidden_figures_with_their_reason()
    {
        await HistoryAsync();
        using var json = JsonDocument.Parse(await (await Get($"/api/indicators/export.json?annee={Year}")).ReadAsTextAsync());
        var root = json.RootElement;
        var publication = root.GetProperty("publication");
        Assert.Equal(11, publication.GetProperty("threshold").GetInt32());
        Assert.True(publication.GetProperty("eventSequence").GetInt64() > 0);
        Assert.True(publication.TryGetProperty("computedAt", out _));
        Assert.Equal(2023, publication.GetProperty("baselineYear").GetInt32());
        Assert.Equal(Year, root.GetProperty("year").GetInt32());
        Assert.Equal("Ensemble du territoire", root.GetProperty("neighbourhoodLabel").GetString());

        var referrals = root.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "SAISINES-PRE");
        var byNeighbourhood = referrals.GetProperty("breakdowns").EnumerateArray().Single(b => b.GetProperty("by").GetString() == "Neighbourhood");
        var fort = byNeighbourhood.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "FNCSP").GetProperty("value");
        Assert.Equal(JsonValueKind.Null, fort.GetProperty("value").ValueKind);
        Assert.Equal("Primary", fort.GetProperty("secret").GetString());
    }

    [Fact]
    public async Task a_referent_is_refused_every_export_and_the_report_with_a_french_403()
    {
        foreach (var url in new[] { "/api/indicators/export.csv", "/api/indicators/export.xlsx", "/api/indicators/export.json" })
        {
            var problem = await (await Get(url, Staff.PreReferent, 403)).Read<Problem>();
            Assert.Equal("Les indicateurs sont réservés aux chargés d'évaluation et aux coordinateurs de programme.", problem.Detail);
        }
        var page = await (await Get("/indicateurs/rapport", Staff.PreReferent, 403)).ReadAsTextAsync();
        Assert.Contains("réservés aux chargés d", page);
        await Get("/api/indicators/export.json", Staff.PreCoordinator);
    }

    [Theory]
    [InlineData("quartier=NULLE-PART", 404, "Aucun quartier ne porte le code « NULLE-PART ».")]
    [InlineData("quartier=BM-GREUZE-VADEZ", 404, "« Beau Marais – Greuze-Vadez » est un sous-secteur : les indicateurs sont publiés pour le quartier « Beau Marais » (code BM).")]
    [InlineData("annee=2019", 400, "Les indicateurs sont publiés pour les années 2023 à ")]
    [InlineData("annee=2999", 400, "Les indicateurs sont publiés pour les années 2023 à ")]
    [InlineData("annee=deux-mille", 400, "La valeur du paramètre « annee » n'est pas valide.")]
    [InlineData("asOf=hier", 400, "« hier » n'est pas une date au format AAAA-MM-JJ.")]
    public async Task a_bad_year_or_an_unknown_neighbourhood_is_a_french_problem(string query, int status, string detail)
    {
        foreach (var format in new[] { "csv", "xlsx", "json" })
        {
            var problem = await (await Get($"/api/indicators/export.{format}?{query}", status: status)).Read<Problem>();
            Assert.Equal(status, problem.Status);
            Assert.StartsWith(detail, problem.Detail);
        }
        var page = await (await Get($"/indicateurs/rapport?{query}", status: status)).ReadAsTextAsync();
        Assert.Contains("<h1>Rapport des indicateurs</h1>", page);
    }

    [Fact]
    public async Task every_export_is_logged_as_a_publication_that_the_event_store_reproduces()
    {
        await HistoryAsync();
        using var json = JsonDocument.Parse(await (await Get($"/api/indicators/export.json?annee={Year}&quartier=BM")).ReadAsTextAsync());
        var id = json.RootElement.GetProperty("publication").GetProperty("publicationId").GetGuid();
        var report = await (await Get($"/indicateurs/rapport?annee={Year}&quartier=BM")).ReadAsTextAsync();
        Assert.Contains("Référence de cette publication : ", report);

        using var log = JsonDocument.Parse(await (await Get("/api/indicators/publications")).ReadAsTextAsync());
        var logged = log.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(("json", "BM", Staff.StatisticsCoordinator.Id), (logged.GetProperty("format").GetString(), logged.GetProperty("neighbourhood").GetString(), logged.GetProperty("by").GetGuid()));
        Assert.Contains(log.RootElement.EnumerateArray(), r => r.GetProperty("format").GetString() == "rapport");
        var reproduced = await Host.Scenario(s =>
        {
            s.As(Staff.StatisticsCoordinator);
            s.Post.Url($"/api/indicators/publications/{id}/reproduce");
            s.StatusCodeShouldBe(200);
        });
        using var answer = JsonDocument.Parse(await reproduced.ReadAsTextAsync());
        Assert.True(answer.RootElement.GetProperty("matches").GetBoolean());
    }

    [Fact]
    public async Task an_export_as_of_a_past_day_shows_the_figures_of_that_day()
    {
        await HistoryAsync();
        var yesterday = Support.Scenarios.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var json = JsonDocument.Parse(await (await Get($"/api/indicators/export.json?annee={Year}&quartier=BM&asOf={yesterday}")).ReadAsTextAsync());
        var publication = json.RootElement.GetProperty("publication");
        Assert.Equal(JsonValueKind.String, publication.GetProperty("asOf").ValueKind);
        // Every event of the history was recorded today: the day before, nothing was referred.
        var referrals = json.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "SAISINES-PRE");
        Assert.Equal(0, referrals.GetProperty("current").GetProperty("value").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task every_export_and_print_is_in_the_audit_trail()
    {
        await Get($"/api/indicators/export.csv?annee={Year}&quartier=beau-marais");
        await Get($"/api/indicators/export.xlsx?annee={Year}");
        await Get($"/indicateurs/rapport?annee={Year}&quartier=BM");
        await Get("/api/indicators/export.json", Staff.PreReferent, 403);

        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        var entries = (await AuditSearch.ReadAsync(data, new AuditFilter(), CancellationToken.None)).Entries
            .Where(e => e.Action == "indicators.export").Select(e => (e.Email, e.Purpose, e.Outcome)).ToList();
        Assert.Contains((Staff.StatisticsCoordinator.Email, $"export csv {Year} BM", AuditOutcome.Allowed), entries);
        Assert.Contains((Staff.StatisticsCoordinator.Email, $"export xlsx {Year} territoire", AuditOutcome.Allowed), entries);
        Assert.Contains((Staff.StatisticsCoordinator.Email, $"export rapport {Year} BM", AuditOutcome.Allowed), entries);
        Assert.Contains((Staff.PreReferent.Email, "export json", AuditOutcome.Refused), entries);
    }

    [Fact]
    public async Task the_report_shows_the_neighbourhood_the_year_the_baseline_and_escapes_what_it_prints()
    {
        await HistoryAsync();
        await using (var session = Store.LightweightSession())
        {
            var bm = (await session.LoadAsync<Territory>("BM"))!;
            bm.Label = "Beau Marais <script>alert(1)</script>";
            session.Store(bm);
            await session.SaveChangesAsync();
        }

        var result = await Get($"/indicateurs/rapport?annee={Year}&quartier=BM");
        var html = await result.ReadAsTextAsync();
        Assert.Contains("default-src 'none'", result.Context.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Contains($"<h1>Indicateurs du contrat de ville – Beau Marais &lt;script&gt;alert(1)&lt;/script&gt; – {Year}</h1>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("Référence 2023", html);
        Assert.Contains("Répartition par sexe", html);
        Assert.Contains("Répartition par tranche d&#x27;âge", html);
        Assert.Contains("secret (&lt; 11)", html);
        Assert.Contains("Taux d&#x27;acceptation des orientations", html);
        Assert.Contains("66,7", html);
        Assert.Matches("jusqu'à l'événement n° [1-9][0-9]*", html);
    }

    /// <summary>Every cell of every sheet: numbers as double, texts as string, by row.</summary>
    private static Dictionary<string, List<object?[]>> Workbook(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = new Dictionary<string, List<object?[]>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = new List<object?[]>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = row.Elements<Cell>().ToList();
                var width = cells.Count == 0 ? 0 : cells.Max(c => ColumnIndex(c.CellReference!)) + 1;
                var values = new object?[width];
                foreach (var cell in cells)
                    values[ColumnIndex(cell.CellReference!)] = cell.DataType?.Value == CellValues.Number
                        ? double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)
                        : cell.InlineString?.Text?.Text;
                rows.Add(values);
            }
            sheets[sheet.Name!] = rows;
        }
        return sheets;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (c - 'A' + 1);
        return index - 1;
    }

    /// <summary>The workbook's cell for a JSON value: the number, "secret" for a hidden figure, nothing otherwise.</summary>
    private static object? Expected(JsonElement figure) =>
        figure.ValueKind == JsonValueKind.Object
            ? figure.GetProperty("secret").GetString() != "None" ? "secret"
            : figure.GetProperty("value").ValueKind == JsonValueKind.Number ? figure.GetProperty("value").GetDouble() : null
            : figure.ValueKind == JsonValueKind.Number ? figure.GetDouble() : null;

    /// <summary>Every count of the JSON: totals of counts, populations of measures, breakdown cells.</summary>
    private static IEnumerable<double> JsonCounts(JsonElement root)
    {
        foreach (var indicator in root.GetProperty("indicators").EnumerateArray())
        {
            var isCount = indicator.GetProperty("measurement").GetString() == "Count";
            foreach (var year in new[] { indicator.GetProperty("baseline"), indicator.GetProperty("current") })
            {
                if (isCount && Number(year.GetProperty("value")) is { } v) yield return v;
                if (year.GetProperty("population") is { ValueKind: JsonValueKind.Object } population && Number(population) is { } p) yield return p;
            }
            foreach (var breakdown in indicator.GetProperty("breakdowns").EnumerateArray())
            foreach (var cell in breakdown.GetProperty("cells").EnumerateArray())
                if (Number(cell.GetProperty("value")) is { } c) yield return c;
        }
    }

    private static double? Number(JsonElement figure) =>
        figure.GetProperty("value") is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    /// <summary>
    /// Every count the report prints: the breakdown tables' cells, the populations, and the figures
    /// of the count indicators in the main table (not the evolutions, rates or medians).
    /// </summary>
    private static IEnumerable<double> ReportCounts(string html)
    {
        foreach (Match row in RowPattern().Matches(html))
        {
            var cells = CellPattern().Matches(row.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
            var isMainTable = cells.Count == 5 && !row.Value.Contains("<th scope=\"col\">");
            var isMeasure = isMainTable && row.Value.Contains("(effectif : ");
            var figures = isMainTable ? cells.Skip(2).Take(2) : cells.Skip(1);
            foreach (var text in figures)
            {
                foreach (Match population in PopulationPattern().Matches(text)) yield return double.Parse(population.Groups[1].Value, CultureInfo.InvariantCulture);
                var figure = PopulationPattern().Replace(text, "").Trim();
                if (!isMeasure && double.TryParse(figure, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) yield return n;
            }
        }
    }

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex(@"<br>\(effectif : ([0-9]+)\)")]
    private static partial Regex PopulationPattern();
}
