using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Identity.Administering;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Reference.Editing;

/// <summary>The body of <c>PUT /api/reference/code-lists/{list}/{code}</c>; <c>programme</c> scopes the item to one programme.</summary>
public sealed record CodeListItemChange(string? Label, bool Active = true, int Order = 0, string? Programme = null);

/// <summary>
/// Creates or replaces one item of a code list. Codes are stable (events carry them); only the
/// label, order and active flag change, and deactivating hides an item from new entries without
/// touching the pathways that used it. Administrators only.
/// </summary>
public static partial class EditCodeListItemEndpoint
{
    /// <summary>Administrators only (anybody else: the 404 of an unknown resource, traced), then the body's fields.</summary>
    public static async Task<ProblemDetails> ValidateAsync(CodeListItemChange change, CurrentWorker worker, AuditTrail trail, CancellationToken ct)
    {
        if (!Administrators.Includes(worker)) return (await Administrators.HiddenFromAsync(worker, trail, "code-list.edit", ct)).ToProblemDetails();
        var refusal = string.IsNullOrWhiteSpace(change.Label) ? Refusal.Invalid("label", "Le libellé est obligatoire.")
            : change.Label.Length > 200 ? Refusal.Invalid("label", "Le libellé dépasse 200 caractères.")
            : change.Order < 0 ? Refusal.Invalid("order", "L'ordre d'affichage doit être positif ou nul.")
            : change.Programme is { } programme && string.IsNullOrWhiteSpace(programme) ? Refusal.Invalid("programme", "Le dispositif ne peut pas être vide.")
            : null;
        return refusal?.ToProblemDetails() ?? WolverineContinue.NoProblems;
    }

    [WolverinePut("/api/reference/code-lists/{list}/{code}", OperationId = "editCodeListItem")]
    public static async Task<IResult> Put(string list, string code, CodeListItemChange change, CurrentWorker worker, IDocumentSession session, CancellationToken ct)
    {
        if (!CodeLists.All.Contains(list)) return OutcomeResults.ToProblem(Refusal.NotFound());
        if (!CodeFormat().IsMatch(code))
        {
            return OutcomeResults.ToProblem(Refusal.Invalid("code", "Le code ne contient que des majuscules, des chiffres et des tirets (40 caractères au plus)."));
        }
        if (change.Programme is { } programme && await session.LoadAsync<Programme>(programme, ct) is null)
        {
            return OutcomeResults.ToProblem(Refusal.Invalid("programme", $"Dispositif inconnu : « {programme} »."));
        }

        var id = CodeListItem.IdOf(list, code, change.Programme);
        var isNew = await session.LoadAsync<CodeListItem>(id, ct) is null;
        var item = new CodeListItem
        {
            Id = id, List = list, Code = code, Programme = change.Programme, Label = change.Label!.Trim(), Active = change.Active, Order = change.Order,
        };
        session.Store(item);
        return isNew ? Results.Created($"/api/reference/code-lists/{list}", item) : Results.Ok(item);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,39}$")]
    private static partial Regex CodeFormat();
}
