using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.Retention.Purging;

namespace Parcours.Tests.Browser;

/// <summary>The officer's retention queue (« Conservation des données »): read it, postpone an announced anonymisation.</summary>
public sealed class RetentionPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>A pathway whose last contact was three years ago, archived, its person's anonymisation announced.</summary>
    private async Task<(Guid Pathway, Guid Person, DateOnly PurgeOn)> AnnouncedAsync()
    {
        var pathway = await ReferredAsync(Staff.PreCoordinator, Person("Inès", "Caron", 12), on: Today.AddYears(-3));
        var store = Fixture.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        var file = (await session.LoadAsync<PathwayFile>(pathway))!;
        var stream = await session.Events.FetchForWriting<Pathway>(pathway);
        stream.AppendOne(new PathwayArchived(pathway, Today.AddYears(-1), file.LastDate, DateTimeOffset.UtcNow));
        var purgeOn = Today.AddDays(20);
        session.Store(new PurgeNotice { Id = file.PersonId, Programmes = ["PRE"], Pathways = 1, DueOn = purgeOn, AnnouncedOn = Today.AddDays(-10), PurgeOn = purgeOn });
        await session.SaveChangesAsync();
        return (pathway, file.PersonId, purgeOn);
    }

    [Fact]
    public async Task the_officer_reads_the_policy_and_postpones_an_announced_anonymisation_with_a_reason()
    {
        var (pathway, person, purgeOn) = await AnnouncedAsync();
        await SignInAs(Staff.DataProtectionOfficer);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Conservation des données" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Conservation des données", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        var policy = Page.GetByRole(AriaRole.Table, new() { Name = "Durées de conservation par dispositif" });
        await Expect(policy.GetByRole(AriaRole.Row).Filter(new() { HasText = "Réussite Éducative" })).ToContainTextAsync("2 ans après le dernier contact");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Parcours archivés, par date de fin d'archive" })).ToContainTextAsync(pathway.ToString()[..8]);
        var purges = Page.GetByRole(AriaRole.Table, new() { Name = "Personnes dont l'anonymisation est annoncée, par date" });
        await Expect(purges.GetByRole(AriaRole.Row).Filter(new() { HasText = person.ToString()[..8] })).ToContainTextAsync(Fr(purgeOn));

        // Without a reason: refused next to the field.
        await Page.GetByLabel("Personne concernée").SelectOptionAsync(person.ToString());
        await Page.GetByLabel("Nouvelle date d'anonymisation").FillAsync(Iso(purgeOn.AddDays(60)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reporter l'anonymisation" }).ClickAsync();
        await Expect(Page.GetByText("Le motif du report est obligatoire.").First).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Motif du report").FillAsync("Contentieux en cours devant le tribunal administratif.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reporter l'anonymisation" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'anonymisation a été reportée.");
        await Expect(purges.GetByRole(AriaRole.Row).Filter(new() { HasText = person.ToString()[..8] })).ToContainTextAsync(Fr(purgeOn.AddDays(60)));
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task a_coordinator_cannot_open_the_retention_queue()
    {
        await SignInAs(Staff.PreCoordinator);
        Assert.Equal(403, await VisitAsync("/confidentialite/conservation"));
    }

    [Fact]
    public async Task an_archived_file_opens_for_its_programme_coordinator_only_and_says_it_is_archived()
    {
        var (pathway, _, _) = await AnnouncedAsync();
        await SignInAs(Staff.PreReferent);
        Assert.Equal(404, await VisitAsync($"/dossiers/{pathway}"));

        var coordinator = await Page.Context.Browser!.NewContextAsync(new() { BaseURL = Fixture.BaseUrl });
        var page = await coordinator.NewPageAsync();
        await SignInAs(page, Staff.PreCoordinator);
        var response = await page.GotoAsync($"/dossiers/{pathway}");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByText("Passage en archive restreinte (durée de conservation)")).ToBeVisibleAsync();
        await coordinator.CloseAsync();
    }
}
