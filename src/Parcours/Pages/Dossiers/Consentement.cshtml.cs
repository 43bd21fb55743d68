using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Audit;
using Parcours.Documents;
using Parcours.Documents.Rendering;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pathways.Consenting;
using Parcours.Pathways.GettingDetails;
using Parcours.People.Vault;
using Parcours.Reference;

namespace Parcours.Pages.Dossiers;

/// <summary>
/// The printable form of a recorded consent, rendered by the latest stored consent-form template. Only for a file
/// the worker reads in full; anything else is the same 404 as an unknown file. The print is traced.
/// </summary>
public sealed class ConsentementModel(IQuerySession session, PersonVault vault, AuditTrail trail, TimeProvider time) : PageModel
{
    public const string PrintAction = "consent.form";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid consentId, CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        var today = time.Today();
        var file = await PathwayDetails.LoadAsync(session, vault, trail, worker, id, today, ct);
        if (file?.Sharing?.Consents.FirstOrDefault(c => c.ConsentId == consentId) is not { } consent) return NotFound();

        var structures = await session.Query<Structure>().ToListAsync(ct);
        var programme = (await session.LoadAsync<Programme>(file.Programme, ct))?.Label ?? file.Programme;
        var recordedBy = await session.LoadAsync<Habilitation>(worker.Id, ct) is { } me ? $"{me.DisplayName}, {me.Position}" : worker.DisplayName;
        await trail.RecordAsync(AuditEntry.By(worker, PrintAction, consent.Purpose.ToString(), AuditOutcome.Allowed, id, file.Person.Id), ct);
        var form = await session.RenderAsync(TemplateCatalogue.ConsentForm, ConsentForm.For(file, consent, structures, programme, recordedBy, today), ct);
        PrintableDocument.Protect(Response);
        return form.Html is { } html
            ? Content(html, "text/html; charset=utf-8")
            : new ContentResult { StatusCode = StatusCodes.Status422UnprocessableEntity, ContentType = "text/plain; charset=utf-8", Content = form.Error };
    }
}
