using Microsoft.Playwright;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People;
using Parcours.Tests.Support;

namespace Parcours.Tests.Browser;

/// <summary>The agenda page of a sitting and the hand-over alerts page, in a browser, checked with axe.</summary>
public sealed class AgendaTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task the_coordinator_builds_the_agenda_sees_it_anonymised_before_the_charter_named_after_and_withdraws_an_item()
    {
        var pathway = await ReferredAsync(Staff.SasEducator, Person("Sofiane", "Benhamou", 20), "SAS");
        var committee = await Fixture.Services.ScheduledCommittee();

        await SignInAs(Staff.SasCoordinator);
        await VisitAsync($"/instances/{committee}/ordre-du-jour");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Ordre du jour – Comité d'admission mutualisé SAS Coluche – Cité de l'emploi", Exact = false, Level = 1 }))
            .ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Lire et signer la charte de confidentialité" })).ToHaveAttributeAsync("href", $"/instances/{committee}/charte");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Construire l'ordre du jour" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'ordre du jour a été construit.");
        await ExpectAccessibleAsync();
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Dossiers inscrits à l'ordre du jour" });
        await Expect(table).Not.ToContainTextAsync("Benhamou", new() { IgnoreCase = true });
        Assert.DoesNotContain(pathway.ToString(), await Page.ContentAsync());

        await Page.GetByLabel("Identifiant du parcours").FillAsync("pas-un-identifiant");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inscrire", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Saisissez l'identifiant du parcours");
        await ExpectAccessibleAsync();

        await Fixture.Services.CharterAcknowledged(committee, Staff.SasCoordinator);
        await VisitAsync($"/instances/{committee}/ordre-du-jour");
        var row = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sofiane BENHAMOU" });
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Sofiane BENHAMOU" })).ToHaveAttributeAsync("href", $"/dossiers/{pathway}");
        await Expect(row).ToContainTextAsync("En attente d'orientation");

        await row.GetByRole(AriaRole.Button, new() { Name = "Retirer Sofiane BENHAMOU de l'ordre du jour" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le dossier a été retiré de l'ordre du jour.");
        await Expect(Page.GetByText("Sofiane BENHAMOU")).ToHaveCountAsync(0);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task a_partner_sees_only_codes_and_a_stranger_gets_the_not_found_page()
    {
        await ReferredAsync(Staff.SasEducator, Person("Mehdi", "Carpentier", 19), "SAS");
        var committee = await Fixture.Services.ScheduledCommittee();
        await Fixture.Services.CharterAcknowledged(committee, Staff.SchoolWorker);

        await SignInAs(Staff.SchoolWorker);
        Assert.Equal(200, await VisitAsync($"/instances/{committee}/ordre-du-jour"));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Construire l'ordre du jour" })).ToHaveCountAsync(0);

        var other = await Fixture.Services.ScheduledCommittee(invited: [Parcours.Reference.Structures.FranceTravail]);
        Assert.Equal(404, await VisitAsync($"/instances/{other}/ordre-du-jour"));
    }

    [Fact]
    public async Task the_alerts_page_lists_a_child_about_to_turn_16_from_the_home_page()
    {
        var birth = Today.AddYears(-16).AddMonths(2);
        await ReferredAsync(Staff.PreCoordinator, new NewPerson("Lina", "Vasseur", birth, Sex.F));

        await SignInAs(Staff.PreCoordinator);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Voir les passages de relais" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Passages de relais", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lina VASSEUR" })).ToContainTextAsync($"Aura 16 ans le {Fr(birth.AddYears(16))}");
        await ExpectAccessibleAsync();
    }
}
