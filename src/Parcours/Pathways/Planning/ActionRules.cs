using Parcours.Kernel;

namespace Parcours.Pathways.Planning;

public static class ActionRules
{
    public static Refusal? IsPlanned(Pathway pathway, Guid actionId) => pathway.Actions.TryGetValue(actionId, out var status)
        ? status == ActionStatus.Planned ? null : Refusal.Rule($"Cette action est déjà « {Labels.Action(status).ToLowerInvariant()} ».")
        : Refusal.NotFound() with { Detail = "Action introuvable dans ce parcours." };
}
