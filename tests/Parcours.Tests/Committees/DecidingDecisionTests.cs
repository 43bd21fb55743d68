using System.Collections.Immutable;
using Parcours.Committees;
using Parcours.Committees.Deciding;
using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Pathways.Orienting;
using Parcours.Reference;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Committees;

/// <summary>The decision on an agenda item, per committee kind: <see cref="ItemDecisions"/> and the cascade's pathway events, no database.</summary>
public sealed class DecidingDecisionTests
{
    private static readonly Guid CommitteeId = Guid.Parse("0196d000-0000-7000-8000-000000000001");
    private static readonly Guid ItemId = Guid.Parse("0196d000-0000-7000-8000-000000000002");
    private static readonly Guid NewOrientation = Guid.Parse("0196d000-0000-7000-8000-000000000003");
    private static readonly CurrentWorker Chair = CurrentWorker.Of(Staff.SasCoordinator);

    private static readonly DecisionReferences Refs = new(
        new Dictionary<string, Guid?> { ["SAS"] = Structures.SasColuche, ["CEJ"] = Structures.FabriqueDefi, ["AUTRE"] = null },
        new HashSet<Guid> { Structures.SasColuche, Structures.FabriqueDefi, Structures.Ccas },
        new HashSet<string> { "EMPLOI", "OBJECTIFS-ATTEINTS" },
        new HashSet<string> { "SCOLARITE", "OUVERTURE", "SANTE", "PARENTALITE" });

    private static Committee Sitting(CommitteeKind kind = CommitteeKind.MutualisedAdmission, CommitteeStatus status = CommitteeStatus.InSession,
        AgendaItemStatus item = AgendaItemStatus.Listed) =>
        Committee.Create(new CommitteeScheduled(CommitteeId, kind, null, Today, new TimeOnly(14, 0), "Mairie", [Structures.SasColuche], Chair.Id, Now)) with
        {
            Status = status,
            Items = ImmutableDictionary<Guid, AgendaItemState>.Empty.Add(ItemId, new AgendaItemState(PathwayId, item, item == AgendaItemStatus.Decided ? ItemOutcome.NoAction : null)),
        };

    private static DecideItem Command(ItemOutcome? outcome, string? destination = null, Guid? structure = null, string? exit = null,
        IReadOnlyList<PlannedActionInput>? actions = null, string? rationale = "Motivation", string? missing = null) =>
        new(CommitteeId, ItemId, outcome, destination, structure, exit, actions, rationale, missing, Chair);

    private static Kernel.Decision Decide(Committee committee, DecideItem command) =>
        ItemDecisions.Decide(committee, command, Refs, NewOrientation, Today, Now, Seal);

    private static ItemDecided Decided(Kernel.Decision decision) => Assert.IsType<ItemDecided>(Assert.Single(decision.Events));

    [Fact]
    public void an_admission_committee_orients_to_a_destination_s_receiving_structure_with_a_sealed_rationale()
    {
        var e = Decided(Decide(Sitting(), Command(ItemOutcome.Orient, "SAS")));

        Assert.Equal((ItemOutcome.Orient, "SAS", (Guid?)Structures.SasColuche, (Guid?)NewOrientation, "sealed:Motivation"),
            (e.Outcome, e.Destination, e.ReceivingStructureId, e.OrientationId, e.Rationale!.Cipher));
    }

    [Fact]
    public void a_destination_without_a_receiving_structure_needs_one_chosen()
    {
        Assert.Equal("receivingStructureId", Decide(Sitting(), Command(ItemOutcome.Orient, "AUTRE")).Refusal!.Field);
        Assert.Equal(Structures.Ccas, Decided(Decide(Sitting(), Command(ItemOutcome.Orient, "AUTRE", Structures.Ccas))).ReceivingStructureId);
    }

    [Fact]
    public void a_postponement_says_what_is_missing()
    {
        Assert.Equal("missing", Decide(Sitting(), Command(ItemOutcome.Postpone)).Refusal!.Field);
        var e = Decided(Decide(Sitting(), Command(ItemOutcome.Postpone, missing: "Avis de la famille")));
        Assert.Equal(("sealed:Avis de la famille", (Guid?)null), (e.Missing!.Cipher, e.OrientationId));
    }

