using Marten;
using Parcours.Audit;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Identity.Administering;

/// <summary>The habilitations, by structure then name; administrators only.</summary>
public static class ListHabilitationsEndpoint
{
    [WolverineGet("/api/admin/habilitations", OperationId = "listHabilitations")]
    public static async Task<IResult> Get(Guid? structureId, CurrentWorker worker, IQuerySession session, AuditTrail trail, CancellationToken ct)
    {
        if (!Administrators.Includes(worker)) return OutcomeResults.ToProblem(await Administrators.HiddenFromAsync(worker, trail, "habilitation.list", ct));
        return Results.Ok(await ListAsync(session, structureId, ct));
    }

    [WolverineGet("/api/admin/habilitations/{id}", OperationId = "getHabilitation")]
    public static async Task<IResult> GetOne(Guid id, CurrentWorker worker, IQuerySession session, AuditTrail trail, CancellationToken ct)
    {
        if (!Administrators.Includes(worker)) return OutcomeResults.ToProblem(await Administrators.HiddenFromAsync(worker, trail, "habilitation.read", ct));
        return await session.LoadAsync<Habilitation>(id, ct) is { } habilitation
            ? Results.Ok(habilitation)
            : OutcomeResults.ToProblem(Refusal.NotFound());
    }

    public static async Task<IReadOnlyList<Habilitation>> ListAsync(IQuerySession session, Guid? structureId, CancellationToken ct)
    {
        var query = session.Query<Habilitation>().AsQueryable();
        if (structureId is { } structure) query = query.Where(h => h.StructureId == structure);
        var structures = (await session.Query<Reference.Structure>().ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        return (await query.ToListAsync(ct))
            .OrderBy(h => structures.GetValueOrDefault(h.StructureId, ""))
            .ThenBy(h => h.DisplayName)
            .ToList();
    }
}
