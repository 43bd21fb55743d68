using System.Globalization;
using System.Text;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Demo;

/// <summary>
/// Draws the households of the demo territory: mostly one person with one pathway; sometimes a
/// PRE child later followed by SAS Coluche, siblings in the PRE, a Maison des Femmes mother
/// whose children are in the PRE, or a pupil, young person or family referred by the GPDS, the
/// PJJ or the CDDF (the partners whose referrals the contract counts). Family links of a Maison des Femmes mother are recorded on her
/// own stream only, by the Maison des Femmes: nothing on the children's side reveals her case.
/// </summary>
internal sealed class DemoHouseholds(DemoWorld world)
{
    private static readonly DateOnly WatchSectorsFrom = new(2024, 1, 1);

    private DemoDice Dice => world.Dice;

    public DemoHousehold Next(int left)
    {
        var roll = Dice.Between(1, 100);
        if (left >= 2 && roll <= 5) return PreChildThenSasYouth();
        if (left >= 2 && roll <= 10) return SiblingsInThePre();
        if (left >= 2 && roll <= 16) return MotherAndChildren(Math.Min(2, left - 1));
        // Partners' referrals the contract counts apart: the collège's GPDS, the PJJ, the CDDF.
        if (roll <= 28) return ReferredBy(DemoProgramme.Pre, "GPDS", Dice.Between(11, 15));
        if (roll <= 37) return Dice.Chance(0.8) ? ReferredBy(DemoProgramme.Sas, "PJJ", Dice.Between(16, 20)) : ReferredBy(DemoProgramme.Pre, "PJJ", Dice.Between(13, 15));
        if (roll <= 45) return ReferredBy(DemoProgramme.Pre, "CDDF", Dice.Between(6, 15));
        return OnePerson();
    }

    /// <summary>One person referred to <paramref name="programme"/> by the given partner.</summary>
    private DemoHousehold ReferredBy(DemoProgramme programme, string source, int age)
    {
        var day = ReferralDay(DemoTerritory.Beginning, world.Today);
        var territory = Territory(programme, day);
        var sex = source == "PJJ" ? (Dice.Chance(0.85) ? Sex.M : Sex.F) : SexFor(programme);
        var person = NewPerson(programme, day, age, sex, territory, Dice.Pick(DemoCatalogue.LastNames));
        var (pathway, _) = PathwayStory.Tell(world, programme, person.Subject, person.IdentifiedAt, territory, source: source);
        return new DemoHousehold([person.ToPerson()], [pathway]);
    }

    private DemoHousehold OnePerson()
    {
        var roll = Dice.Between(1, 100);
        var programme = roll switch
        {
            <= 38 => DemoProgramme.Pre,
            <= 60 => DemoProgramme.Sas,
            <= 68 => DemoProgramme.CiteYoung,
            <= 75 => DemoProgramme.CiteAdults,
            _ => DemoProgramme.Mdf,
        };
        var day = ReferralDay(DemoTerritory.Beginning, world.Today);
        var territory = Territory(programme, day);
        var person = NewPerson(programme, day, Dice.Age(programme.Ages), SexFor(programme), territory, Dice.Pick(DemoCatalogue.LastNames));
        var (pathway, _) = PathwayStory.Tell(world, programme, person.Subject, person.IdentifiedAt, territory);
        return new DemoHousehold([person.ToPerson()], [pathway]);
    }

    private DemoHousehold PreChildThenSasYouth()
    {
        var latestPreReferral = world.Today.AddDays(-540);
        if (latestPreReferral < DemoTerritory.Beginning) return OnePerson();

        var day = ReferralDay(DemoTerritory.Beginning, latestPreReferral);
        var territory = Territory(DemoProgramme.Pre, day);
        var person = NewPerson(DemoProgramme.Pre, day, Dice.Between(14, 16), Dice.Chance(0.65) ? Sex.M : Sex.F, territory, Dice.Pick(DemoCatalogue.LastNames));
        var (pre, exitedOn) = PathwayStory.Tell(world, DemoProgramme.Pre, person.Subject, person.IdentifiedAt, territory, mustExit: true);
        if (exitedOn is not { } exit) return new DemoHousehold([person.ToPerson()], [pre]);

        var sixteen = person.Identity.BirthDate.AddYears(16);
        var sasDay = DemoWorld.Weekday(Max(exit.AddDays(Dice.Between(20, 300)), sixteen));
        if (!world.Happened(sasDay)) return new DemoHousehold([person.ToPerson()], [pre]);

        var (sas, _) = PathwayStory.Tell(world, DemoProgramme.Sas, person.Subject, Moment(sasDay), territory);
        return new DemoHousehold([person.ToPerson()], [pre, sas]);
    }

