using Marten;
using Parcours.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Shared;
using Parcours.Pathways;
using Parcours.Pathways.GettingDetails;
using Parcours.People.Vault;
using Wolverine;

namespace Parcours.Pages.Dossiers;

/// <summary>
/// The pathway file: what is known, what happened, and one small form per step the status
/// allows. Each form posts to its own handler (in the partial files next to this one), which
/// turns it into a command; the handlers of the commands decide.
/// </summary>
public sealed partial class DossierModel(IQuerySession session, IMessageBus bus, PersonVault vault, AuditTrail trail, TimeProvider time) : PageModel, IFormPage
{
    public PathwayDetails Details { get; private set; } = null!;
    public ReferenceChoices Reference { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, Habilitation> StaffById { get; private set; } = new Dictionary<Guid, Habilitation>();
    /// <summary>The workers of the referent structure, who may become the referent.</summary>
    public IReadOnlyList<Habilitation> StructureStaff { get; private set; } = [];
    public FormErrors Errors { get; } = new();
    public bool Missing { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>The key of the form just posted and refused (its inputs are kept as typed).</summary>
    public string? Posted { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    private CurrentWorker Worker => HttpContext.CurrentWorker()!;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public bool IsCoordinator => Worker.Has(Role.ProgrammeCoordinator);

    public string StaffName(Guid? id) => id is { } value && StaffById.TryGetValue(value, out var member) ? member.DisplayName : "—";

    /// <summary>Which forms the page offers for the current status; the command handlers still decide.</summary>
    public bool Offers(string form) => Details.MayAct && (form, Details.Status) switch
    {
        ("accept" or "decline", PathwayStatus.Referred) => true,
        ("start", PathwayStatus.Accepted) => true,
        ("plan", PathwayStatus.Accepted or PathwayStatus.Active) => true,
        ("complete", PathwayStatus.Active) => true,
        ("cancel" or "review" or "exit", PathwayStatus.Accepted or PathwayStatus.Active or PathwayStatus.Suspended) => true,
        ("propose", PathwayStatus.Referred or PathwayStatus.Accepted or PathwayStatus.Active or PathwayStatus.Suspended) => true,
        ("answer-orientation", not (PathwayStatus.Exited or PathwayStatus.Declined)) => true,
        ("suspend", PathwayStatus.Active) => true,
        ("resume", PathwayStatus.Suspended) => true,
        ("reopen", PathwayStatus.Exited) => true,
        ("consent" or "team" or "parents" or "exception", not (PathwayStatus.Exited or PathwayStatus.Declined)) => true,
        ("withdraw" or "team-remove", _) => true,
        ("safe-contact", _) => PathwayAccess.IsSealed(Details.Programme),
        _ => false,
    };

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var details = await PathwayDetails.LoadAsync(session, vault, trail, Worker, id, time.Today(), ct);
        if (details is null)
        {
            // Not there and not visible look the same: a sealed case must not be guessable.
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Details = details;
        Today = time.Today();
        Reference = await ReferenceChoices.LoadAsync(session, ct);
        var staff = await session.Query<Habilitation>().ToListAsync(ct);
        StaffById = staff.ToDictionary(s => s.Id);
        StructureStaff = staff.Where(s => s.StructureId == details.ReferentStructureId).OrderBy(s => s.DisplayName).ToList();
        PrefillAdmission();
        PrefillActions();
        PrefillOrientations();
        PrefillLifecycle();
        PrefillSharing();
        return Page();
    }

    /// <summary>Runs the command of one form: back to the file on success, the form with its message otherwise.</summary>
    private async Task<IActionResult> SubmitAsync(Guid id, string form, object command, string done, CancellationToken ct, params string[] fields)
    {
        var outcome = await bus.SendAsync(command, ct);
        if (outcome.Refusal is not { } refusal)
        {
            Notice = done;
            return Redirect($"/dossiers/{id}");
        }
        Posted = form;
        var target = TargetOf(form, refusal.Field, fields);
        Errors.Add(target, refusal.Detail, linked: target != $"{form}-form");
        return await ShowAsync(id, ct);
    }

    /// <summary>A form that cannot become a command (a date left empty): its message, without a round trip.</summary>
    private Task<IActionResult> RejectAsync(Guid id, string form, string field, string message, CancellationToken ct)
    {
        Posted = form;
        Errors.Add($"{form}-{field}", message);
        return ShowAsync(id, ct);
    }

    /// <summary>The input a refusal names: "acceptedOn" is the form's date, "reasonCode" its reason… or the form itself.</summary>
    private static string TargetOf(string form, string? field, string[] fields)
    {
        var name = field switch
        {
            null => null,
            "dueOn" => "due",
            "reasonCode" => "reason",
            "referentWorkerId" => "referent",
            "expiresOn" => "expires",
            _ when field.EndsWith("On", StringComparison.Ordinal) => "date",
            _ => field.ToLowerInvariant(),
        };
        return name is not null && fields.Contains(name) ? $"{form}-{name}" : $"{form}-form";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
