using Parcours.Kernel;

namespace Parcours.Committees.BuildingAgenda;

/// <summary>The refusals the agenda commands share.</summary>
public static class AgendaRules
{
    /// <summary>The agenda is built before the session; items may still be added or withdrawn during it.</summary>
    public static Refusal? StatusAllows(Committee committee, string what, params CommitteeStatus[] allowed) =>
        allowed.Contains(committee.Status)
            ? null
            : Refusal.Conflict($"Impossible de {what} : l'instance est {Label(committee.Status)}.");

    public static string Label(CommitteeStatus status) => status switch
    {
        CommitteeStatus.Scheduled => "programmée",
        CommitteeStatus.InSession => "en séance",
        CommitteeStatus.Closed => "close",
        _ => "annulée",
    };
}
