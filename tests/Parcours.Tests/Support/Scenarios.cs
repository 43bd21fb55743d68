using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alba;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.GettingDetails;
using Parcours.People;
using Parcours.Pathways.Referring;
using Parcours.Reference;

namespace Parcours.Tests.Support;

/// <summary>A ProblemDetails answer as clients read it.</summary>
public sealed record Problem(int Status, string Title, string Detail, Dictionary<string, string[]>? Errors)
{
    /// <summary>The answer body without what differs from one request to the next (trace id).</summary>
    public static string Normalised(string body)
    {
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body)!;
        json.Remove("traceId");
        return JsonSerializer.Serialize(json.OrderBy(p => p.Key).ToDictionary());
    }
}

/// <summary>Builds test state through the public API, as a worker would.</summary>
public static class Scenarios
{
    /// <summary>The API's JSON: web defaults, enums as strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> Read<T>(this IScenarioResult result) => JsonSerializer.Deserialize<T>(await result.ReadAsTextAsync(), Json)!;

    public static Scenario As(this Scenario scenario, Habilitation worker)
    {
        scenario.WithClaim(new Claim("sub", worker.Id.ToString()));
        scenario.WithClaim(new Claim("email", worker.Email));
        scenario.WithClaim(new Claim(CurrentWorker.StructureClaim, worker.StructureId.ToString()));
        scenario.WithClaim(new Claim("name", worker.DisplayName));
        return scenario;
    }

    /// <summary>The test's calendar day: the server's day, in Paris (between 22:00 and 24:00 UTC it is a day ahead of UTC's).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static NewPerson Child(Sex sex = Sex.M, int age = 9) =>
        new("Léo", "Dupont", Today.AddYears(-age).AddDays(-30), sex, "12 rue Greuze, Calais", "0600000000", null);

    public static NewPerson Woman(int age = 34) => new("Awa", "Diallo", Today.AddYears(-age).AddDays(-30), Sex.F, null, "0700000000", null);

    public static ReferPersonRequest PreReferral(NewPerson? person = null, DateOnly? on = null) => new(
        null, person ?? Child(), "PRE", null, on ?? Today.AddDays(-10), "ECOLE", Structures.CollegeLesDunes,
        "BM-GREUZE-VADEZ", Structures.PreCalais, "Absences répétées, fatigue en classe.");

    public static ReferPersonRequest MdfReferral(NewPerson? person = null) => new(
        null, person ?? Woman(), "MDF", null, Today.AddDays(-10), "FAMILLE", null, "HORS-QPV", Structures.MaisonDesFemmes,
        "Violences conjugales, hébergée chez une amie.");

    /// <summary>Refers a new person and returns the new pathway id.</summary>
    public static async Task<Guid> Referred(this IAlbaHost host, ReferPersonRequest request, Habilitation? by = null)
    {
        var result = await host.Scenario(s =>
        {
            s.As(by ?? Staff.PreReferent);
            s.Post.Json(request).ToUrl("/api/pathways");
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<OutcomeResults.Written>())!.Id;
    }

    /// <summary>Posts a command that must succeed (200, or 201 for a creation) and returns the new version.</summary>
    public static async Task<OutcomeResults.Written> Done(this IAlbaHost host, string url, object body, Habilitation? by = null, int status = 200)
    {
        var result = await host.Scenario(s =>
        {
            s.As(by ?? Staff.PreReferent);
            s.Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(status);
        });
        return (await result.ReadAsJsonAsync<OutcomeResults.Written>())!;
    }

    /// <summary>Posts a command that creates something (201): the new version and the created id from the Location header.</summary>
    public static async Task<(long Version, Guid CreatedId)> Created(this IAlbaHost host, string url, object body, Habilitation? by = null)
    {
        var result = await host.Scenario(s =>
        {
            s.As(by ?? Staff.PreReferent);
            s.Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(201);
        });
        var written = (await result.ReadAsJsonAsync<OutcomeResults.Written>())!;
        return (written.Version, Guid.Parse(result.Context.Response.Headers.Location.ToString().Split('/').Last()));
    }

    /// <summary>Posts a command that must be refused with this status, and returns the problem.</summary>
    public static async Task<(Problem Problem, string Body)> Refused(this IAlbaHost host, string url, object body, int status, Habilitation? by = null)
    {
        var result = await host.Scenario(s =>
        {
            s.As(by ?? Staff.PreReferent);
            s.Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(status);
        });
        var text = await result.ReadAsTextAsync();
        return (JsonSerializer.Deserialize<Problem>(text, Json)!, text);
    }

    /// <summary>A PRE pathway referred, accepted and started by the PRE: active, at version 3.</summary>
    public static async Task<Guid> ActivePathway(this IAlbaHost host, ReferPersonRequest? request = null)
    {
        var id = await host.AcceptedPathway(request);
        await host.Done($"/api/pathways/{id}/accompaniment", new { expectedVersion = 2, startedOn = Today.AddDays(-8), referentWorkerId = Staff.PreReferent.Id });
        return id;
    }

    /// <summary>A PRE pathway referred and accepted: at version 2.</summary>
    public static async Task<Guid> AcceptedPathway(this IAlbaHost host, ReferPersonRequest? request = null)
    {
        var id = await host.Referred(request ?? PreReferral());
        await host.Done($"/api/pathways/{id}/acceptance", new { expectedVersion = 1, acceptedOn = Today.AddDays(-9) });
        return id;
    }

    /// <summary>Identifies a person (without referral) and returns their id.</summary>
    public static async Task<Guid> IdentifiedPerson(this IAlbaHost host, NewPerson person, Habilitation? by = null) =>
        (await host.Done("/api/people", person, by, 201)).Id;

    public static async Task<PathwayDetails> PathwayFile(this IAlbaHost host, Guid id, Habilitation? by = null)
    {
        var result = await host.Scenario(s =>
        {
            s.As(by ?? Staff.PreReferent);
            s.Get.Url($"/api/pathways/{id}");
        });
        return await result.Read<PathwayDetails>();
    }
}
