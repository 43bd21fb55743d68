using System.Text.Json;
using Alba;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Identity;
using Parcours.Indicators.Disclosure;
using Parcours.Indicators.Definitions;
using Parcours.Indicators.Facts;
using Parcours.Indicators.Publishing;
using Parcours.Kernel;
using Parcours.Permanences;
using Parcours.Permanences.Listing;
using Parcours.Permanences.Recording;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Permanences;

public sealed class PermanenceRecordingTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Url = "/api/permanences";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static RecordPermanenceSessionRequest Session(DateOnly? on = null, string kind = "JURISTE", string territory = "BM-GAGARINE", params PeopleReceived[] received) =>
        new(on ?? Today.AddDays(-3), kind, territory, received.Length > 0 ? [.. received.Select(ReceivedLine.Of)] : [new ReceivedLine(Sex.F, "26-44", 6), new ReceivedLine(Sex.F, "45-59", 2)]);

    [Fact]
    public async Task a_maison_des_femmes_worker_records_a_session_with_counts_only_and_finds_it_in_the_list()
    {
        var (_, id) = await Host.Created(Url, Session(received: [new PeopleReceived(Sex.F, "26-44", 6), new PeopleReceived(Sex.M, "18-25", 0), new PeopleReceived(Sex.F, "18-25", 3)]), Staff.MdfWorker);

        var list = await (await Host.Scenario(s =>
        {
            s.As(Staff.MdfWorker);
            s.Get.Url($"{Url}?year={Today.AddDays(-3).Year}");
        })).Read<List<PermanenceSessionView>>();
        var session = Assert.Single(list);
        Assert.Equal((id, "JURISTE", "BM-GAGARINE", 9), (session.Id, session.Kind, session.TerritoryCode, session.Total));
        // Zero lines are dropped; lines are kept in the order of the age bands.
        Assert.Equal([new PeopleReceived(Sex.F, "18-25", 3), new PeopleReceived(Sex.F, "26-44", 6)], session.Received);

        var one = await (await Host.Scenario(s =>
        {
            s.As(Staff.MdfWorker);
            s.Get.Url($"{Url}/{id}");
        })).Read<PermanenceSessionView>();
        Assert.Equal(9, one.Total);
    }

    [Theory]
    [InlineData("pre")]
    [InlineData("stats")]
    [InlineData("partner")]
    public async Task permanences_do_not_exist_for_anyone_outside_the_maison_des_femmes(string who)
    {
        var worker = who switch { "pre" => Staff.PreCoordinator, "stats" => Staff.StatisticsCoordinator, _ => Staff.CcasSocialWorker };
        var (_, id) = await Host.Created(Url, Session(), Staff.MdfWorker);

        var (problem, _) = await Host.Refused(Url, Session(), 404, worker);
        Assert.Equal("Ressource introuvable.", problem.Detail);
        await Host.Scenario(s =>
        {
            s.As(worker);
            s.Get.Url(Url);
            s.StatusCodeShouldBe(404);
        });
        await Host.Scenario(s =>
        {
            s.As(worker);
            s.Get.Url($"{Url}/{id}");
            s.StatusCodeShouldBe(404);
        });
        await using var query = Store.QuerySession();
        Assert.Equal(1, await query.Query<PermanenceSessionView>().CountAsync());
    }

    public static TheoryData<string, object, string, string> BadSessions() => new()
    {
        { "negative count", new { heldOn = Today.AddDays(-1), kind = "ECOUTE", territoryCode = "BM", received = new[] { new { sex = "F", ageBand = "26-44", people = -2 } } }, "received", "négatif" },
        { "future date", new { heldOn = Today.AddDays(2), kind = "ECOUTE", territoryCode = "BM", received = new[] { new { sex = "F", ageBand = "26-44", people = 2 } } }, "heldOn", "futur" },
        { "missing date", new { kind = "ECOUTE", territoryCode = "BM", received = new[] { new { sex = "F", ageBand = "26-44", people = 2 } } }, "heldOn", "obligatoire" },
        { "unknown kind", new { heldOn = Today.AddDays(-1), kind = "VOYANCE", territoryCode = "BM", received = new[] { new { sex = "F", ageBand = "26-44", people = 2 } } }, "kind", "inconnu" },
        { "missing kind", new { heldOn = Today.AddDays(-1), territoryCode = "BM", received = new[] { new { sex = "F", ageBand = "26-44", people = 2 } } }, "kind", "obligatoire" },
        { "unknown neighbourhood", new { heldOn = Today.AddDays(-1), kind = "CIDFF", territoryCode = "ATLANTIDE", received = new[] { new { sex = "F", ageBand = "26-44", people = 2 } } }, "territoryCode", "inconnu" },
        { "unknown age band", new { heldOn = Today.AddDays(-1), kind = "CIDFF", territoryCode = "BM", received = new[] { new { sex = "F", ageBand = "25-30", people = 2 } } }, "received", "Tranche d'âge inconnue" },
        { "line given twice", new { heldOn = Today.AddDays(-1), kind = "CIDFF", territoryCode = "BM", received = new[] { new { sex = "F", ageBand = "26-44", people = 2 }, new { sex = "F", ageBand = "26-44", people = 3 } } }, "received", "deux fois" },
        { "implausible count", new { heldOn = Today.AddDays(-1), kind = "CIDFF", territoryCode = "BM", received = new[] { new { sex = "F", ageBand = "26-44", people = 100000 } } }, "received", "vérifiez" },
        { "line without sex", new { heldOn = Today.AddDays(-1), kind = "CIDFF", territoryCode = "BM", received = new[] { new { ageBand = "26-44", people = 2 } } }, "received", "sexe est obligatoire" },
        { "no counts", new { heldOn = Today.AddDays(-1), kind = "CIDFF", territoryCode = "BM" }, "received", "Indiquez" },
        { "watch sector before it existed", new { heldOn = new DateOnly(2023, 5, 2), kind = "CIDFF", territoryCode = "SV-MOLLIEN", received = new[] { new { sex = "F", ageBand = "26-44", people = 2 } } }, "territoryCode", "n'existe pas" },
    };

    [Theory]
    [MemberData(nameof(BadSessions))]
    public async Task bad_input_is_refused_with_a_french_problem_naming_the_field(string why, object body, string field, string words)
    {
        var (problem, _) = await Host.Refused(Url, body, 400, Staff.MdfWorker);
        Assert.True(problem.Detail.Contains(words, StringComparison.Ordinal), $"{why}: {problem.Detail}");
        Assert.Equal("Requête invalide", problem.Title);
        Assert.NotNull(problem.Errors);
        Assert.True(problem.Errors!.ContainsKey(field), why);
        await using var query = Store.QuerySession();
        Assert.Equal(0, await query.Query<PermanenceSessionView>().CountAsync());
    }

    [Fact]
    public async Task an_unreadable_sex_or_count_is_a_400_not_a_500()
    {
        var body = new { heldOn = Today.AddDays(-1), kind = "CIDFF", territoryCode = "BM", received = new[] { new { sex = "X", ageBand = "26-44", people = "beaucoup" } } };
        await Host.Scenario(s =>
        {
            s.As(Staff.MdfWorker);
            s.Post.Json(body).ToUrl(Url);
            s.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task people_received_are_published_by_neighbourhood_sex_and_age_band_and_no_figure_between_1_and_10_appears()
    {
        var year = Today.AddDays(-3).Year;
        await Host.Created(Url, Session(Today.AddDays(-3), "JURISTE", "BM-GAGARINE", new PeopleReceived(Sex.F, "26-44", 14), new PeopleReceived(Sex.F, "45-59", 12), new PeopleReceived(Sex.M, "26-44", 2)), Staff.MdfWorker);
        await Host.Created(Url, Session(Today.AddDays(-3), "CIDFF", "BM", new PeopleReceived(Sex.F, "26-44", 9), new PeopleReceived(Sex.F, "18-25", 15)), Staff.MdfWorker);
        await Host.Created(Url, Session(Today.AddDays(-3), "ECOUTE", "FNCSP-TUNIS", new PeopleReceived(Sex.F, "26-44", 11), new PeopleReceived(Sex.M, "26-44", 3)), Staff.MdfWorker);

        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        var publication = await Host.Services.GetRequiredService<IndicatorPublications>().LiveAsync([year], CancellationToken.None);
        var permanences = publication.Indicator("PERMANENCES-MDF").Year(year)!;

        Assert.Equal(IndicatorKind.Receptions, publication.Indicator("PERMANENCES-MDF").Definition.Kind);
        // 66 people in all; Beau Marais (a sub-sector rolls up to its QPV) received 52, Fort Nieulay 14.
        Assert.Equal(new PublishedValue(66, Suppression.None), permanences.Total());
        Assert.Equal(new PublishedValue(52, Suppression.None), permanences.Total("BM"));
        Assert.Equal(new PublishedValue(14, Suppression.None), permanences.Total("FNCSP"));
        // 2 men in Beau Marais: hidden, and the 50 women with them, or 52 − 50 would give them away.
        var bySex = permanences.Cells(Dimension.Sex, "BM").ToDictionary(c => c.Category, c => c.Value);
        Assert.Equal(Suppression.Primary, bySex["M"].Suppression);
        Assert.Equal(Suppression.Secondary, bySex["F"].Suppression);
        Assert.Equal(25, permanences.Cells(Dimension.AgeBand, "BM").Single(c => c.Category == "26-44").Value.Value);

        var published = permanences.Breakdowns.SelectMany(b => b.Table.Cells.SelectMany(r => r).Concat(b.Table.RowTotals).Concat(b.Table.ColumnTotals).Append(b.Table.GrandTotal));
        Assert.DoesNotContain(published, v => v.Value is >= 1 and <= 10);
    }

    [Fact]
    public async Task a_publication_as_of_a_past_instant_or_reproduced_from_its_sequence_counts_the_same_sessions()
    {
        var year = Today.AddDays(-3).Year;
        await Host.Created(Url, Session(Today.AddDays(-3), "JURISTE", "BM", new PeopleReceived(Sex.F, "26-44", 15)), Staff.MdfWorker);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        var publications = Host.Services.GetRequiredService<IndicatorPublications>();
        var live = await publications.LiveAsync([year], CancellationToken.None);
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await Host.Created(Url, Session(Today.AddDays(-2), "CIDFF", "BM", new PeopleReceived(Sex.F, "26-44", 20)), Staff.MdfWorker);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);

        PublishedValue Total(Publication p) => p.Indicator("PERMANENCES-MDF").Year(year)!.Total();
        Assert.Equal(15, Total(live).Value);
        Assert.Equal(35, Total(await publications.LiveAsync([year], CancellationToken.None)).Value);
        var asOf = await publications.AsOfAsync(between, [year], CancellationToken.None);
        Assert.Equal(15, Total(asOf).Value);
        var reproduced = await publications.ReproduceAsync(live.EventSequence, [year], live.ComputedAt, null, live.Threshold, live.BaselineYear, CancellationToken.None);
        Assert.Equal(15, Total(reproduced).Value);
        var reproducedAsOf = await publications.ReproduceAsync(asOf.EventSequence, [year], between, between, asOf.Threshold, asOf.BaselineYear, CancellationToken.None);
        Assert.Equal(15, Total(reproducedAsOf).Value);
    }

    [Fact]
    public async Task the_reception_facts_hold_counts_and_categories_only_not_who_recorded_them()
    {
        await Host.Created(Url, Session(), Staff.MdfWorker);
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        await using var session = Store.QuerySession();
        var raw = Assert.Single(await session.QueryAsync<string>("select data::text from parcours.mt_doc_receptionfact"));
        Assert.DoesNotContain(Staff.MdfWorker.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        var properties = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(raw)!.Keys.Order();
        Assert.Equal(["HeldOn", "Id", "Kind", "ParentTerritoryCode", "Received", "TerritoryCode", "TerritoryKind"], properties);
    }
}
