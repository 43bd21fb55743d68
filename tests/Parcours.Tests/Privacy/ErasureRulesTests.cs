using Parcours.Identity;
using Parcours.Kernel;
using Parcours.People;
using Parcours.People.Vault;
using Parcours.Privacy.Erasing;

namespace Parcours.Tests.Privacy;

/// <summary>The pure parts of erasure: what the scan looks for, and when a request may be refused.</summary>
public sealed class ErasureRulesTests
{
    private static readonly Person Someone = new(Guid.CreateVersion7(), Sex.F, Guid.CreateVersion7(), DateTimeOffset.UtcNow, []);

    [Fact]
    public void the_needles_hold_the_names_the_birth_date_in_several_formats_the_phone_in_several_formats_and_the_e_mail()
    {
        var needles = ErasureNeedles.From(new PersonIdentity("Zoé", "Li", new DateOnly(2012, 3, 4), null, "06 12 34 56 78", "zoe@exemple.fr")).Values;

        Assert.Contains("2012-03-04", needles);
        Assert.Contains("04/03/2012", needles);
        Assert.Contains("0612345678", needles);
        Assert.Contains("06 12 34 56 78", needles);
        Assert.Contains("+33612345678", needles);
        Assert.Contains("zoe@exemple.fr", needles);
        Assert.Contains("Zoé Li", needles);
        Assert.DoesNotContain("Li", needles);
    }

    [Fact]
    public void the_spellings_include_the_json_escapes_of_accented_letters()
    {
        var spellings = new ErasureNeedles(["Zoé"]).Spellings().ToList();

        Assert.Contains("ZOÉ", spellings);
        Assert.Contains(@"Zo\u00E9", spellings);
    }

    [Fact]
    public void a_request_may_be_refused_only_for_a_person_followed_in_a_public_interest_programme()
    {
        var officer = CurrentWorker.Of(Staff.DataProtectionOfficer);
        var today = new DateOnly(2026, 11, 26);

        var refused = RefuseErasureHandler.Decide(new RefuseErasure(Someone.Id, officer), Someone, ["SAS", "PRE"], today, DateTimeOffset.UtcNow);
        var notPublic = RefuseErasureHandler.Decide(new RefuseErasure(Someone.Id, officer), Someone, ["SAS"], today, DateTimeOffset.UtcNow);
        var notOfficer = RefuseErasureHandler.Decide(new RefuseErasure(Someone.Id, CurrentWorker.Of(Staff.PreCoordinator)), Someone, ["PRE"], today, DateTimeOffset.UtcNow);
        var erased = RefuseErasureHandler.Decide(new RefuseErasure(Someone.Id, officer), Someone with { ErasedOn = today }, ["PRE"], today, DateTimeOffset.UtcNow);

        Assert.StartsWith(PublicInterest.Article, Assert.IsType<ErasureRefused>(Assert.Single(refused.Events)).LegalReason);
        Assert.Equal(422, notPublic.Refusal!.Status);
        Assert.Equal(403, notOfficer.Refusal!.Status);
        Assert.Equal(409, erased.Refusal!.Status);
    }

    [Fact]
    public void only_the_officer_or_the_retention_sweep_erases_and_never_twice()
    {
        Assert.Null(ErasePersonHandler.Check(new ErasePerson(Someone.Id, ErasureGround.Retention, null), Someone));
        Assert.Null(ErasePersonHandler.Check(new ErasePerson(Someone.Id, ErasureGround.Request, CurrentWorker.Of(Staff.DataProtectionOfficer)), Someone));
        Assert.Equal(403, ErasePersonHandler.Check(new ErasePerson(Someone.Id, ErasureGround.Request, CurrentWorker.Of(Staff.Administrator)), Someone)!.Status);
        Assert.Equal(404, ErasePersonHandler.Check(new ErasePerson(Someone.Id, ErasureGround.Retention, null), null)!.Status);
        Assert.Equal(409, ErasePersonHandler.Check(new ErasePerson(Someone.Id, ErasureGround.Retention, null), Someone with { ErasedOn = new DateOnly(2026, 1, 1) })!.Status);
    }
}
