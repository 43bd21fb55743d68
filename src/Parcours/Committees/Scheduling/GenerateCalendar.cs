using Marten;
using Marten.Exceptions;
using Marten.Linq;
using Parcours.Committees.Reading;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Reference;
using Wolverine;
using Wolverine.Http;

namespace Parcours.Committees.Scheduling;

/// <summary>Generates a year's sittings of the kinds the coordinator's structure convenes (all of them when none are named).</summary>
public sealed record GenerateCalendar(int Year, IReadOnlyList<CommitteeKind>? Kinds, CurrentWorker Actor);

public sealed record GenerateCalendarRequest(int Year, IReadOnlyList<CommitteeKind>? Kinds);

/// <summary>What a generation did: sittings created, already there (same kind, neighbourhood and month), or already past.</summary>
public sealed record CalendarGenerated(int Created, int Skipped, int Past, IReadOnlyList<Guid> CommitteeIds, Refusal? Refusal = null)
{
    public static CalendarGenerated Refused(Refusal refusal) => new(0, 0, 0, [], refusal);
}

public static class GenerateCalendarHandler
{
    public static async Task<CalendarGenerated> Handle(GenerateCalendar command, IDocumentSession session, IConfiguration configuration, TimeProvider time, CancellationToken ct)
    {
        var today = time.Today();
        var kinds = command.Kinds is { Count: > 0 } named ? named.Distinct().ToList() : [.. CommitteeKinds.ConvenedBy(command.Actor.StructureId)];
        if (Check(command, kinds, today) is { } refusal) return CalendarGenerated.Refused(refusal);

        var plan = CommitteeCalendar.Plan(command.Year, kinds, await session.Query<Territory>().ToListAsync(ct), CalendarSettings.From(configuration));
        var existing = await ExistingSlotsAsync(session, command.Year, ct);
        var (create, skipped, past) = Sort(plan, existing, today);

        // A generated sitting moved to another month keeps its slot's id: its slot is not free again.
        var slotIds = create.Select(CommitteeCalendar.SlotId).ToArray();
        var taken = (await session.Query<CommitteeView>().Where(v => v.Id.IsOneOf(slotIds)).Select(v => v.Id).ToListAsync(ct)).ToHashSet();

        var now = time.GetUtcNow();
        var ids = new List<Guid>();
        foreach (var sitting in create)
        {
            var id = CommitteeCalendar.SlotId(sitting);
            if (taken.Contains(id))
            {
                skipped++;
                continue;
            }
            session.Events.StartStream<Committee>(id, Scheduled(id, sitting, command.Actor.Id, now));
            ids.Add(id);
        }
        return new CalendarGenerated(ids.Count, skipped, past, ids);
    }

    /// <summary>Only the coordinators of a kind's owner structure generate it; years from this one to two years ahead.</summary>
    public static Refusal? Check(GenerateCalendar command, IReadOnlyList<CommitteeKind> kinds, DateOnly today)
    {
        if (command.Year < today.Year || command.Year > today.Year + 2)
        {
            return Refusal.Rule($"L'année doit être comprise entre {today.Year} et {today.Year + 2}.", "year");
        }
        if (kinds.Count == 0 || !command.Actor.Has(Role.ProgrammeCoordinator))
        {
            return Refusal.Forbidden("Seuls les coordinateurs des structures qui organisent des instances peuvent générer leur calendrier.");
        }
        var foreign = kinds.Where(k => !CommitteeAccess.Convenes(command.Actor, CommitteeKinds.OwnersOf(k))).ToList();
        return foreign.Count == 0
            ? null
            : Refusal.Forbidden($"Votre structure n'organise pas : {string.Join(", ", foreign.Select(CommitteeKinds.Label))}.");
    }

    /// <summary>Splits the plan: what to create, how many already exist (any status, cancelled included), how many are past.</summary>
    public static (IReadOnlyList<PlannedSitting> Create, int Skipped, int Past) Sort(
        IReadOnlyList<PlannedSitting> plan, IReadOnlySet<(CommitteeKind, string?, int, int)> existing, DateOnly today)
    {
        var create = new List<PlannedSitting>();
        int skipped = 0, past = 0;
        foreach (var sitting in plan)
        {
            if (existing.Contains(sitting.Slot)) skipped++;
            else if (sitting.SittingOn < today) past++;
            else create.Add(sitting);
        }
        return (create, skipped, past);
    }

    public static CommitteeScheduled Scheduled(Guid id, PlannedSitting sitting, Guid by, DateTimeOffset at) =>
        new(id, sitting.Kind, sitting.TerritoryCode, sitting.SittingOn, sitting.StartsAt, sitting.Place, CommitteeKinds.OwnersOf(sitting.Kind), by, at);

    public static async Task<IReadOnlySet<(CommitteeKind, string?, int, int)>> ExistingSlotsAsync(IQuerySession session, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var views = await session.Query<CommitteeView>().Where(v => v.SittingOn >= from && v.SittingOn <= to).ToListAsync(ct);
        return views.Select(v => (v.Kind, v.TerritoryCode, v.SittingOn.Year, v.SittingOn.Month)).ToHashSet();
    }
}

public static class GenerateCalendarEndpoint
{
    public static readonly Refusal Concurrent =
        Refusal.Conflict("Ce calendrier vient d'être généré par quelqu'un d'autre : rechargez la page avant de recommencer.");

    [WolverinePost("/api/committees/calendar", OperationId = "generateCommitteeCalendar")]
    public static async Task<IResult> Post(GenerateCalendarRequest request, CurrentWorker worker, IMessageBus bus)
    {
        var generated = await InvokeAsync(bus, new GenerateCalendar(request.Year, request.Kinds, worker), default);
        return generated.Refusal is { } refusal ? OutcomeResults.ToProblem(refusal) : Results.Ok(generated);
    }

    /// <summary>Runs the generation; a sitting created by a concurrent generation is a conflict, not an error.</summary>
    public static async Task<CalendarGenerated> InvokeAsync(IMessageBus bus, GenerateCalendar command, CancellationToken ct)
    {
        try
        {
            return await bus.InvokeAsync<CalendarGenerated>(command, ct);
        }
        catch (Exception e) when (Collided(e))
        {
            return CalendarGenerated.Refused(Concurrent);
        }
    }

    private static bool Collided(Exception? e) => e switch
    {
        null => false,
        ExistingStreamIdCollisionException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Collided),
        _ => Collided(e.InnerException),
    };
}
