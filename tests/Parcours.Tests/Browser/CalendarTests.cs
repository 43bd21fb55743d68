using Microsoft.Playwright;
using Parcours.Identity;

namespace Parcours.Tests.Browser;

/// <summary>The committee calendar in the browser: generate, schedule, invite; a member commits to the charter.</summary>
public sealed class CalendarTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task a_coordinator_generates_the_calendar_schedules_and_invites_and_a_member_commits_to_the_charter()
    {
        await SignInAs(Staff.SasCoordinator);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Instances" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Instances", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        // Next year's calendar, then once more: nothing is duplicated.
        var year = (Today.Year + 1).ToString();
        await Page.GetByLabel("Année", new() { Exact = true }).SelectOptionAsync(year);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Générer le calendrier" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("créée");
        await Page.GetByLabel("Année", new() { Exact = true }).SelectOptionAsync(year);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Générer le calendrier" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("0 instance créée");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Janvier {year}", Level = 2 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
        await ScreenshotAsync("instances-1-calendar");

        // A sitting of its own, in ten days, in a given room.
        var day = Today.AddDays(10);
        await Page.GetByLabel("Type d'instance").SelectOptionAsync("MutualisedAdmission");
        await Page.GetByLabel("Date", new() { Exact = true }).FillAsync(Iso(day));
        await Page.GetByLabel("Heure de début").FillAsync("09:30");
        await Page.GetByLabel("Lieu").FillAsync("Salle Coluche (test navigateur)");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Programmer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("L'instance est programmée.");
        await Expect(Page.Locator("h1")).ToContainTextAsync("Comité d'admission mutualisé");
        await Expect(Page.Locator(".lead")).ToContainTextAsync("Salle Coluche (test navigateur)");
        var sitting = Page.Url;
        await ExpectAccessibleAsync();

        // A past date is refused next to the field.
        await Page.Locator("summary", new() { HasText = "Déplacer l'instance" }).ClickAsync();
        await Page.GetByLabel("Date", new() { Exact = true }).FillAsync(Iso(Today.AddDays(-2)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le déplacement" }).ClickAsync();
        await Expect(Page.Locator("#reschedule-date-erreur")).ToContainTextAsync("passé");
        await ExpectAccessibleAsync();

        // The collège is invited: its CPE is expected.
        await Page.Locator("summary", new() { HasText = "Inviter des membres" }).ClickAsync();
        await Page.GetByLabel("Collège Les Dunes (fictif)", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inviter", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Les invitations sont enregistrées.");
        await Expect(Page.Locator("#presences")).ToContainTextAsync("Nadia Haddad");
        await ExpectAccessibleAsync();

        // The coordinator opens the session, chairs it and notes the CPE present.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la séance (je la préside)" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("La séance est ouverte");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Noter Nadia Haddad présent·e" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("La présence est notée.");
        await Expect(Page.Locator("#presences tr", new() { HasText = "Nadia Haddad" })).ToContainTextAsync("Présent·e");
        await Expect(Page.Locator("main")).ToContainTextAsync("Amandine Roussel");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("instances-2-sitting");

        // The CPE finds the sitting, reads the charter and commits to it.
        await Page.Context.ClearCookiesAsync();
        await SignInAs(Staff.SchoolWorker);
        await VisitAsync("/instances");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Comité d'admission mutualisé SAS Coluche – Cité de l'emploi" }).First).ToBeVisibleAsync();
        await VisitAsync(sitting);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Annuler l'instance" })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Lire la charte et m'engager" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Charte de confidentialité", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Je m'engage" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Votre engagement est enregistré.");
        await Expect(Page.Locator("main")).ToContainTextAsync("Vous vous êtes engagé·e à respecter cette charte le");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("instances-3-charter");
        await VisitAsync(sitting);
        await Expect(Page.Locator("main")).ToContainTextAsync("1 engagement");

        // Someone not invited finds nothing there.
        await Page.Context.ClearCookiesAsync();
        await SignInAs(Staff.PjjEducator);
        Assert.Equal(404, await VisitAsync(sitting));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Instance introuvable" })).ToBeVisibleAsync();
    }
}
