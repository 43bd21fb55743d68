using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Committees;
using Parcours.Committees.Deciding;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Orientations.Inbox;
using Parcours.Pathways;
using Parcours.Pathways.Consenting;
using Parcours.Tests.Support;
using Wolverine;

namespace Parcours.Tests.Browser;

/// <summary>The chair runs the session from the keyboard; the receiving structure then accepts the orientation.</summary>
public sealed class SessionTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task the_chair_decides_items_one_after_another_and_the_receiving_structure_accepts_the_orientation()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var lastName = $"Leclerc{suffix}";
        var first = await ReferredAsync(Staff.SasEducator, Person("Yanis", lastName, 19), "SAS");
        var second = await ReferredAsync(Staff.SasEducator, Person("Enzo", $"Morel{suffix}", 20), "SAS");
        await SendAsync(new RecordConsent(first, null, Guid.CreateVersion7(), ConsentPurpose.Orientation, [Parcours.Reference.Structures.FabriqueDefi],
            ConsentGiver.Person, ConsentMode.Written, Today, null, null, CurrentWorker.Of(Staff.SasEducator)));
        var sitting = await Store.AdmissionInSession(first, second);

        await SignInAs(Staff.SasCoordinator);
        Assert.Equal(200, await VisitAsync($"/instances/{sitting.CommitteeId}/seance"));
        var item1 = Page.Locator($"#{SessionItem(sitting.ItemIds[0])}");
        var item2 = Page.Locator($"#{SessionItem(sitting.ItemIds[1])}");

        // The first item's decision form has the focus; the orientation fields show once « Orienter » is chosen.
        await Expect(item1.GetByLabel("Orienter", new() { Exact = true })).ToBeFocusedAsync();
        await Expect(item1.GetByLabel("Destination")).ToBeHiddenAsync();
        await Page.Keyboard.PressAsync("Space");
        await Expect(item1.GetByLabel("Destination")).ToBeVisibleAsync();
        await item1.GetByLabel("Destination").SelectOptionAsync(new SelectOptionValue { Label = "Contrat d'engagement jeune (CEJ)" });
        await item1.GetByLabel("Motivation de la décision").FillAsync("Projet d'emploi clair, CEJ adapté.");
        await ExpectAccessibleAsync();
        await item1.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("La décision du point 1 a été enregistrée.");
        await Expect(item1).ToContainTextAsync("Décision enregistrée : Orienter – Contrat d'engagement jeune (CEJ) (La Fabrique Défi (Cité de l'emploi))");
        await Expect(item2.GetByLabel("Orienter", new() { Exact = true })).ToBeFocusedAsync();
        await ExpectAccessibleAsync();

        // Another chair decides the second item first: a clear conflict, and what was typed stays.
        await item2.GetByRole(AriaRole.Radio, new() { Name = "Ajourner" }).CheckAsync();
        await item2.GetByLabel("Si « Ajourner » – Éléments manquants").FillAsync("Avis de la mission locale");
        await item2.GetByLabel("Motivation de la décision").FillAsync("Dossier incomplet.");
        await SendAsync(new DecideItem(sitting.CommitteeId, sitting.ItemIds[1], ItemOutcome.NoAction, null, null, null, null, "Déjà suivi.", null,
            CurrentWorker.Of(Staff.CiteCoordinator)));
        await item2.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Expect(Page.Locator(".error-summary")).ToContainTextAsync("Ce point a déjà été décidé (Pas de suite)");
        await Expect(item2.GetByLabel("Motivation de la décision")).ToHaveValueAsync("Dossier incomplet.");
        await Expect(item2.GetByLabel("Si « Ajourner » – Éléments manquants")).ToHaveValueAsync("Avis de la mission locale");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("seance-conflit");

        var orientation = await TicketOfAsync(first);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await SignInAs(Staff.CiteAdviser);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Orientations" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Orientations", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
        var ticket = Page.Locator($"#orientation-{orientation:N}");
        await Expect(ticket.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync($"Yanis {lastName.ToUpperInvariant()} – Contrat d'engagement jeune (CEJ)");
        await ScreenshotAsync("orientations");
        await ticket.GetByText("Accepter l'orientation").ClickAsync();
        await ticket.GetByLabel("Professionnel qui prend en charge la personne").SelectOptionAsync(new SelectOptionValue { Label = $"{Staff.CiteAdviser.DisplayName} – {Staff.CiteAdviser.Position}" });
        await ExpectAccessibleAsync();
        await ticket.GetByRole(AriaRole.Button, new() { Name = "Accepter", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("L'orientation a été acceptée.");
        await Expect(Page.Locator($"#orientation-{orientation:N}")).ToHaveCountAsync(0);
        await ExpectAccessibleAsync();
        await using var session = Store.QuerySession();
        Assert.Equal((OrientationStatus.Accepted, (Guid?)Staff.CiteAdviser.Id), ((await session.LoadAsync<OrientationTicket>(orientation))!.Status,
            (await session.LoadAsync<OrientationTicket>(orientation))!.TakenBy));
    }

    private IDocumentStore Store => Fixture.Services.GetRequiredService<IDocumentStore>();

    private static string SessionItem(Guid itemId) => Parcours.Pages.Instances.SeanceModel.Prefix(itemId);

    private async Task SendAsync(object command)
    {
        using var scope = Fixture.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<CommandOutcome>(command);
        Assert.Null(outcome.Refusal);
    }

    /// <summary>The orientation the cascade opened for the pathway (handled in the background after the decision).</summary>
    private async Task<Guid> TicketOfAsync(Guid pathway)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var session = Store.QuerySession();
            if (await session.Query<OrientationTicket>().FirstOrDefaultAsync(t => t.PathwayId == pathway) is { } ticket) return ticket.Id;
            await Task.Delay(100);
        }
        throw new TimeoutException("No orientation was opened for the pathway.");
    }
}
