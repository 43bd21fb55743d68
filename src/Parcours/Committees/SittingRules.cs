using Parcours.Kernel;

namespace Parcours.Committees;

/// <summary>Checks shared by the sitting's decisions. Each returns null when the rule holds.</summary>
public static class SittingRules
{
    public const int PlaceMaxLength = 200;
    public const int ReasonMaxLength = 500;

    /// <summary>The sitting is in one of the allowed statuses, or a French refusal naming what it is.</summary>
    public static Refusal? StatusIs(Committee committee, string what, params CommitteeStatus[] allowed) =>
        allowed.Contains(committee.Status)
            ? null
            : Refusal.Rule($"Impossible de {what} : l'instance est « {CommitteeKinds.StatusLabel(committee.Status)} ».");

    /// <summary>A sitting date typed by a coordinator: present, and not in the past.</summary>
    public static Refusal? SittingDate(DateOnly date, DateOnly today, string field = "sittingOn") =>
        date == default ? Refusal.Invalid(field, "La date de l'instance est obligatoire.")
        : date < today ? Refusal.Rule("La date de l'instance ne peut pas être dans le passé.", field)
        : date > today.AddYears(3) ? Refusal.Rule("La date de l'instance est trop lointaine (trois ans au plus).", field)
        : null;

    public static Refusal? Place(string? place, string field = "place") =>
        string.IsNullOrWhiteSpace(place) ? Refusal.Invalid(field, "Le lieu de l'instance est obligatoire.")
        : place.Trim().Length > PlaceMaxLength ? Refusal.Invalid(field, $"Le lieu dépasse {PlaceMaxLength} caractères.")
        : null;

    public static Refusal? Reason(string? reason, string field = "reason") =>
        string.IsNullOrWhiteSpace(reason) ? Refusal.Invalid(field, "Le motif est obligatoire.")
        : reason.Trim().Length > ReasonMaxLength ? Refusal.Invalid(field, $"Le motif dépasse {ReasonMaxLength} caractères.")
        : null;

    /// <summary>Only the chair, once the session is open, records what the session needs (attendance, closing).</summary>
    public static Refusal? ChairOnly(Committee committee, Guid workerId) =>
        committee.ChairId is { } chair && chair != workerId
            ? Refusal.Forbidden("Seule la personne qui préside la séance peut faire cela.")
            : null;
}
