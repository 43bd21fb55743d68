using Alba;
using Marten;
using Marten.Events;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People;
using Parcours.People.GettingDetails;
using Parcours.People.Merging;
using Parcours.People.Searching;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.People;

/// <summary>Merging two records of the same person: proposed, then undone or confirmed by a programme coordinator.</summary>
public sealed class SearchMergeTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static NewPerson Typed => new("Inès", "Moreau", Today.AddYears(-9), Sex.F);
    private static NewPerson Misspelt => Typed with { FirstName = "Ines", LastName = "Moreaux" };

    private async Task<(Guid Kept, Guid Absorbed, Guid AbsorbedPathway)> TwoRecords()
    {
        var keptPathway = await Host.Referred(PreReferral(Typed));
        var absorbedPathway = await Host.Referred(PreReferral(Misspelt) with { TerritoryCode = "FNCSP-TUNIS" });
        return (await PersonOf(keptPathway), await PersonOf(absorbedPathway), absorbedPathway);
    }

    private async Task<Guid> PersonOf(Guid pathwayId)
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<Parcours.Pathways.Reading.PathwayFile>(pathwayId))!.PersonId;
    }

    private async Task<IReadOnlyList<PersonMatch>> Search(string q)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.PreCoordinator);
            s.Get.Url($"/api/people/search?q={Uri.EscapeDataString(q)}");
        });
        return (await result.Read<SearchResults>()).People;
    }

    private async Task<Guid> Propose(Guid kept, Guid absorbed) =>
        (await Host.Created("/api/people/merges", new { keptPersonId = kept, absorbedPersonId = absorbed }, Staff.PreCoordinator)).CreatedId;

    [Fact]
    public async Task a_confirmed_merge_moves_the_pathways_to_the_kept_person_and_removes_the_duplicate_from_search()
    {
        var (kept, absorbed, absorbedPathway) = await TwoRecords();
        Assert.Equal(2, (await Search("Ines Moreau")).Count);

        var merge = await Propose(kept, absorbed);
        Assert.Equal(2, (await Search("Ines Moreau")).Count);
        await Host.Done($"/api/people/merges/{merge}/confirmation", new { }, Staff.PreCoordinator);

        Assert.Equal(kept, Assert.Single(await Search("Ines Moreau")).PersonId);
        Assert.Equal(kept, await PersonOf(absorbedPathway));
        var person = await (await Host.Scenario(s => { s.As(Staff.PreCoordinator); s.Get.Url($"/api/people/{kept}"); })).Read<PersonDetails>();
        Assert.Equal(2, person.Pathways.Count);
        Assert.Equal(kept, Assert.Single(await SearchIn("FNCSP")).PersonId);

        await using var session = Store.QuerySession();
        Assert.Equal(kept, (await session.LoadAsync<Person>(absorbed))!.MergedInto);
        var history = await session.Events.FetchStreamAsync(absorbedPathway);
        Assert.IsType<PathwayPersonChanged>(history.Last().Data);
        Assert.IsType<Parcours.Pathways.PathwayReferred>(history.First().Data);
        Assert.Equal(absorbed, ((Parcours.Pathways.PathwayReferred)history.First().Data).PersonId);
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var facts = await session.Query<Parcours.Indicators.Facts.IndicatorFact>().ToListAsync();
        Assert.Equal(2, facts.Count);
        Assert.Single(facts.Select(f => f.Person).Distinct());

        var trail = await session.QueryAsync<string>($"select purpose from {AuditSchema.Table} where action = ? and person_id = ? order by id", ProposeMergeHandler.Action, absorbed);
        Assert.Equal(["proposed", "confirmed"], trail);
    }

    private async Task<IReadOnlyList<PersonMatch>> SearchIn(string quartier)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.PreCoordinator);
            s.Get.Url($"/api/people/search?quartier={quartier}");
        });
        return (await result.Read<SearchResults>()).People;
    }

    [Fact]
    public async Task an_undone_merge_changes_nothing_and_cannot_be_confirmed_afterwards()
    {
        var (kept, absorbed, absorbedPathway) = await TwoRecords();
        var merge = await Propose(kept, absorbed);

        await Host.Done($"/api/people/merges/{merge}/undo", new { }, Staff.PreCoordinator);
        var (problem, _) = await Host.Refused($"/api/people/merges/{merge}/confirmation", new { }, 422, Staff.PreCoordinator);

        Assert.Contains("annulée", problem.Detail);
        Assert.Equal(absorbed, await PersonOf(absorbedPathway));
        Assert.Equal(2, (await Search("Ines Moreau")).Count);
        await Propose(kept, absorbed);
    }

    [Fact]
    public async Task a_confirmed_merge_cannot_be_undone_and_a_second_proposal_for_the_same_person_is_a_conflict()
    {
        var (kept, absorbed, _) = await TwoRecords();
        var merge = await Propose(kept, absorbed);
        await Host.Refused("/api/people/merges", new { keptPersonId = kept, absorbedPersonId = absorbed }, 409, Staff.PreCoordinator);

        await Host.Done($"/api/people/merges/{merge}/confirmation", new { }, Staff.PreCoordinator);

        await Host.Refused($"/api/people/merges/{merge}/undo", new { }, 422, Staff.PreCoordinator);
        await Host.Refused("/api/people/merges", new { keptPersonId = kept, absorbedPersonId = absorbed }, 422, Staff.PreCoordinator);
    }

    [Fact]
    public async Task only_a_programme_coordinator_who_sees_both_people_may_merge()
    {
        var (kept, absorbed, _) = await TwoRecords();
        var hidden = await Host.IdentifiedPerson(Woman(), Staff.MdfWorker);

        await Host.Refused("/api/people/merges", new { keptPersonId = kept, absorbedPersonId = absorbed }, 403, Staff.PreReferent);
        var (_, unknown) = await Host.Refused("/api/people/merges", new { keptPersonId = kept, absorbedPersonId = Guid.CreateVersion7() }, 400, Staff.PreCoordinator);
        var (_, sealedOne) = await Host.Refused("/api/people/merges", new { keptPersonId = kept, absorbedPersonId = hidden }, 400, Staff.PreCoordinator);
        Assert.Equal(Problem.Normalised(unknown), Problem.Normalised(sealedOne));
        await Host.Refused("/api/people/merges", new { keptPersonId = kept, absorbedPersonId = kept }, 400, Staff.PreCoordinator);
        await Host.Refused("/api/people/merges", new { keptPersonId = kept, absorbedPersonId = absorbed }, 404, Staff.DataProtectionOfficer);

        var merge = await Propose(kept, absorbed);
        await Host.Refused($"/api/people/merges/{merge}/confirmation", new { }, 403, Staff.PreReferent);
        await Host.Refused($"/api/people/merges/{merge}/confirmation", new { }, 404, Staff.SasCoordinator);
        await Host.Refused($"/api/people/merges/{Guid.CreateVersion7()}/undo", new { }, 404, Staff.PreCoordinator);
    }
}
