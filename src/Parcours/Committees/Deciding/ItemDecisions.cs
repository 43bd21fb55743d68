using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.Reference;

namespace Parcours.Committees.Deciding;

/// <summary>An action of the updated plan, as the chair types it.</summary>
public sealed record PlannedActionInput(string? Category, string? Kind, DateOnly? DueOn);

/// <summary>
/// What the pure decision needs of the reference data: the active destinations (with the
/// structure that receives each, when there is one), the structures, the exit outcomes and the
/// PRE axes.
/// </summary>
public sealed record DecisionReferences(
    IReadOnlyDictionary<string, Guid?> Destinations,
    IReadOnlySet<Guid> Structures,
    IReadOnlySet<string> ExitOutcomes,
    IReadOnlySet<string> PreAxes)
{
    public static DecisionReferences From(IEnumerable<CodeListItem> codes, IEnumerable<Guid> structures)
    {
        var active = codes.Where(c => c.Active).ToList();
        return new DecisionReferences(
            active.Where(c => c.List == CodeLists.Destination && c.Programme is null).ToDictionary(c => c.Code, c => c.StructureId),
            structures.ToHashSet(),
            active.Where(c => c.List == CodeLists.ExitOutcome && c.Programme is null).Select(c => c.Code).ToHashSet(),
            active.Where(c => c.List == CodeLists.ActionCategory && c.Programme == "PRE").Select(c => c.Code).ToHashSet());
    }
}

/// <summary>
/// The rules of a decision on one agenda item: only while the session is open, only a listed
/// item, only the outcomes of the committee's kind, each with what it needs, always with a rationale.
/// </summary>
public static class ItemDecisions
{
    public static readonly IReadOnlyList<ItemOutcome> AdmissionOutcomes = [ItemOutcome.Orient, ItemOutcome.Postpone, ItemOutcome.NoAction];
    public static readonly IReadOnlyList<ItemOutcome> TeamOutcomes = [ItemOutcome.Continue, ItemOutcome.Close, ItemOutcome.ReferElsewhere];

    public static IReadOnlyList<ItemOutcome> OutcomesFor(CommitteeKind kind) => kind == CommitteeKind.PreTeam ? TeamOutcomes : AdmissionOutcomes;

    public static Refusal AlreadyDecided(ItemOutcome? outcome) => Refusal.Conflict(
        $"Ce point a déjà été décidé ({OutcomeLabels.Outcome(outcome)}), sans doute par un autre président de séance au même moment : rechargez la séance pour voir la décision enregistrée.");

    public static Decision Decide(Committee committee, DecideItem c, DecisionReferences refs, Guid orientationId, DateOnly today, DateTimeOffset now, NoteSealer seal)
    {
        if (!committee.Items.TryGetValue(c.ItemId, out var item)) return Refusal.NotFound() with { Detail = "Aucun point de l'ordre du jour avec cet identifiant dans cette instance." };
        if (committee.Status != CommitteeStatus.InSession)
        {
            return Refusal.Rule(committee.Status == CommitteeStatus.Closed
                ? "La séance est close : aucune décision ne peut plus être enregistrée."
                : "La séance n'est pas ouverte : les décisions s'enregistrent pendant la séance.");
        }
        if (item.Status == AgendaItemStatus.Decided) return AlreadyDecided(item.Outcome);
        if (item.Status == AgendaItemStatus.Withdrawn) return Refusal.Rule("Ce point a été retiré de l'ordre du jour.");
        if (c.Outcome is not { } outcome) return Refusal.Invalid("outcome", "Le champ « Décision » est obligatoire.");
        if (!OutcomesFor(committee.Kind).Contains(outcome))
        {
            return Refusal.Rule($"La décision « {OutcomeLabels.Outcome(outcome)} » n'est pas possible pour {OutcomeLabels.KindWithArticle(committee.Kind)} : choisissez parmi "
                + string.Join(", ", OutcomesFor(committee.Kind).Select(o => $"« {OutcomeLabels.Outcome(o)} »")) + ".", "outcome");
        }

        var refusal = PathwayRules.Required(c.Rationale, "rationale", "Motivation de la décision") ?? PathwayRules.TooLong(c.Rationale, "rationale");
        if (refusal is not null) return refusal;

        var facts = outcome switch
        {
            ItemOutcome.Orient or ItemOutcome.ReferElsewhere => Orientation(c, refs),
            ItemOutcome.Postpone => PathwayRules.Required(c.Missing, "missing", "Éléments manquants") ?? PathwayRules.TooLong(c.Missing, "missing") ?? Facts.None,
            ItemOutcome.Close => PathwayRules.KnownCode(c.ExitOutcome, c.ExitOutcome is { } code && refs.ExitOutcomes.Contains(code), "exitOutcome", "Issue de la sortie")
                ?? new Facts(null, null, c.ExitOutcome, []),
            ItemOutcome.Continue => Plan(c, refs, today),
            _ => Facts.None,
        };
        if (facts.Refusal is { } invalid) return invalid;

        var opensOrientation = outcome is ItemOutcome.Orient or ItemOutcome.ReferElsewhere;
        return Decision.Accept(new ItemDecided(committee.Id, c.ItemId, item.PathwayId, outcome, facts.Destination, facts.ReceivingStructureId,
            opensOrientation ? orientationId : null, facts.ExitOutcome, facts.Actions, seal(c.Rationale),
            outcome == ItemOutcome.Postpone ? seal(c.Missing) : null, today, c.Actor.Id, now));
    }

    private sealed record Facts(string? Destination, Guid? ReceivingStructureId, string? ExitOutcome, IReadOnlyList<PlannedActionSpec> Actions, Refusal? Refusal = null)
    {
        public static readonly Facts None = new(null, null, null, []);

        public static implicit operator Facts(Refusal refusal) => new(null, null, null, [], refusal);
    }

    private static Facts Orientation(DecideItem c, DecisionReferences refs)
    {
        if (PathwayRules.KnownCode(c.Destination, c.Destination is { } code && refs.Destinations.ContainsKey(code), "destination", "Destination") is { } unknown) return unknown;
        var receiving = c.ReceivingStructureId ?? refs.Destinations[c.Destination!];
        if (receiving is not { } structure) return Refusal.Invalid("receivingStructureId", "Pour cette destination, choisissez la structure d'accueil.");
        if (!refs.Structures.Contains(structure)) return Refusal.Invalid("receivingStructureId", "Structure d'accueil inconnue.");
        return new Facts(c.Destination, structure, null, []);
    }

    private static Facts Plan(DecideItem c, DecisionReferences refs, DateOnly today)
    {
        var actions = c.Actions ?? [];
        if (actions.Count == 0) return Refusal.Invalid("actions", "Indiquez au moins une action du plan d'action actualisé.");
        var plan = new List<PlannedActionSpec>();
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (a.Category is not { } category || !refs.PreAxes.Contains(category))
            {
                return Refusal.Invalid($"actions[{i}].category", $"Action {i + 1} : l'axe doit être l'un des quatre axes du PRE ({string.Join(", ", refs.PreAxes)}).");
            }
            if ((PathwayRules.Required(a.Kind, $"actions[{i}].kind", $"Action {i + 1}") ?? PathwayRules.TooLong(a.Kind, $"actions[{i}].kind", 200)) is { } bad) return bad;
            if (a.DueOn is { } due && due < today) return Refusal.Invalid($"actions[{i}].dueOn", $"Action {i + 1} : l'échéance ne peut pas être passée.");
            plan.Add(new PlannedActionSpec(category, a.Kind!.Trim(), a.DueOn));
        }
        return new Facts(null, null, null, plan);
    }
}
