using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Committees;
using Parcours.Committees.Attending;
using Parcours.Committees.Holding;
using Parcours.Committees.Inviting;
using Parcours.Committees.Listing;
using Parcours.Committees.Scheduling;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Shared;
using Parcours.Reference;
using Wolverine;
using T = Parcours.Pages.Instances.InstancesText;

namespace Parcours.Pages.Instances;

/// <summary>
/// One sitting: when, where, who is invited, who attended, the charter; the convener's forms to
/// move, cancel, invite, open, close and issue the minutes. Each form becomes a command.
/// </summary>
public sealed class SittingModel(IQuerySession session, IMessageBus bus) : PageModel, IFormPage
{
    public sealed class RescheduleInput
    {
        public long? ExpectedVersion { get; set; }
        public DateOnly? SittingOn { get; set; }
        public TimeOnly? StartsAt { get; set; }
        public string? Place { get; set; }
    }

    public sealed class InviteInput
    {
        public long? ExpectedVersion { get; set; }
        public List<Guid> Structures { get; set; } = [];
        public List<Guid> People { get; set; } = [];
    }

    public sealed class CancelInput
    {
        public long? ExpectedVersion { get; set; }
        public string? Reason { get; set; }
    }

    /// <summary>A member expected at the sitting, with what is known of their attendance and charter.</summary>
    public sealed record ExpectedMember(Habilitation Habilitation, string StructureName, bool? Present, bool Acknowledged);

    [BindProperty(Name = "reschedule")]
    public RescheduleInput RescheduleForm { get; set; } = new();

    [BindProperty(Name = "invite")]
    public InviteInput InviteForm { get; set; } = new();

