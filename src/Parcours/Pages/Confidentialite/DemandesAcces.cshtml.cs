using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Privacy;
using Parcours.Privacy.AccessRequests;
using Wolverine;

namespace Parcours.Pages.Confidentialite;

/// <summary>« Demandes d'accès »: the officer records a request and opens its document.</summary>
public sealed class DemandesAccesModel(IQuerySession session, IMessageBus bus) : PageModel
{
    [BindProperty] public Guid? PersonId { get; set; }
    [BindProperty] public RequesterRelation? Relation { get; set; }
    [BindProperty] public string? RequestedBy { get; set; }

    public IReadOnlyList<AccessRequestSummary> Requests { get; private set; } = [];
    public string? Error { get; private set; }
    public Guid? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Officer.Is(HttpContext.CurrentWorker())) return NotFound();
        Requests = await AccessRequestHandler.ListAsync(session, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker();
        if (!Officer.Is(worker)) return NotFound();
        if (PersonId is not { } personId)
        {
            Error = "Indiquez l'identifiant de la personne (un identifiant valide).";
        }
        else
        {
            var id = Guid.NewGuid();
            var outcome = await bus.InvokeAsync<CommandOutcome>(new RecordAccessRequest(id, personId, RequestedBy, Relation, worker!), ct);
            if (outcome.Refusal is { } refusal) Error = refusal.Detail;
            else Created = id;
        }
        Requests = await AccessRequestHandler.ListAsync(session, ct);
        return Page();
    }
}
