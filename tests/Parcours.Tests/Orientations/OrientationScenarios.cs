using Alba;
using Marten;
using Parcours.Identity;
using Parcours.Orientations.Inbox;
using Parcours.Pathways.Orienting;
using Parcours.Tests.Support;
using Wolverine;
using Wolverine.Tracking;
using static Parcours.Tests.Support.SharingScenarios;

namespace Parcours.Tests.Orientations;

public static class OrientationScenarios
{
    /// <summary>A SAS young person oriented by the mutualised committee; returns the pathway and the orientation opened.</summary>
    public static async Task<(Guid Pathway, Guid OrientationId, Sessions.Sitting Sitting)> OrientedTo(this IAlbaHost host, IDocumentStore store, string destination,
        Guid? structure = null)
    {
        var pathway = await host.Referred(SasReferral(), Staff.SasEducator);
        var sitting = await store.AdmissionInSession(pathway);
        var tracked = await host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => host.Done(sitting.DecisionUrl(),
                new { outcome = "Orient", destination, receivingStructureId = structure, rationale = "Projet d'insertion." }, Staff.SasCoordinator)));
        return (pathway, tracked.Executed.SingleMessage<ApplyCommitteeDecision>().OrientationId!.Value, sitting);
    }

    /// <summary>The SAS coordinator decides an item; waits for the cascade.</summary>
    public static Task<ITrackedSession> TrackedDecision(this IAlbaHost host, string url, object body) =>
        host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).IncludeExternalTransports()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => host.Done(url, body, Staff.SasCoordinator)));

    public static async Task<IReadOnlyList<InboxLine>> Inbox(this IAlbaHost host, Habilitation worker, string list = "inbox")
    {
        var result = await host.Scenario(s =>
        {
            s.As(worker);
            s.Get.Url($"/api/orientations/{list}");
        });
        return await result.Read<List<InboxLine>>();
    }
}
