using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Reading;
using Parcours.Privacy;
using Parcours.Privacy.Restricting;
using Wolverine;

namespace Parcours.Pages.Confidentialite;

/// <summary>« Limitations du traitement »: the officer restricts a pathway, and lifts the restrictions listed.</summary>
public sealed class LimitationsModel(IQuerySession session, IMessageBus bus, TimeProvider time) : PageModel
{
    [BindProperty] public Guid? PathwayId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<PathwayFile> Restricted { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Officer.Is(HttpContext.CurrentWorker())) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker();
        if (!Officer.Is(worker)) return NotFound();
        if (PathwayId is not { } id) Error = "Indiquez l'identifiant du parcours (un identifiant valide).";
        else Answer(await bus.InvokeAsync<CommandOutcome>(new RestrictPathway(id, Reason, time.Today(), worker!), ct), RightsText.Restricted);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker();
        if (!Officer.Is(worker)) return NotFound();
        Answer(await bus.InvokeAsync<CommandOutcome>(new LiftRestriction(id, time.Today(), worker!), ct), RightsText.Lifted);
        await LoadAsync(ct);
        return Page();
    }

    private void Answer(CommandOutcome outcome, string done)
    {
        if (outcome.Refusal is { } refusal) Error = refusal.Detail;
        else
        {
            Notice = done;
            PathwayId = null;
            Reason = null;
        }
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Restricted = await session.Query<PathwayFile>().Where(f => f.Restricted).OrderBy(f => f.ReferredOn).Take(500).ToListAsync(ct);
}