    private DemoHousehold SiblingsInThePre()
    {
        var day = ReferralDay(DemoTerritory.Beginning, world.Today);
        var territory = Territory(DemoProgramme.Pre, day);
        var family = Family(territory);
        var elderAge = Dice.Between(6, 15);
        var elder = NewPerson(DemoProgramme.Pre, day, elderAge, SexFor(DemoProgramme.Pre), territory, family.LastName, family.Address);
        var youngerDay = DemoWorld.Weekday(day.AddDays(Dice.Between(0, 45)));
        if (!world.Happened(youngerDay)) youngerDay = day;
        var younger = NewPerson(DemoProgramme.Pre, youngerDay, Dice.Between(2, elderAge - 1), SexFor(DemoProgramme.Pre), territory, family.LastName, family.Address);
        RecordSiblings(elder, younger);

        var (first, _) = PathwayStory.Tell(world, DemoProgramme.Pre, elder.Subject, elder.IdentifiedAt, territory);
        var (second, _) = PathwayStory.Tell(world, DemoProgramme.Pre, younger.Subject, younger.IdentifiedAt, territory);
        return new DemoHousehold([elder.ToPerson(), younger.ToPerson()], [first, second]);
    }

    private DemoHousehold MotherAndChildren(int maxChildren)
    {
        var day = ReferralDay(DemoTerritory.Beginning, world.Today);
        // The children are in the PRE, so the family lives in a priority neighbourhood, valid
        // since the earliest day a child may be referred.
        var territory = Territory(DemoProgramme.Pre, Max(DemoTerritory.Beginning, day.AddDays(-120)));
        var family = Family(territory);
        var motherAge = Dice.Between(24, 44);
        var mother = NewPerson(DemoProgramme.Mdf, day, motherAge, Sex.F, territory, family.LastName, family.Address);
        var (motherPathway, _) = PathwayStory.Tell(world, DemoProgramme.Mdf, mother.Subject, mother.IdentifiedAt, territory);

        var people = new List<PersonDraft> { mother };
        var pathways = new List<DemoPathway> { motherPathway };
        var children = Dice.Between(1, maxChildren);
        var ages = new HashSet<int>();
        for (var i = 0; i < children; i++)
        {
            var childDay = DemoWorld.Weekday(day.AddDays(Dice.Between(-120, 240)));
            childDay = childDay < DemoTerritory.Beginning ? DemoTerritory.Beginning : childDay > world.Today ? world.Today : childDay;
            var age = Dice.Between(3, Math.Min(15, motherAge - 18));
            if (!ages.Add(age)) continue;
            var lastName = Dice.Chance(0.7) ? family.LastName : Dice.Pick(DemoCatalogue.LastNames);
            var child = NewPerson(DemoProgramme.Pre, childDay, age, SexFor(DemoProgramme.Pre), territory, lastName, family.Address);
            var (childPathway, _) = PathwayStory.Tell(world, DemoProgramme.Pre, child.Subject, child.IdentifiedAt, territory);
            Link(mother, child, FamilyRelation.ChildOf, Staff.MdfWorker);
            people.Add(child);
            pathways.Add(childPathway);
        }
        if (people.Count == 3) RecordSiblings(people[1], people[2]);
        return new DemoHousehold(people.Select(p => p.ToPerson()).ToList(), pathways);
    }

    private void RecordSiblings(PersonDraft one, PersonDraft other)
    {
        Link(one, other, FamilyRelation.SiblingOf, DemoProgramme.Pre.Registrar);
        Link(other, one, FamilyRelation.SiblingOf, DemoProgramme.Pre.Registrar);
    }