    [Fact]
    public void no_action_needs_only_a_rationale() =>
        Assert.Equal(ItemOutcome.NoAction, Decided(Decide(Sitting(), Command(ItemOutcome.NoAction))).Outcome);

    [Theory]
    [InlineData(ItemOutcome.Orient)]
    [InlineData(ItemOutcome.Postpone)]
    [InlineData(ItemOutcome.NoAction)]
    [InlineData(ItemOutcome.Continue)]
    [InlineData(ItemOutcome.Close)]
    [InlineData(ItemOutcome.ReferElsewhere)]
    public void every_decision_needs_a_rationale(ItemOutcome outcome) =>
        Assert.Equal("rationale", Decide(Sitting(outcome is ItemOutcome.Continue or ItemOutcome.Close or ItemOutcome.ReferElsewhere ? CommitteeKind.PreTeam : CommitteeKind.SasAdmission),
            Command(outcome, rationale: " ")).Refusal!.Field);

    [Theory]
    [InlineData(CommitteeKind.MutualisedAdmission, ItemOutcome.Continue)]
    [InlineData(CommitteeKind.CiteAdults, ItemOutcome.Close)]
    [InlineData(CommitteeKind.PreTeam, ItemOutcome.Orient)]
    [InlineData(CommitteeKind.PreTeam, ItemOutcome.Postpone)]
    public void a_committee_takes_only_the_decisions_of_its_kind(CommitteeKind kind, ItemOutcome outcome) =>
        Assert.Equal(422, Decide(Sitting(kind), Command(outcome, "SAS", exit: "EMPLOI", missing: "x")).Refusal!.Status);

    [Fact]
    public void a_pre_team_continues_with_actions_on_the_four_axes_only()
    {
        var ok = Decided(Decide(Sitting(CommitteeKind.PreTeam), Command(ItemOutcome.Continue, actions: [new("SCOLARITE", " Tutorat ", Today.AddMonths(1))])));
        Assert.Equal([new PlannedActionSpec("SCOLARITE", "Tutorat", Today.AddMonths(1))], ok.Actions);

        Assert.Equal("actions", Decide(Sitting(CommitteeKind.PreTeam), Command(ItemOutcome.Continue, actions: [])).Refusal!.Field);
        Assert.Equal("actions[0].category", Decide(Sitting(CommitteeKind.PreTeam), Command(ItemOutcome.Continue, actions: [new("SPORT", "Foot", null)])).Refusal!.Field);
        Assert.Equal("actions[1].kind", Decide(Sitting(CommitteeKind.PreTeam),
            Command(ItemOutcome.Continue, actions: [new("SANTE", "Orthophonie", null), new("OUVERTURE", "", null)])).Refusal!.Field);
    }

    [Fact]
    public void a_pre_team_closes_with_a_known_exit_outcome()
    {
        Assert.Equal("exitOutcome", Decide(Sitting(CommitteeKind.PreTeam), Command(ItemOutcome.Close, exit: "LUNE")).Refusal!.Field);
        Assert.Equal("EMPLOI", Decided(Decide(Sitting(CommitteeKind.PreTeam), Command(ItemOutcome.Close, exit: "EMPLOI"))).ExitOutcome);
    }

    [Fact]
    public void a_pre_team_refers_elsewhere_opening_an_orientation() =>
        Assert.Equal((Guid?)NewOrientation, Decided(Decide(Sitting(CommitteeKind.PreTeam), Command(ItemOutcome.ReferElsewhere, "CEJ"))).OrientationId);

    [Theory]
    [InlineData(CommitteeStatus.Scheduled, 422)]
    [InlineData(CommitteeStatus.Closed, 422)]
    [InlineData(CommitteeStatus.Cancelled, 422)]
    public void decisions_are_taken_only_while_the_session_is_open(CommitteeStatus status, int expected) =>
        Assert.Equal(expected, Decide(Sitting(status: status), Command(ItemOutcome.NoAction)).Refusal!.Status);

