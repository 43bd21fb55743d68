using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Referring;
using Parcours.People;
using Parcours.Reference;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Pathways.Decisions;

/// <summary>Who may be referred to which programme, from where, and what the referral records.</summary>
public sealed class ReferralDecisionTests
{
    private static readonly ReferPerson Pre = new(
        PathwayId, PersonId, new NewPerson("Léo", "Dupont", OnBirthday(9), Sex.M), "PRE", null, ReferralDay, "ECOLE", Structures.CollegeLesDunes,
        "BM-GREUZE-VADEZ", Structures.PreCalais, "Absences répétées", Worker);

    private static readonly ReferPerson Sas = Pre with { Programme = "SAS", ReferralSource = "MARAUDE", ReferringStructureId = null, ReferentStructureId = Structures.SasColuche };
    private static readonly ReferPerson Cite = Pre with { Programme = "CITE", ReferralSource = "FABRIQUE", ReferringStructureId = null, ReferentStructureId = Structures.FabriqueDefi };
    private static readonly ReferPerson Mdf = Pre with
    {
        Programme = "MDF", ReferralSource = "FAMILLE", ReferringStructureId = null, ReferentStructureId = Structures.MaisonDesFemmes,
        Person = Pre.Person! with { FirstName = "Awa", Sex = Sex.F },
    };

    private static DateOnly OnBirthday(int years) => ReferralDay.AddYears(-years);
    private static DateOnly OnTheEveOfBirthday(int years) => ReferralDay.AddYears(-years).AddDays(1);
    private static ReferPerson Born(ReferPerson c, DateOnly birthDate) => c with { Person = c.Person! with { BirthDate = birthDate } };

    /// <summary>The facts the handler would load, from the seeded reference data.</summary>
    private static Decision Decide(ReferPerson c) => ReferPersonHandler.Decide(c,
        new ReferralFacts(
            c.Person!.Sex,
            c.Person.BirthDate,
            ReferenceSeed.Programmes.FirstOrDefault(p => p.Id == c.Programme),
            ReferenceSeed.Territories.FirstOrDefault(t => t.Id == c.TerritoryCode),
            ReferenceSeed.Codes.Any(x => x.List == CodeLists.ReferralSource && x.Code == c.ReferralSource),
            Structures.All.FirstOrDefault(s => s.Id == c.ReferentStructureId),
            c.ReferringStructureId is not { } referring || Structures.All.Any(s => s.Id == referring)),
        Today, Now, Seal(c.Reason));

    [Fact]
    public void a_referral_records_the_categorical_facts_and_the_sealed_reason()
    {
        var referred = Then<PathwayReferred>(Decide(Pre));

        Assert.Equal(new PathwayReferred(PathwayId, PersonId, "PRE", null, ReferralDay, "ECOLE", Structures.CollegeLesDunes, "BM-GREUZE-VADEZ",
            Structures.PreCalais, Sex.M, "6-10", Seal("Absences répétées"), Worker.Id, Now), referred);
        Assert.Equal(PathwayStatus.Referred, Given(referred).Status);
    }

    [Fact]
    public void a_child_can_be_referred_to_the_pre_from_their_second_birthday()
    {
        Refused(Decide(Born(Pre, OnTheEveOfBirthday(2))), 422, "person.birthDate");
        Assert.Equal("0-5", Then<PathwayReferred>(Decide(Born(Pre, OnBirthday(2)))).AgeBand);
    }

    [Fact]
    public void a_child_can_be_referred_to_the_pre_until_the_eve_of_their_seventeenth_birthday()
    {
        Assert.Equal("16-17", Then<PathwayReferred>(Decide(Born(Pre, OnTheEveOfBirthday(17)))).AgeBand);
        var refusal = Refused(Decide(Born(Pre, OnBirthday(17))), 422, "person.birthDate");
        Assert.Contains("de 2 à 16 ans", refusal.Detail);
    }

    [Fact]
    public void the_age_that_counts_is_the_age_on_the_referral_date_not_today()
    {
        var sixteenAtReferralSeventeenToday = Born(Pre, OnTheEveOfBirthday(17)) with { ReferredOn = ReferralDay };

        Assert.Equal(17, Clock.AgeOn(sixteenAtReferralSeventeenToday.Person!.BirthDate, Today));
        Then<PathwayReferred>(Decide(sixteenAtReferralSeventeenToday));
    }

