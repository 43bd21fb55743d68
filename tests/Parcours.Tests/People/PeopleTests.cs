using Marten;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People;
using Parcours.People.GettingDetails;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.People;

/// <summary>Identifying people, linking families, and referring someone already known.</summary>
public sealed class PeopleTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static NewPerson Mother => new("Samira", "Dupont", Today.AddYears(-38), Sex.F, "12 rue Greuze, Calais", "0611111111", "samira@example.invalid");

    private async Task<(PersonDetails? Person, string Body)> GetPerson(Guid id, Habilitation by, int status = 200)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(by);
            s.Get.Url($"/api/people/{id}");
            s.StatusCodeShouldBe(status);
        });
        var body = await result.ReadAsTextAsync();
        return (status == 200 ? await result.Read<PersonDetails>() : null, body);
    }

    private Task<Parcours.Kernel.OutcomeResults.Written> Link(Guid personId, Guid relatedId, FamilyRelation relation, Habilitation? by = null) =>
        Host.Done($"/api/people/{personId}/links", new { relatedPersonId = relatedId, relation = relation.ToString() }, by);

    [Fact]
    public async Task a_person_identified_by_a_worker_is_read_back_decrypted_and_stored_sealed()
    {
        var id = await Host.IdentifiedPerson(Mother);

        var (person, _) = await GetPerson(id, Staff.PreReferent);
        Assert.Equal(("Samira", "Dupont", Sex.F, "0611111111"), (person!.Identity!.FirstName, person.Identity.LastName, person.Sex, person.Identity.Phone));
        Assert.Empty(person.Pathways);

        await using var session = Store.QuerySession();
        var stored = string.Join("\n", (await session.QueryAsync<string>("select data::text from parcours.mt_events")).Concat(
            await session.QueryAsync<string>("select data::text from parcours.mt_doc_sealedidentity")));
        Assert.DoesNotContain("Samira", stored);
        Assert.DoesNotContain("0611111111", stored);
    }

    [Fact]
    public async Task identifying_a_person_without_a_name_is_a_400_naming_the_field()
    {
        var (problem, _) = await Host.Refused("/api/people", Mother with { FirstName = "" }, 400);

        Assert.Equal("firstName", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task a_person_identified_elsewhere_reads_like_a_person_who_does_not_exist()
    {
        var id = await Host.IdentifiedPerson(Woman(), Staff.MdfWorker);

        var (_, hidden) = await GetPerson(id, Staff.PreReferent, 404);
        var (_, unknown) = await GetPerson(Guid.CreateVersion7(), Staff.PreReferent, 404);

        Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(hidden));
    }

    [Fact]
    public async Task a_family_link_is_recorded_on_both_people_with_the_relation_reversed()
    {
        var mother = await Host.IdentifiedPerson(Mother);
        var child = await Host.IdentifiedPerson(Child());

        await Link(mother, child, FamilyRelation.ParentOf);

        var (motherView, _) = await GetPerson(mother, Staff.PreReferent);
        var (childView, _) = await GetPerson(child, Staff.PreReferent);
        Assert.Equal(new LinkedPerson(child, FamilyRelation.ParentOf, "Léo DUPONT"), Assert.Single(motherView!.Links));
        Assert.Equal(new LinkedPerson(mother, FamilyRelation.ChildOf, "Samira DUPONT"), Assert.Single(childView!.Links));
    }

    [Fact]
    public async Task a_person_cannot_be_linked_to_themself()
    {
        var mother = await Host.IdentifiedPerson(Mother);

        var (problem, _) = await Host.Refused($"/api/people/{mother}/links", new { relatedPersonId = mother, relation = "SiblingOf" }, 400);

        Assert.Equal("relatedPersonId", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task two_people_are_linked_once_whichever_side_the_link_is_recorded_from()
    {
        var mother = await Host.IdentifiedPerson(Mother);
        var child = await Host.IdentifiedPerson(Child());
        await Link(mother, child, FamilyRelation.ParentOf);

        await Host.Refused($"/api/people/{mother}/links", new { relatedPersonId = child, relation = "ParentOf" }, 409);
        await Host.Refused($"/api/people/{child}/links", new { relatedPersonId = mother, relation = "ChildOf" }, 409);

        await using var session = Store.QuerySession();
        Assert.Equal(2, (await session.Events.FetchStreamAsync(mother)).Count);
    }

    [Fact]
    public async Task an_unknown_relation_is_a_400_naming_the_field()
    {
        var mother = await Host.IdentifiedPerson(Mother);
        var child = await Host.IdentifiedPerson(Child());

        var (problem, _) = await Host.Refused($"/api/people/{mother}/links", new { relatedPersonId = child, relation = "CousinOf" }, 400);

        Assert.Equal("relation", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task a_person_the_worker_cannot_see_cannot_be_linked_and_is_not_revealed()
    {
        var mother = await Host.IdentifiedPerson(Mother);
        var woman = await Host.IdentifiedPerson(Woman(), Staff.MdfWorker);

        var (_, hiddenRelated) = await Host.Refused($"/api/people/{mother}/links", new { relatedPersonId = woman, relation = "SiblingOf" }, 400);
        var (_, unknownRelated) = await Host.Refused($"/api/people/{mother}/links", new { relatedPersonId = Guid.CreateVersion7(), relation = "SiblingOf" }, 400);
        Assert.Equal(Problem.Normalised(unknownRelated), Problem.Normalised(hiddenRelated));

        var (_, hiddenPerson) = await Host.Refused($"/api/people/{woman}/links", new { relatedPersonId = mother, relation = "SiblingOf" }, 404);
        var (_, unknownPerson) = await Host.Refused($"/api/people/{Guid.CreateVersion7()}/links", new { relatedPersonId = mother, relation = "SiblingOf" }, 404);
        Assert.Equal(Problem.Normalised(unknownPerson), Problem.Normalised(hiddenPerson));

        await using var session = Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(woman));
    }

    [Fact]
    public async Task a_relative_the_worker_cannot_see_is_left_out_of_the_person()
    {
        var woman = await Host.IdentifiedPerson(Woman(), Staff.MdfWorker);
        var son = await Host.IdentifiedPerson(Child(), Staff.MdfWorker);
        await Link(woman, son, FamilyRelation.ParentOf, Staff.MdfWorker);
        await Host.Referred(PreReferral() with { Person = null, PersonId = son }, Staff.MdfWorker);

        var (sonAtThePre, _) = await GetPerson(son, Staff.PreReferent);

        Assert.Empty(sonAtThePre!.Links);
        Assert.Single(sonAtThePre.Pathways);
    }

    [Fact]
    public async Task a_known_person_is_referred_by_id_without_typing_their_identity_again()
    {
        var child = await Host.IdentifiedPerson(Child(age: 12));

        var pathwayId = await Host.Referred(PreReferral() with { Person = null, PersonId = child });

        var file = await Host.PathwayFile(pathwayId);
        Assert.Equal((child, "Léo", "11-15"), (file.Person.Id, file.Person.FirstName, file.AgeBand));
        var (person, _) = await GetPerson(child, Staff.PreReferent);
        Assert.Equal(pathwayId, Assert.Single(person!.Pathways).PathwayId);
    }

    [Fact]
    public async Task a_known_person_is_held_to_the_programme_age_range_like_a_new_one()
    {
        var adult = await Host.IdentifiedPerson(Mother);

        var (problem, _) = await Host.Refused("/api/pathways", PreReferral() with { Person = null, PersonId = adult }, 422);

        Assert.Contains("âge accepté", problem.Detail);
    }

    [Fact]
    public async Task referring_a_person_the_worker_cannot_see_reads_like_referring_a_person_who_does_not_exist()
    {
        var woman = await Host.IdentifiedPerson(Woman(), Staff.MdfWorker);

        var (problem, hidden) = await Host.Refused("/api/pathways", PreReferral() with { Person = null, PersonId = woman }, 400);
        var (_, unknown) = await Host.Refused("/api/pathways", PreReferral() with { Person = null, PersonId = Guid.CreateVersion7() }, 400);

        Assert.Equal("personId", Assert.Single(problem.Errors!).Key);
        Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(hidden));
        await using var session = Store.QuerySession();
        Assert.Empty(await session.QueryAsync<string>("select id::text from parcours.mt_doc_pathwayfile"));
    }

    [Fact]
    public async Task a_referral_naming_both_a_known_and_a_new_person_is_refused()
    {
        var child = await Host.IdentifiedPerson(Child());

        var (problem, _) = await Host.Refused("/api/pathways", PreReferral() with { PersonId = child }, 400);

        Assert.Equal("person", Assert.Single(problem.Errors!).Key);
    }
}
