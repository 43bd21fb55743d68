using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Tests.Support;

/// <summary>
/// Given-events for the pure decision tests: a pathway's history folded into its write model,
/// on a fixed calendar (no clock, no database). Days count from the referral.
/// </summary>
public static class History
{
    public static readonly DateOnly Today = new(2025, 6, 16);
    public static readonly DateTimeOffset Now = new(2025, 6, 16, 10, 0, 0, TimeSpan.FromHours(2));
    public static readonly DateOnly ReferralDay = Today.AddDays(-60);
    public static readonly Guid PathwayId = Guid.Parse("0196c000-0000-7000-8000-000000000001");
    public static readonly Guid PersonId = Guid.Parse("0196c000-0000-7000-8000-000000000002");
    public static readonly Guid ActionId = Guid.Parse("0196c000-0000-7000-8000-000000000003");
    public static readonly Guid OrientationId = Guid.Parse("0196c000-0000-7000-8000-000000000004");
    public static readonly CurrentWorker Worker = CurrentWorker.Of(Staff.PreReferent);

    /// <summary>Stands in for the vault: the text is visibly "sealed" so tests can see it went through.</summary>
    public static readonly NoteSealer Seal = text => string.IsNullOrWhiteSpace(text) ? null : new EncryptedText($"sealed:{text}");

    public static DateOnly Day(int day) => ReferralDay.AddDays(day);

    public static Pathway Given(params object[] events) =>
        events.Aggregate((Pathway?)null, (pathway, e) => e switch
        {
            PathwayReferred x => Pathway.Create(x),
            ReferralAccepted x => pathway!.Apply(x),
            ReferralDeclined x => pathway!.Apply(x),
            AccompanimentStarted x => pathway!.Apply(x),
            ActionPlanned x => pathway!.Apply(x),
            ActionCompleted x => pathway!.Apply(x),
            ActionCancelled x => pathway!.Apply(x),
            ReviewRecorded x => pathway!.Apply(x),
            OrientationProposed x => pathway!.Apply(x),
            OrientationAccepted x => pathway!.Apply(x),
            OrientationRefused x => pathway!.Apply(x),
            OrientationReminded x => pathway!.Apply(x),
            OrientationExpired x => pathway!.Apply(x),
            CommitteeDecisionRecorded x => pathway!.Apply(x),
            PathwaySuspended x => pathway!.Apply(x),
            PathwayResumed x => pathway!.Apply(x),
            PathwayExited x => pathway!.Apply(x),
            PathwayReopened x => pathway!.Apply(x),
            ConsentRecorded x => pathway!.Apply(x),
            ConsentWithdrawn x => pathway!.Apply(x),
            TeamMemberAdded x => pathway!.Apply(x),
            TeamMemberRemoved x => pathway!.Apply(x),
            ParentsInformed x => pathway!.Apply(x),
            SharingExceptionJustified x => pathway!.Apply(x),
            PathwayArchived x => pathway!.Apply(x),
            _ => throw new ArgumentException($"No Apply for {e.GetType().Name}"),
        })!;

