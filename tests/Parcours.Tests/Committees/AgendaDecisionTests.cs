using System.Collections.Immutable;
using Parcours.Committees;
using Parcours.Committees.BuildingAgenda;
using Parcours.Identity;
using Parcours.Pathways;
using Parcours.Reference;

namespace Parcours.Tests.Committees;

/// <summary>The agenda commands' pure decisions: given a sitting, when a command, then events or a refusal.</summary>
public sealed class AgendaDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly CurrentWorker Coordinator = CurrentWorker.Of(Staff.SasCoordinator);
    private static readonly Guid Id = Guid.Parse("0197c000-0000-7000-8000-000000000001");
    private static readonly Guid Listed = Guid.Parse("0197c000-0000-7000-8000-000000000002");
    private static readonly Guid ListedItem = Guid.Parse("0197c000-0000-7000-8000-000000000003");
    private static readonly Guid Other = Guid.Parse("0197c000-0000-7000-8000-000000000004");

    private static Committee Sitting(CommitteeStatus status = CommitteeStatus.Scheduled, AgendaItemStatus itemStatus = AgendaItemStatus.Listed) =>
        Committee.Create(new CommitteeScheduled(Id, CommitteeKind.MutualisedAdmission, null, new DateOnly(2026, 3, 10), new TimeOnly(14, 0), "Mairie",
                [Structures.SasColuche], Staff.SasCoordinator.Id, Now))
            .Apply(new AgendaItemAdded(Id, ListedItem, Listed, AgendaReason.AwaitingOrientation, Staff.SasCoordinator.Id, Now))
            with { Status = status, Items = ImmutableDictionary<Guid, AgendaItemState>.Empty.Add(ListedItem, new AgendaItemState(Listed, itemStatus, null)) };

    [Fact]
    public void building_the_agenda_adds_only_what_is_not_listed_yet()
    {
        var decision = BuildAgendaHandler.Decide(Sitting(), [(Listed, AgendaReason.AwaitingOrientation), (Other, AgendaReason.AwaitingOrientation)], Coordinator, Now, Guid.NewGuid);
        var added = Assert.IsType<AgendaItemAdded>(Assert.Single(decision.Events));
        Assert.Equal((Other, AgendaReason.AwaitingOrientation), (added.PathwayId, added.Reason));
    }

    [Fact]
    public void a_withdrawn_item_comes_back_when_the_agenda_is_built_again()
    {
        var decision = BuildAgendaHandler.Decide(Sitting(itemStatus: AgendaItemStatus.Withdrawn), [(Listed, AgendaReason.AwaitingOrientation)], Coordinator, Now, Guid.NewGuid);
        Assert.Single(decision.Events);
    }

    [Theory]
    [InlineData(CommitteeStatus.InSession)]
    [InlineData(CommitteeStatus.Closed)]
    [InlineData(CommitteeStatus.Cancelled)]
    public void the_agenda_is_built_only_before_the_session(CommitteeStatus status) =>
        Assert.Equal(409, BuildAgendaHandler.Decide(Sitting(status), [(Other, AgendaReason.AwaitingOrientation)], Coordinator, Now, Guid.NewGuid).Refusal?.Status);

    [Theory]
    [InlineData(CommitteeStatus.Scheduled, null)]
    [InlineData(CommitteeStatus.InSession, null)]
    [InlineData(CommitteeStatus.Closed, 409)]
    [InlineData(CommitteeStatus.Cancelled, 409)]
    public void items_are_added_before_or_during_the_session(CommitteeStatus status, int? refused) =>
        Assert.Equal(refused, AddAgendaItemHandler.Decide(Sitting(status), new AddAgendaItem(Id, null, Guid.NewGuid(), Other, Coordinator), PathwayStatus.Active, Now).Refusal?.Status);

    [Fact]
    public void a_pathway_already_on_the_agenda_or_closed_is_not_added()
    {
        Assert.Equal(409, AddAgendaItemHandler.Decide(Sitting(), new AddAgendaItem(Id, null, Guid.NewGuid(), Listed, Coordinator), PathwayStatus.Referred, Now).Refusal?.Status);
        Assert.Equal(422, AddAgendaItemHandler.Decide(Sitting(), new AddAgendaItem(Id, null, Guid.NewGuid(), Other, Coordinator), PathwayStatus.Exited, Now).Refusal?.Status);
        var added = AddAgendaItemHandler.Decide(Sitting(), new AddAgendaItem(Id, null, Guid.NewGuid(), Other, Coordinator), PathwayStatus.Referred, Now);
        Assert.Equal(AgendaReason.AddedByCoordinator, Assert.IsType<AgendaItemAdded>(Assert.Single(added.Events)).Reason);
    }

    [Fact]
    public void an_item_is_withdrawn_once_and_never_after_its_decision()
    {
        Assert.IsType<AgendaItemWithdrawn>(Assert.Single(WithdrawAgendaItemHandler.Decide(Sitting(), new WithdrawAgendaItem(Id, null, ListedItem, Coordinator), Now).Events));
        Assert.Equal(409, WithdrawAgendaItemHandler.Decide(Sitting(itemStatus: AgendaItemStatus.Withdrawn), new WithdrawAgendaItem(Id, null, ListedItem, Coordinator), Now).Refusal?.Status);
        Assert.Equal(409, WithdrawAgendaItemHandler.Decide(Sitting(itemStatus: AgendaItemStatus.Decided), new WithdrawAgendaItem(Id, null, ListedItem, Coordinator), Now).Refusal?.Status);
        Assert.Equal(404, WithdrawAgendaItemHandler.Decide(Sitting(), new WithdrawAgendaItem(Id, null, Guid.NewGuid(), Coordinator), Now).Refusal?.Status);
    }
}
