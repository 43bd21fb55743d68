using Parcours.Pathways;
using Parcours.Pathways.Planning;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Pathways.Decisions;

public sealed class PlanningDecisionTests
{
    private static readonly Pathway Active = Given(Referred(), Accepted(), Started());

    private static PlanAction Plan(string category = "SCOLARITE", string kind = "Aide aux devoirs", DateOnly? on = null, DateOnly? dueOn = null,
        string? note = null, Guid? actionId = null) =>
        new(PathwayId, null, actionId ?? Guid.CreateVersion7(), category, kind, on ?? Day(5), dueOn, note, Worker);

    private static Parcours.Kernel.Decision Decide(Pathway pathway, PlanAction command) =>
        PlanActionHandler.Decide(pathway, command, PathwayCommand.ActionCategories, Today, Now, Seal);

    [Fact]
    public void an_action_is_planned_on_one_of_the_programme_axes_with_its_note_sealed()
    {
        var planned = Then<ActionPlanned>(Decide(Active, Plan("PARENTALITE", "  Café des parents ", dueOn: Day(30), note: "Mère très investie")));

        Assert.Equal("PARENTALITE", planned.Category);
        Assert.Equal("Café des parents", planned.Kind);
        Assert.Equal(Day(30), planned.DueOn);
        Assert.Equal("sealed:Mère très investie", planned.Note!.Cipher);
    }

    [Fact]
    public void an_axis_of_another_programme_is_an_invalid_category()
    {
        var refusal = Refused(Decide(Active, Plan("REMOBILISATION")), 400, "category");

        Assert.Contains("SCOLARITE", refusal.Detail);
    }

    [Fact]
    public void an_unknown_category_is_an_invalid_field() => Refused(Decide(Active, Plan("BIDULE")), 400, "category");

    [Fact]
    public void an_action_needs_a_category_and_a_kind()
    {
        Refused(Decide(Active, Plan(category: " ")), 400, "category");
        Refused(Decide(Active, Plan(kind: "")), 400, "kind");
        Refused(Decide(Active, Plan(kind: new string('x', 201))), 400, "kind");
    }

    [Fact]
    public void an_action_cannot_be_due_before_it_is_planned() => Refused(Decide(Active, Plan(on: Day(5), dueOn: Day(4))), 400, "dueOn");

    [Fact]
    public void an_overlong_note_is_refused() => Refused(Decide(Active, Plan(note: new string('x', 4001))), 400, "note");

    [Fact]
    public void the_same_action_cannot_be_planned_twice()
    {
        var withAction = Given(Referred(), Accepted(), Started(), Planned());

        Refused(Decide(withAction, Plan(actionId: ActionId)), 409);
    }

    [Fact]
    public void a_suspended_pathway_gets_no_new_action() => Refused(Decide(In(PathwayStatus.Suspended), Plan(on: Day(20))), 422);

    [Fact]
    public void an_action_must_be_planned_to_be_completed()
    {
        var completed = Given(Referred(), Accepted(), Started(), Planned(), Completed());
        var cancelled = Given(Referred(), Accepted(), Started(), Planned(), Cancelled());

        Assert.Contains("réalisée", Refused(PathwayCommand.All["complete-action"].Decide(completed, Day(6)), 422).Detail);
        Assert.Contains("annulée", Refused(PathwayCommand.All["complete-action"].Decide(cancelled, Day(6)), 422).Detail);
    }

    [Fact]
    public void an_action_must_be_planned_to_be_cancelled()
    {
        var completed = Given(Referred(), Accepted(), Started(), Planned(), Completed());
        var cancelled = Given(Referred(), Accepted(), Started(), Planned(), Cancelled());

        Refused(PathwayCommand.All["cancel-action"].Decide(completed, Day(6)), 422);
        Refused(PathwayCommand.All["cancel-action"].Decide(cancelled, Day(6)), 422);
    }

    [Fact]
    public void an_action_is_not_completed_or_cancelled_before_it_was_planned()
    {
        var plannedOnDay12 = Given(Referred(), Accepted(), Started(), Planned(day: 12));

        Refused(PathwayCommand.All["complete-action"].Decide(plannedOnDay12, Day(11)), 422, "completedOn");
        Refused(PathwayCommand.All["cancel-action"].Decide(plannedOnDay12, Day(11)), 422, "cancelledOn");
        Then<ActionCompleted>(PathwayCommand.All["complete-action"].Decide(plannedOnDay12, Day(12)));
    }

    [Fact]
    public void an_action_that_is_not_part_of_the_pathway_is_not_found()
    {
        Refused(PathwayCommand.All["complete-action"].Decide(Active, Day(6)), 404);
        Refused(PathwayCommand.All["cancel-action"].Decide(Active, Day(6)), 404);
    }

    [Fact]
    public void a_completed_action_carries_its_sealed_note()
    {
        var pathway = Given(Referred(), Accepted(), Started(), Planned());

        var completed = Then<ActionCompleted>(CompleteActionHandler.Decide(pathway, new CompleteAction(PathwayId, null, ActionId, Day(6), "Progrès nets", Worker), Today, Now, Seal));

        Assert.Equal(ActionId, completed.ActionId);
        Assert.Equal("sealed:Progrès nets", completed.Note!.Cipher);
    }

    [Fact]
    public void a_completed_action_leaves_the_others_planned()
    {
        var other = Guid.CreateVersion7();
        var pathway = Given(Referred(), Accepted(), Started(), Planned(), Planned(actionId: other), Completed());

        Assert.Equal(ActionStatus.Completed, pathway.Actions[ActionId].Status);
        Assert.Equal(ActionStatus.Planned, pathway.Actions[other].Status);
        Then<ActionCancelled>(CancelActionHandler.Decide(pathway, new CancelAction(PathwayId, null, other, Day(6), Worker), Today, Now));
    }
}
