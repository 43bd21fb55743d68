using Parcours.Kernel;

namespace Parcours.Pathways;

/// <summary>Checks shared by the pathway decisions. Each returns null when the rule holds.</summary>
public static class PathwayRules
{
    /// <summary>
    /// The one gate every pathway command goes through (<see cref="PathwayStreams"/>, the
    /// orientation answers, the committee and reminder messages): a pathway under a limitation of
    /// processing changes no more until the officer lifts it, and an archived pathway (retention)
    /// changes no more at all. Erasing a person does not go through the pathway commands.
    /// </summary>
    public static Refusal? NotFrozen(Pathway pathway) =>
        pathway.Restricted ? Restricted : pathway.Archived ? Archived : null;

    public static readonly Refusal Restricted = Refusal.Conflict(
        "Ce parcours fait l'objet d'une limitation du traitement : aucune modification n'est possible tant que le délégué à la protection des données ne l'a pas levée.");

    /// <summary>An archived pathway (retention) refuses every command.</summary>
    public static readonly Refusal Archived = Refusal.Conflict(
        "Ce parcours est en archive restreinte (durée de conservation écoulée) : il ne peut plus être modifié.");

    public static Refusal? NotClosed(Pathway pathway) => pathway.Status switch
    {
        PathwayStatus.Exited => Refusal.Rule("Le parcours est clôturé : seule une réouverture est possible."),
        PathwayStatus.Declined => Refusal.Rule("L'orientation a été refusée : ce parcours est clos."),
        _ => null,
    };

    public static Refusal? StatusIs(Pathway pathway, string what, params PathwayStatus[] allowed) =>
        NotClosed(pathway) ?? (allowed.Contains(pathway.Status)
            ? null
            : Refusal.Rule($"Impossible de {what} : le parcours est « {Labels.Status(pathway.Status)} »."));

    /// <summary>A date typed by a worker: present (a missing JSON date reads as 01/01/0001), not in the future, not before the referral.</summary>
    public static Refusal? ValidDate(Pathway pathway, DateOnly date, DateOnly today, string field) =>
        (date == default ? Refusal.Invalid(field, "La date est obligatoire.") : null)
        ?? NotInFuture(date, today, field)
        ?? (date < pathway.ReferredOn
            ? Refusal.Rule($"La date ne peut pas précéder l'orientation du {pathway.ReferredOn:dd/MM/yyyy}.", field)
            : null);

    /// <summary>A status change cannot be dated before the previous one.</summary>
    public static Refusal? NotBeforeStatusChange(Pathway pathway, DateOnly date, string field) =>
        date < pathway.StatusSince
            ? Refusal.Rule($"La date ne peut pas précéder le {pathway.StatusSince:dd/MM/yyyy}, où le parcours est passé au statut « {Labels.Status(pathway.Status)} ».", field)
            : null;

    public static Refusal? NotInFuture(DateOnly date, DateOnly today, string field) =>
        date > today ? Refusal.Rule("La date ne peut pas être dans le futur.", field) : null;

    /// <summary>A code typed by a worker: present, and an active item of its reference list.</summary>
    public static Refusal? KnownCode(string? code, bool exists, string field, string label) =>
        Required(code, field, label)
        ?? (exists ? null : Refusal.Invalid(field, $"{label} inconnu(e) : « {code} »."));

    public static Refusal? Required(string? value, string field, string label) =>
        string.IsNullOrWhiteSpace(value) ? Refusal.Invalid(field, $"Le champ « {label} » est obligatoire.") : null;

    public static Refusal? TooLong(string? value, string field, int max = 4000) =>
        value is { Length: var length } && length > max
            ? Refusal.Invalid(field, $"Le texte dépasse {max} caractères.")
            : null;
}
