using Microsoft.Playwright;
using Parcours.Identity;

namespace Parcours.Tests.Browser;

/// <summary>The Maison des Femmes' permanences page: record a session's counts, list the year's sessions.</summary>
public sealed class PermanencesPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task a_maison_des_femmes_worker_records_the_people_received_at_a_permanence_and_sees_it_listed()
    {
        await SignInAs(Staff.MdfWorker);
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Permanences" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Permanences", Level = 1 })).ToBeVisibleAsync();
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Date de la permanence").FillAsync(Iso(Today.AddDays(-1)));
        await Page.GetByLabel("Type de permanence").SelectOptionAsync(new SelectOptionValue { Label = "Permanence du CIDFF (droits des femmes et des familles)" });
        await Page.GetByLabel("Quartier où se tient la permanence").SelectOptionAsync("BM-GAGARINE");
        await Page.GetByLabel("Femmes, 26-44 ans").FillAsync("7");
        await Page.GetByLabel("Femmes, 45-59 ans").FillAsync("4");
        await Page.GetByLabel("Hommes, 18-25 ans").FillAsync("1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la permanence" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("La permanence a été enregistrée.");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = Fr(Today.AddDays(-1)) }).Filter(new() { HasText = "CIDFF" }).First;
        await Expect(row).ToContainTextAsync("Gagarine");
        await Expect(row.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("12");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task a_negative_count_or_a_future_date_is_refused_with_the_message_next_to_the_field()
    {
        await SignInAs(Staff.MdfWorker);
        await VisitAsync("/permanences");
        await Page.GetByLabel("Type de permanence").SelectOptionAsync(new SelectOptionValue { Label = "Permanence juriste" });
        await Page.GetByLabel("Quartier où se tient la permanence").SelectOptionAsync("BM");
        await Page.GetByLabel("Femmes, 26-44 ans").EvaluateAsync("input => { input.removeAttribute('min'); input.value = '-3'; }");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la permanence" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ne peut pas être négatif");
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Femmes, 26-44 ans").FillAsync("3");
        await Page.GetByLabel("Date de la permanence").FillAsync(Iso(Today.AddDays(3)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la permanence" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("futur");
        await Expect(Page.GetByLabel("Date de la permanence")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task workers_outside_the_maison_des_femmes_get_a_404_and_no_link()
    {
        await SignInAs(Staff.PreCoordinator);
        await Expect(Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Permanences" })).ToHaveCountAsync(0);
        Assert.Equal(404, await VisitAsync("/permanences"));
    }
}
