using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Pathways.Referring;
using Parcours.People;
using Parcours.People.GettingDetails;
using Parcours.Reference;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Pathways;

/// <summary>The Maison des Femmes seal: outside it, nothing shows that a woman is followed there.</summary>
public sealed class SealTests(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>
    /// A woman and her son arrive at the Maison des Femmes, which identifies both, links them,
    /// follows the mother and refers the boy to the PRE.
    /// </summary>
    private async Task<(Guid Mother, Guid Child, Guid MotherCase, Guid ChildCase)> MotherAndChildFromTheMaisonDesFemmes()
    {
        var mother = await Host.IdentifiedPerson(Woman() with { Address = "Foyer Les Mouettes, Calais" }, Staff.MdfWorker);
        var child = await Host.IdentifiedPerson(Child() with { Address = "Foyer Les Mouettes, Calais", LastName = "Diallo" }, Staff.MdfWorker);
        await Host.Done($"/api/people/{mother}/links", new { relatedPersonId = child, relation = "ParentOf" }, Staff.MdfWorker);
        var motherCase = await Host.Referred(MdfReferral() with { Person = null, PersonId = mother }, Staff.MdfWorker);
        var childCase = await Host.Referred(PreReferral() with
        {
            Person = null, PersonId = child, ReferralSource = "FAMILLE", ReferringStructureId = Structures.MaisonDesFemmes,
            Reason = "Enfant témoin de violences",
        }, Staff.MdfWorker);
        return (mother, child, motherCase, childCase);
    }

    [Fact]
    public async Task a_pre_worker_reading_the_child_sees_neither_the_mother_nor_the_link_nor_the_shelter_address()
    {
        var (mother, child, _, childCase) = await MotherAndChildFromTheMaisonDesFemmes();

        var person = await Host.GetJson<PersonDetails>($"/api/people/{child}", Staff.PreReferent);
        var personBody = await Host.GetText($"/api/people/{child}", Staff.PreReferent, 200);
        var file = await Host.PathwayFile(childCase, Staff.PreReferent);
        var fileBody = await Host.GetText($"/api/pathways/{childCase}", Staff.PreReferent, 200);
        var hiddenMother = await Host.GetText($"/api/people/{mother}", Staff.PreReferent, 404);
        var unknown = await Host.GetText($"/api/people/{Guid.CreateVersion7()}", Staff.PreReferent, 404);

        Assert.Equal(("Léo", PathwayView.Full), (person.Identity!.FirstName, person.View));
        Assert.Empty(person.Links);
        Assert.Null(person.Identity.Address);
        Assert.Null(file.ReferringStructureId);
        Assert.All(file.Timeline, t => Assert.NotEqual(Staff.MdfWorker.Id, t.By));
        foreach (var body in new[] { personBody, fileBody })
        {
            Assert.DoesNotContain("Awa", body);
            Assert.DoesNotContain(mother.ToString(), body);
            Assert.DoesNotContain("Mouettes", body);
            Assert.DoesNotContain(Structures.MaisonDesFemmes.ToString(), body);
            Assert.DoesNotContain(Staff.MdfWorker.Id.ToString(), body);
        }
        Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(hiddenMother));
    }

    [Fact]
    public async Task inside_the_maison_des_femmes_the_link_and_contact_details_are_there()
    {
        var (mother, child, _, _) = await MotherAndChildFromTheMaisonDesFemmes();

        var person = await Host.GetJson<PersonDetails>($"/api/people/{mother}", Staff.MdfWorker);

        Assert.Equal(new LinkedPerson(child, FamilyRelation.ParentOf, "Léo DIALLO"), Assert.Single(person.Links));
        Assert.Equal("0700000000", person.Identity!.Phone);
    }

    [Fact]
    public async Task a_link_recorded_inside_the_maison_des_femmes_stays_there_even_between_people_the_pre_sees()
    {
        var mother = await Host.IdentifiedPerson(Woman());
        await Host.Referred(MdfReferral() with { Person = null, PersonId = mother });
        var child = await Host.IdentifiedPerson(Child(), Staff.MdfWorker);
        await Host.Referred(PreReferral() with { Person = null, PersonId = child }, Staff.MdfWorker);

        await Host.Done($"/api/people/{mother}/links", new { relatedPersonId = child, relation = "ParentOf" }, Staff.MdfWorker);

        var motherAtThePre = await Host.GetJson<PersonDetails>($"/api/people/{mother}", Staff.PreReferent);
        Assert.Empty(motherAtThePre.Links);
        Assert.Empty(motherAtThePre.Pathways);
        Assert.Empty((await Host.GetJson<PersonDetails>($"/api/people/{child}", Staff.PreReferent)).Links);
        Assert.Single((await Host.GetJson<PersonDetails>($"/api/people/{mother}", Staff.MdfWorker)).Links);
    }

    [Fact]
    public async Task a_maison_des_femmes_case_cannot_be_put_on_a_team()
    {
        var id = await Host.Referred(MdfReferral(), Staff.MdfWorker);
        await Host.Consent(id, ConsentPurpose.Orientation, [Structures.Ccas], byParents: false, Staff.MdfWorker);

        var (problem, _) = await Host.Refused($"/api/pathways/{id}/team", new { structureId = Structures.Ccas, purpose = "Orientation" }, 422, Staff.MdfWorker);

        Assert.Contains("Maison des Femmes", problem.Detail);
    }

    [Fact]
    public async Task the_safe_contact_rule_is_read_inside_the_maison_des_femmes_only()
    {
        var id = await Host.Referred(MdfReferral(), Staff.MdfWorker);
        var preCase = await Host.ActivePathway();

        await Host.Done($"/api/pathways/{id}/safe-contact", new { mode = "PhoneOnly", instructions = "Appeler le mardi, ne jamais laisser de message" }, Staff.MdfWorker);
        await Host.Refused($"/api/pathways/{preCase}/safe-contact", new { mode = "PhoneOnly" }, 422);

        var file = await Host.PathwayFile(id, Staff.MdfWorker);
        Assert.Equal(new Parcours.Pathways.GettingDetails.SafeContactDetails(SafeContactMode.PhoneOnly, "Appeler le mardi, ne jamais laisser de message"), file.SafeContact);
        foreach (var worker in Staff.All.Where(s => s.StructureId != Structures.MaisonDesFemmes))
        {
            Assert.DoesNotContain("mardi", await Host.GetText($"/api/pathways/{id}", worker, 404));
        }
    }
}
