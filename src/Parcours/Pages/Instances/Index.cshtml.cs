using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Committees;
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
/// The calendar of the sittings the worker sits on, by month; conveners also generate a year's
/// calendar and schedule a single sitting. The handlers decide; the page only offers.
/// </summary>
public sealed class CalendarModel(IQuerySession session, IMessageBus bus, TimeProvider time) : PageModel, IFormPage
{
    public sealed class GenerateInput
    {
        public int Year { get; set; }
        public List<CommitteeKind> Kinds { get; set; } = [];
    }

    public sealed class ScheduleInput
    {
        public CommitteeKind? Kind { get; set; }
        public string? TerritoryCode { get; set; }
        public DateOnly? SittingOn { get; set; }
        public TimeOnly? StartsAt { get; set; }
        public string? Place { get; set; }
    }

    [BindProperty(Name = "generate")]
    public GenerateInput GenerateForm { get; set; } = new();

    [BindProperty(Name = "schedule")]
    public ScheduleInput ScheduleForm { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public FormErrors Errors { get; } = new();
    public string? Posted { get; private set; }
    /// <summary>How far back the page shows past sittings (minutes still to issue, attendance to complete).</summary>
    public const int RecentDays = 31;

    public IReadOnlyList<CommitteeRow> Sittings { get; private set; } = [];
    public IReadOnlyList<CommitteeRow> Recent { get; private set; } = [];
    public IReadOnlyList<CommitteeKind> Convened { get; private set; } = [];
    public IReadOnlyList<Territory> Neighbourhoods { get; private set; } = [];
    public IReadOnlyDictionary<string, string> TerritoryLabels { get; private set; } = new Dictionary<string, string>();
    public DateOnly Today { get; private set; }
    public bool SitsOnCommittees { get; private set; }

    private CurrentWorker Worker => HttpContext.CurrentWorker()!;

    public string Title(CommitteeRow row) =>
        CommitteeKinds.Title(row.Kind, row.TerritoryCode is { } code ? TerritoryLabels.GetValueOrDefault(code, code) : null);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        if (GenerateForm.Kinds.Count == 0) return await RejectAsync("generate", "generate-kinds", T.NoKind, ct);
        var generated = await GenerateCalendarEndpoint.InvokeAsync(bus, new GenerateCalendar(GenerateForm.Year, GenerateForm.Kinds, Worker), ct);
        if (generated.Refusal is { } refusal)
        {
            return await RejectAsync("generate", refusal.Field == "year" ? "generate-year" : "generate-form", refusal.Detail, ct);
        }
        Notice = T.Generated(generated.Created, generated.Skipped, generated.Past);
        return Redirect("/instances");
    }

    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken ct)
    {
        if (ScheduleForm.SittingOn is not { } on) return await RejectAsync("schedule", "schedule-date", T.MissingDate, ct);
        var id = Guid.CreateVersion7();
        var outcome = await bus.SendAsync(new ScheduleCommittee(id, ScheduleForm.Kind, ScheduleForm.TerritoryCode, on, ScheduleForm.StartsAt, ScheduleForm.Place, Worker), ct);
        if (outcome.Refusal is { } refusal)
        {
            var target = refusal.Field switch
            {
                "kind" => "schedule-kind",
                "territoryCode" => "schedule-territory",
                "sittingOn" => "schedule-date",
                "place" => "schedule-place",
                _ => "schedule-form",
            };
            return await RejectAsync("schedule", target, refusal.Detail, ct);
        }
        Notice = T.Scheduled;
        return Redirect($"/instances/{id}");
    }

    private Task<IActionResult> RejectAsync(string form, string target, string message, CancellationToken ct)
    {
        Posted = form;
        Errors.Add(target, message, linked: !target.EndsWith("-form", StringComparison.Ordinal));
        return ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Today = time.Today();
        SitsOnCommittees = Worker.Has(Role.CommitteeMember) || Worker.Has(Role.ProgrammeCoordinator);
        Convened = Worker.Has(Role.ProgrammeCoordinator) ? CommitteeKinds.ConvenedBy(Worker.StructureId) : [];
        var territories = await session.Query<Territory>().ToListAsync(ct);
        TerritoryLabels = territories.ToDictionary(t => t.Id, t => t.Label);
        Neighbourhoods = territories.Where(t => t.Kind == TerritoryKind.Qpv && t.IsValidOn(Today)).OrderBy(t => t.Order).ToList();
        var sittings = await CommitteeCalendarQuery.QueryAsync(session, Worker, Today.AddDays(-RecentDays), Today.AddYears(1), ct);
        Sittings = sittings.Where(s => s.SittingOn >= Today).ToList();
        Recent = sittings.Where(s => s.SittingOn < Today).Reverse().ToList();
        if (Posted != "generate") GenerateForm = new GenerateInput { Year = Today.Year, Kinds = [.. Convened] };
        if (Posted != "schedule") ScheduleForm = new ScheduleInput { SittingOn = Today.AddDays(14), Kind = Convened.FirstOrDefault() };
        return Page();
    }
}
