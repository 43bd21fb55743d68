using Parcours.Kernel;

namespace Parcours.Pathways.Planning;

public static class ActionRules
{
    /// <summary>Only a planned action of this pathway can be completed or cancelled, and not before it was planned.</summary>
    public static Refusal? IsPlanned(Pathway pathway, Guid actionId, DateOnly on, string field) => pathway.Actions.TryGetValue(actionId, out var action)
        ? action.Status != ActionStatus.Planned
            ? Refusal.Rule($"Cette action est déjà « {Labels.Action(action.Status).ToLowerInvariant()} ».")
            : on < action.PlannedOn
                ? Refusal.Rule($"La date ne peut pas précéder la planification de l'action, le {action.PlannedOn:dd/MM/yyyy}.", field)
                : null
        : Refusal.NotFound() with { Detail = "Action introuvable dans ce parcours." };
}
