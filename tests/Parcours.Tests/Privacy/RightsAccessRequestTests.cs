using System.Text.RegularExpressions;
using Alba;
using Marten;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Audit;
using Parcours.Audit.Searching;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People;
using Parcours.Privacy.AccessRequests;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Privacy;

public sealed class RightsAccessRequestTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly NewPerson Sister = new("Zoé", "Martin-Quesnel", Today.AddYears(-12).AddDays(-3), Sex.F, "7 impasse Verte, Calais", "0699887766", "zoe@example.org");

    /// <summary>Léo (PRE, with an action, a review, a consent) and his sister Zoé, followed too, linked to him.</summary>
    private async Task<(Guid LeoPathway, Guid Leo, Guid ZoePathway, Guid Zoe)> TwoSiblings()
    {
        var leoPathway = await Host.ActivePathway();
        await Host.Created($"/api/pathways/{leoPathway}/actions", new { category = "SANTE", kind = "Orthophonie", plannedOn = Today.AddDays(-5), note = "Bilan orthophonique demandé par l'école." });
        await Host.Done($"/api/pathways/{leoPathway}/reviews", new { reviewedOn = Today.AddDays(-2), summary = "Léo dort mieux, reprise de la lecture." });
        var leo = (await Host.PathwayFile(leoPathway)).Person.Id;

        var zoePathway = await Host.ActivePathway(PreReferral(Sister));
        await Host.Done($"/api/pathways/{zoePathway}/reviews", new { reviewedOn = Today.AddDays(-1), summary = "Zoé : situation confidentielle de la sœur." });
        var zoe = (await Host.PathwayFile(zoePathway)).Person.Id;
        await Host.Done($"/api/people/{leo}/links", new { relatedPersonId = zoe, relation = "SiblingOf" }, Staff.PreReferent, status: 200);
        return (leoPathway, leo, zoePathway, zoe);
    }

    private Task<(long Version, Guid CreatedId)> Request(Guid personId, string relation = "Self", string? requestedBy = null) =>
        Host.Created("/api/privacy/access-requests", new { personId, requestedBy, relation }, Staff.DataProtectionOfficer);

    private async Task<(AccessExport Export, string Text)> Json(Guid requestId)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.DataProtectionOfficer);
            s.Get.Url($"/api/privacy/access-requests/{requestId}.json");
        });
        return (await result.Read<AccessExport>(), await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task the_export_holds_every_event_of_the_person_and_nothing_of_anyone_else()
    {
        var (leoPathway, leo, zoePathway, zoe) = await TwoSiblings();
        var (_, requestId) = await Request(leo);

        var (export, text) = await Json(requestId);

        await using var session = Store.QuerySession();
        var personStream = await session.Events.FetchStreamAsync(leo);
        var pathwayStream = await session.Events.FetchStreamAsync(leoPathway);
        Assert.Equal(personStream.Select(e => e.Version), export.PersonEvents.Select(e => e.Version));
        var pathway = Assert.Single(export.Pathways);
        Assert.Equal(leoPathway, pathway.PathwayId);
        Assert.Equal(pathwayStream.Select(e => e.Version), pathway.Events.Select(e => e.Version));
        Assert.DoesNotContain(pathway.Events, e => e.Title.StartsWith("Événement enregistré", StringComparison.Ordinal));

        Assert.Equal("Dupont", export.Identity!.LastName);
        Assert.Contains("Bilan orthophonique demandé par l'école.", text);
        Assert.Contains("Léo dort mieux", text);
        Assert.Contains(export.PersonEvents, e => e.Title == "Lien familial enregistré" && e.Details.Contains("Lien : Frère ou sœur d'une autre personne suivie"));
        Assert.NotEmpty(export.AccessTrail);

        foreach (var foreign in new[] { "Zoé", "Martin-Quesnel", Sister.BirthDate.ToString("dd/MM/yyyy"), Sister.BirthDate.ToString("yyyy-MM-dd"), "0699887766",
                     "zoe@example.org", "impasse Verte", "confidentielle de la sœur", zoe.ToString(), zoePathway.ToString() })
        {
            Assert.DoesNotContain(foreign, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task the_document_is_plain_french_html_with_one_row_per_event_under_the_strict_policy()
    {
        var (leoPathway, leo, _, zoePathway) = await TwoSiblings();
        var (_, requestId) = await Request(leo, "Parent", "Marie Dupont");

        var result = await Host.Scenario(s =>
        {
            s.As(Staff.DataProtectionOfficer);
            s.Get.Url($"/api/privacy/access-requests/{requestId}");
        });
        var html = await result.ReadAsTextAsync();

        Assert.StartsWith("default-src 'none'", result.Context.Response.Headers.ContentSecurityPolicy.ToString());
        await using var session = Store.QuerySession();
        Assert.Equal((await session.Events.FetchStreamAsync(leoPathway)).Count, Regex.Matches(html, "<tr class=\"event\">").Count);
        Assert.Contains("Droit d'accès aux données personnelles", html);
        Assert.Contains("Marie Dupont", html);
        Assert.Contains("autorité parentale (personne mineure)", html);
        Assert.Contains("Orientation reçue", html);
        Assert.Contains("Action prévue", html);
        Assert.Contains("Bilan", html);
        Assert.DoesNotContain("Martin-Quesnel", html);
        Assert.DoesNotContain("Zoé", html);
        Assert.DoesNotContain(zoePathway.ToString(), html);
    }

    [Fact]
    public async Task producing_the_export_is_traced_and_only_the_officer_may()
    {
        var (_, leo, _, _) = await TwoSiblings();
        var (_, requestId) = await Request(leo);
        await Json(requestId);

        foreach (var worker in new[] { Staff.PreReferent, Staff.PreCoordinator, Staff.Administrator })
        {
            await Host.Refused("/api/privacy/access-requests", new { personId = leo, relation = "Self" }, 403, worker);
            await Host.Scenario(s =>
            {
                s.As(worker);
                s.Get.Url($"/api/privacy/access-requests/{requestId}.json");
                s.StatusCodeShouldBe(403);
            });
            await Host.Scenario(s =>
            {
                s.As(worker);
                s.Get.Url($"/api/privacy/access-requests/{requestId}");
                s.StatusCodeShouldBe(403);
            });
        }

        var trail = await AuditSearch.ReadAsync(Host.Services.GetRequiredService<NpgsqlDataSource>(), new AuditFilter(PersonId: leo), default);
        Assert.Contains(trail.Entries, e => e.Action == AccessRequestHandler.ExportAction && e.Outcome == AuditOutcome.Allowed && e.WorkerId == Staff.DataProtectionOfficer.Id);
        Assert.Contains(trail.Entries, e => e.Action == AccessRequestHandler.RequestAction && e.Outcome == AuditOutcome.Allowed);
        Assert.Contains(trail.Entries, e => e.Action == AccessRequestHandler.ExportAction && e.Outcome == AuditOutcome.Refused);
    }

    [Fact]
    public async Task bad_requests_are_french_refusals()
    {
        var leo = (await Host.PathwayFile(await Host.ActivePathway())).Person.Id;
        var adult = await Host.IdentifiedPerson(Woman());
        var dpo = Staff.DataProtectionOfficer;

        await Host.Refused("/api/privacy/access-requests", new { personId = Guid.NewGuid(), relation = "Self" }, 404, dpo);
        Assert.Equal("requestedBy", Assert.Single((await Host.Refused("/api/privacy/access-requests", new { personId = leo, relation = "Parent" }, 400, dpo)).Problem.Errors!).Key);
        Assert.Equal("relation", Assert.Single((await Host.Refused("/api/privacy/access-requests", new { personId = leo }, 400, dpo)).Problem.Errors!).Key);
        await Host.Refused("/api/privacy/access-requests", new { personId = adult, relation = "Parent", requestedBy = "Sa mère" }, 422, dpo);
        await Host.Scenario(s =>
        {
            s.As(dpo);
            s.Get.Url($"/api/privacy/access-requests/{Guid.NewGuid()}.json");
            s.StatusCodeShouldBe(404);
        });
    }
}
