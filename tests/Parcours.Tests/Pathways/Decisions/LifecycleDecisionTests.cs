using Parcours.Pathways;
using Parcours.Tests.Support;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Pathways.Decisions;

/// <summary>Which command may happen in which status, and the dates every command accepts.</summary>
public sealed class LifecycleDecisionTests
{
    [Theory]
    [MemberData(nameof(PathwayCommand.EveryStatus), MemberType = typeof(PathwayCommand))]
    public void each_command_is_allowed_only_in_its_statuses(string command, PathwayStatus status)
    {
        var c = PathwayCommand.All[command];

        var decision = c.Decide(In(status), Day(20));

        if (c.AllowedIn.Contains(status))
        {
            Assert.Null(decision.Refusal);
            Assert.IsType(c.Produces, Assert.Single(decision.Events));
        }
        else
        {
            Refused(decision, 422);
        }
    }

    [Theory]
    [MemberData(nameof(PathwayCommand.Names), MemberType = typeof(PathwayCommand))]
    public void no_event_follows_an_exit_except_a_reopening(string command)
    {
        var decision = PathwayCommand.All[command].Decide(In(PathwayStatus.Exited), Day(20));

        if (command == "reopen") Then<PathwayReopened>(decision);
        else Assert.Contains("clôturé", Refused(decision, 422).Detail);
    }

    [Theory]
    [MemberData(nameof(PathwayCommand.Names), MemberType = typeof(PathwayCommand))]
    public void a_declined_referral_is_closed_for_good(string command) =>
        Refused(PathwayCommand.All[command].Decide(In(PathwayStatus.Declined), Day(20)), 422);

    [Theory]
    [MemberData(nameof(PathwayCommand.Names), MemberType = typeof(PathwayCommand))]
    public void a_date_in_the_future_is_refused_naming_the_field(string command)
    {
        var c = PathwayCommand.All[command];

        var refusal = Refused(c.Decide(In(c.AllowedIn[0]), Today.AddDays(1)), 422, c.DateField);

        Assert.Contains("futur", refusal.Detail);
    }

    [Theory]
    [MemberData(nameof(PathwayCommand.Names), MemberType = typeof(PathwayCommand))]
    public void today_is_a_valid_date(string command)
    {
        var c = PathwayCommand.All[command];

        Assert.IsType(c.Produces, Assert.Single(c.Decide(In(c.AllowedIn[0]), Today).Events));
    }

    [Theory]
    [MemberData(nameof(PathwayCommand.Names), MemberType = typeof(PathwayCommand))]
    public void a_date_before_the_referral_is_refused_naming_the_field(string command)
    {
        var c = PathwayCommand.All[command];

        Refused(c.Decide(In(c.AllowedIn[0]), Day(-1)), 422, c.DateField);
    }

    [Theory]
    [MemberData(nameof(PathwayCommand.Names), MemberType = typeof(PathwayCommand))]
    public void a_missing_date_is_an_invalid_field_not_a_business_rule(string command)
    {
        var c = PathwayCommand.All[command];

        Refused(c.Decide(In(c.AllowedIn[0]), default), 400, c.DateField);
    }

    [Fact]
    public void a_referral_is_accepted_on_the_day_it_was_made_at_the_earliest()
    {
        var accepted = Then<ReferralAccepted>(PathwayCommand.All["accept-referral"].Decide(Given(Referred()), Day(0)));

        Assert.Equal(Day(0), accepted.AcceptedOn);
        Assert.Equal(Worker.Id, accepted.AcceptedBy);
        Assert.Equal(Now, accepted.AcceptedAt);
    }

    [Fact]
    public void accompaniment_cannot_start_before_the_referral_was_accepted()
    {
        var accepted = Given(Referred(), Accepted(day: 5));

        Refused(PathwayCommand.All["start-accompaniment"].Decide(accepted, Day(4)), 422, "startedOn");
        Then<AccompanimentStarted>(PathwayCommand.All["start-accompaniment"].Decide(accepted, Day(5)));
    }

    [Fact]
    public void a_pathway_cannot_be_suspended_before_its_accompaniment_started()
    {
        var active = Given(Referred(), Accepted(day: 1), Started(day: 5));

        Refused(PathwayCommand.All["suspend"].Decide(active, Day(4)), 422, "suspendedOn");
        Then<PathwaySuspended>(PathwayCommand.All["suspend"].Decide(active, Day(5)));
    }

    [Fact]
    public void a_pathway_cannot_be_suspended_before_it_is_active()
    {
        Refused(PathwayCommand.All["suspend"].Decide(In(PathwayStatus.Referred), Day(20)), 422);
        Refused(PathwayCommand.All["suspend"].Decide(In(PathwayStatus.Accepted), Day(20)), 422);
    }

    [Fact]
    public void a_suspended_pathway_cannot_be_suspended_again()
    {
        var refusal = Refused(PathwayCommand.All["suspend"].Decide(In(PathwayStatus.Suspended), Day(20)), 422);

        Assert.Contains("Suspendu", refusal.Detail);
    }

    [Fact]
    public void a_resumption_cannot_precede_the_suspension()
    {
        var suspended = Given(Referred(), Accepted(), Started(), Suspended(day: 10));

        Refused(PathwayCommand.All["resume"].Decide(suspended, Day(9)), 422, "resumedOn");
        Then<PathwayResumed>(PathwayCommand.All["resume"].Decide(suspended, Day(10)));
    }

    [Fact]
    public void an_exit_cannot_precede_the_last_event_of_the_pathway()
    {
        var active = Given(Referred(), Accepted(), Started(), Planned(day: 3), Completed(day: 12));

        Refused(PathwayCommand.All["exit"].Decide(active, Day(11)), 422, "exitedOn");
        Then<PathwayExited>(PathwayCommand.All["exit"].Decide(active, Day(12)));
    }

    [Fact]
    public void a_back_dated_suspension_does_not_let_an_exit_precede_a_completed_action()
    {
        var resumed = Given(Referred(), Accepted(), Started(), Planned(day: 3), Completed(day: 12), Suspended(day: 6), Resumed(day: 7));

        Refused(PathwayCommand.All["exit"].Decide(resumed, Day(8)), 422, "exitedOn");
    }

    [Fact]
    public void a_reopening_cannot_precede_the_exit()
    {
        var exited = In(PathwayStatus.Exited);

        Refused(PathwayCommand.All["reopen"].Decide(exited, Day(9)), 422, "reopenedOn");
        Then<PathwayReopened>(PathwayCommand.All["reopen"].Decide(exited, Day(10)));
    }

    [Fact]
    public void a_reopened_pathway_is_active_again_and_can_be_exited_anew()
    {
        var reopened = Given(Referred(), Accepted(), Started(), Exited(day: 10), Reopened(day: 12));

        Assert.Equal(PathwayStatus.Active, reopened.Status);
        Then<PathwaySuspended>(PathwayCommand.All["suspend"].Decide(reopened, Day(13)));
        Then<PathwayExited>(PathwayCommand.All["exit"].Decide(reopened, Day(13)));
    }

    [Fact]
    public void a_pathway_never_reached_by_the_programme_is_declined_not_exited()
    {
        Refused(PathwayCommand.All["exit"].Decide(Given(Referred()), Day(5)), 422);
        Then<ReferralDeclined>(PathwayCommand.All["decline-referral"].Decide(Given(Referred()), Day(5)));
    }
}
