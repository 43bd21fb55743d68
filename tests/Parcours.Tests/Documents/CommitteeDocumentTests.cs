using Alba;
using Marten;
using Parcours.Committees.Reading;
using Parcours.Documents;
using Parcours.Documents.Editing;
using Parcours.Documents.Rendering;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.People;
using Parcours.Tests.Support;
using Wolverine;
using Wolverine.Tracking;
using static Parcours.Tests.Support.Scenarios;
using static Parcours.Tests.Support.SharingScenarios;

namespace Parcours.Tests.Documents;

/// <summary>Agenda, minutes and letters: nominative for the conveners, anonymised for the members, nothing for anybody else.</summary>
public sealed class CommitteeDocumentTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly NewPerson Escaped = new("<script>alert(1)</script>", "{{ 1 + 1 }}", Today.AddYears(-19).AddDays(-30), Sex.M, "2 rue Gauguin, Calais", null, null);
    private static readonly NewPerson Consented = new("Rachid", "Benali", Today.AddYears(-22).AddDays(-30), Sex.M, "8 rue Tunis, Calais", null, null);
    private static readonly NewPerson Unconsented = new("Inès", "Discrète", Today.AddYears(-21).AddDays(-30), Sex.F, "5 rue Salengro, Calais", null, null);

    private sealed record Sitting(Guid Id, Guid Escaped, Guid Consented, Guid Unconsented, IReadOnlyList<Guid> Items);

    /// <summary>
    /// A mutualised committee chaired by the SAS coordinator: a SAS pathway (her structure follows it: named),
    /// a Cité pathway with a consent to committee examination (named) and one without (anonymised even for her).
    /// </summary>
    private async Task<Sitting> SittingAsync()
    {
        var escaped = await Host.Referred(SasReferral(Escaped), Staff.SasEducator);
        var consented = await Host.Referred(CiteReferral(Consented) with { Track = "JEUNES" }, Staff.CiteAdviser);
        await Host.Consent(consented, ConsentPurpose.CommitteeExamination, [], byParents: false, Staff.CiteAdviser);
        var unconsented = await Host.Referred(CiteReferral(Unconsented) with { Track = "JEUNES" }, Staff.CiteAdviser);
        var sitting = await Store.AdmissionInSession(escaped, consented, unconsented);
        return new Sitting(sitting.CommitteeId, escaped, consented, unconsented, sitting.ItemIds);
    }

    private async Task<Sitting> DecidedAndClosedAsync()
    {
        var s = await SittingAsync();
        await Decide(s, 0, new { outcome = "Orient", destination = "SAS", rationale = "MOTIF-SAS très motivé" });
        await Decide(s, 1, new { outcome = "Orient", destination = "CEJ", rationale = "MOTIF-CITE projet clair" });
        await Decide(s, 2, new { outcome = "Orient", destination = "CEJ", rationale = "MOTIF-CACHE situation familiale" });
        await Store.ClosedAsync(s.Id, Staff.SasCoordinator, (Staff.SasCoordinator, true), (Staff.FranceTravailAdviser, true), (Staff.SchoolWorker, false));
        return s;
    }

    private async Task Decide(Sitting s, int item, object decision) =>
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => Host.Done($"/api/committees/{s.Id}/items/{s.Items[item]}/decision", decision, Staff.SasCoordinator)));

    private async Task<(string Html, IScenarioResult Result)> Document(string url, Habilitation by)
    {
        var result = await Host.Scenario(x =>
        {
            x.As(by);
            x.Get.Url(url);
            x.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsTextAsync(), result);
    }

    private static readonly string[] Names = ["Rachid", "BENALI", "Benali", "Inès", "Discrète", "DISCRÈTE", "alert(1)", "rue"];

    [Fact]
    public async Task the_anonymised_minutes_give_members_categorical_decisions_without_names_pathway_ids_or_rationale()
    {
        var s = await DecidedAndClosedAsync();

        var (html, result) = await Document($"/api/committees/{s.Id}/documents/minutes?version=anonymised", Staff.FranceTravailAdviser);

        Assert.Contains("Compte rendu", html);
        Assert.Contains("Version anonymisée", html);
        Assert.Contains("Orienter", html);
        Assert.Contains("Contrat d&#x27;engagement jeune (CEJ)", html.Replace("&#39;", "&#x27;"));
        Assert.Contains("Pierre Caron", html);
        Assert.All(Names, name => Assert.DoesNotContain(name, html));
        Assert.DoesNotContain("MOTIF-", html);
        Assert.All(new[] { s.Escaped, s.Consented, s.Unconsented }, id => Assert.DoesNotContain(id.ToString(), html));
        Assert.All(new[] { s.Escaped, s.Consented, s.Unconsented }, id => Assert.DoesNotContain(id.ToString("N"), html));
        Assert.Equal(PrintableDocument.ContentSecurityPolicy, result.Context.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("no-store", result.Context.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task the_nominative_minutes_name_consented_people_with_their_rationale_and_keep_the_others_anonymised()
    {
        var s = await DecidedAndClosedAsync();

        var (html, _) = await Document($"/api/committees/{s.Id}/documents/minutes?version=nominative", Staff.SasCoordinator);

        Assert.Contains("Version nominative", html);
        Assert.Contains("Rachid BENALI", html);
        Assert.Contains("MOTIF-CITE projet clair", html);
        Assert.Contains("MOTIF-SAS très motivé", html);
        Assert.DoesNotContain("Inès", html);
        Assert.DoesNotContain("MOTIF-CACHE", html);
        Assert.Contains("(anonymisé)", html);
    }

    [Fact]
    public async Task a_name_made_of_markup_or_template_syntax_prints_as_text()
    {
        var s = await DecidedAndClosedAsync();

        var (minutes, _) = await Document($"/api/committees/{s.Id}/documents/minutes?version=nominative", Staff.SasCoordinator);
        var (agenda, _) = await Document($"/api/committees/{s.Id}/documents/agenda?version=nominative", Staff.SasCoordinator);

        foreach (var html in new[] { minutes, agenda })
        {
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; {{ 1 &#x2B; 1 }}", html);
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain(" 2</h3>", html);
        }
    }

    [Fact]
    public async Task the_agenda_exists_before_the_session_in_both_versions()
    {
        var s = await SittingAsync();

        var (anonymised, _) = await Document($"/api/committees/{s.Id}/documents/agenda", Staff.FranceTravailAdviser);
        var (nominative, _) = await Document($"/api/committees/{s.Id}/documents/agenda?version=nominative", Staff.SasCoordinator);

        Assert.Contains("Ordre du jour", anonymised);
        Assert.All(Names, name => Assert.DoesNotContain(name, anonymised));
        Assert.Contains("Chômage", nominative);
        Assert.DoesNotContain("Chômage", anonymised);
        Assert.Contains("Rachid BENALI", nominative);
        Assert.DoesNotContain("Inès", nominative);
    }

    [Fact]
    public async Task the_minutes_exist_only_once_the_session_is_closed()
    {
        var s = await SittingAsync();

        var problem = await Host.GetText($"/api/committees/{s.Id}/documents/minutes?version=anonymised", Staff.SasCoordinator, 422);

        Assert.Contains("une fois la séance close", problem);
    }

    [Fact]
    public async Task a_member_asking_for_the_nominative_version_is_refused_and_anybody_else_is_told_nothing()
    {
        var s = await DecidedAndClosedAsync();

        foreach (var kind in new[] { "agenda", "minutes" })
        {
            var refused = await Host.GetText($"/api/committees/{s.Id}/documents/{kind}?version=nominative", Staff.FranceTravailAdviser, 403);
            Assert.Contains("réservés aux coordinateurs", refused);
            foreach (var outsider in new[] { Staff.CcasSocialWorker, Staff.PreCoordinator, Staff.StatisticsCoordinator })
            {
                await Host.GetText($"/api/committees/{s.Id}/documents/{kind}?version=nominative", outsider, 404);
                await Host.GetText($"/api/committees/{s.Id}/documents/{kind}?version=anonymised", outsider, 404);
            }
        }
        await Host.GetText($"/api/committees/{Guid.CreateVersion7()}/documents/agenda", Staff.SasCoordinator, 404);
        await Host.GetText($"/api/committees/{s.Id}/documents/agenda?version=tout", Staff.SasCoordinator, 400);
        await Host.GetText($"/api/committees/{s.Id}/documents/budget", Staff.SasCoordinator, 404);
    }

    [Fact]
    public async Task every_rendering_and_every_refusal_is_traced()
    {
        var s = await DecidedAndClosedAsync();

        await Document($"/api/committees/{s.Id}/documents/minutes?version=anonymised", Staff.FranceTravailAdviser);
        await Document($"/api/committees/{s.Id}/documents/agenda?version=nominative", Staff.SasCoordinator);
        await Host.GetText($"/api/committees/{s.Id}/documents/minutes?version=nominative", Staff.FranceTravailAdviser, 403);

        var trail = await Host.DocumentTrail();
        Assert.Contains((Staff.FranceTravailAdviser.Id, $"committee:{s.Id}:minutes:anonymised", "Allowed"), trail);
        Assert.Contains((Staff.SasCoordinator.Id, $"committee:{s.Id}:agenda:nominative", "Allowed"), trail);
        Assert.Contains((Staff.FranceTravailAdviser.Id, $"committee:{s.Id}:minutes:nominative", "Refused"), trail);
    }

    [Fact]
    public async Task an_orientation_letter_is_addressed_to_the_person_for_the_conveners_only()
    {
        var s = await DecidedAndClosedAsync();
        await using var session = Store.QuerySession();
        var view = (await session.LoadAsync<CommitteeView>(s.Id))!;
        var consented = view.Items.Single(i => i.PathwayId == s.Consented).OrientationId!.Value;
        var unconsented = view.Items.Single(i => i.PathwayId == s.Unconsented).OrientationId!.Value;

        var (letter, result) = await Document($"/api/committees/{s.Id}/documents/letters/{consented}", Staff.SasCoordinator);

        Assert.Contains("Rachid BENALI", letter);
        Assert.Contains("8 rue Tunis, Calais", letter);
        Assert.Contains("Contrat d&#x27;engagement jeune (CEJ)", letter.Replace("&#39;", "&#x27;"));
        Assert.Equal(PrintableDocument.ContentSecurityPolicy, result.Context.Response.Headers.ContentSecurityPolicy.ToString());
        await Host.GetText($"/api/committees/{s.Id}/documents/letters/{consented}", Staff.FranceTravailAdviser, 403);
        await Host.GetText($"/api/committees/{s.Id}/documents/letters/{consented}", Staff.CcasSocialWorker, 404);
        await Host.GetText($"/api/committees/{s.Id}/documents/letters/{Guid.CreateVersion7()}", Staff.SasCoordinator, 404);
        Assert.Contains("nominatif", await Host.GetText($"/api/committees/{s.Id}/documents/letters/{unconsented}", Staff.SasCoordinator, 422));
    }

    [Fact]
    public async Task documents_use_the_latest_version_of_their_template()
    {
        var s = await DecidedAndClosedAsync();
        var body = TemplateCatalogue.Find(TemplateCatalogue.MinutesAnonymised)!.DefaultBody().Replace("<h1>Compte rendu", "<h1>Relevé de décisions");
        await Host.Done($"/api/templates/{TemplateCatalogue.MinutesAnonymised}", new SaveTemplateRequest(1, null, body, "Nouveau titre"), Staff.CiteCoordinator, 201);

        var (html, _) = await Document($"/api/committees/{s.Id}/documents/minutes", Staff.FranceTravailAdviser);

        Assert.Contains("<h1>Relevé de décisions", html);
    }

    [Fact]
    public async Task a_pre_team_s_minutes_keep_the_plan_s_free_text_and_health_axis_from_members_who_may_not_see_them()
    {
        var pathway = await Host.ActivePathway();
        var sitting = await Store.PreTeamInSession(pathway);
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => Host.Done(sitting.DecisionUrl(), new
            {
                outcome = "Continue",
                actions = new[] { new { category = "SCOLARITE", kind = "Aide aux devoirs du mercredi" }, new { category = "SANTE", kind = "Bilan orthophonique" } },
                rationale = "Progrès en lecture, fatigue persistante",
            }, Staff.PreCoordinator)));
        await Store.ClosedAsync(sitting.CommitteeId, Staff.PreCoordinator, (Staff.PreCoordinator, true), (Staff.SchoolWorker, true));

        var (member, _) = await Document($"/api/committees/{sitting.CommitteeId}/documents/minutes", Staff.SchoolWorker);
        var (convener, _) = await Document($"/api/committees/{sitting.CommitteeId}/documents/minutes?version=nominative", Staff.PreCoordinator);

        Assert.Contains("Poursuivre le parcours", member);
        Assert.Contains("Accompagnement à la scolarité", member);
        Assert.DoesNotContain("Accès aux soins", member);
        Assert.DoesNotContain("Aide aux devoirs", member);
        Assert.DoesNotContain("orthophonique", member);
        Assert.DoesNotContain("Léo", member);
        Assert.Contains("Léo DUPONT", convener);
        Assert.Contains("Accès aux soins et bien-être : Bilan orthophonique", convener);
        Assert.Contains("Progrès en lecture, fatigue persistante", convener);
    }
}
