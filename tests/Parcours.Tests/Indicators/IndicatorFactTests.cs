using System.Text.Json;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Identity;
using Parcours.Indicators.Facts;
using Parcours.Kernel;
using Parcours.Pathways.Reading;
using Parcours.Reference;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.Indicators;

public sealed class IndicatorFactTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_referred_accepted_started_and_exited_pathway_becomes_one_fact_of_categories_and_dates()
    {
        var id = await Host.ActivePathway(PreReferral(Child(Sex.F, age: 9)));
        await Host.Done($"/api/pathways/{id}/exit", new { expectedVersion = 3, exitedOn = Today.AddDays(-1), outcome = "RETOUR-SCOLARITE", note = "Assiduité retrouvée" });

        var fact = Assert.Single(await Facts());
        var territory = ReferenceSeed.Territories.Single(t => t.Id == "BM-GREUZE-VADEZ");
        var pseudonyms = Host.Services.GetRequiredService<Pseudonyms>();
        Assert.Equal(pseudonyms.Pathway(id), fact.Id);
        Assert.Equal(pseudonyms.Person((await PersonOf(id))), fact.Person);
        Assert.Equal(("PRE", (string?)null), (fact.Programme, fact.Track));
        Assert.Equal(("BM-GREUZE-VADEZ", territory.Kind, territory.ParentId), (fact.TerritoryCode, fact.TerritoryKind, fact.ParentTerritoryCode));
        Assert.Equal((Sex.F, "6-10"), (fact.Sex, fact.AgeBand));
        Assert.Equal(("ECOLE", "Éducation nationale"), (fact.ReferralSource, fact.ReferringStructureKind));
        Assert.Equal(Today.AddDays(-10), fact.ReferredOn);
        Assert.Equal(Today.AddDays(-9), fact.AcceptedOn);
        Assert.Equal(Today.AddDays(-8), fact.StartedOn);
        Assert.Equal((Today.AddDays(-1), "RETOUR-SCOLARITE"), (fact.ExitedOn, fact.ExitOutcome));
        Assert.Equal([new ExitFact(Today.AddDays(-1), "RETOUR-SCOLARITE", null)], fact.Exits);
        Assert.Null(fact.DeclinedOn);
    }

    [Fact]
    public async Task The_stored_facts_hold_no_name_birth_date_address_phone_id_or_encrypted_text()
    {
        var child = Child(age: 12);
        var id = await Host.ActivePathway(PreReferral(child));
        await Host.Done($"/api/pathways/{id}/exit", new { expectedVersion = 3, exitedOn = Today, outcome = "DEMENAGEMENT", note = "Parti chez sa tante à Lille" });
        var woman = await Host.Referred(MdfReferral(), Staff.MdfWorker);
        var people = new[] { await PersonOf(id), await PersonOf(woman) };
        await Facts();

        var documents = await RawFacts();
        Assert.Equal(2, documents.Count);
        string[] forbidden =
        [
            child.FirstName, child.LastName, "Awa", "Diallo", "rue Greuze", "0600000000", "0700000000",
            child.BirthDate.ToString("yyyy-MM-dd"), "Absences répétées", "Violences", "Parti chez", "Assiduité", "cipher",
            .. new[] { id, woman }.Concat(people).SelectMany(g => new[] { g.ToString("D"), g.ToString("N") }),
        ];
        foreach (var json in documents)
        foreach (var word in forbidden)
            Assert.DoesNotContain(word, json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_person_pseudonym_is_the_same_for_two_pathways_of_one_person_and_differs_between_people()
    {
        var first = await Host.ActivePathway();
        await Host.Done($"/api/pathways/{first}/exit", new { expectedVersion = 3, exitedOn = Today.AddDays(-1), outcome = "DEMENAGEMENT" });
        var again = await Host.Referred(PreReferral(on: Today) with { Person = null, PersonId = await PersonOf(first) });
        var second = await Host.Referred(MdfReferral(), Staff.MdfWorker);

        var facts = (await Facts()).ToDictionary(f => f.Id);
        var pseudonyms = Host.Services.GetRequiredService<Pseudonyms>();
        Assert.Equal(3, facts.Count);
        Assert.Equal(facts[pseudonyms.Pathway(first)].Person, facts[pseudonyms.Pathway(again)].Person);
        Assert.NotEqual(facts[pseudonyms.Pathway(first)].Person, facts[pseudonyms.Pathway(second)].Person);
        Assert.NotEqual(facts[pseudonyms.Pathway(first)].Id, facts[pseudonyms.Pathway(again)].Id);
    }

    [Fact]
    public async Task A_rebuild_of_the_projection_gives_identical_facts()
    {
        var exited = await Host.ActivePathway();
        await Host.Done($"/api/pathways/{exited}/exit", new { expectedVersion = 3, exitedOn = Today.AddDays(-2), outcome = "DEMENAGEMENT" });
        await Host.Done($"/api/pathways/{exited}/reopening", new { expectedVersion = 4, reopenedOn = Today.AddDays(-1), reason = "Retour à Calais" });
        await Host.AcceptedPathway(PreReferral(Child(Sex.F, age: 14)));
        await Host.Referred(MdfReferral(), Staff.MdfWorker);
        var live = await RawFacts();

        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<IndicatorFactProjection>(Patience, CancellationToken.None);

        Assert.Equal(3, live.Count);
        Assert.Equal(live, await RawFacts());
    }

    private async Task<IReadOnlyList<IndicatorFact>> Facts()
    {
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        await using var session = Store.QuerySession();
        return await session.Query<IndicatorFact>().ToListAsync();
    }

    private async Task<Guid> PersonOf(Guid pathway)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<PathwayFile>(pathway))!.PersonId;
    }

    /// <summary>The stored JSON of every fact, as PostgreSQL holds it, normalised and in id order.</summary>
    private async Task<List<string>> RawFacts()
    {
        await Store.WaitForNonStaleProjectionDataAsync(Patience);
        await using var session = Store.QuerySession();
        var rows = await session.QueryAsync<string>("select data::text from parcours.mt_doc_indicatorfact order by id");
        return rows.Select(json => JsonSerializer.Serialize(JsonSerializer.Deserialize<JsonElement>(json))).ToList();
    }
}
