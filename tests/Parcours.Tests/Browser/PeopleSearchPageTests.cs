using Microsoft.Playwright;
using Parcours.Identity;

namespace Parcours.Tests.Browser;

/// <summary>The people search page and the duplicate check of « Nouvelle orientation ».</summary>
public sealed class PeopleSearchPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task a_referent_is_warned_of_a_duplicate_then_finds_the_person_despite_a_misspelling()
    {
        var born = Today.AddYears(-10).AddDays(-77);
        await SignInAs(Staff.PreReferent);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await VisitAsync("/dossiers/nouveau");
            await Page.GetByLabel("Prénom").FillAsync("Jean-Baptiste");
            await Page.GetByLabel("Nom", new() { Exact = true }).FillAsync(attempt == 0 ? "Vandenbroucke" : "Vandenbrouck");
            await Page.GetByLabel("Date de naissance").FillAsync(Iso(born));
            await Page.GetByLabel("Masculin").CheckAsync();
            await Page.GetByLabel("Dispositif").SelectOptionAsync("PRE");
            await Page.GetByLabel("Origine de l'orientation").SelectOptionAsync("ECOLE");
            await Page.GetByLabel("Quartier de résidence").SelectOptionAsync("BM-GREUZE-VADEZ");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'orientation" }).ClickAsync();
            if (attempt == 1)
            {
                // The second time, the first record is proposed: the referent picks it instead of creating a duplicate.
                var proposals = Page.GetByRole(AriaRole.Group, new() { Name = "Cette personne est-elle déjà connue ?" });
                await Expect(proposals).ToContainTextAsync("Jean-Baptiste VANDENBROUCKE");
                await ExpectAccessibleAsync();
                await proposals.GetByLabel("Jean-Baptiste VANDENBROUCKE", new() { Exact = false }).CheckAsync();
                await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'orientation" }).ClickAsync();
            }
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Jean-Baptiste VANDENBROUCKE", Level = 1 })).ToBeVisibleAsync();
        }

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Personnes" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rechercher une personne", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Nom et/ou prénom").FillAsync("jean baptiste vandenbrouk");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();

        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Personnes trouvées, les plus proches en premier" });
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "VANDENBROUCKE" })).ToHaveCountAsync(1);
        await Expect(table).ToContainTextAsync(Fr(born));
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task the_data_protection_officer_gets_a_404_and_no_link()
    {
        await SignInAs(Staff.DataProtectionOfficer);
        await Expect(Page.Locator("a[href='/personnes']")).ToHaveCountAsync(0);
        Assert.Equal(404, await VisitAsync("/personnes?q=Vandenbroucke"));
    }
}
