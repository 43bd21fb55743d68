using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Identity.Administering;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Reference.Editing;

/// <summary>
/// The body of <c>PUT /api/reference/territories/{id}</c>. <c>kind</c> is read as text so that
/// an unknown kind gets a French message naming the field rather than a JSON error.
/// </summary>
public sealed record TerritoryChange(string? Label, string? Kind, string? Parent, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    [JsonIgnore]
    public TerritoryKind? ParsedKind => Enum.TryParse<TerritoryKind>(Kind, ignoreCase: false, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Kind, out _)
        ? kind
        : null;
}

/// <summary>
/// Creates or replaces a piece of geography. The perimeter is versioned by dates rather than
/// rewritten: a territory leaving the priority geography gets a <c>validTo</c>, so pathways
/// referred while it was valid keep their meaning. Administrators only.
/// </summary>
public static partial class EditTerritoryEndpoint
{
    /// <summary>Administrators only (anybody else: the 404 of an unknown resource, traced), then the body's fields.</summary>
    public static async Task<ProblemDetails> ValidateAsync(TerritoryChange change, CurrentWorker worker, AuditTrail trail, CancellationToken ct) =>
        Administrators.Includes(worker)
            ? Check(change)?.ToProblemDetails() ?? WolverineContinue.NoProblems
            : (await Administrators.HiddenFromAsync(worker, trail, "territory.edit", ct)).ToProblemDetails();

    public static Refusal? Check(TerritoryChange change)
    {
        if (string.IsNullOrWhiteSpace(change.Label) || change.Label.Length > 200)
        {
            return Refusal.Invalid("label", "Le libellé est obligatoire (200 caractères au plus).");
        }
        return change switch
        {
            { Kind: null or "" } => Refusal.Invalid("kind", "Le type est obligatoire : Qpv, SubSector, WatchSector ou Elsewhere."),
            { ParsedKind: null } => Refusal.Invalid("kind", $"Type « {change.Kind} » inconnu : Qpv, SubSector, WatchSector ou Elsewhere."),
            { ValidFrom: null } => Refusal.Invalid("validFrom", "La date de début de validité est obligatoire."),
            { ValidTo: { } to, ValidFrom: { } from } when to < from =>
                Refusal.Invalid("validTo", $"La fin de validité ({to:dd/MM/yyyy}) précède le début ({from:dd/MM/yyyy})."),
            { ParsedKind: TerritoryKind.SubSector, Parent: null or "" } => Refusal.Invalid("parent", "Un sous-secteur doit indiquer son quartier prioritaire."),
            { ParsedKind: not TerritoryKind.SubSector, Parent: { Length: > 0 } } => Refusal.Invalid("parent", "Seul un sous-secteur a un quartier parent."),
            _ => null,
        };
    }

    [WolverinePut("/api/reference/territories/{id}", OperationId = "editTerritory")]
    public static async Task<IResult> Put(string id, TerritoryChange change, CurrentWorker worker, IDocumentSession session, CancellationToken ct)
    {
        if (!IdFormat().IsMatch(id))
        {
            return OutcomeResults.ToProblem(Refusal.Invalid("id", "L'identifiant ne contient que des majuscules, des chiffres et des tirets (60 caractères au plus)."));
        }

        var territories = await session.Query<Territory>().ToListAsync(ct);
        var existing = territories.SingleOrDefault(t => t.Id == id);
        if (change.Parent is { Length: > 0 } parentId)
        {
            var parent = territories.SingleOrDefault(t => t.Id == parentId);
            if (parent is not { Kind: TerritoryKind.Qpv } || parent.Id == id)
            {
                return OutcomeResults.ToProblem(Refusal.Invalid("parent", $"« {parentId} » n'est pas un quartier prioritaire connu."));
            }
            if (change.ValidFrom < parent.ValidFrom || (parent.ValidTo is { } parentEnd && (change.ValidTo is null || change.ValidTo > parentEnd)))
            {
                return OutcomeResults.ToProblem(Refusal.Invalid("validFrom", $"La période de validité doit être comprise dans celle de « {parent.Label} »."));
            }
        }

        var territory = new Territory
        {
            Id = id,
            Label = change.Label!.Trim(),
            Kind = change.ParsedKind!.Value,
            ParentId = change.Parent is { Length: > 0 } ? change.Parent : null,
            Commune = existing?.Commune ?? "Calais",
            ValidFrom = change.ValidFrom!.Value,
            ValidTo = change.ValidTo,
            Order = existing?.Order ?? territories.Select(t => t.Order).DefaultIfEmpty().Max() + 1,
        };
        session.Store(territory);
        return existing is null ? Results.Created($"/api/reference/territories?on={territory.ValidFrom:yyyy-MM-dd}", territory) : Results.Ok(territory);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,59}$")]
    private static partial Regex IdFormat();
}
