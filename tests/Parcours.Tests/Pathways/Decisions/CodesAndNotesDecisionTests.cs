using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Pathways.Accepting;
using Parcours.Pathways.Exiting;
using Parcours.Pathways.Reviewing;
using Parcours.Pathways.Starting;
using Parcours.Pathways.Suspending;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Pathways.Decisions;

/// <summary>Reference codes, the referent worker and free-text notes, command by command.</summary>
public sealed class CodesAndNotesDecisionTests
{
    private static readonly Pathway Active = In(PathwayStatus.Active);

    private static Decision Decline(string reason, bool known, string? note = null) =>
        DeclineReferralHandler.Decide(Given(Referred()), new DeclineReferral(PathwayId, null, Day(3), reason, note, Worker), known, Today, Now, Seal);

    private static Decision Suspend(string reason, bool known, string? note = null) =>
        SuspendPathwayHandler.Decide(Active, new SuspendPathway(PathwayId, null, Day(12), reason, note, Worker), known, Today, Now, Seal);

    private static Decision Exit(string outcome, bool known, string? note = null) =>
        ExitPathwayHandler.Decide(Active, new ExitPathway(PathwayId, null, Day(12), outcome, note, Worker), known, Today, Now, Seal);

    private static Decision Start(Habilitation? referent, Guid? referentId = null) =>
        StartAccompanimentHandler.Decide(In(PathwayStatus.Accepted),
            new StartAccompaniment(PathwayId, null, Day(3), referentId ?? referent!.Id, Worker), referent, Today, Now);

    [Fact]
    public void an_unknown_decline_reason_is_an_invalid_field()
    {
        Refused(Decline("CAPRICE", known: false), 400, "reasonCode");
        Refused(Decline("", known: false), 400, "reasonCode");
    }

    [Fact]
    public void an_unknown_suspension_reason_is_an_invalid_field() => Refused(Suspend("VACANCES", known: false), 400, "reasonCode");

    [Fact]
    public void an_unknown_exit_outcome_is_an_invalid_field()
    {
        Refused(Exit("FORTUNE", known: false), 400, "outcome");
        Refused(Exit(" ", known: false), 400, "outcome");
    }

    [Fact]
    public void an_input_error_is_reported_before_the_state_of_the_pathway()
    {
        var exited = In(PathwayStatus.Exited);

        Refused(ExitPathwayHandler.Decide(exited, new ExitPathway(PathwayId, null, Day(12), "FORTUNE", null, Worker), false, Today, Now, Seal), 400, "outcome");
    }

    [Fact]
    public void the_referent_worker_must_belong_to_the_referent_structure()
    {
        var refusal = Refused(Start(Staff.SasEducator), 422, "referentWorkerId");

        Assert.Contains("structure référente", refusal.Detail);
    }

    [Fact]
    public void an_unknown_referent_worker_is_an_invalid_field() => Refused(Start(null, Guid.CreateVersion7()), 400, "referentWorkerId");

    [Fact]
    public void accompaniment_starts_with_the_named_referent()
    {
        var started = Then<AccompanimentStarted>(Start(Staff.PreCoordinator));

        Assert.Equal(Staff.PreCoordinator.Id, started.ReferentWorkerId);
        Assert.Equal(PathwayStatus.Active, Given(Referred(), Accepted(), started).Status);
        Assert.Equal(Staff.PreCoordinator.Id, Given(Referred(), Accepted(), started).ReferentWorkerId);
    }

    [Fact]
    public void free_text_is_sealed_in_every_event_that_carries_it()
    {
        Assert.Equal("sealed:Famille déjà suivie", Then<ReferralDeclined>(Decline("DEJA-SUIVI", true, "Famille déjà suivie")).Note!.Cipher);
        Assert.Equal("sealed:Hospitalisé", Then<PathwaySuspended>(Suspend("HOSPITALISATION", true, "Hospitalisé")).Note!.Cipher);
        Assert.Equal("sealed:CAP obtenu", Then<PathwayExited>(Exit("FORMATION", true, "CAP obtenu")).Note!.Cipher);
        Assert.Equal("sealed:Bilan positif", Then<ReviewRecorded>(
            RecordReviewHandler.Decide(Active, new RecordReview(PathwayId, null, Day(12), "Bilan positif", Worker), Today, Now, Seal)).Summary.Cipher);
        Assert.Equal("sealed:Rechute", Then<PathwayReopened>(
            ReopenPathwayHandler.Decide(In(PathwayStatus.Exited), new ReopenPathway(PathwayId, null, Day(12), "Rechute", Worker), Today, Now, Seal)).Reason!.Cipher);
    }

    [Fact]
    public void a_blank_note_is_no_note() => Assert.Null(Then<PathwayExited>(Exit("FORMATION", true, "   ")).Note);

    [Fact]
    public void a_review_needs_a_summary() =>
        Refused(RecordReviewHandler.Decide(Active, new RecordReview(PathwayId, null, Day(12), " ", Worker), Today, Now, Seal), 400, "summary");

    [Fact]
    public void notes_longer_than_4000_characters_are_refused()
    {
        var tooLong = new string('x', 4001);

        Refused(Decline("AUTRE", true, tooLong), 400, "note");
        Refused(Suspend("AUTRE", true, tooLong), 400, "note");
        Refused(Exit("AUTRE", true, tooLong), 400, "note");
        Then<PathwayExited>(Exit("AUTRE", true, new string('x', 4000)));
    }
}