    [Fact]
    public void a_young_person_can_be_referred_to_the_sas_from_16_to_25()
    {
        Refused(Decide(Born(Sas, OnTheEveOfBirthday(16))), 422, "person.birthDate");
        Assert.Equal("16-17", Then<PathwayReferred>(Decide(Born(Sas, OnBirthday(16)))).AgeBand);
        Assert.Equal("18-25", Then<PathwayReferred>(Decide(Born(Sas, OnTheEveOfBirthday(26)))).AgeBand);
        Refused(Decide(Born(Sas, OnBirthday(26))), 422, "person.birthDate");
    }

    [Fact]
    public void the_cite_de_l_emploi_needs_a_track()
    {
        Refused(Decide(Born(Cite, OnBirthday(20))), 400, "track");
        Refused(Decide(Born(Cite, OnBirthday(20)) with { Track = "SENIORS" }), 400, "track");
    }

    [Fact]
    public void the_young_people_track_of_the_cite_de_l_emploi_takes_16_to_25()
    {
        var jeunes = Cite with { Track = "JEUNES" };

        Refused(Decide(Born(jeunes, OnTheEveOfBirthday(16))), 422, "person.birthDate");
        Then<PathwayReferred>(Decide(Born(jeunes, OnBirthday(16))));
        Then<PathwayReferred>(Decide(Born(jeunes, OnTheEveOfBirthday(26))));
        Refused(Decide(Born(jeunes, OnBirthday(26))), 422, "person.birthDate");
    }

    [Fact]
    public void the_adult_track_of_the_cite_de_l_emploi_takes_26_and_over()
    {
        var adultes = Cite with { Track = "ADULTES" };

        Refused(Decide(Born(adultes, OnTheEveOfBirthday(26))), 422, "person.birthDate");
        Assert.Equal("26-44", Then<PathwayReferred>(Decide(Born(adultes, OnBirthday(26)))).AgeBand);
        var senior = Then<PathwayReferred>(Decide(Born(adultes, OnBirthday(63))));
        Assert.Equal(("ADULTES", "60+"), (senior.Track, senior.AgeBand));
    }

    [Fact]
    public void a_programme_without_tracks_refuses_one() => Refused(Decide(Pre with { Track = "JEUNES" }), 400, "track");

    [Fact]
    public void the_maison_des_femmes_welcomes_women_of_any_age()
    {
        Assert.Equal("60+", Then<PathwayReferred>(Decide(Born(Mdf, OnBirthday(78)))).AgeBand);
        Assert.Equal("0-5", Then<PathwayReferred>(Decide(Born(Mdf, OnBirthday(0)))).AgeBand);
        Assert.Equal(Sex.F, Then<PathwayReferred>(Decide(Born(Mdf, OnBirthday(34)))).Sex);
    }

    [Fact]
    public void the_maison_des_femmes_welcomes_women_only() =>
        Refused(Decide(Mdf with { Person = Mdf.Person! with { Sex = Sex.M } }), 422, "person.sex");

    [Theory]
    [InlineData("PRE")]
    [InlineData("CITE")]
    public void pre_and_cite_take_only_residents_of_priority_territories(string programme)
    {
        var referral = (programme == "PRE" ? Pre : Born(Cite, OnBirthday(30)) with { Track = "ADULTES" }) with { TerritoryCode = "HORS-QPV" };

        Refused(Decide(referral), 422, "territoryCode");
        Then<PathwayReferred>(Decide(referral with { TerritoryCode = "FNCSP" }));
        Then<PathwayReferred>(Decide(referral with { TerritoryCode = "FNCSP-TUNIS" }));
        Then<PathwayReferred>(Decide(referral with { TerritoryCode = "SV-MOLLIEN" }));
    }

    [Fact]
    public void sas_and_maison_des_femmes_take_people_from_anywhere_in_the_agglomeration()
    {
        Then<PathwayReferred>(Decide(Born(Sas, OnBirthday(19)) with { TerritoryCode = "HORS-QPV" }));
        Then<PathwayReferred>(Decide(Mdf with { TerritoryCode = "HORS-QPV" }));
    }

    [Fact]
    public void a_watch_sector_did_not_exist_before_the_2024_contract()
    {
        var inSchweitzer = Pre with { TerritoryCode = "SV-SCHWEITZER" };
        var lastDayOf2023 = new DateOnly(2023, 12, 31);
        var firstDayOf2024 = new DateOnly(2024, 1, 1);

        Refused(Decide(Born(inSchweitzer, lastDayOf2023.AddYears(-9)) with { ReferredOn = lastDayOf2023 }), 422, "territoryCode");
        Then<PathwayReferred>(Decide(Born(inSchweitzer, firstDayOf2024.AddYears(-9)) with { ReferredOn = firstDayOf2024 }));
    }