    [BindProperty(Name = "cancel")]
    public CancelInput CancelForm { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public FormErrors Errors { get; } = new();
    public string? Posted { get; private set; }
    public bool Missing { get; private set; }
    public CommitteeOverview Sitting { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public IReadOnlyList<Structure> Structures { get; private set; } = [];
    public IReadOnlyList<ExpectedMember> Members { get; private set; } = [];
    public IReadOnlyList<Habilitation> Invitable { get; private set; } = [];
    public string? ChairName { get; private set; }

    private CurrentWorker Worker => HttpContext.CurrentWorker()!;

    public string StructureName(Guid id) => Structures.FirstOrDefault(s => s.Id == id)?.Name ?? "—";

    /// <summary>Which convener forms the page offers for the status; the handlers still decide.</summary>
    public bool Offers(string form) => Sitting.Convenes && (form, Sitting.Status) switch
    {
        ("reschedule" or "cancel" or "open", CommitteeStatus.Scheduled) => true,
        ("invite", CommitteeStatus.Scheduled or CommitteeStatus.InSession) => true,
        ("attendance", CommitteeStatus.Scheduled or CommitteeStatus.InSession or CommitteeStatus.Closed) => Sitting.ChairId is null || Sitting.ChairId == Worker.Id,
        ("close", CommitteeStatus.InSession) => Sitting.ChairId == Worker.Id,
        ("minutes", CommitteeStatus.Closed) => true,
        _ => false,
    };

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostRescheduleAsync(Guid id, CancellationToken ct)
    {
        if (RescheduleForm.SittingOn is not { } on) return RejectAsync(id, "reschedule", "reschedule-date", T.MissingDate, ct);
        if (RescheduleForm.StartsAt is not { } at) return RejectAsync(id, "reschedule", "reschedule-time", T.MissingTime, ct);
        return SubmitAsync(id, "reschedule", new RescheduleCommittee(id, RescheduleForm.ExpectedVersion, on, at, RescheduleForm.Place, Worker), T.Rescheduled, ct,
            ("sittingOn", "reschedule-date"), ("startsAt", "reschedule-time"), ("place", "reschedule-place"));
    }

    public Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken ct) =>
        SubmitAsync(id, "invite", new InviteMembers(id, InviteForm.ExpectedVersion, InviteForm.Structures, InviteForm.People, Worker), T.Invited, ct,
            ("structures", "invite-structures"), ("people", "invite-people"));

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        SubmitAsync(id, "cancel", new CancelCommittee(id, CancelForm.ExpectedVersion, CancelForm.Reason, Worker), T.Cancelled, ct, ("reason", "cancel-reason"));

    public Task<IActionResult> OnPostAttendanceAsync(Guid id, long? expectedVersion, Guid habilitationId, bool present, CancellationToken ct) =>
        SubmitAsync(id, "attendance", new RecordAttendance(id, expectedVersion, habilitationId, present, Worker), T.AttendanceRecorded, ct);

    public Task<IActionResult> OnPostOpenAsync(Guid id, long? expectedVersion, CancellationToken ct) =>
        SubmitAsync(id, "open", new OpenSession(id, expectedVersion, Worker), T.Opened, ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, long? expectedVersion, CancellationToken ct) =>
        SubmitAsync(id, "close", new CloseSession(id, expectedVersion, Worker), T.Closed, ct);

    public Task<IActionResult> OnPostMinutesAsync(Guid id, long? expectedVersion, CancellationToken ct) =>
        SubmitAsync(id, "minutes", new IssueMinutes(id, expectedVersion, Worker), T.MinutesIssued, ct);

    private async Task<IActionResult> SubmitAsync(Guid id, string form, object command, string done, CancellationToken ct, params (string Field, string Target)[] fields)
    {
        var outcome = await bus.SendAsync(command, ct);
        if (outcome.Refusal is not { } refusal)
        {
            Notice = done;
            return Redirect($"/instances/{id}");
        }
        var target = fields.FirstOrDefault(f => f.Field == refusal.Field).Target ?? $"{form}-form";
        return await RejectAsync(id, form, target, refusal.Detail, ct);
    }

    private Task<IActionResult> RejectAsync(Guid id, string form, string target, string message, CancellationToken ct)
    {
        Posted = form;
        Errors.Add(target, message, linked: !target.EndsWith("-form", StringComparison.Ordinal));
        return ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await CommitteeOverview.LoadAsync(session, Worker, id, ct) is not { } sitting)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Sitting = sitting;
        Structures = await session.Query<Structure>().ToListAsync(ct);
        var territory = sitting.TerritoryCode is { } code ? await session.LoadAsync<Territory>(code, ct) : null;
        Title = CommitteeKinds.Title(sitting.Kind, territory?.Label ?? sitting.TerritoryCode);

        var staff = await session.Query<Habilitation>().Where(h => h.Active).ToListAsync(ct);
        var view = await session.LoadAsync<Committees.Reading.CommitteeView>(id, ct);
        Members = staff
            .Where(h => CommitteeAccess.SitsOn(CurrentWorker.Of(h), sitting.OwnerStructures, sitting.InvitedStructures, sitting.InvitedPeople))
            .OrderBy(h => StructureName(h.StructureId)).ThenBy(h => h.DisplayName)
            .Select(h => new ExpectedMember(h, StructureName(h.StructureId),
                sitting.Attendance.FirstOrDefault(a => a.HabilitationId == h.Id)?.Present, view!.HasAcknowledged(h.Id)))
            .ToList();
        Invitable = staff
            .Where(h => h.Roles.Contains(Role.CommitteeMember) && !Members.Any(m => m.Habilitation.Id == h.Id))
            .OrderBy(h => h.DisplayName).ToList();
        ChairName = sitting.ChairId is { } chair ? staff.FirstOrDefault(h => h.Id == chair)?.DisplayName : null;

        if (Posted != "reschedule") RescheduleForm = new RescheduleInput { SittingOn = sitting.SittingOn, StartsAt = sitting.StartsAt, Place = sitting.Place };
        if (Posted != "invite") InviteForm = new InviteInput();
        if (Posted != "cancel") CancelForm = new CancelInput();
        return Page();
    }
}
