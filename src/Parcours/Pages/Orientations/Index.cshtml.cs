using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Orientations;
using Parcours.Orientations.Answering;
using Parcours.Orientations.Inbox;
using Parcours.Orientations.Returns;
using Parcours.Pages.Shared;
using Parcours.People.Vault;
using Wolverine;

namespace Parcours.Pages.Orientations;

/// <summary>
/// The receiving structure's inbox of orientations decided in committee (accept or refuse each),
/// its stuck orientations, and for the committees' coordinators the refusals sent back to them.
/// </summary>
public sealed class IndexModel(IQuerySession session, IMessageBus bus, PersonVault vault, AuditTrail trail, TimeProvider time, IOptions<OrientationOptions> options)
    : PageModel, IFormPage
{
    public sealed class AnswerInput
    {
        public Guid OrientationId { get; set; }
        public Guid? TakenBy { get; set; }
        public string? ReasonCode { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty(Name = "answer")]
    public AnswerInput Form { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<InboxLine> Inbox { get; private set; } = [];
    public IReadOnlyList<ReturnLine> Returns { get; private set; } = [];
    public IReadOnlyList<Choice> Takers { get; private set; } = [];
    public ReferenceChoices Reference { get; private set; } = null!;
    public FormErrors Errors { get; } = new();
    public string? Posted { get; private set; }
    public int ReminderAfterDays => options.Value.ReminderAfterDays;
    public bool ReadsReturns => Worker.Has(Role.ProgrammeCoordinator);
    public bool Receives => Worker.WorksWithPeople;

    private CurrentWorker Worker => HttpContext.CurrentWorker()!;

    public static string AcceptKey(Guid orientationId) => $"accepter-{orientationId:N}";

    public static string RefuseKey(Guid orientationId) => $"refuser-{orientationId:N}";

    public AnswerInput FormFor(string key, Guid orientationId) => Posted == key ? Form : new AnswerInput { OrientationId = orientationId };

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        SubmitAsync(AcceptKey(Form.OrientationId), new AcceptTicket(Form.OrientationId, Form.TakenBy, Worker), OrientationsText.Accepted, ct);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) =>
        SubmitAsync(RefuseKey(Form.OrientationId), new RefuseTicket(Form.OrientationId, Form.ReasonCode, Form.Note, Worker), OrientationsText.Refused, ct);

    private async Task<IActionResult> SubmitAsync(string key, object command, string done, CancellationToken ct)
    {
        var outcome = await bus.SendAsync(command, ct);
        if (outcome.Refusal is not { } refusal)
        {
            Notice = done;
            return Redirect("/orientations");
        }
        Posted = key;
        var target = refusal.Field switch
        {
            "takenBy" => $"{key}-taker",
            "reasonCode" => $"{key}-reason",
            "note" => $"{key}-note",
            _ => $"{key}-form",
        };
        Errors.Add(target, refusal.Detail, linked: !target.EndsWith("-form", StringComparison.Ordinal));
        if (refusal.Status == StatusCodes.Status404NotFound) Response.StatusCode = StatusCodes.Status404NotFound;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var worker = Worker;
        Reference = await ReferenceChoices.LoadAsync(session, ct);
        Inbox = await OrientationInbox.PendingAsync(session, vault, trail, worker, time.Today(), options.Value, ct);
        Returns = await ListReturnsEndpoint.Get(worker, session, vault, ct);
        Takers = (await session.Query<Habilitation>().Where(h => h.StructureId == worker.StructureId && h.Active).ToListAsync(ct))
            .Where(h => CurrentWorker.Of(h).WorksWithPeople)
            .OrderBy(h => h.DisplayName)
            .Select(h => new Choice(h.Id.ToString(), $"{h.DisplayName} – {h.Position}"))
            .ToList();
    }
}
