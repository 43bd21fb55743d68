using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Accepting;
using Parcours.Pathways.Starting;
using Wolverine;

namespace Parcours.Tests.Browser;

/// <summary>The less frequent steps of a pathway, each through its own form on the file page.</summary>
public sealed class PathwayStepsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task a_referent_cancels_an_action_answers_orientations_suspends_resumes_and_reopens()
    {
        var pathway = await ActivePathwayAsync(Staff.PreCoordinator, Person("Adam", "Fournier", 12));
        await SignInAs(Staff.PreCoordinator);
        await VisitAsync($"/dossiers/{pathway}");
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("En accompagnement");

        // An action planned, then cancelled.
        await Page.Locator("summary", new() { HasText = "Prévoir une action" }).ClickAsync();
        await Page.GetByLabel("Axe ou contenu").SelectOptionAsync("SANTE");
        await Page.GetByLabel("Action", new() { Exact = true }).FillAsync("Bilan orthophonique");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'action" }).ClickAsync();
        var action = Page.Locator("#actions .item", new() { HasText = "Bilan orthophonique" });
        await action.Locator("summary", new() { HasText = "Annuler l'action" }).ClickAsync();
        await action.GetByRole(AriaRole.Button, new() { Name = "Annuler l'action" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'action a été annulée.");
        await Expect(action).ToContainTextAsync("Annulée");

        // Two orientations: one refused with its reason, one accepted.
        await ProposeAsync("SPIRALE");
        await ProposeAsync("PRE");
        var spirale = Page.Locator("#orientations .item", new() { HasText = "La Spirale" });
        await spirale.Locator("summary", new() { HasText = "Enregistrer un refus" }).ClickAsync();
        await spirale.GetByLabel("Motif du refus").SelectOptionAsync("COMPLET");
        await spirale.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le refus" }).ClickAsync();
        await Expect(spirale).ToContainTextAsync("Refusée");
        await Expect(spirale).ToContainTextAsync("Plus de place disponible");
        var pre = Page.Locator("#orientations .item", new() { HasText = "Programme de Réussite Éducative" });
        await pre.Locator("summary", new() { HasText = "Enregistrer l'acceptation" }).ClickAsync();
        await pre.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'acceptation" }).ClickAsync();
        await Expect(pre).ToContainTextAsync("Acceptée");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("6-orientations");

        // Suspended during a hospital stay, then resumed.
        await Page.Locator("summary", new() { HasText = "Suspendre le parcours" }).ClickAsync();
        await Page.GetByLabel("Motif de la suspension").SelectOptionAsync("HOSPITALISATION");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Suspendre le parcours" }).ClickAsync();
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("Suspendu");
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Parcours suspendu – Hospitalisation");
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reprendre le parcours" }).ClickAsync();
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("En accompagnement");

        // Exit without an outcome is refused next to the outcome list; then exit and reopen.
        await Page.Locator("summary", new() { HasText = "Clôturer le parcours" }).ClickAsync();
        await Page.Locator("#exit-form").GetByLabel("Commentaire (facultatif)").FillAsync("La famille déménage à Lille.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Clôturer le parcours" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Le champ « Motif de sortie » est obligatoire.");
        await Expect(Page.Locator("#exit-outcome-erreur")).ToBeVisibleAsync();
        await Expect(Page.Locator("#exit-note")).ToHaveValueAsync("La famille déménage à Lille.");
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Motif de sortie").SelectOptionAsync("DEMENAGEMENT");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Clôturer le parcours" }).ClickAsync();
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("Sorti");

        await Page.GetByLabel("Motif de la réouverture (facultatif)").FillAsync("Retour de la famille dans le quartier.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rouvrir le parcours" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le parcours a été rouvert.");
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("En accompagnement");
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Retour de la famille dans le quartier.");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task a_declined_referral_is_closed_with_its_reason()
    {
        var pathway = await ReferredAsync(Staff.PreReferent, Person("Louna", "Caron", 5, Sex.F));
        await SignInAs(Staff.PreReferent);
        await VisitAsync($"/dossiers/{pathway}");

        await Page.Locator("summary", new() { HasText = "Refuser l'orientation" }).ClickAsync();
        await Page.GetByLabel("Motif du refus").SelectOptionAsync("DEJA-SUIVI");
        await Page.Locator("#decline-form").GetByLabel("Commentaire (facultatif)").FillAsync("Suivie par le CMPP.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Refuser l'orientation" }).ClickAsync();

        await Expect(Page.Locator(".file-header")).ToContainTextAsync("Orientation refusée");
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Déjà accompagné par ailleurs");
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Suivie par le CMPP.");
        await Expect(Page.GetByText("Ce parcours est clos : aucune action n'est possible.")).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
    }

    private async Task ProposeAsync(string destination)
    {
        await Page.Locator("summary", new() { HasText = "Proposer une orientation" }).ClickAsync();
        await Page.GetByLabel("Destination").SelectOptionAsync(destination);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Proposer l'orientation" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'orientation a été proposée.");
    }

    private async Task<Guid> ActivePathwayAsync(Habilitation worker, Parcours.People.NewPerson person)
    {
        var pathway = await ReferredAsync(worker, person);
        using var scope = Fixture.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var actor = CurrentWorker.Of(worker);
        Assert.True((await bus.InvokeAsync<CommandOutcome>(new AcceptReferral(pathway, null, Today.AddDays(-6), actor))).Succeeded);
        Assert.True((await bus.InvokeAsync<CommandOutcome>(new StartAccompaniment(pathway, null, Today.AddDays(-5), worker.Id, actor))).Succeeded);
        return pathway;
    }
}
