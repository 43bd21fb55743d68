using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Consenting;
using Parcours.Pathways.Sharing;
using Parcours.Reference;
using Wolverine;

namespace Parcours.Tests.Browser;

/// <summary>Consents and the case team on the file page, and what a partner then sees.</summary>
public sealed class ConsentAndTeamTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task a_coordinator_informs_the_parents_records_a_consent_prints_it_shares_the_case_and_withdraws_the_consent()
    {
        var pathway = await ReferredAsync(Staff.PreCoordinator, Person("Inès", "Garnier", 11));
        await SignInAs(Staff.PreCoordinator);
        await VisitAsync($"/dossiers/{pathway}");
        var team = Page.Locator("#equipe");
        await Expect(team).ToContainTextAsync("Les parents n'ont pas encore été informés");

        // The parents first.
        await team.Locator("summary", new() { HasText = "Enregistrer l'information des parents" }).ClickAsync();
        await Page.Locator("#parents-form").GetByLabel("Forme").SelectOptionAsync("Oral");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'information des parents a été enregistrée.");

        // A consent without the child's view is refused next to the field, then recorded.
        await Page.Locator("summary", new() { HasText = "Enregistrer un consentement" }).ClickAsync();
        await Page.GetByLabel("Finalité").SelectOptionAsync("TeamSharing");
        await Page.GetByLabel("Collège Les Dunes (fictif)").CheckAsync();
        await Page.Locator("#consent-form").GetByLabel("Forme").SelectOptionAsync("Written");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le consentement" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("notez son propre avis");
        await Expect(Page.Locator("#consent-minorview-erreur")).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Avis de l'enfant ou du jeune").FillAsync("Inès est d'accord si sa professeure principale est la seule informée.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le consentement" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le consentement a été enregistré.");
        var consent = Page.Locator("#consentements .item", new() { HasText = "Partage avec l'équipe de suivi" });
        await Expect(consent).ToContainTextAsync("En cours");
        await Expect(consent).ToContainTextAsync("Collège Les Dunes (fictif)");

        // The collège joins the team under that consent.
        await team.Locator("summary", new() { HasText = "Ajouter une structure à l'équipe" }).ClickAsync();
        await Page.GetByLabel("Structure", new() { Exact = true }).SelectOptionAsync(Structures.CollegeLesDunes.ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter à l'équipe" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("La structure a été ajoutée à l'équipe de suivi.");
        await Expect(team.Locator(".item", new() { HasText = "Collège Les Dunes" })).ToContainTextAsync("Couverte par le consentement « Partage avec l'équipe de suivi »");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("7-consent-and-team");

        // The printable form.
        var form = await consent.GetByRole(AriaRole.Link, new() { Name = "Formulaire imprimable" }).GetAttributeAsync("href");
        Assert.Equal(200, await VisitAsync(form!));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Recueil du consentement" })).ToBeVisibleAsync();
        await Expect(Page.Locator("body")).ToContainTextAsync("Inès GARNIER");
        await Expect(Page.Locator("body")).ToContainTextAsync("Titulaire de l'autorité parentale");
        await Expect(Page.Locator("body")).ToContainTextAsync("sa professeure principale est la seule informée");
        await ScreenshotAsync("8-consent-form");

        // Withdrawn: the collège no longer sees the case.
        await VisitAsync($"/dossiers/{pathway}");
        await consent.Locator("summary", new() { HasText = "Enregistrer le retrait" }).ClickAsync();
        await consent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le retrait" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("le partage qu'il permettait a cessé");
        await Expect(team).ToContainTextAsync("Aucun consentement en cours ne la couvre");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task a_school_on_the_team_reads_a_summary_without_forms_and_loses_it_when_the_consent_is_withdrawn()
    {
        var pathway = await ReferredAsync(Staff.PreReferent, Person("Malo", "Roussel", 10));
        var consentId = Guid.CreateVersion7();
        await SendAsync(new RecordParentsInformed(pathway, null, Today, ConsentMode.Oral, null, CurrentWorker.Of(Staff.PreReferent)));
        await SendAsync(new RecordConsent(pathway, null, consentId, ConsentPurpose.TeamSharing, [Structures.CollegeLesDunes], ConsentGiver.ParentalAuthority,
            ConsentMode.Written, Today, null, "D'accord.", CurrentWorker.Of(Staff.PreReferent)));
        await SendAsync(new AddTeamMember(pathway, null, Structures.CollegeLesDunes, ConsentPurpose.TeamSharing, CurrentWorker.Of(Staff.PreReferent)));

        await SignInAs(Staff.SchoolWorker);
        await Expect(Page.Locator("main")).ToContainTextAsync("Malo ROUSSEL");
        Assert.Equal(200, await VisitAsync($"/dossiers/{pathway}"));
        await Expect(Page.Locator("main")).ToContainTextAsync("seule une synthèse est affichée");
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("Repéré par l'équipe éducative");
        Assert.Equal(0, await Page.Locator("main form").CountAsync());
        await ScreenshotAsync("9-partner-summary");

        await SendAsync(new WithdrawConsent(pathway, null, consentId, Today, null, CurrentWorker.Of(Staff.PreReferent)));

        Assert.Equal(404, await VisitAsync($"/dossiers/{pathway}"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dossier introuvable" })).ToBeVisibleAsync();
        await VisitAsync("/");
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("Malo ROUSSEL");
    }

    private async Task SendAsync(object command)
    {
        using var scope = Fixture.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<CommandOutcome>(command);
        Assert.Null(outcome.Refusal);
    }
}
