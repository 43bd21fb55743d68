using Marten;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Identity.Administering;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Reference.Administering;

/// <summary>A structure as administrators see it: with how many habilitations it holds.</summary>
public sealed record AdministeredStructure(Guid Id, string Name, string Kind, IReadOnlyList<string> Programmes, int Habilitations, int ActiveHabilitations);

public static class ListStructuresForAdministratorsEndpoint
{
    [WolverineGet("/api/admin/structures", OperationId = "listStructuresForAdministrators")]
    public static async Task<IResult> Get(CurrentWorker worker, IQuerySession session, AuditTrail trail, CancellationToken ct)
    {
        if (!Administrators.Includes(worker)) return OutcomeResults.ToProblem(await Administrators.HiddenFromAsync(worker, trail, "structure.list", ct));
        return Results.Ok(await ListAsync(session, ct));
    }

    [WolverineGet("/api/admin/structures/{id}", OperationId = "getStructureForAdministrators")]
    public static async Task<IResult> GetOne(Guid id, CurrentWorker worker, IQuerySession session, AuditTrail trail, CancellationToken ct)
    {
        if (!Administrators.Includes(worker)) return OutcomeResults.ToProblem(await Administrators.HiddenFromAsync(worker, trail, "structure.read", ct));
        return (await ListAsync(session, ct)).FirstOrDefault(s => s.Id == id) is { } structure
            ? Results.Ok(structure)
            : OutcomeResults.ToProblem(Refusal.NotFound());
    }

    public static async Task<IReadOnlyList<AdministeredStructure>> ListAsync(IQuerySession session, CancellationToken ct)
    {
        var habilitations = await session.Query<Habilitation>().ToListAsync(ct);
        return (await session.Query<Structure>().OrderBy(s => s.Name).ToListAsync(ct))
            .Select(s => new AdministeredStructure(s.Id, s.Name, s.Kind, s.Programmes,
                habilitations.Count(h => h.StructureId == s.Id), habilitations.Count(h => h.StructureId == s.Id && h.Active)))
            .ToList();
    }
}
