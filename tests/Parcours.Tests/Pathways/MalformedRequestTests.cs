using Alba;
using Parcours.Identity;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Pathways;

/// <summary>Whatever a client sends, the answer is a ProblemDetails, never a 500.</summary>
public sealed class MalformedRequestTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<IScenarioResult> Send(string url, string body, int status, string contentType) => Host.Scenario(s =>
    {
        s.As(Staff.PreReferent);
        s.Post.Text(body).ToUrl(url);
        s.WithRequestHeader("Content-Type", contentType);
        s.StatusCodeShouldBe(status);
    });

    /// <summary>Posts a raw body that must be refused: the answer is a French ProblemDetails.</summary>
    private async Task<Problem> PostRaw(string url, string body, int status, string contentType = "application/json")
    {
        var result = await Send(url, body, status, contentType);
        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        var problem = System.Text.Json.JsonSerializer.Deserialize<Problem>(await result.ReadAsTextAsync(), Json)!;
        Assert.Equal(status, problem.Status);
        return problem;
    }

    private const string Referral = """
        {"person":{"firstName":"Léo","lastName":"Dupont","birthDate":"2016-03-01","sex":"M"},"programme":"PRE","referredOn":"REFERRED",
         "referralSource":"ECOLE","territoryCode":"BM","referentStructureId":"0195a000-0000-7000-8000-000000000001"}
        """;

    [Fact]
    public async Task a_date_that_is_not_a_date_is_a_400_naming_the_field_in_french()
    {
        var problem = await PostRaw("/api/pathways", Referral.Replace("REFERRED", "pas une date"), 400);

        Assert.Equal("Requête invalide", problem.Title);
        Assert.Contains("illisible", problem.Detail);
        Assert.Equal("referredOn", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task a_nested_field_of_the_wrong_type_is_a_400_naming_its_path()
    {
        var problem = await PostRaw("/api/pathways",
            Referral.Replace("REFERRED", Today.ToString("yyyy-MM-dd")).Replace("\"sex\":\"M\"", "\"sex\":\"licorne\""), 400);

        Assert.Equal("person.sex", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task a_well_formed_referral_posted_raw_is_accepted() =>
        await Send("/api/pathways", Referral.Replace("REFERRED", Today.AddDays(-1).ToString("yyyy-MM-dd")), 201, "application/json");

    [Theory]
    [InlineData("ceci n'est pas du JSON")]
    [InlineData("{\"programme\": \"PRE\",")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"PRE\"")]
    [InlineData("")]
    [InlineData("null")]
    public async Task a_body_that_is_not_a_json_object_is_a_400_on_the_body(string body)
    {
        var problem = await PostRaw("/api/pathways", body, 400);

        Assert.Equal("body", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task a_command_with_a_version_that_is_not_a_number_is_a_400()
    {
        var id = await Host.AcceptedPathway();

        var problem = await PostRaw($"/api/pathways/{id}/accompaniment", "{\"expectedVersion\":\"deux\",\"startedOn\":\"2025-01-01\"}", 400);

        Assert.Equal("expectedVersion", Assert.Single(problem.Errors!).Key);
    }

    [Theory]
    [InlineData("{}", "resumedOn")]
    [InlineData("{\"expectedVersion\": 4}", "resumedOn")]
    [InlineData("null", "body")]
    [InlineData("", "body")]
    public async Task a_command_without_its_date_is_a_400_naming_what_is_missing(string body, string field)
    {
        var id = await Host.ActivePathway();
        await Host.Done($"/api/pathways/{id}/suspension", new { suspendedOn = Today, reasonCode = "ABSENCE" });

        var problem = await PostRaw($"/api/pathways/{id}/resumption", body, 400);

        Assert.Equal(field, Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task a_command_with_a_missing_code_is_a_400_naming_the_field()
    {
        var id = await Host.ActivePathway();

        var problem = await PostRaw($"/api/pathways/{id}/suspension", $"{{\"suspendedOn\":\"{Today:yyyy-MM-dd}\"}}", 400);

        Assert.Equal("reasonCode", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task a_body_of_another_media_type_is_a_415_not_a_500() =>
        await Send($"/api/pathways/{Guid.CreateVersion7()}/exit", "<exit/>", 415, "application/xml");

    [Fact]
    public async Task an_unknown_pathway_is_a_404()
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.PreReferent);
            s.Get.Url($"/api/pathways/{Guid.CreateVersion7()}");
            s.StatusCodeShouldBe(404);
        });
        Assert.Contains("introuvable", await result.ReadAsTextAsync());

        await Host.Refused($"/api/pathways/{Guid.CreateVersion7()}/acceptance", new { acceptedOn = Today }, 404);
    }

    [Fact]
    public async Task a_pathway_id_that_is_not_an_id_is_a_404() =>
        await Host.Scenario(s =>
        {
            s.As(Staff.PreReferent);
            s.Get.Url("/api/pathways/pas-un-identifiant");
            s.StatusCodeShouldBe(404);
        });
}
