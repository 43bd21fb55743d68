using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;
using Parcours.Reference;
using Parcours.Tests.Support;

namespace Parcours.Tests.Pathways;

public sealed class ReferringTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_referral_of_a_new_child_starts_a_pathway_without_identifying_data_in_its_events()
    {
        var id = await Host.Referred(Scenarios.PreReferral());

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        var referred = Assert.IsType<PathwayReferred>(Assert.Single(events).Data);
        Assert.Equal("PRE", referred.Programme);
        Assert.Equal("6-10", referred.AgeBand);
        Assert.Equal(Staff.PreReferent.Id, referred.ReferredBy);

        var raw = await session.QueryAsync<string>("select data::text from parcours.mt_events where stream_id = ?", id);
        Assert.DoesNotContain("Dupont", raw.Single());
        Assert.DoesNotContain("Absences", raw.Single());

        var file = await session.LoadAsync<PathwayFile>(id);
        Assert.Equal(PathwayStatus.Referred, file!.Status);
    }

    [Fact]
    public async Task a_child_of_seventeen_cannot_be_referred_to_the_pre()
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.PreReferent);
            s.Post.Json(Scenarios.PreReferral(Scenarios.Child(age: 17))).ToUrl("/api/pathways");
            s.StatusCodeShouldBe(422);
        });
        Assert.Contains("âge accepté de 2 à 16 ans", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task a_missing_name_is_a_400_naming_the_field()
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.PreReferent);
            s.Post.Json(Scenarios.PreReferral(Scenarios.Child() with { LastName = " " })).ToUrl("/api/pathways");
            s.StatusCodeShouldBe(400);
        });
        Assert.Contains("person.lastName", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task destroying_the_person_key_makes_their_identity_unreadable()
    {
        var id = await Host.Referred(Scenarios.PreReferral());
        await using var session = Store.LightweightSession();
        var file = await session.LoadAsync<PathwayFile>(id);
        var vault = new PersonVault(Host.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>());
        var key = await session.LoadAsync<PersonKey>(file!.PersonId);
        Assert.Equal("Dupont", vault.Open(key, await session.LoadAsync<SealedIdentity>(file.PersonId))!.LastName);

        session.Delete<PersonKey>(file.PersonId);
        await session.SaveChangesAsync();

        Assert.Null(vault.Open(await session.LoadAsync<PersonKey>(file.PersonId), await session.LoadAsync<SealedIdentity>(file.PersonId)));
    }

    [Theory]
    [InlineData("territoryCode", 422)]
    [InlineData("referredOn", 422)]
    [InlineData("person.sex", 422)]
    [InlineData("referentStructureId", 422)]
    [InlineData("referringStructureId", 400)]
    [InlineData("track", 400)]
    public async Task a_referral_breaking_a_rule_over_http_names_the_field(string field, int status)
    {
        var mdf = Scenarios.MdfReferral();
        var request = field switch
        {
            "territoryCode" => Scenarios.PreReferral() with { TerritoryCode = "HORS-QPV" },
            "referredOn" => Scenarios.PreReferral(on: Scenarios.Today.AddDays(2)),
            "person.sex" => mdf with { Person = mdf.Person! with { Sex = Sex.M } },
            "referentStructureId" => mdf with { ReferentStructureId = Structures.PreCalais },
            "referringStructureId" => Scenarios.PreReferral() with { ReferringStructureId = Guid.CreateVersion7() },
            _ => Scenarios.PreReferral() with { Track = "JEUNES" },
        };

        var (problem, _) = await Host.Refused("/api/pathways", request, status, field == "person.sex" ? Staff.MdfWorker : Staff.PreReferent);

        Assert.Equal(field, Assert.Single(problem.Errors!).Key);
        await using var session = Store.QuerySession();
        Assert.Empty(await session.QueryAsync<string>("select data::text from parcours.mt_events"));
    }

    [Fact]
    public async Task a_referral_of_a_new_person_that_is_refused_leaves_no_person_behind()
    {
        await Host.Refused("/api/pathways", Scenarios.PreReferral(Scenarios.Child(age: 17)), 422);

        await using var session = Store.QuerySession();
        Assert.Empty(await session.QueryAsync<string>("select id::text from parcours.mt_doc_personkey"));
        Assert.Empty(await session.QueryAsync<string>("select id::text from parcours.mt_doc_sealedidentity"));
    }
}
