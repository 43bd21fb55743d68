using System.Diagnostics;
using System.Text.Json;
using Parcours.Demo;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Referring;
using Parcours.People;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Tests.Demo;

public sealed class DemoTerritoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 26);

    // A transparent "seal" so the tests can see whose key a text would be encrypted with.
    private static EncryptedText Seal(Guid personId, string text) => new($"{personId}|{text}");

    private static readonly IReadOnlyList<DemoHousehold> Territory = DemoTerritory.Generate(400, DemoTerritory.DefaultSeed, Now, Seal).ToList();
    private static readonly Dictionary<Guid, DemoPerson> People = Territory.SelectMany(h => h.People).ToDictionary(p => p.Id);
    private static readonly IReadOnlyList<DemoPathway> Pathways = Territory.SelectMany(h => h.Pathways).ToList();

    private static IEnumerable<(DemoPathway Pathway, PathwayReferred Referral)> Referrals =>
        Pathways.Select(p => (p, (PathwayReferred)p.Events[0].Data));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(400)]
    public void it_generates_exactly_the_requested_number_of_pathways(int count)
    {
        var households = DemoTerritory.Generate(count, 7, Now, Seal).ToList();
        Assert.Equal(count, households.Sum(h => h.Pathways.Count));
        Assert.All(households, h => Assert.All(h.Pathways, p => Assert.Contains(h.People, person => person.Id == p.PersonId)));
    }

    [Fact]
    public void the_same_seed_and_the_same_now_give_the_same_territory()
    {
        static string Serialized(int seed) => JsonSerializer.Serialize(DemoTerritory.Generate(60, seed, Now, Seal).ToList());

        Assert.Equal(Serialized(11), Serialized(11));
        Assert.NotEqual(Serialized(11), Serialized(12));
    }

    [Fact]
    public void generation_is_lazy_so_large_territories_stay_in_bounded_memory()
    {
        var watch = Stopwatch.StartNew();
        var first = DemoTerritory.Generate(500_000, 1, Now, Seal).Take(5).ToList();
        Assert.Equal(5, first.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void every_referral_respects_its_programme_age_range_and_public()
    {
        Assert.All(Referrals, item =>
        {
            var (pathway, referral) = item;
            var person = People[referral.PersonId];
            var programme = ReferenceSeed.Programmes.Single(p => p.Id == referral.Programme);
            var track = programme.Tracks.SingleOrDefault(t => t.Code == referral.Track);
            if (programme.Tracks.Count == 0) Assert.Null(referral.Track);
            else Assert.NotNull(track);
            var (min, max) = track is null ? (programme.MinAge, programme.MaxAge) : (track.MinAge, track.MaxAge);

            var age = Clock.AgeOn(person.Identity.BirthDate, referral.ReferredOn);
            Assert.InRange(age, min ?? 0, max ?? 120);
            Assert.Equal(AgeBand.Of(age), referral.AgeBand);
            Assert.Equal(person.Sex, referral.Sex);
            if (programme.WomenOnly) Assert.Equal(Sex.F, referral.Sex);
            Assert.Equal(pathway.Id, referral.PathwayId);
        });
    }

    [Fact]
    public void every_referral_is_one_the_referral_command_accepts()
    {
        Assert.All(Referrals, item =>
        {
            var (_, r) = item;
            var person = People[r.PersonId];
            var command = new ReferPerson(r.PathwayId, r.PersonId, null, r.Programme, r.Track, r.ReferredOn, r.ReferralSource, r.ReferringStructureId,
                r.TerritoryCode, r.ReferentStructureId, StreamReplay.Text(r.Reason), StreamReplay.Worker(r.ReferredBy));
            var facts = new ReferralFacts(person.Sex, person.Identity.BirthDate,
                ReferenceSeed.Programmes.SingleOrDefault(p => p.Id == r.Programme),
                ReferenceSeed.Territories.SingleOrDefault(t => t.Id == r.TerritoryCode),
                ReferenceSeed.Codes.Any(c => c.List == CodeLists.ReferralSource && c.Code == r.ReferralSource && c.Active),
                Structures.All.SingleOrDefault(s => s.Id == r.ReferentStructureId),
                r.ReferringStructureId is not { } referring || Structures.All.Any(s => s.Id == referring));
            var decision = ReferPersonHandler.Decide(command, facts, Today, Now, r.Reason);
            Assert.Null(decision.Refusal);
            Assert.Equal(r with { ReferredAt = Now }, Assert.IsType<PathwayReferred>(Assert.Single(decision.Events)) with { ReferredAt = Now });
        });
    }

    [Fact]
    public void every_referral_lives_in_a_territory_valid_that_day_and_a_priority_one_when_required()
    {
        Assert.All(Referrals, item =>
        {
            var referral = item.Referral;
            var territory = ReferenceSeed.Territories.Single(t => t.Id == referral.TerritoryCode);
            var programme = ReferenceSeed.Programmes.Single(p => p.Id == referral.Programme);
            Assert.True(territory.IsValidOn(referral.ReferredOn), $"{territory.Id} on {referral.ReferredOn}");
            if (programme.RequiresPriorityTerritory) Assert.True(territory.IsPriority, $"{programme.Id} in {territory.Id}");
        });
        Assert.Contains(Referrals, r => r.Referral.TerritoryCode.StartsWith("SV-", StringComparison.Ordinal));
        Assert.Contains(Referrals, r => r.Referral.TerritoryCode == "HORS-QPV");
    }

    [Fact]
    public void referrals_come_from_sources_and_go_to_structures_of_the_programme()
    {
        var sources = ReferenceSeed.Codes.Where(c => c.List == CodeLists.ReferralSource).Select(c => c.Code).ToHashSet();
        Assert.All(Referrals, item =>
        {
            var referral = item.Referral;
            Assert.Contains(referral.ReferralSource, sources);
            var structure = Structures.All.Single(s => s.Id == referral.ReferentStructureId);
            Assert.Contains(referral.Programme, structure.Programmes);
            Assert.Equal(referral.ReferentStructureId, Staff.All.Single(s => s.Id == referral.ReferredBy).StructureId);
            if (referral.ReferringStructureId is { } referring) Assert.Contains(Structures.All, s => s.Id == referring);
        });
        Assert.DoesNotContain(Referrals, r => r.Referral.Programme == "PRE" && r.Referral.ReferralSource is "MARAUDE" or "MARAUDE-NUM");
        Assert.Contains(Referrals, r => r.Referral.Programme == "SAS" && r.Referral.ReferralSource == "MARAUDE");
    }

    [Fact]
    public void every_event_is_one_the_pathway_commands_would_have_accepted_at_that_point()
    {
        Assert.All(Pathways, pathway =>
        {
            var (_, violation) = StreamReplay.Replay(pathway.Events.Select(e => e.Data).ToList(), Today, People[pathway.PersonId].Identity.BirthDate);
            Assert.Null(violation);
        });
    }

    [Fact]
    public void the_school_france_travail_and_the_pjj_are_each_on_some_case_teams_and_the_maison_des_femmes_on_none()
    {
        var teams = Pathways.SelectMany(p => p.Events.Select(e => e.Data).OfType<TeamMemberAdded>().Select(t => (t.StructureId, Programme: ((PathwayReferred)p.Events[0].Data).Programme))).ToList();

        Assert.All(new[] { Structures.CollegeLesDunes, Structures.FranceTravail, Structures.Pjj }, partner => Assert.Contains(teams, t => t.StructureId == partner));
        Assert.DoesNotContain(teams, t => t.Programme == PathwayAccess.SealedProgramme);
    }

    [Fact]
    public void events_happen_between_january_2023_and_now_in_order_at_their_timestamp()
    {
        Assert.All(Pathways, pathway =>
        {
            var previous = (On: DateOnly.MinValue, At: DateTimeOffset.MinValue);
            foreach (var e in pathway.Events)
            {
                var step = StreamReplay.Describe(e.Data);
                Assert.InRange(step.On, DemoTerritory.Beginning, Today);
                Assert.True(step.On >= previous.On && e.At >= previous.At, $"{e.Data.GetType().Name} out of order in {pathway.Id}");
                Assert.True(e.At <= Now);
                Assert.Equal(e.At, step.At);
                Assert.Equal(step.On, DemoWorld.ParisDay(e.At));
                Assert.Contains(Staff.All, s => s.Id == step.By);
                previous = (step.On, e.At);
            }
        });
        Assert.All(People.Values, person => Assert.True(person.Events.All(e => e.At <= Now)));
    }

    [Fact]
    public void codes_come_from_the_reference_lists_of_the_programme()
    {
        bool InList(string list, string code, string? programme = null) =>
            ReferenceSeed.Codes.Any(c => c.List == list && c.Code == code && c.Programme == programme);

        foreach (var pathway in Pathways)
        {
            var programme = ((PathwayReferred)pathway.Events[0].Data).Programme;
            foreach (var e in pathway.Events.Select(e => e.Data))
            {
                var known = e switch
                {
                    ActionPlanned x => InList(CodeLists.ActionCategory, x.Category, programme) && x.Kind.Length > 0,
                    PathwayExited x => InList(CodeLists.ExitOutcome, x.Outcome),
                    OrientationProposed x => InList(CodeLists.Destination, x.Destination),
                    OrientationRefused x => InList(CodeLists.OrientationRefusalReason, x.ReasonCode),
                    ReferralDeclined x => InList(CodeLists.DeclineReason, x.ReasonCode),
                    PathwaySuspended x => InList(CodeLists.SuspensionReason, x.ReasonCode),
                    _ => true,
                };
                Assert.True(known, $"{e} in {programme}");
            }
        }
    }

    [Fact]
    public void every_note_is_sealed_with_the_key_of_the_person_followed()
    {
        foreach (var pathway in Pathways)
        {
            var texts = pathway.Events.Select(e => e.Data).SelectMany(e => e.GetType().GetProperties()
                .Where(p => p.PropertyType == typeof(EncryptedText))
                .Select(p => (EncryptedText?)p.GetValue(e))).OfType<EncryptedText>().ToList();
            Assert.NotEmpty(texts);
            Assert.All(texts, t => Assert.StartsWith($"{pathway.PersonId}|", t.Cipher));
        }
    }

    [Fact]
    public void every_person_is_identified_once_by_the_structure_of_their_first_pathway()
    {
        Assert.Equal(People.Count, Territory.Sum(h => h.People.Count));
        Assert.Equal(Pathways.Count, Pathways.Select(p => p.Id).Distinct().Count());
        foreach (var person in People.Values)
        {
            var identified = Assert.IsType<PersonIdentified>(person.Events[0].Data);
            Assert.Equal(person.Id, identified.PersonId);
            Assert.Equal(person.IdentifiedAt, person.Events[0].At);
            var first = Referrals.Where(r => r.Referral.PersonId == person.Id).MinBy(r => r.Referral.ReferredAt).Referral;
            Assert.Equal(first.ReferentStructureId, identified.StructureId);
            Assert.False(string.IsNullOrWhiteSpace(person.Identity.FirstName));
            Assert.EndsWith("Calais", person.Identity.Address!.Replace("62730 Marck", "Calais", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void the_caseload_is_alive_with_every_status_and_realistic_publics()
    {
        var statuses = Pathways.Select(p => StreamReplay.Replay(p.Events.Select(e => e.Data).ToList(), Today, People[p.PersonId].Identity.BirthDate).Pathway!.Status).ToList();
        foreach (var status in Enum.GetValues<PathwayStatus>()) Assert.Contains(status, statuses);
        Assert.InRange(statuses.Count(s => s == PathwayStatus.Exited), 120, 320);
        Assert.InRange(statuses.Count(s => s is PathwayStatus.Active or PathwayStatus.Suspended), 50, 200);
        Assert.Contains(Pathways, p => p.Events.Any(e => e.Data is PathwayReopened));

        var referrals = Referrals.Select(r => r.Referral).ToList();
        Assert.Contains(referrals, r => r.Programme == "CITE" && r.Track == "JEUNES");
        Assert.Contains(referrals, r => r.Programme == "CITE" && r.Track == "ADULTES");
        var sas = referrals.Where(r => r.Programme == "SAS").ToList();
        Assert.True(sas.Count(r => r.Sex == Sex.M) > 0.55 * sas.Count, "SAS Coluche follows more young men");
        var pre = referrals.Where(r => r.Programme == "PRE").ToList();
        Assert.InRange(pre.Count(r => r.Sex == Sex.F), 0.35 * pre.Count, 0.6 * pre.Count);
        foreach (var year in new[] { 2023, 2024, 2025, 2026 }) Assert.Contains(referrals, r => r.ReferredOn.Year == year);
    }

    [Fact]
    public void some_pre_children_are_later_followed_by_sas_coluche()
    {
        var twice = Pathways.GroupBy(p => p.PersonId).Where(g => g.Count() == 2).ToList();
        Assert.NotEmpty(twice);
        Assert.Contains(twice, g =>
        {
            var pre = g.Single(p => ((PathwayReferred)p.Events[0].Data).Programme == "PRE");
            var sas = g.Single(p => ((PathwayReferred)p.Events[0].Data).Programme == "SAS");
            var exited = pre.Events.Select(e => e.Data).OfType<PathwayExited>().Single();
            return ((PathwayReferred)sas.Events[0].Data).ReferredOn > exited.ExitedOn;
        });
    }

    [Fact]
    public void a_maison_des_femmes_mother_is_linked_to_her_pre_children_on_her_own_stream_only()
    {
        var links = People.Values.SelectMany(p => p.Events.Select(e => e.Data).OfType<FamilyLinkRecorded>()).ToList();
        var childLinks = links.Where(l => l.Relation == FamilyRelation.ChildOf).ToList();
        Assert.NotEmpty(childLinks);
        foreach (var link in childLinks)
        {
            Assert.Equal(Staff.MdfWorker.Id, link.RecordedBy);
            Assert.Equal(Sex.F, People[link.PersonId].Sex);
            Assert.Contains(Referrals, r => r.Referral.PersonId == link.PersonId && r.Referral.Programme == "MDF");
            Assert.Contains(Referrals, r => r.Referral.PersonId == link.RelatedPersonId && r.Referral.Programme == "PRE");
            Assert.DoesNotContain(People[link.RelatedPersonId].Events.Select(e => e.Data).OfType<FamilyLinkRecorded>(),
                l => l.RelatedPersonId == link.PersonId);
        }
        var siblings = links.Where(l => l.Relation == FamilyRelation.SiblingOf).ToList();
        Assert.NotEmpty(siblings);
        Assert.All(siblings, s => Assert.Contains(siblings, o => o.PersonId == s.RelatedPersonId && o.RelatedPersonId == s.PersonId));
    }
}