    [Fact]
    public void unknown_codes_are_invalid_fields_named_in_the_refusal()
    {
        Refused(Decide(Pre with { Programme = "XYZ" }), 400, "programme");
        Refused(Decide(Pre with { ReferralSource = "PIGEON" }), 400, "referralSource");
        Refused(Decide(Pre with { TerritoryCode = "ATLANTIDE" }), 400, "territoryCode");
        Refused(Decide(Pre with { ReferentStructureId = Guid.CreateVersion7() }), 400, "referentStructureId");
        Refused(Decide(Pre with { ReferringStructureId = Guid.CreateVersion7() }), 400, "referringStructureId");
    }

    [Fact]
    public void a_referral_needs_no_referring_structure_when_the_family_comes_by_itself() =>
        Then<PathwayReferred>(Decide(Pre with { ReferralSource = "FAMILLE", ReferringStructureId = null }));

    [Fact]
    public void the_referent_structure_must_run_the_programme()
    {
        Refused(Decide(Mdf with { ReferentStructureId = Structures.PreCalais }), 422, "referentStructureId");
        Refused(Decide(Pre with { ReferentStructureId = Structures.LaSpirale }), 422, "referentStructureId");
    }

    [Fact]
    public void a_referral_cannot_be_dated_in_the_future() =>
        Refused(Decide(Pre with { ReferredOn = Today.AddDays(1) }), 422, "referredOn");

    [Fact]
    public void a_person_cannot_be_referred_before_being_born() =>
        Refused(Decide(Born(Mdf, ReferralDay.AddDays(1))), 400, "person.birthDate");

    [Theory]
    [InlineData(5, "0-5")]
    [InlineData(6, "6-10")]
    [InlineData(10, "6-10")]
    [InlineData(11, "11-15")]
    [InlineData(15, "11-15")]
    [InlineData(16, "16-17")]
    public void the_age_band_on_the_referral_date_is_carried_by_the_event(int age, string band)
    {
        Assert.Equal(band, Then<PathwayReferred>(Decide(Born(Pre, OnBirthday(age)))).AgeBand);
        Assert.Equal(band, Then<PathwayReferred>(Decide(Born(Pre, OnTheEveOfBirthday(age + 1)))).AgeBand);
    }

    [Fact]
    public void a_referral_names_either_a_known_person_or_a_new_one()
    {
        Assert.Equal("person", ReferPersonHandler.ValidateInput(Pre with { PersonId = null, Person = null }, Today)!.Field);
        Assert.Equal("person", ReferPersonHandler.ValidateInput(Pre, Today)!.Field);
        Assert.Null(ReferPersonHandler.ValidateInput(Pre with { PersonId = null }, Today));
        Assert.Null(ReferPersonHandler.ValidateInput(Pre with { Person = null }, Today));
    }

    [Fact]
    public void missing_referral_fields_are_named()
    {
        var newPerson = Pre with { PersonId = null };

        Assert.Equal("programme", ReferPersonHandler.ValidateInput(newPerson with { Programme = "" }, Today)!.Field);
        Assert.Equal("referralSource", ReferPersonHandler.ValidateInput(newPerson with { ReferralSource = " " }, Today)!.Field);
        Assert.Equal("territoryCode", ReferPersonHandler.ValidateInput(newPerson with { TerritoryCode = null! }, Today)!.Field);
        Assert.Equal("referredOn", ReferPersonHandler.ValidateInput(newPerson with { ReferredOn = default }, Today)!.Field);
        Assert.Equal("referentStructureId", ReferPersonHandler.ValidateInput(newPerson with { ReferentStructureId = Guid.Empty }, Today)!.Field);
        Assert.Equal("person.firstName", ReferPersonHandler.ValidateInput(newPerson with { Person = Pre.Person! with { FirstName = "" } }, Today)!.Field);
        Assert.Equal("person.birthDate", ReferPersonHandler.ValidateInput(newPerson with { Person = Pre.Person! with { BirthDate = Today.AddDays(1) } }, Today)!.Field);
        Assert.Equal("person.sex", ReferPersonHandler.ValidateInput(newPerson with { Person = Pre.Person! with { Sex = (Sex)7 } }, Today)!.Field);
    }
}
