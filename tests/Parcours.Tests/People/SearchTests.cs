using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People;
using Parcours.People.Searching;
using Parcours.Reference;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.Scenarios;

namespace Parcours.Tests.People;

/// <summary>Searching people through the blind index: tolerant of spelling, blind to what the worker may not see.</summary>
public sealed class SearchTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DateOnly JeanPierreBorn = Today.AddYears(-10).AddDays(-40);
    private static NewPerson JeanPierre => new("Jean-Pierre", "LEFÈVRE", JeanPierreBorn, Sex.M, "4 rue Rodin, Calais", "0644444444", "jp@example.invalid");
    private static NewPerson Marie => new("Marie", "Dupont", Today.AddYears(-11), Sex.F);

    private async Task<IReadOnlyList<PersonMatch>> Search(string query, Habilitation by)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(by);
            s.Get.Url($"/api/people/search?{query}");
            s.StatusCodeShouldBe(200);
        });
        return (await result.Read<SearchResults>()).People;
    }

    private async Task<IReadOnlyList<PersonMatch>> Duplicates(NewPerson person, Habilitation by)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(by);
            s.Get.Url($"/api/people/duplicates?firstName={Uri.EscapeDataString(person.FirstName)}&lastName={Uri.EscapeDataString(person.LastName)}&birthDate={person.BirthDate:yyyy-MM-dd}");
            s.StatusCodeShouldBe(200);
        });
        return (await result.Read<SearchResults>()).People;
    }

    [Theory]
    [InlineData("q=Lefevre")]
    [InlineData("q=lefebvre")]
    [InlineData("q=Jean%20Pierre")]
    [InlineData("q=JEAN-PIERRE%20lefèvre")]
    [InlineData("q=jan%20pierre%20lefevr")]
    public async Task accents_case_hyphens_and_common_misspellings_still_find_the_person(string query)
    {
        var id = await Host.IdentifiedPerson(JeanPierre);
        await Host.IdentifiedPerson(Marie);

        var found = Assert.Single(await Search(query, Staff.PreReferent));
        Assert.Equal((id, "Jean-Pierre LEFÈVRE", JeanPierreBorn), (found.PersonId, found.DisplayName, found.BirthDate));
    }

    [Fact]
    public async Task dupond_finds_dupont_and_the_birth_date_narrows_the_search()
    {
        var marie = await Host.IdentifiedPerson(Marie);
        await Host.IdentifiedPerson(Marie with { FirstName = "Paul", BirthDate = Today.AddYears(-8) });

        Assert.Equal(2, (await Search("q=Dupond", Staff.PreReferent)).Count);
        Assert.Equal(marie, Assert.Single(await Search($"q=Dupond&birthDate={Marie.BirthDate:yyyy-MM-dd}", Staff.PreReferent)).PersonId);
        Assert.Equal(marie, Assert.Single(await Search($"birthDate={Marie.BirthDate:yyyy-MM-dd}", Staff.PreReferent)).PersonId);
    }

    [Fact]
    public async Task a_neighbourhood_finds_the_people_with_a_pathway_in_it_or_its_sub_sectors()
    {
        await Host.Referred(PreReferral(JeanPierre));
        await Host.IdentifiedPerson(Marie);

        var found = Assert.Single(await Search("quartier=BM", Staff.PreReferent));
        Assert.Equal(["PRE"], found.Programmes);
        Assert.Empty(await Search("quartier=FNCSP&q=Lefevre", Staff.PreReferent));
    }

    [Fact]
    public async Task a_sealed_maison_des_femmes_woman_is_never_found_outside_it_not_even_by_birth_date()
    {
        var woman = Woman();
        await Host.Referred(MdfReferral(woman), Staff.MdfWorker);

        Assert.Empty(await Search("q=Diallo", Staff.PreCoordinator));
        Assert.Empty(await Search($"birthDate={woman.BirthDate:yyyy-MM-dd}", Staff.PreCoordinator));
        Assert.Empty(await Search("quartier=HORS-QPV", Staff.SasEducator));
        Assert.Empty(await Search("q=Diallo", Staff.SchoolWorker));
        Assert.Single(await Search("q=Diallo", Staff.MdfWorker));
    }

    [Fact]
    public async Task another_structures_person_is_found_only_while_their_case_is_shared_with_the_workers_structure()
    {
        await Host.Referred(SharingScenarios.SasReferral(), Staff.SasEducator);
        Assert.Empty(await Search("q=Yanis%20Martin", Staff.PreReferent));
        Assert.Single(await Search("q=Yanis%20Martin", Staff.SasEducator));

        var (_, consent) = await Host.PreCaseSharedWith(PreReferral(JeanPierre), Structures.CollegeLesDunes);
        Assert.Single(await Search("q=Lefevre", Staff.SchoolWorker));
        Assert.Empty(await Search("q=Lefevre", Staff.FranceTravailAdviser));

        var pathway = (await Search("q=Lefevre", Staff.PreReferent)).Single();
        var file = (await Host.GetText($"/api/people/{pathway.PersonId}", Staff.PreReferent, 200));
        Assert.Contains("PRE", file);
        var pathwayId = await PathwayOf(pathway.PersonId);
        await SharingScenarios.Withdraw(Host, pathwayId, consent);
        Assert.Empty(await Search("q=Lefevre", Staff.SchoolWorker));
    }

    private async Task<Guid> PathwayOf(Guid personId)
    {
        await using var session = Store.QuerySession();
        return (await session.Query<Parcours.Pathways.Reading.PathwayFile>().Where(f => f.PersonId == personId).SingleAsync()).Id;
    }

    [Theory]
    [InlineData("statistics")]
    [InlineData("dpo")]
    [InlineData("admin")]
    public async Task workers_who_do_not_work_with_people_get_404(string who)
    {
        await Host.IdentifiedPerson(JeanPierre);
        var worker = who switch { "statistics" => Staff.StatisticsCoordinator, "dpo" => Staff.DataProtectionOfficer, _ => Staff.Administrator };

        await Host.GetText("/api/people/search?q=Lefevre", worker, 404);
        await Host.GetText("/api/people/duplicates?lastName=Lefevre", worker, 404);
    }

    [Theory]
    [InlineData("/api/people/search", "q")]
    [InlineData("/api/people/search?q=", "q")]
    [InlineData("/api/people/duplicates", "lastName")]
    public async Task a_search_without_criteria_is_a_french_400_naming_the_field(string url, string field)
    {
        var body = await Host.GetText(url, Staff.PreReferent, 400);
        Assert.Contains(field, body);
        Assert.Contains("Indiquez", body);
    }

    [Fact]
    public async Task an_unreadable_birth_date_is_a_400_not_a_500() =>
        await Host.GetText("/api/people/search?birthDate=31-02-2020", Staff.PreReferent, 400);

    [Fact]
    public async Task the_index_holds_no_clear_name_nor_birth_date()
    {
        await Host.Referred(PreReferral(JeanPierre));

        await using var session = Store.QuerySession();
        var raw = string.Join("\n", await session.QueryAsync<string>("select data::text from parcours.mt_doc_personsearchentry"));
        Assert.NotEmpty(raw);
        foreach (var clear in new[] { "Jean", "jean", "Pierre", "pierre", "LEF", "lef", "Lef", "Fèvre", "fevr", JeanPierreBorn.ToString("yyyy-MM-dd"), JeanPierreBorn.ToString("dd/MM/yyyy"), "0644444444", "Rodin" })
        {
            Assert.DoesNotContain(clear, raw);
        }
        Assert.Contains("BM-GREUZE-VADEZ", raw);
    }

    [Fact]
    public async Task a_search_is_traced_with_its_purpose_and_without_the_query_text()
    {
        await Host.IdentifiedPerson(JeanPierre);
        await Search("q=Lefevre", Staff.PreReferent);

        await using var session = Store.QuerySession();
        var entries = await session.QueryAsync<string>($"select action || '|' || purpose || '|' || outcome || '|' || coalesce(person_id::text, '') from {AuditSchema.Table} where worker_id = ? and action = ?",
            Staff.PreReferent.Id, SearchPeople.Action);
        Assert.Contains("person.search|search|Allowed|", entries);
        var all = string.Join("\n", await session.QueryAsync<string>($"select row_to_json(e)::text from {AuditSchema.Table} e"));
        Assert.DoesNotContain("Lefevre", all, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task the_duplicate_check_proposes_visible_homonyms_the_same_birth_date_first()
    {
        var same = await Host.IdentifiedPerson(JeanPierre);
        var older = await Host.IdentifiedPerson(JeanPierre with { BirthDate = JeanPierreBorn.AddYears(-30) });
        await Host.IdentifiedPerson(JeanPierre, Staff.SasEducator);

        var proposed = await Duplicates(JeanPierre with { FirstName = "Jean Pierre", LastName = "Lefebvre" }, Staff.PreReferent);

        Assert.Equal([same, older], proposed.Select(p => p.PersonId));
        Assert.True(proposed[0].SameBirthDate);
        Assert.False(proposed[1].SameBirthDate);
    }

    [Fact]
    public async Task the_duplicate_check_never_proposes_a_sealed_woman_outside_the_maison_des_femmes()
    {
        var woman = Woman();
        await Host.Referred(MdfReferral(woman), Staff.MdfWorker);

        Assert.Empty(await Duplicates(woman, Staff.CiteAdviser));
        Assert.Empty(await Duplicates(woman, Staff.PreCoordinator));
        Assert.Single(await Duplicates(woman, Staff.MdfWorker));
    }

    [Fact]
    public async Task the_work_of_a_duplicate_check_does_not_depend_on_a_sealed_homonym()
    {
        var woman = Woman();
        var worker = CurrentWorker.Of(Staff.CiteAdviser);
        await Host.IdentifiedPerson(woman with { BirthDate = woman.BirthDate.AddYears(-2) }, Staff.CiteAdviser);
        var without = await Work(worker, woman);

        await Host.Referred(MdfReferral(woman), Staff.MdfWorker);
        await Host.IdentifiedPerson(woman, Staff.MdfWorker);
        var with = await Work(worker, woman);

        Assert.Equal(without.Work, with.Work);
        Assert.Equal(without.Plan, with.Plan);
        Assert.Equal(PersonSearch.Slots, with.Work.Decryptions);
        Assert.Equal(1, with.Work.Candidates);
    }

    private async Task<(SearchWork Work, string Plan)> Work(CurrentWorker worker, NewPerson person)
    {
        var search = Host.Services.GetRequiredService<PersonSearch>();
        await using var session = Store.QuerySession();
        var criteria = new SearchCriteria($"{person.FirstName} {person.LastName}", PreferredBirthDate: person.BirthDate);
        var (_, work) = await search.FindAsync(session, worker, criteria, Today, CancellationToken.None);
        await using var command = search.CandidateCommand(worker, criteria, []);
        command.CommandText = "explain (costs off) " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        return (work, string.Join("\n", plan));
    }
}
