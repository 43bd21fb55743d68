using System.Security.Claims;
using Alba;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People;
using Parcours.Pathways.Referring;
using Parcours.Reference;

namespace Parcours.Tests.Support;

/// <summary>Builds test state through the public API, as a worker would.</summary>
public static class Scenarios
{
    public static Scenario As(this Scenario scenario, StaffMember worker)
    {
        scenario.WithClaim(new Claim("sub", worker.Id.ToString()));
        scenario.WithClaim(new Claim(CurrentWorker.StructureClaim, worker.StructureId.ToString()));
        scenario.WithClaim(new Claim("name", worker.DisplayName));
        return scenario;
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static NewPerson Child(Sex sex = Sex.M, int age = 9) =>
        new("Léo", "Dupont", Today.AddYears(-age).AddDays(-30), sex, "12 rue Greuze, Calais", "0600000000", null);

    public static ReferPersonRequest PreReferral(NewPerson? person = null, DateOnly? on = null) => new(
        null, person ?? Child(), "PRE", null, on ?? Today.AddDays(-10), "ECOLE", Structures.CollegeLesDunes,
        "BM-GREUZE-VADEZ", Structures.PreCalais, "Absences répétées, fatigue en classe.");

    /// <summary>Refers a new person and returns the new pathway id.</summary>
    public static async Task<Guid> Referred(this IAlbaHost host, ReferPersonRequest request, StaffMember? by = null)
    {
        var result = await host.Scenario(s =>
        {
            s.As(by ?? Staff.PreReferent);
            s.Post.Json(request).ToUrl("/api/pathways");
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<OutcomeResults.Written>())!.Id;
    }
}
