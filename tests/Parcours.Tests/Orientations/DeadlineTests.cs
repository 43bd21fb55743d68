using Alba;
using Parcours.Identity;
using Parcours.Orientations;
using Parcours.Orientations.Reminding;
using Parcours.Pathways;
using Parcours.Tests.Support;
using Wolverine.Tracking;
using static Parcours.Tests.Support.History;

namespace Parcours.Tests.Orientations;

/// <summary>Unanswered orientations: reminded after 10 days, expired after 30, judged on the application's clock.</summary>
public sealed class DeadlineTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<long> VersionOf(Guid pathway) => (await Host.PathwayFile(pathway, Staff.SasEducator)).Version;

    [Fact]
    public async Task a_reminder_handled_early_does_nothing_and_on_time_reminds_the_receiving_structure_once()
    {
        var (pathway, orientation, _) = await Host.OrientedTo(Store, "CEJ");
        var version = await VersionOf(pathway);

        Clock.Shift = TimeSpan.FromDays(9);
        await Host.InvokeMessageAndWaitAsync(new RemindOrientation(pathway, orientation));
        Assert.Equal(version, await VersionOf(pathway));
        Assert.Empty(await Host.Inbox(Staff.CiteAdviser, "stuck"));

        Clock.Shift = TimeSpan.FromDays(10);
        await Host.InvokeMessageAndWaitAsync(new RemindOrientation(pathway, orientation));
        await Host.InvokeMessageAndWaitAsync(new RemindOrientation(pathway, orientation));

        Assert.Equal(version + 1, await VersionOf(pathway));
        var stuck = Assert.Single(await Host.Inbox(Staff.CiteAdviser, "stuck"));
        Assert.NotNull(stuck.RemindedOn);
        Assert.Contains((await Host.PathwayFile(pathway, Staff.SasEducator)).Timeline, t => t.Kind == "orientation-reminded");
    }

    [Fact]
    public async Task an_orientation_waiting_longer_than_the_reminder_delay_is_stuck_even_before_its_reminder_runs()
    {
        await Host.OrientedTo(Store, "CEJ");

        Assert.Empty(await Host.Inbox(Staff.CiteAdviser, "stuck"));
        Clock.Shift = TimeSpan.FromDays(10);
        Assert.Single(await Host.Inbox(Staff.CiteAdviser, "stuck"));
        Assert.Empty(await Host.Inbox(Staff.FranceTravailAdviser, "stuck"));
    }

    [Fact]
    public async Task an_unanswered_orientation_expires_after_thirty_days_and_can_no_longer_be_answered()
    {
        var (pathway, orientation, _) = await Host.OrientedTo(Store, "CEJ");
        var version = await VersionOf(pathway);

        Clock.Shift = TimeSpan.FromDays(29);
        await Host.InvokeMessageAndWaitAsync(new ExpireOrientation(pathway, orientation));
        Assert.Equal(version, await VersionOf(pathway));

        Clock.Shift = TimeSpan.FromDays(30);
        await Host.InvokeMessageAndWaitAsync(new ExpireOrientation(pathway, orientation));

        Assert.Equal("expired", Assert.Single((await Host.PathwayFile(pathway, Staff.SasEducator)).Orientations).State);
        Assert.Empty(await Host.Inbox(Staff.CiteAdviser));
        var (problem, _) = await Host.Refused($"/api/orientations/{orientation}/acceptance", new { takenBy = Staff.CiteAdviser.Id }, 422, Staff.CiteAdviser);
        Assert.Contains("expiré", problem.Detail);
    }

    [Fact]
    public async Task an_answered_orientation_is_neither_reminded_nor_expired()
    {
        var (pathway, orientation, _) = await Host.OrientedTo(Store, "CEJ");
        await Host.Done($"/api/orientations/{orientation}/acceptance", new { takenBy = Staff.CiteAdviser.Id }, Staff.CiteAdviser);
        var version = await VersionOf(pathway);

        Clock.Shift = TimeSpan.FromDays(31);
        await Host.InvokeMessageAndWaitAsync(new RemindOrientation(pathway, orientation));
        await Host.InvokeMessageAndWaitAsync(new ExpireOrientation(pathway, orientation));

        Assert.Equal(version, await VersionOf(pathway));
        Assert.Equal("accepted", Assert.Single((await Host.PathwayFile(pathway, Staff.SasEducator)).Orientations).State);
    }

    [Fact]
    public void an_expired_orientation_can_no_longer_be_answered_and_is_not_reminded()
    {
        var options = new OrientationOptions();
        var proposed = Proposed();
        var expired = Given(Referred(), proposed, new OrientationExpired(PathwayId, OrientationId, proposed.ProposedOn.AddDays(30), Now));

        Assert.Contains("expiré", Parcours.Pathways.Orienting.OrientationRules.IsPending(expired, OrientationId, Today, "acceptedOn")!.Detail);
        Assert.Empty(OrientationDeadlineHandler.Remind(expired, OrientationId, options, Today, Now).Events);
        Assert.Empty(OrientationDeadlineHandler.Expire(expired, OrientationId, options, Today, Now).Events);
    }

    [Fact]
    public void the_delays_come_from_the_configuration()
    {
        var pathway = Given(Referred(), Proposed());
        var options = new OrientationOptions { ReminderAfterDays = 3, ExpiryAfterDays = 5 };
        var proposedOn = pathway.Orientations[OrientationId].ProposedOn;

        Assert.Empty(OrientationDeadlineHandler.Remind(pathway, OrientationId, options, proposedOn.AddDays(2), Now).Events);
        Assert.IsType<OrientationReminded>(Assert.Single(OrientationDeadlineHandler.Remind(pathway, OrientationId, options, proposedOn.AddDays(3), Now).Events));
        Assert.IsType<OrientationExpired>(Assert.Single(OrientationDeadlineHandler.Expire(pathway, OrientationId, options, proposedOn.AddDays(5), Now).Events));
    }
}
