using System.Text.Json;
using Parcours.Tests.Support;

namespace Parcours.Tests.Api;

public sealed class OpenApiTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_openapi_document_lists_every_endpoint_of_the_api()
    {
        var result = await Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        string[] expected =
        [
            "GET /api/pathways", "POST /api/pathways", "GET /api/pathways/{pathwayId}",
            "POST /api/pathways/{pathwayId}/acceptance", "POST /api/pathways/{pathwayId}/decline",
            "POST /api/pathways/{pathwayId}/accompaniment", "POST /api/pathways/{pathwayId}/actions",
            "POST /api/pathways/{pathwayId}/actions/{actionId}/completion", "POST /api/pathways/{pathwayId}/actions/{actionId}/cancellation",
            "POST /api/pathways/{pathwayId}/reviews", "POST /api/pathways/{pathwayId}/orientations",
            "POST /api/pathways/{pathwayId}/orientations/{orientationId}/acceptance", "POST /api/pathways/{pathwayId}/orientations/{orientationId}/refusal",
            "POST /api/pathways/{pathwayId}/suspension", "POST /api/pathways/{pathwayId}/resumption",
            "POST /api/pathways/{pathwayId}/exit", "POST /api/pathways/{pathwayId}/reopening",
            "POST /api/people", "GET /api/people/{personId}", "POST /api/people/{personId}/links",
        ];
        Assert.All(expected, operation => Assert.Contains(operation, operations));
    }

    [Fact]
    public async Task the_openapi_document_names_operations_and_describes_request_bodies()
    {
        var result = await Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());

        var refer = document.RootElement.GetProperty("paths").GetProperty("/api/pathways").GetProperty("post");
        Assert.Equal("referPerson", refer.GetProperty("operationId").GetString());
        Assert.True(refer.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }
}
