using System.Text.Json;
using Alba;
using Parcours.Identity;
using Parcours.Reference;
using Parcours.Reference.Editing;
using Parcours.Tests.Support;

namespace Parcours.Tests.Reference;

public sealed class ReferenceApiTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<JsonElement> GetJson(string url, Habilitation? by = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(by ?? Staff.SchoolWorker);
            s.Get.Url(url);
            s.StatusCodeShouldBeOk();
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
    }

    private static List<string> Ids(JsonElement items, string property = "id") =>
        items.EnumerateArray().Select(i => i.GetProperty(property).GetString()!).ToList();

    private async Task<string> Put(string url, object body, int status)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Administrator);
            s.Put.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(status);
        });
        return await result.ReadAsTextAsync();
    }

    [Theory]
    [InlineData("/api/reference/programmes")]
    [InlineData("/api/reference/territories")]
    [InlineData("/api/reference/code-lists/destination")]
    [InlineData("/api/reference/structures")]
    public async Task reference_data_is_for_signed_in_workers_only(string url)
    {
        await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task any_signed_in_worker_reads_the_programmes_in_order_with_their_tracks()
    {
        var programmes = await GetJson("/api/reference/programmes");
        Assert.Equal(["PRE", "SAS", "CITE", "MDF"], Ids(programmes));
        var cite = programmes.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "CITE");
        Assert.Equal(["JEUNES", "ADULTES"], Ids(cite.GetProperty("tracks"), "code"));
    }

    [Fact]
    public async Task watch_sectors_are_offered_only_from_2024()
    {
        var in2023 = Ids(await GetJson("/api/reference/territories?on=2023-06-01"));
        var in2024 = Ids(await GetJson("/api/reference/territories?on=2024-06-01"));
        Assert.DoesNotContain("SV-MOLLIEN", in2023);
        Assert.Contains("SV-MOLLIEN", in2024);
        Assert.Contains("BM-GAGARINE", in2023);
        Assert.Contains("SV-MOLLIEN", Ids(await GetJson("/api/reference/territories")));
    }

    [Fact]
    public async Task an_unreadable_date_is_a_400_naming_the_on_parameter()
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.SchoolWorker);
            s.Get.Url("/api/reference/territories?on=01/06/2024");
            s.StatusCodeShouldBe(400);
        });
        Assert.Contains("\"on\"", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task a_code_list_can_be_narrowed_to_one_programme()
    {
        var pre = await GetJson("/api/reference/code-lists/action-category?programme=PRE");
        Assert.Equal(["SCOLARITE", "OUVERTURE", "SANTE", "PARENTALITE"], Ids(pre, "code"));
        var all = await GetJson("/api/reference/code-lists/action-category");
        Assert.True(all.GetArrayLength() > pre.GetArrayLength());
        var sources = await GetJson("/api/reference/code-lists/referral-source?programme=SAS");
        Assert.Contains("MARAUDE", Ids(sources, "code"));
    }

    [Fact]
    public async Task an_unknown_code_list_is_not_found()
    {
        await Host.Scenario(s =>
        {
            s.As(Staff.SchoolWorker);
            s.Get.Url("/api/reference/code-lists/colours");
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task the_structures_are_listed()
    {
        var structures = await GetJson("/api/reference/structures");
        Assert.Contains(Structures.MaisonDesFemmes.ToString(), Ids(structures));
        Assert.Equal(Structures.All.Count, structures.GetArrayLength());
    }

    [Fact]
    public async Task relabelling_and_deactivating_a_code_changes_what_forms_offer()
    {
        await Put("/api/reference/code-lists/destination/CEJ", new CodeListItemChange("CEJ – contrat d'engagement jeune", Order: 2), 200);
        await Put("/api/reference/code-lists/destination/AUTRE", new CodeListItemChange("Autre", Active: false, Order: 13), 200);

        var destinations = await GetJson("/api/reference/code-lists/destination");
        Assert.DoesNotContain("AUTRE", Ids(destinations, "code"));
        Assert.Equal("CEJ – contrat d'engagement jeune",
            destinations.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "CEJ").GetProperty("label").GetString());
    }

    [Fact]
    public async Task a_new_action_category_scoped_to_a_programme_is_created()
    {
        await Put("/api/reference/code-lists/action-category/NUMERIQUE", new CodeListItemChange("Inclusion numérique", Order: 10, Programme: "SAS"), 201);
        Assert.Contains("NUMERIQUE", Ids(await GetJson("/api/reference/code-lists/action-category?programme=SAS"), "code"));
        Assert.DoesNotContain("NUMERIQUE", Ids(await GetJson("/api/reference/code-lists/action-category?programme=PRE"), "code"));
    }

    [Theory]
    [InlineData("/api/reference/code-lists/destination/CEJ", "{\"label\":\" \"}", "label")]
    [InlineData("/api/reference/code-lists/destination/CEJ", "{\"label\":\"CEJ\",\"order\":-1}", "order")]
    [InlineData("/api/reference/code-lists/destination/cej", "{\"label\":\"CEJ\"}", "code")]
    [InlineData("/api/reference/code-lists/destination/CEJ", "{\"label\":\"CEJ\",\"programme\":\"XYZ\"}", "programme")]
    public async Task an_invalid_code_list_item_is_a_400_naming_the_field(string url, string body, string field)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Administrator);
            s.Put.Text(body).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
        Assert.Contains($"\"{field}\"", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task a_territory_ending_before_it_starts_is_a_400_naming_valid_to()
    {
        var body = await Put("/api/reference/territories/SV-MOLLIEN",
            new TerritoryChange("Mollien", "WatchSector", null, new DateOnly(2024, 1, 1), new DateOnly(2023, 12, 31)), 400);
        Assert.Contains("\"validTo\"", body);
    }

    [Theory]
    [InlineData("{\"label\":\"Tunis\",\"kind\":\"SubSector\",\"parent\":\"NOWHERE\",\"validFrom\":\"2015-01-01\"}", "parent")]
    [InlineData("{\"label\":\"Tunis\",\"kind\":\"SubSector\",\"validFrom\":\"2015-01-01\"}", "parent")]
    [InlineData("{\"label\":\"Tunis\",\"kind\":\"Qpv\",\"parent\":\"FNCSP\",\"validFrom\":\"2015-01-01\"}", "parent")]
    [InlineData("{\"label\":\"Tunis\",\"kind\":\"Street\",\"validFrom\":\"2015-01-01\"}", "kind")]
    [InlineData("{\"label\":\"Tunis\",\"kind\":\"Qpv\"}", "validFrom")]
    [InlineData("{\"kind\":\"Qpv\",\"validFrom\":\"2015-01-01\"}", "label")]
    public async Task an_invalid_territory_is_a_400_naming_the_field(string body, string field)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Administrator);
            s.Put.Text(body).ToUrl("/api/reference/territories/FNCSP-TUNIS");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
        Assert.Contains($"\"{field}\"", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task a_territory_leaving_the_perimeter_is_still_offered_for_earlier_dates()
    {
        await Put("/api/reference/territories/SV-MOLLIEN",
            new TerritoryChange("Mollien (Calais)", "WatchSector", null, new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)), 200);

        var in2025 = await GetJson("/api/reference/territories?on=2025-06-01");
        Assert.Equal("Mollien (Calais)", in2025.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "SV-MOLLIEN").GetProperty("label").GetString());
        Assert.DoesNotContain("SV-MOLLIEN", Ids(await GetJson("/api/reference/territories?on=2027-01-01")));
    }

    [Fact]
    public async Task a_new_sub_sector_is_created_under_its_neighbourhood()
    {
        await Put("/api/reference/territories/BM-PLATEAU",
            new TerritoryChange("Beau Marais – Plateau", "SubSector", "BM", new DateOnly(2027, 1, 1), null), 201);
        Assert.DoesNotContain("BM-PLATEAU", Ids(await GetJson("/api/reference/territories?on=2026-06-01")));
        var plateau = (await GetJson("/api/reference/territories?on=2027-06-01")).EnumerateArray().Single(t => t.GetProperty("id").GetString() == "BM-PLATEAU");
        Assert.Equal("BM", plateau.GetProperty("parentId").GetString());
        Assert.Equal("SubSector", plateau.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task only_administrators_edit_reference_data_the_others_get_404_before_any_validation()
    {
        foreach (var url in new[] { "/api/reference/territories/SV-MOLLIEN", "/api/reference/code-lists/destination/CEJ" })
        {
            await Host.Scenario(s =>
            {
                s.As(Staff.PreCoordinator);
                s.Put.Text("{}").ToUrl(url);
                s.WithRequestHeader("Content-Type", "application/json");
                s.StatusCodeShouldBe(404);
            });
        }
    }

    [Fact]
    public async Task editing_reference_data_requires_a_signed_in_worker_before_any_validation()
    {
        await Host.Scenario(s =>
        {
            s.Put.Json(new TerritoryChange(null, null, null, null, null)).ToUrl("/api/reference/territories/SV-MOLLIEN");
            s.StatusCodeShouldBe(401);
        });
        await Host.Scenario(s =>
        {
            s.Put.Json(new CodeListItemChange(null)).ToUrl("/api/reference/code-lists/destination/CEJ");
            s.StatusCodeShouldBe(401);
        });
    }
}