    [Fact]
    public void a_decided_item_is_a_conflict_and_a_withdrawn_one_a_rule()
    {
        var decided = Decide(Sitting(item: AgendaItemStatus.Decided), Command(ItemOutcome.NoAction)).Refusal!;
        Assert.Equal(409, decided.Status);
        Assert.Contains("déjà été décidé", decided.Detail);
        Assert.Equal(422, Decide(Sitting(item: AgendaItemStatus.Withdrawn), Command(ItemOutcome.NoAction)).Refusal!.Status);
        Assert.Equal(404, Decide(Sitting(), Command(ItemOutcome.NoAction) with { ItemId = Guid.CreateVersion7() }).Refusal!.Status);
    }

    private static ApplyCommitteeDecision Cascade(ItemOutcome outcome, string? destination = null, string? exit = null, params PlannedActionSpec[] actions) =>
        new(PathwayId, CommitteeId, ItemId, CommitteeKind.PreTeam, outcome, destination, destination is null ? null : Structures.LaSpirale,
            destination is null ? null : NewOrientation, exit, actions, null, Today, Chair.Id, Now);

    [Fact]
    public void the_cascade_records_the_decision_and_opens_the_orientation_for_the_receiving_structure()
    {
        var events = ApplyCommitteeDecisionHandler.Decide(In(PathwayStatus.Active), Cascade(ItemOutcome.ReferElsewhere, "SPIRALE"), []).Events;

        Assert.IsType<CommitteeDecisionRecorded>(events[0]);
        var opened = Assert.IsType<OrientationProposed>(events[1]);
        Assert.Equal((NewOrientation, (Guid?)Structures.LaSpirale, (Guid?)CommitteeId), (opened.OrientationId, opened.ReceivingStructureId, opened.CommitteeId));
    }

    [Fact]
    public void the_cascade_plans_the_actions_or_exits_the_pathway()
    {
        var ids = new[] { Guid.CreateVersion7() };
        var planned = ApplyCommitteeDecisionHandler.Decide(In(PathwayStatus.Active), Cascade(ItemOutcome.Continue, actions: new PlannedActionSpec("SCOLARITE", "Tutorat", null)), ids).Events;
        var exited = ApplyCommitteeDecisionHandler.Decide(In(PathwayStatus.Active), Cascade(ItemOutcome.Close, exit: "EMPLOI"), []).Events;

        Assert.Equal(ids[0], Assert.IsType<ActionPlanned>(planned[1]).ActionId);
        Assert.Equal("EMPLOI", Assert.IsType<PathwayExited>(exited[1]).Outcome);
    }

    [Fact]
    public void the_cascade_skips_a_closed_or_sealed_pathway_and_an_orientation_already_opened()
    {
        Assert.Empty(ApplyCommitteeDecisionHandler.Decide(In(PathwayStatus.Exited), Cascade(ItemOutcome.Close, exit: "EMPLOI"), []).Events);
        Assert.Empty(ApplyCommitteeDecisionHandler.Decide(Given(Referred("MDF", Structures.MaisonDesFemmes)), Cascade(ItemOutcome.NoAction), []).Events);
        Assert.Empty(ApplyCommitteeDecisionHandler.Decide(null, Cascade(ItemOutcome.NoAction), []).Events);
        var opened = In(PathwayStatus.Active).Apply(Proposed(orientationId: NewOrientation));
        Assert.Empty(ApplyCommitteeDecisionHandler.Decide(opened, Cascade(ItemOutcome.ReferElsewhere, "SPIRALE"), []).Events);
    }

    [Fact]
    public void a_team_plan_delivered_twice_is_planned_once()
    {
        var message = Cascade(ItemOutcome.Continue, actions: new PlannedActionSpec("SCOLARITE", "Tutorat", null));
        var ids = new[] { ApplyCommitteeDecisionHandler.ActionIdFor(message.ItemId, 0) };
        var first = ApplyCommitteeDecisionHandler.Decide(In(PathwayStatus.Active), message, ids).Events;
        var planned = In(PathwayStatus.Active).Apply(Assert.IsType<ActionPlanned>(first[1]));

        Assert.Empty(ApplyCommitteeDecisionHandler.Decide(planned, message, ids).Events);
        Assert.NotEqual(ids[0], ApplyCommitteeDecisionHandler.ActionIdFor(message.ItemId, 1));
    }
}