    /// <summary>
    /// A typical pathway in each status, with a planned action (<see cref="ActionId"/>) and a pending
    /// orientation (<see cref="OrientationId"/>) wherever the status allows them. Nothing after day 10.
    /// </summary>
    public static Pathway In(PathwayStatus status) => status switch
    {
        PathwayStatus.Referred => Given(Referred(), Proposed(day: 0)),
        PathwayStatus.Declined => Given(Referred(), Proposed(day: 0), Declined()),
        PathwayStatus.Accepted => Given(Referred(), Accepted(), Planned(day: 1), Proposed(day: 1)),
        PathwayStatus.Active => Given(Referred(), Accepted(), Planned(day: 1), Proposed(day: 1), Started()),
        PathwayStatus.Suspended => Given(Referred(), Accepted(), Planned(day: 1), Proposed(day: 1), Started(), Suspended(day: 10)),
        PathwayStatus.Exited => Given(Referred(), Accepted(), Planned(day: 1), Proposed(day: 1), Started(), Exited(day: 10)),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static PathwayReferred Referred(string programme = "PRE", Guid? referentStructure = null) =>
        new(PathwayId, PersonId, programme, null, ReferralDay, "ECOLE", Structures.CollegeLesDunes, "BM-GREUZE-VADEZ",
            referentStructure ?? Structures.PreCalais, Sex.M, "6-10", null, Worker.Id, Now);

    public static ReferralAccepted Accepted(int day = 1) => new(PathwayId, Day(day), Worker.Id, Now);
    public static ReferralDeclined Declined(int day = 1) => new(PathwayId, Day(day), "HORS-CRITERES", null, Worker.Id, Now);
    public static AccompanimentStarted Started(int day = 2) => new(PathwayId, Day(day), Staff.PreReferent.Id, Worker.Id, Now);

    public static ActionPlanned Planned(int day = 3, Guid? actionId = null) =>
        new(PathwayId, actionId ?? ActionId, "SCOLARITE", "Aide aux devoirs", Day(day), null, null, Worker.Id, Now);

    public static ActionCompleted Completed(int day = 4, Guid? actionId = null) => new(PathwayId, actionId ?? ActionId, Day(day), null, Worker.Id, Now);
    public static ActionCancelled Cancelled(int day = 4, Guid? actionId = null) => new(PathwayId, actionId ?? ActionId, Day(day), Worker.Id, Now);
    public static ReviewRecorded Reviewed(int day = 5) => new(PathwayId, Guid.CreateVersion7(), Day(day), new EncryptedText("x"), Worker.Id, Now);

    public static OrientationProposed Proposed(int day = 5, Guid? orientationId = null) =>
        new(PathwayId, orientationId ?? OrientationId, "SPIRALE", Day(day), null, Worker.Id, Now);

    public static OrientationAccepted OrientationAccepted(int day = 6) => new(PathwayId, OrientationId, Day(day), Worker.Id, Now);
    public static OrientationRefused OrientationRefused(int day = 6) => new(PathwayId, OrientationId, Day(day), "COMPLET", null, Worker.Id, Now);
    public static PathwaySuspended Suspended(int day = 7) => new(PathwayId, Day(day), "HOSPITALISATION", null, Worker.Id, Now);
    public static PathwayResumed Resumed(int day = 8) => new(PathwayId, Day(day), Worker.Id, Now);
    public static PathwayExited Exited(int day = 10) => new(PathwayId, Day(day), "RETOUR-SCOLARITE", null, Worker.Id, Now);
    public static PathwayReopened Reopened(int day = 12) => new(PathwayId, Day(day), null, Worker.Id, Now);

    public static readonly Guid ConsentId = Guid.Parse("0196c000-0000-7000-8000-000000000005");

    /// <summary>A child of nine and an adult of thirty on <see cref="Today"/>, as the vault would tell a decision.</summary>
    public static readonly CaseSubject Child = new(Seal, Today.AddYears(-9));
    public static readonly CaseSubject Adult = new(Seal, Today.AddYears(-30));

    /// <summary>A consent to share with the school (team follow-up), given by the parents on day 1.</summary>
    public static ConsentRecorded Consented(
        Guid? structure = null, ConsentPurpose purpose = ConsentPurpose.TeamSharing, ConsentGiver by = ConsentGiver.ParentalAuthority,
        int day = 1, DateOnly? expiresOn = null, Guid? consentId = null) =>
        new(PathwayId, consentId ?? ConsentId, purpose, [structure ?? Structures.CollegeLesDunes], by, ConsentMode.Written, Day(day), expiresOn,
            by == ConsentGiver.ParentalAuthority ? new EncryptedText("sealed:D'accord") : null, Worker.Id, Now);

    public static ConsentWithdrawn Withdrawn(int day = 5, Guid? consentId = null) => new(PathwayId, consentId ?? ConsentId, Day(day), null, Worker.Id, Now);
    public static ParentsInformed ParentsWereInformed(int day = 1) => new(PathwayId, Day(day), ConsentMode.Oral, null, Worker.Id, Now);
    public static TeamMemberAdded Joined(Guid? structure = null, ConsentPurpose purpose = ConsentPurpose.TeamSharing, int day = 2) =>
        new(PathwayId, structure ?? Structures.CollegeLesDunes, purpose, Day(day), Worker.Id, Now);

    /// <summary>The single event of an accepted decision.</summary>
    public static T Then<T>(Decision decision)
    {
        Assert.Null(decision.Refusal);
        return Assert.IsType<T>(Assert.Single(decision.Events));
    }

    /// <summary>A refusal with its HTTP status and the field it names (null: no field), and no event.</summary>
    public static Refusal Refused(Decision decision, int status, string? field = null)
    {
        Assert.Empty(decision.Events);
        var refusal = Assert.IsType<Refusal>(decision.Refusal);
        Assert.Equal(status, refusal.Status);
        Assert.Equal(field, refusal.Field);
        return refusal;
    }
}
