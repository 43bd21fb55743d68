using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Audit;
using Parcours.Committees;
using Parcours.Committees.Deciding;
using Parcours.Committees.Dossiers;
using Parcours.Committees.Reading;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Shared;
using Parcours.People.Vault;
using Wolverine;

namespace Parcours.Pages.Instances;

/// <summary>
/// The chair's session screen: the agenda item by item, each with its committee dossier and a
/// decision form; after each decision the next undecided item's form has the focus. The decide
/// command's handler holds the rules; a conflict (another chair was faster) keeps what was typed.
/// </summary>
public sealed class SeanceModel(IQuerySession session, IMessageBus bus, PersonVault vault, AuditTrail trail, TimeProvider time) : PageModel, IFormPage
{
    public const int ActionRows = 3;

    public sealed class ActionInput
    {
        public string? Category { get; set; }
        public string? Kind { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class DecisionInput
    {
        public Guid ItemId { get; set; }
        public ItemOutcome? Outcome { get; set; }
        public string? Destination { get; set; }
        public Guid? ReceivingStructureId { get; set; }
        public string? ExitOutcome { get; set; }
        public List<ActionInput> Actions { get; set; } = [];
        public string? Rationale { get; set; }
        public string? Missing { get; set; }
    }

    [BindProperty(Name = "decision")]
    public DecisionInput Form { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public CommitteeView Committee { get; private set; } = null!;
    public CommitteeAgenda Agenda { get; private set; } = null!;
    public ReferenceChoices Reference { get; private set; } = null!;
    public FormErrors Errors { get; } = new();
    public bool Missing { get; private set; }
    /// <summary>The item whose form has the focus: the one just refused, or the first undecided.</summary>
    public Guid? CurrentItemId { get; private set; }
    public Guid? PostedItemId { get; private set; }

    public AgendaItemLine? LineOf(Guid itemId) => Committee.Items.FirstOrDefault(i => i.ItemId == itemId);

    private CurrentWorker Worker => HttpContext.CurrentWorker()!;

    public IReadOnlyList<ItemOutcome> Outcomes => ItemDecisions.OutcomesFor(Committee.Kind);

    /// <summary>The anchor and id prefix of an item's section and form fields.</summary>
    public static string Prefix(Guid itemId) => $"point-{itemId:N}";

    public DecisionInput FormFor(Guid itemId) => PostedItemId == itemId ? Form : new DecisionInput { ItemId = itemId };

    public ActionInput ActionRow(DecisionInput input, int index) => index < input.Actions.Count ? input.Actions[index] : new ActionInput();

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var actions = Form.Actions.Where(a => !string.IsNullOrWhiteSpace(a.Category) || !string.IsNullOrWhiteSpace(a.Kind) || a.DueOn is not null)
            .Select(a => new PlannedActionInput(a.Category, a.Kind, a.DueOn)).ToList();
        var outcome = await bus.SendAsync(new DecideItem(id, Form.ItemId, Form.Outcome, Blank(Form.Destination), Form.ReceivingStructureId,
            Blank(Form.ExitOutcome), actions, Form.Rationale, Form.Missing, Worker), ct);
        if (outcome.Refusal is not { } refusal)
        {
            var view = await session.LoadAsync<CommitteeView>(id, ct);
            Notice = SeanceText.Recorded(view!.Agenda.ToList().FindIndex(i => i.ItemId == Form.ItemId) + 1);
            // No fragment: browsers skip autofocus when the address targets an element, and the
            // next item's form, focused on load, scrolls into view by itself.
            return Redirect($"/instances/{id}/seance");
        }

        PostedItemId = Form.ItemId;
        var result = await ShowAsync(id, ct);
        if (Missing) return result;
        var prefix = Prefix(Form.ItemId);
        var target = refusal.Field switch
        {
            "outcome" => $"{prefix}-outcome",
            "destination" => $"{prefix}-destination",
            "receivingStructureId" => $"{prefix}-structure",
            "exitOutcome" => $"{prefix}-exit",
            "missing" => $"{prefix}-missing",
            "rationale" => $"{prefix}-rationale",
            { } field when field.StartsWith("actions", StringComparison.Ordinal) => $"{prefix}-actions",
            _ => $"{prefix}-form",
        };
        Errors.Add(target, refusal.Detail, linked: !target.EndsWith("-form", StringComparison.Ordinal));
        CurrentItemId = Form.ItemId;
        return result;
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var view = await session.LoadAsync<CommitteeView>(id, ct);
        if (view is null || !CommitteeAccess.Convenes(Worker, view.OwnerStructures))
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Committee = view;
        Agenda = await CommitteeDossiers.LoadAsync(session, vault, trail, view, Worker, time.Today(), false, ct);
        Reference = await ReferenceChoices.LoadAsync(session, ct);
        CurrentItemId ??= Agenda.Items.FirstOrDefault(i => i.Status == AgendaItemStatus.Listed)?.ItemId;
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
