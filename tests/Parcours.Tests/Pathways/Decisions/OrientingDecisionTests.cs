using Parcours.Pathways;
using Parcours.Pathways.Orienting;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Pathways.Decisions;

public sealed class OrientingDecisionTests
{
    private static readonly Pathway WithPendingOrientation = Given(Referred(), Accepted(), Started(), Proposed());

    [Fact]
    public void an_orientation_is_proposed_towards_a_known_destination_with_its_note_sealed()
    {
        var orientationId = Guid.CreateVersion7();
        var proposed = Then<OrientationProposed>(ProposeOrientationHandler.Decide(In(PathwayStatus.Active),
            new ProposeOrientation(PathwayId, null, orientationId, "AFPA-1618", Day(12), "Motivé par la mécanique", Worker), true, Today, Now, Seal));

        Assert.Equal(orientationId, proposed.OrientationId);
        Assert.Equal("AFPA-1618", proposed.Destination);
        Assert.Equal("sealed:Motivé par la mécanique", proposed.Note!.Cipher);
    }

    [Fact]
    public void an_unknown_destination_is_an_invalid_field() =>
        Refused(ProposeOrientationHandler.Decide(In(PathwayStatus.Active),
            new ProposeOrientation(PathwayId, null, Guid.CreateVersion7(), "LUNE", Day(12), null, Worker), false, Today, Now, Seal), 400, "destination");

    [Fact]
    public void an_orientation_must_be_pending_to_be_accepted()
    {
        var accepted = Given(Referred(), Accepted(), Started(), Proposed(), OrientationAccepted());
        var refused = Given(Referred(), Accepted(), Started(), Proposed(), OrientationRefused());

        Refused(PathwayCommand.All["accept-orientation"].Decide(accepted, Day(12)), 422);
        Refused(PathwayCommand.All["accept-orientation"].Decide(refused, Day(12)), 422);
    }

    [Fact]
    public void an_orientation_must_be_pending_to_be_refused()
    {
        var accepted = Given(Referred(), Accepted(), Started(), Proposed(), OrientationAccepted());
        var refused = Given(Referred(), Accepted(), Started(), Proposed(), OrientationRefused());

        Refused(PathwayCommand.All["refuse-orientation"].Decide(accepted, Day(12)), 422);
        Refused(PathwayCommand.All["refuse-orientation"].Decide(refused, Day(12)), 422);
    }

    [Fact]
    public void an_orientation_that_was_never_proposed_is_not_found()
    {
        var noOrientation = Given(Referred(), Accepted(), Started());

        Refused(PathwayCommand.All["accept-orientation"].Decide(noOrientation, Day(12)), 404);
        Refused(PathwayCommand.All["refuse-orientation"].Decide(noOrientation, Day(12)), 404);
    }

    [Fact]
    public void an_orientation_is_answered_once_and_the_others_stay_pending()
    {
        var other = Guid.CreateVersion7();
        var pathway = Given(Referred(), Accepted(), Started(), Proposed(), Proposed(orientationId: other), OrientationAccepted());

        var refused = Then<OrientationRefused>(RefuseOrientationHandler.Decide(pathway,
            new RefuseOrientation(PathwayId, null, other, Day(12), "REFUS-PERSONNE", "Ne souhaite pas", Worker), true, Today, Now, Seal));

        Assert.Equal(other, refused.OrientationId);
        Assert.Equal("REFUS-PERSONNE", refused.ReasonCode);
        Assert.Equal("sealed:Ne souhaite pas", refused.Note!.Cipher);
    }

    [Fact]
    public void an_orientation_is_not_answered_before_it_was_proposed()
    {
        var proposedOnDay12 = Given(Referred(), Accepted(), Started(), Proposed(day: 12));

        Refused(PathwayCommand.All["accept-orientation"].Decide(proposedOnDay12, Day(11)), 422, "acceptedOn");
        Refused(PathwayCommand.All["refuse-orientation"].Decide(proposedOnDay12, Day(11)), 422, "refusedOn");
    }

    [Fact]
    public void a_refusal_needs_a_known_reason() =>
        Refused(RefuseOrientationHandler.Decide(WithPendingOrientation,
            new RefuseOrientation(PathwayId, null, OrientationId, Day(12), "FLEMME", null, Worker), false, Today, Now, Seal), 400, "reasonCode");
}