    /// <summary>Records on <paramref name="person"/>'s stream how <paramref name="related"/> stands to them, once both are known.</summary>
    private void Link(PersonDraft person, PersonDraft related, FamilyRelation relation, Habilitation by)
    {
        var known = person.IdentifiedAt > related.IdentifiedAt ? person.IdentifiedAt : related.IdentifiedAt;
        var at = known.AddMinutes(Dice.Between(5, 90));
        if (at > world.Now) at = world.Now;
        var sealedIn = by.StructureId == Structures.MaisonDesFemmes ? by.StructureId : (Guid?)null;
        person.Events.Add(new DemoEvent(new FamilyLinkRecorded(person.Id, related.Id, relation, by.Id, at, sealedIn), at));
    }

    private PersonDraft NewPerson(DemoProgramme programme, DateOnly day, int age, Sex sex, string territory, string lastName, string? address = null)
    {
        var latestBirth = day.AddYears(-age);
        var birthDate = Dice.Day(day.AddYears(-age - 1).AddDays(1), latestBirth);
        var firstName = Dice.Pick(DemoCatalogue.FirstNames(sex, birthDate));
        var adult = age >= 16;
        var identity = new PersonIdentity(
            firstName, lastName, birthDate,
            address ?? Address(territory),
            adult && Dice.Chance(0.8) ? $"06 39 98 {Dice.Between(0, 99):00} {Dice.Between(0, 99):00}" : null,
            adult && Dice.Chance(0.25) ? $"{Ascii(firstName)}.{Ascii(lastName)}{Dice.Between(1, 99)}@exemple.invalid" : null);
        var at = Moment(day);
        var id = Dice.Id(at);
        var draft = new PersonDraft(id, sex, identity, at);
        draft.Events.Add(new DemoEvent(new PersonIdentified(id, sex, programme.Structure, programme.Registrar.Id, at), at));
        return draft;
    }

    private (string LastName, string Address) Family(string territory) =>
        (Dice.Pick(DemoCatalogue.LastNames), Address(territory));

    private string Address(string territory)
    {
        var (streets, town) = DemoCatalogue.StreetsOf(territory);
        return $"{Dice.Between(1, 140)} {Dice.Pick(streets)}, {town}";
    }

    private Sex SexFor(DemoProgramme programme) => programme.WomenOnly || Dice.Chance(programme.WomenShare) ? Sex.F : Sex.M;

    /// <summary>A territory valid on the day, a priority one when the programme requires it.</summary>
    private string Territory(DemoProgramme programme, DateOnly day)
    {
        if (Dice.Chance(programme.OutsidePriorityShare)) return Pick(day, TerritoryKind.Elsewhere);
        if (day >= WatchSectorsFrom && Dice.Chance(0.1)) return Pick(day, TerritoryKind.WatchSector);
        // Sometimes the worker only knows the neighbourhood, not the sub-sector.
        return Pick(day, Dice.Chance(0.05) ? TerritoryKind.Qpv : TerritoryKind.SubSector);
    }

    private string Pick(DateOnly day, TerritoryKind kind) =>
        Dice.Pick(ReferenceSeed.Territories.Where(t => t.Kind == kind && t.IsValidOn(day)).Select(t => t.Id).ToList());

    /// <summary>A working day between both bounds (a weekend draw moves to the nearest weekday inside them).</summary>
    private DateOnly ReferralDay(DateOnly from, DateOnly to)
    {
        var day = DemoWorld.Weekday(Dice.Day(from, to));
        if (day > to) day = day.AddDays(-3);
        return day < from ? from : day;
    }

    private DateTimeOffset Moment(DateOnly day) => world.Moment(day, Dice.WorkingTime());

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Ascii(string name) =>
        new string(name.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray()).ToLower(CultureInfo.InvariantCulture);

    private sealed class PersonDraft(Guid id, Sex sex, PersonIdentity identity, DateTimeOffset identifiedAt)
    {
        public Guid Id { get; } = id;
        public PersonIdentity Identity { get; } = identity;
        public DateTimeOffset IdentifiedAt { get; } = identifiedAt;
        public List<DemoEvent> Events { get; } = [];
        public DemoSubject Subject => new(Id, Identity.FirstName, Identity.BirthDate, sex);
        public DemoPerson ToPerson() => new(Id, sex, Identity, IdentifiedAt, Events.OrderBy(e => e.At).ToList());
    }
}
