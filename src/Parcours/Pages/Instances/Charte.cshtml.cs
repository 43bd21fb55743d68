using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Marten;
using Parcours.Committees;
using Parcours.Committees.Attending;
using Parcours.Committees.Listing;
using Parcours.Committees.Reading;
using Parcours.Identity;
using Parcours.Pages.Shared;
using Wolverine;
using T = Parcours.Pages.Instances.InstancesText;

namespace Parcours.Pages.Instances;

/// <summary>The confidentiality charter of a sitting, and the member's own commitment to it.</summary>
public sealed class CharteModel(IQuerySession session, IMessageBus bus) : PageModel, IFormPage
{
    public FormErrors Errors { get; } = new();
    public bool Missing { get; private set; }
    public CommitteeOverview Sitting { get; private set; } = null!;
    public CharterLine? MyAcknowledgment { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    private CurrentWorker Worker => HttpContext.CurrentWorker()!;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await bus.SendAsync(new AcknowledgeCharter(id, Worker), ct);
        if (outcome.Refusal is { } refusal)
        {
            Errors.Add("charter-form", refusal.Detail, linked: false);
            return await ShowAsync(id, ct);
        }
        Notice = T.CharterAcknowledged;
        return Redirect($"/instances/{id}/charte");
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
        MyAcknowledgment = (await session.LoadAsync<CommitteeView>(id, ct))?.Charter.FirstOrDefault(c => c.HabilitationId == Worker.Id);
        return Page();
    }

    public string SittingTitle => CommitteeKinds.Label(Sitting.Kind);
}
