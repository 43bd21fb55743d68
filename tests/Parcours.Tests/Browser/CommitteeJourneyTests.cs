using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Accepting;
using Parcours.Pathways.Consenting;
using Parcours.Pathways.Starting;
using Parcours.Reference;
using Wolverine;

namespace Parcours.Tests.Browser;

/// <summary>
/// Two whole committees, through the pages only, each worker in their own session: a mutualised
/// admission committee from the calendar to the accepted orientation, and a PRE team review from the
/// agenda to the child's updated plan. Only the people and their pathways are set up beforehand.
/// </summary>
public sealed class CommitteeJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string AgendaTable = "Dossiers inscrits à l'ordre du jour";

    [Fact]
    public async Task a_mutualised_admission_committee_from_the_calendar_to_the_accepted_orientation()
    {
        var suffix = Suffix();
        var (yanis, enzo) = ($"Yanis JOURNET{suffix}", $"Enzo VIDAL{suffix}");
        var consenting = await ReferredAsync(Staff.SasEducator, Person("Yanis", $"Journet{suffix}", 20), "SAS");
        var withoutConsent = await ReferredAsync(Staff.SasEducator, Person("Enzo", $"Vidal{suffix}", 19), "SAS");
        await SendAsync(new RecordConsent(consenting, null, Guid.CreateVersion7(), ConsentPurpose.CommitteeExamination, null,
            ConsentGiver.Person, ConsentMode.Written, Today, null, null, CurrentWorker.Of(Staff.SasEducator)));
        await SendAsync(new RecordConsent(consenting, null, Guid.CreateVersion7(), ConsentPurpose.Orientation, [Structures.FabriqueDefi],
            ConsentGiver.Person, ConsentMode.Written, Today, null, null, CurrentWorker.Of(Staff.SasEducator)));

        // The SAS coordinator schedules the sitting from the calendar and invites two partners.
        await SignInAs(Staff.SasCoordinator);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Instances" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Instances", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Type d'instance").SelectOptionAsync("MutualisedAdmission");
        await Page.GetByLabel("Date", new() { Exact = true }).FillAsync(Iso(Today.AddDays(6)));
        await Page.GetByLabel("Heure de début").FillAsync("14:00");
        await Page.GetByLabel("Lieu").FillAsync($"Salle du parcours {suffix}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Programmer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("L'instance est programmée.");
        await ExpectAccessibleAsync();
        var sitting = new Uri(Page.Url).AbsolutePath;

        await Page.Locator("summary", new() { HasText = "Inviter des membres" }).ClickAsync();
        await Page.GetByLabel("France Travail Calais", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Collège Les Dunes (fictif)", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inviter", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Les invitations sont enregistrées.");
        await Expect(Page.Locator("#presences")).ToContainTextAsync(Staff.FranceTravailAdviser.DisplayName);
        await Expect(Page.Locator("#presences")).ToContainTextAsync(Staff.SchoolWorker.DisplayName);

        // Charter first, then the agenda: both young people awaiting orientation, by name, with their files.
        await AcknowledgeCharterAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ordre du jour", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Construire l'ordre du jour" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'ordre du jour a été construit.");
        await KeepOnlyAsync(yanis, enzo);
        var table = Page.GetByRole(AriaRole.Table, new() { Name = AgendaTable });
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = yanis })).ToHaveAttributeAsync("href", $"/dossiers/{consenting}");
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = enzo })).ToHaveAttributeAsync("href", $"/dossiers/{withoutConsent}");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = enzo })).ToContainTextAsync("En attente d'orientation");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("parcours-instance-1-ordre-du-jour");

        // A France Travail adviser: codes only before the charter; after it, the consenting young man by
        // name (no link to his file) and the other one still anonymised.
        await SwitchTo(Staff.FranceTravailAdviser);
        await VisitAsync($"{sitting}/ordre-du-jour");
        await Expect(table).ToBeVisibleAsync();
        await Expect(table).Not.ToContainTextAsync($"JOURNET{suffix}");
        await Expect(table).Not.ToContainTextAsync($"VIDAL{suffix}");
        await Expect(table.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        Assert.DoesNotContain(consenting.ToString(), await Page.ContentAsync());
        await Page.GetByRole(AriaRole.Link, new() { Name = "Lire et signer la charte de confidentialité" }).ClickAsync();
        await AcknowledgeCharterAsync(alreadyOnCharter: true);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ordre du jour", Exact = true }).ClickAsync();
        await Expect(table.GetByRole(AriaRole.Rowheader, new() { Name = yanis })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await Expect(table).Not.ToContainTextAsync($"VIDAL{suffix}");
        var content = await Page.ContentAsync();
        Assert.DoesNotContain(consenting.ToString(), content);
        Assert.DoesNotContain(withoutConsent.ToString(), content);
        await ExpectAccessibleAsync();
        await ScreenshotAsync("parcours-instance-2-partenaire");

        // The coordinator opens the session and decides both items.
        await SwitchTo(Staff.SasCoordinator);
        await Page.GotoAsync(sitting);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la séance (je la préside)" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("La séance est ouverte");
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages de l'instance" }).GetByRole(AriaRole.Link, new() { Name = "Séance" }).ClickAsync();
        await ExpectAccessibleAsync();

        var first = SessionItem(yanis);
        await first.GetByRole(AriaRole.Radio, new() { Name = "Orienter", Exact = true }).CheckAsync();
        await first.GetByLabel("Destination").SelectOptionAsync(new SelectOptionValue { Label = "Contrat d'engagement jeune (CEJ)" });
        await first.GetByLabel("Motivation de la décision").FillAsync("Projet d'emploi clair : CEJ à La Fabrique Défi.");
        await ExpectAccessibleAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Expect(first).ToContainTextAsync("Décision enregistrée : Orienter – Contrat d'engagement jeune (CEJ) (La Fabrique Défi (Cité de l'emploi))");

        var second = SessionItem(enzo);
        await second.GetByRole(AriaRole.Radio, new() { Name = "Ajourner" }).CheckAsync();
        await second.GetByLabel("Si « Ajourner » – Éléments manquants").FillAsync("Avis de la mission locale et bilan de santé.");
        await second.GetByLabel("Motivation de la décision").FillAsync("Situation à compléter avant de décider.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Expect(second).ToContainTextAsync("Décision enregistrée : Ajourner");
        await Expect(Page.Locator(".lead")).ToHaveTextAsync("Tous les points de l'ordre du jour ont été décidés.");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("parcours-instance-3-seance");

        // Closes the session, issues the minutes and reads the nominative version.
        await Page.GotoAsync(sitting);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Clore la séance" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("La séance est close.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Diffuser le compte rendu" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Le compte rendu est diffusé.");
        await Expect(Page.Locator("main")).ToContainTextAsync("Version 1 diffusée");
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages de l'instance" }).GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
        await ExpectAccessibleAsync();
        var nominative = await Page.RunAndWaitForPopupAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Imprimer : compte rendu, version nominative" }).ClickAsync());
        await Assertions.Expect(nominative.Locator("body")).ToContainTextAsync(yanis);
        await Assertions.Expect(nominative.Locator("body")).ToContainTextAsync(enzo);
        await Assertions.Expect(nominative.Locator("body")).ToContainTextAsync("Projet d'emploi clair : CEJ à La Fabrique Défi.");
        await nominative.CloseAsync();

        // The partner reads the anonymised minutes only: no name, no rationale.
        await SwitchTo(Staff.FranceTravailAdviser);
        await VisitAsync($"{sitting}/documents");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Imprimer : compte rendu, version nominative" })).ToHaveCountAsync(0);
        var anonymised = await Page.RunAndWaitForPopupAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Imprimer : compte rendu, version anonymisée" }).ClickAsync());
        await Assertions.Expect(anonymised.Locator("h1")).ToContainTextAsync("Compte rendu");
        foreach (var secret in new[] { "Yanis", "Enzo", $"JOURNET{suffix}", $"VIDAL{suffix}", "Projet d'emploi clair", "Situation à compléter" })
        {
            await Assertions.Expect(anonymised.Locator("body")).Not.ToContainTextAsync(secret, new() { IgnoreCase = true });
        }
        await anonymised.CloseAsync();

        // La Fabrique Défi accepts the orientation and names the adviser who takes Yanis on.
        await SwitchTo(Staff.CiteAdviser);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Orientations" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Orientations", Level = 1 })).ToBeVisibleAsync();
        var ticket = Page.Locator("li[id^='orientation-']").Filter(new() { HasText = yanis });
        await Expect(ticket.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync($"{yanis} – Contrat d'engagement jeune (CEJ)");
        await ExpectAccessibleAsync();
        await ticket.Locator("summary", new() { HasText = "Accepter l'orientation" }).ClickAsync();
        await ticket.GetByLabel("Professionnel qui prend en charge la personne")
            .SelectOptionAsync(new SelectOptionValue { Label = $"{Staff.CiteAdviser.DisplayName} – {Staff.CiteAdviser.Position}" });
        await ticket.GetByRole(AriaRole.Button, new() { Name = "Accepter", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("L'orientation a été acceptée.");
        await Expect(ticket).ToHaveCountAsync(0);

        // The referent's files: the committee's decisions and the accepted orientation.
        await SwitchTo(Staff.SasEducator);
        await VisitUntilAsync($"/dossiers/{consenting}", "#historique", "Orientation acceptée – Contrat d'engagement jeune (CEJ)");
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Décision d'instance – Orienter");
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Orientation proposée – Contrat d'engagement jeune (CEJ)");
        await ScreenshotAsync("parcours-instance-4-dossier");
        await VisitUntilAsync($"/dossiers/{withoutConsent}", "#historique", "Décision d'instance – Ajourner", check: false);
        await Expect(Page.Locator("#historique")).Not.ToContainTextAsync("Orientation proposée");
    }

    [Fact]
    public async Task a_pre_team_reviews_an_active_child_and_a_new_referral_and_the_file_shows_the_new_plan()
    {
        var suffix = Suffix();
        var (lina, noa) = ($"Lina ROCHE{suffix}", $"Noa MARTEL{suffix}");
        var active = await ReferredAsync(Staff.PreCoordinator, Person("Lina", $"Roche{suffix}", 10, Sex.F), on: Today.AddMonths(-7));
        await SendAsync(new AcceptReferral(active, null, Today.AddMonths(-7).AddDays(3), CurrentWorker.Of(Staff.PreCoordinator)));
        await SendAsync(new StartAccompaniment(active, null, Today.AddMonths(-6), Staff.PreReferent.Id, CurrentWorker.Of(Staff.PreCoordinator)));
        var referral = await ReferredAsync(Staff.PreCoordinator, Person("Noa", $"Martel{suffix}", 12));

        // The PRE coordinator schedules Beau Marais's team sitting and commits to the charter.
        await SignInAs(Page, Staff.PreCoordinator);
        await VisitAsync("/instances");
        await Page.GetByLabel("Type d'instance").SelectOptionAsync("PreTeam");
        await Page.GetByLabel("Quartier prioritaire").SelectOptionAsync(new SelectOptionValue { Label = "Beau Marais" });
        await Page.GetByLabel("Date", new() { Exact = true }).FillAsync(Iso(Today.AddDays(9)));
        await Page.GetByLabel("Heure de début").FillAsync("17:00");
        await Page.GetByLabel("Lieu").FillAsync($"École Greuze {suffix}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Programmer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("L'instance est programmée.");
        await Expect(Page.Locator("h1")).ToContainTextAsync("Équipe pluridisciplinaire");
        await ExpectAccessibleAsync();
        var sitting = new Uri(Page.Url).AbsolutePath;
        await AcknowledgeCharterAsync();

        // The agenda: the child due for review and the new referral.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ordre du jour", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Construire l'ordre du jour" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'ordre du jour a été construit.");
        await KeepOnlyAsync(lina, noa);
        var table = Page.GetByRole(AriaRole.Table, new() { Name = AgendaTable });
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = lina })).ToContainTextAsync("Point d'étape dû");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = noa })).ToContainTextAsync("Nouvelle saisine");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("parcours-pre-1-ordre-du-jour");

        // The session: continue with an updated plan on the PRE axes; refer the other child elsewhere.
        await Page.GotoAsync(sitting);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la séance (je la préside)" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("La séance est ouverte");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages de l'instance" }).GetByRole(AriaRole.Link, new() { Name = "Séance" }).ClickAsync();
        await ExpectAccessibleAsync();

        var first = SessionItem(lina);
        await first.GetByRole(AriaRole.Radio, new() { Name = "Poursuivre le parcours" }).CheckAsync();
        await first.GetByLabel("Axe de l'action 1").SelectOptionAsync(new SelectOptionValue { Label = "Accompagnement à la scolarité" });
        await first.GetByLabel("Action 1", new() { Exact = true }).FillAsync($"Aide aux devoirs renforcée {suffix}");
        await first.GetByLabel("Axe de l'action 2").SelectOptionAsync(new SelectOptionValue { Label = "Soutien à la parentalité" });
        await first.GetByLabel("Action 2", new() { Exact = true }).FillAsync($"Groupe de parole des parents {suffix}");
        await first.GetByLabel("Échéance de l'action 2 (facultatif)").FillAsync(Iso(Today.AddMonths(2)));
        await first.GetByLabel("Motivation de la décision").FillAsync("Progrès en lecture, la famille demande un relais.");
        await ExpectAccessibleAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Expect(first).ToContainTextAsync("Décision enregistrée : Poursuivre le parcours");

        var second = SessionItem(noa);
        await second.GetByRole(AriaRole.Radio, new() { Name = "Orienter ailleurs" }).CheckAsync();
        await second.GetByLabel("Destination").SelectOptionAsync(new SelectOptionValue { Label = "La Spirale (prévention spécialisée)" });
        await second.GetByLabel("Motivation de la décision").FillAsync("Besoin d'un éducateur de rue plutôt que du PRE.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Expect(second).ToContainTextAsync("Décision enregistrée : Orienter ailleurs – La Spirale (prévention spécialisée) (La Spirale)");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("parcours-pre-2-seance");

        await Page.GotoAsync(sitting);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Clore la séance" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("La séance est close.");
        await ExpectAccessibleAsync();

        // The child's file: the team's decision and the new actions, opened from the agenda.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ordre du jour", Exact = true }).ClickAsync();
        await table.GetByRole(AriaRole.Link, new() { Name = lina }).ClickAsync();
        await VisitUntilAsync($"/dossiers/{active}", "#actions", $"Aide aux devoirs renforcée {suffix}");
        var plan = Page.Locator("#actions");
        await Expect(plan.Locator(".item", new() { HasText = $"Aide aux devoirs renforcée {suffix}" })).ToContainTextAsync("Accompagnement à la scolarité");
        await Expect(plan.Locator(".item", new() { HasText = $"Groupe de parole des parents {suffix}" })).ToContainTextAsync("Soutien à la parentalité");
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Décision d'instance – Poursuivre le parcours");
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Progrès en lecture, la famille demande un relais.");
        await Expect(Page.Locator(".file-header")).ToContainTextAsync("En accompagnement");
        await ScreenshotAsync("parcours-pre-3-dossier");
        await VisitUntilAsync($"/dossiers/{referral}", "#historique", "Orientation proposée – La Spirale (prévention spécialisée)", check: false);
        await Expect(Page.Locator("#historique")).ToContainTextAsync("Décision d'instance – Orienter ailleurs");
    }

    private static string Suffix() => new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(4).ToArray()).ToUpperInvariant().PadRight(4, 'Z');

    /// <summary>
    /// Another worker's turn on the same computer: the previous one's session is gone. The sign-in
    /// pages were checked with axe at the first sign-in (and in <see cref="SignInTests"/>).
    /// </summary>
    private async Task SwitchTo(Habilitation worker)
    {
        await Page.Context.ClearCookiesAsync();
        await SignInAs(Page, worker);
    }

    /// <summary>From the sitting's page (or the charter itself): reads the charter and commits to it.</summary>
    private async Task AcknowledgeCharterAsync(bool alreadyOnCharter = false)
    {
        if (!alreadyOnCharter) await Page.GetByRole(AriaRole.Link, new() { Name = "Lire la charte et m'engager" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Charte de confidentialité", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Je m'engage" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Votre engagement est enregistré.");
    }

    /// <summary>
    /// The browser tests share one database: building the agenda also lists other tests' people
    /// awaiting a committee. The coordinator withdraws them from the agenda page, as one withdraws
    /// files the sitting will not examine.
    /// </summary>
    private async Task KeepOnlyAsync(params string[] names)
    {
        var table = Page.GetByRole(AriaRole.Table, new() { Name = AgendaTable });
        for (var round = 0; round < 300; round++)
        {
            var labels = await table.Locator("button[aria-label]").EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.getAttribute('aria-label'))");
            var other = labels.FirstOrDefault(l => !names.Any(n => l.Contains(n, StringComparison.OrdinalIgnoreCase)));
            if (other is null)
            {
                Assert.Equal(names.Length, labels.Length);
                return;
            }
            var same = table.GetByRole(AriaRole.Button, new() { Name = other, Exact = true });
            var count = await same.CountAsync();
            await same.First.ClickAsync();
            await Expect(same).ToHaveCountAsync(count - 1);
        }
        throw new InvalidOperationException("Too many items to withdraw from the agenda.");
    }

    private ILocator SessionItem(string name) =>
        Page.Locator("li.session-item").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { NameRegex = new($"^Point \\d+ – {name}") }) });

    /// <summary>
    /// The pathway hears of the committee through the outbox, a moment after the decision: the
    /// page is reloaded until the expected line shows (a person would press F5), then checked.
    /// </summary>
    private async Task VisitUntilAsync(string path, string selector, string text, bool check = true)
    {
        for (var i = 0; i < 50; i++)
        {
            await Page.GotoAsync(path);
            if ((await Page.Locator(selector).InnerTextAsync()).Contains(text, StringComparison.Ordinal)) break;
            await Task.Delay(200);
        }
        await Expect(Page.Locator(selector)).ToContainTextAsync(text);
        if (check) await ExpectAccessibleAsync();
    }

    private async Task SendAsync(object command)
    {
        using var scope = Fixture.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<CommandOutcome>(command);
        Assert.Null(outcome.Refusal);
    }
}
