using System.Net.Http.Json;
using Alba;
using Parcours.Documents;
using Parcours.Documents.Editing;
using Parcours.Documents.Listing;
using Parcours.Documents.Rendering;
using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Reference;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Documents;

public sealed class TemplateTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Letter = TemplateCatalogue.OrientationLetter;

    [Fact]
    public async Task every_document_has_a_template_seeded_at_version_1()
    {
        var list = await Host.GetJson<List<TemplateSummary>>("/api/templates", Staff.SasCoordinator);

        Assert.Equal(TemplateCatalogue.All.Select(k => k.Code).Order(), list.Select(t => t.Code).Order());
        Assert.All(list, t => Assert.Equal(1, t.Version));
        Assert.Contains(list, t => t.Code == "committee-minutes-anonymised" && t.Title == "Compte rendu anonymisé");
    }

    [Fact]
    public async Task saving_creates_a_new_version_and_keeps_the_previous_one()
    {
        var original = (await Host.GetJson<TemplateHistory>($"/api/templates/{Letter}", Staff.PreCoordinator)).Versions.Single();

        var saved = await Save(Letter, new SaveTemplateRequest(1, "Courrier d'orientation (2026)", "<p>Bonjour {{ person_name }}</p>", "Texte raccourci"), Staff.PreCoordinator, 201);
        await Save(Letter, new SaveTemplateRequest(2, null, "<p>Bonjour {{ person_name }}, {{ destination }}</p>", "Ajout de la destination"), Staff.Administrator, 201);

        Assert.Contains("\"version\":2", saved);
        var history = await Host.GetJson<TemplateHistory>($"/api/templates/{Letter}", Staff.Administrator);
        Assert.Equal([3, 2, 1], history.Versions.Select(v => v.Version));
        Assert.Equal(original.Body, history.Versions[2].Body);
        Assert.Equal("Courrier d'orientation (2026)", history.Versions[0].Title);
        Assert.Equal(Staff.Administrator.DisplayName, history.Versions[0].AuthorName);
        Assert.Equal(Staff.PreCoordinator.DisplayName, history.Versions[1].AuthorName);
        Assert.Equal("Ajout de la destination", history.Versions[0].ChangeNote);
    }

    [Theory]
    [InlineData("<p>{{ if person_name }}</p>", "Le modèle ne peut pas être lu (ligne 1")]
    [InlineData("{{ include 'consent-form' }}", "l'inclusion d'autres modèles n'est pas permise")]
    [InlineData("{{ while true }}{{ end }}", "trop d'itérations")]
    [InlineData("{{ person_name.GetType }}", "Le rendu du modèle a échoué")]
    [InlineData("{{ nobody_knows_me }}", "Le rendu du modèle a échoué")]
    public async Task a_template_that_cannot_render_is_refused_with_a_french_message_and_nothing_is_saved(string body, string message)
    {
        var (problem, _) = await Host.Refused($"/api/templates/{Letter}", new SaveTemplateRequest(1, null, body, "Essai"), 400, Staff.SasCoordinator);

        Assert.Contains(message, problem.Detail);
        Assert.Equal(problem.Detail, problem.Errors!["body"].Single());
        Assert.Single((await Host.GetJson<TemplateHistory>($"/api/templates/{Letter}", Staff.SasCoordinator)).Versions);
    }

    [Fact]
    public async Task a_save_needs_a_change_note_and_a_body()
    {
        var (noNote, _) = await Host.Refused($"/api/templates/{Letter}", new SaveTemplateRequest(1, null, "<p>x</p>", " "), 400, Staff.SasCoordinator);
        var (noBody, _) = await Host.Refused($"/api/templates/{Letter}", new SaveTemplateRequest(1, null, "", "Note"), 400, Staff.SasCoordinator);

        Assert.Contains("changeNote", noNote.Errors!.Keys);
        Assert.Contains("body", noBody.Errors!.Keys);
    }

    [Fact]
    public async Task two_editors_starting_from_the_same_version_cannot_both_save()
    {
        await Save(Letter, new SaveTemplateRequest(1, null, "<p>A</p>", "Première"), Staff.SasCoordinator, 201);
        var (problem, _) = await Host.Refused($"/api/templates/{Letter}", new SaveTemplateRequest(1, null, "<p>B</p>", "Seconde"), 409, Staff.CiteCoordinator);

        Assert.Contains("modifié entre-temps", problem.Detail);
        Assert.Equal("<p>A</p>", (await Host.GetJson<TemplateHistory>($"/api/templates/{Letter}", Staff.SasCoordinator)).Versions[0].Body);
    }

    [Fact]
    public async Task the_preview_renders_the_edited_body_with_fictional_data_under_a_strict_policy_and_saves_nothing()
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.CiteCoordinator);
            s.Post.Json(new PreviewTemplateRequest("<h1>{{ person_name }}</h1><script>alert(1)</script>")).ToUrl($"/api/templates/{Letter}/preview");
            s.StatusCodeShouldBe(200);
        });
        var html = await result.ReadAsTextAsync();

        Assert.Equal("<h1>Exemple PRÉNOM-FICTIF</h1><script>alert(1)</script>", html);
        Assert.Equal(PrintableDocument.ContentSecurityPolicy, result.Context.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:", PrintableDocument.ContentSecurityPolicy);
        Assert.Equal("nosniff", result.Context.Response.Headers.XContentTypeOptions.ToString());
        Assert.Single((await Host.GetJson<TemplateHistory>($"/api/templates/{Letter}", Staff.CiteCoordinator)).Versions);

        var (broken, _) = await Host.Refused($"/api/templates/{Letter}/preview", new PreviewTemplateRequest("{{ for }}"), 400, Staff.CiteCoordinator);
        Assert.StartsWith("Le modèle ne peut pas être lu", broken.Detail);
    }

    [Theory]
    [MemberData(nameof(NotEditors))]
    public async Task only_programme_coordinators_and_administrators_manage_templates(string who)
    {
        var worker = Staff.All.Single(s => s.Email.StartsWith(who));
        await Host.GetText("/api/templates", worker, 403);
        await Host.GetText($"/api/templates/{Letter}", worker, 403);
        await Host.Refused($"/api/templates/{Letter}", new SaveTemplateRequest(1, null, "<p>x</p>", "Note"), 403, worker);
        await Host.Refused($"/api/templates/{Letter}/preview", new PreviewTemplateRequest("<p>x</p>"), 403, worker);
    }

    public static TheoryData<string> NotEditors() => new(new[] { Staff.PreReferent, Staff.SchoolWorker, Staff.StatisticsCoordinator, Staff.DataProtectionOfficer }.Select(s => s.Email.Split('@')[0]));

    [Fact]
    public async Task an_unknown_code_is_404()
    {
        await Host.GetText("/api/templates/nope", Staff.SasCoordinator, 404);
        await Host.Refused("/api/templates/nope", new SaveTemplateRequest(1, null, "<p>x</p>", "Note"), 404, Staff.SasCoordinator);
    }

    [Fact]
    public async Task the_consent_form_is_printed_with_the_latest_stored_template()
    {
        var id = await Host.ActivePathway();
        await Host.ParentsInformed(id);
        var consentId = await Host.Consent(id, ConsentPurpose.TeamSharing, [Structures.CollegeLesDunes], byParents: true);
        var shipped = TemplateCatalogue.Find(TemplateCatalogue.ConsentForm)!.DefaultBody();
        await Save(TemplateCatalogue.ConsentForm, new SaveTemplateRequest(1, null, shipped.Replace("Recueil du consentement", "Recueil du consentement – modèle 2026"), "Nouveau titre"), Staff.PreCoordinator, 201);

        var result = await Host.Scenario(s =>
        {
            s.As(Staff.PreReferent);
            s.Get.Url($"/dossiers/{id}/consentements/{consentId}");
        });

        Assert.Contains("Recueil du consentement – modèle 2026", await result.ReadAsTextAsync());
        Assert.Equal(PrintableDocument.ContentSecurityPolicy, result.Context.Response.Headers.ContentSecurityPolicy.ToString());
    }

    private async Task<string> Save(string code, SaveTemplateRequest request, Habilitation by, int status)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(by);
            s.Post.Json(request).ToUrl($"/api/templates/{code}");
            s.StatusCodeShouldBe(status);
        });
        return await result.ReadAsTextAsync();
    }
}
