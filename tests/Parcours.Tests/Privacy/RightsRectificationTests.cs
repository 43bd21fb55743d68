using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Identity;
using Parcours.People;
using Parcours.People.Vault;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Privacy;

public sealed class RightsRectificationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(Guid PathwayId, Guid PersonId)> Followed()
    {
        var id = await Host.ActivePathway();
        return (id, (await Host.PathwayFile(id)).Person.Id);
    }

    private async Task<PersonIdentity?> Vault(Guid personId)
    {
        await using var session = Store.QuerySession();
        var vault = Host.Services.GetRequiredService<PersonVault>();
        return vault.Open(await session.LoadAsync<PersonKey>(personId), await session.LoadAsync<SealedIdentity>(personId));
    }

    [Fact]
    public async Task the_officer_rectifies_in_the_vault_with_the_same_key_and_the_event_names_fields_never_values()
    {
        var (pathwayId, personId) = await Followed();
        PersonKey keyBefore;
        await using (var session = Store.QuerySession()) keyBefore = (await session.LoadAsync<PersonKey>(personId))!;

        await Host.Done($"/api/privacy/people/{personId}/rectification", new { lastName = "Dupond-Lefort", phone = "0611223344" }, Staff.DataProtectionOfficer);

        var identity = await Vault(personId);
        Assert.Equal("Dupond-Lefort", identity!.LastName);
        Assert.Equal("Léo", identity.FirstName);
        Assert.Equal("0611223344", identity.Phone);
        await using var query = Store.QuerySession();
        Assert.Equal(keyBefore.Wrapped, (await query.LoadAsync<PersonKey>(personId))!.Wrapped);
        var events = await query.Events.FetchStreamAsync(personId);
        var rectified = Assert.IsType<IdentityRectified>(events.Last().Data);
        Assert.Equal(["lastName", "phone"], rectified.Fields);
        var raw = System.Text.Json.JsonSerializer.Serialize(events.Select(e => e.Data).ToList());
        Assert.DoesNotContain("Dupond", raw);
        Assert.DoesNotContain("0611223344", raw);
        Assert.DoesNotContain("0600000000", raw);

        var file = await Host.PathwayFile(pathwayId);
        Assert.Equal(Today, file.IdentityRectifiedOn);
        Assert.Equal("Dupond-Lefort", file.Person.LastName);
    }

    [Fact]
    public async Task the_referent_coordinator_may_rectify_a_referent_may_not_and_others_do_not_see_the_person()
    {
        var (_, personId) = await Followed();

        await Host.Done($"/api/privacy/people/{personId}/rectification", new { firstName = "Léon" }, Staff.PreCoordinator);
        await Host.Refused($"/api/privacy/people/{personId}/rectification", new { firstName = "Léa" }, 403, Staff.PreReferent);
        await Host.Refused($"/api/privacy/people/{personId}/rectification", new { firstName = "Léa" }, 404, Staff.MdfWorker);
        await Host.Refused($"/api/privacy/people/{personId}/rectification", new { firstName = "Léa" }, 404, Staff.SasCoordinator);
        await Host.Refused($"/api/privacy/people/{personId}/rectification", new { firstName = "Léa" }, 404, Staff.Administrator);

        Assert.Equal("Léon", (await Vault(personId))!.FirstName);
    }

    [Fact]
    public async Task bad_rectifications_are_french_refusals()
    {
        var (_, personId) = await Followed();
        var dpo = Staff.DataProtectionOfficer;

        Assert.Equal("lastName", Assert.Single((await Host.Refused($"/api/privacy/people/{personId}/rectification", new { lastName = "  " }, 400, dpo)).Problem.Errors!).Key);
        Assert.Equal("birthDate", Assert.Single((await Host.Refused($"/api/privacy/people/{personId}/rectification", new { birthDate = Today.AddDays(2) }, 400, dpo)).Problem.Errors!).Key);
        await Host.Refused($"/api/privacy/people/{personId}/rectification", new { firstName = new string('x', 201) }, 400, dpo);
        var (same, _) = await Host.Refused($"/api/privacy/people/{personId}/rectification", new { firstName = "Léo" }, 422, dpo);
        Assert.Contains("Aucune donnée", same.Detail);
        await Host.Refused($"/api/privacy/people/{Guid.NewGuid()}/rectification", new { firstName = "Léa" }, 404, dpo);
    }

    [Fact]
    public async Task clearing_an_optional_field_removes_it()
    {
        var (_, personId) = await Followed();
        await Host.Done($"/api/privacy/people/{personId}/rectification", new { address = "" }, Staff.DataProtectionOfficer);
        Assert.Null((await Vault(personId))!.Address);
    }
}
