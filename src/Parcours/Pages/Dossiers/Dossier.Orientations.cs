using Microsoft.AspNetCore.Mvc;
using Parcours.Pathways.Orienting;

namespace Parcours.Pages.Dossiers;

// Orientations towards other schemes: proposed, then accepted or refused.
public sealed partial class DossierModel
{
    public sealed class ProposeInput
    {
        public long? ExpectedVersion { get; set; }
        public string? Destination { get; set; }
        public DateOnly? ProposedOn { get; set; }
        public string? Note { get; set; }
    }

    public sealed class OrientationAcceptInput
    {
        public long? ExpectedVersion { get; set; }
        public Guid OrientationId { get; set; }
        public DateOnly? AcceptedOn { get; set; }
    }

    public sealed class OrientationRefuseInput
    {
        public long? ExpectedVersion { get; set; }
        public Guid OrientationId { get; set; }
        public DateOnly? RefusedOn { get; set; }
        public string? ReasonCode { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty(Name = "propose")]
    public ProposeInput ProposeForm { get; set; } = new();

    [BindProperty(Name = "orientationAccept")]
    public OrientationAcceptInput OrientationAcceptForm { get; set; } = new();

    [BindProperty(Name = "orientationRefuse")]
    public OrientationRefuseInput OrientationRefuseForm { get; set; } = new();

    public static string OrientationAcceptKey(Guid orientationId) => $"orientation-accept-{orientationId}";

    public static string OrientationRefuseKey(Guid orientationId) => $"orientation-refuse-{orientationId}";

    public Task<IActionResult> OnPostProposeAsync(Guid id, CancellationToken ct) =>
        ProposeForm.ProposedOn is not { } on
            ? RejectAsync(id, "propose", "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, "propose",
                new ProposeOrientation(id, ProposeForm.ExpectedVersion, Guid.CreateVersion7(), ProposeForm.Destination ?? "", on, Blank(ProposeForm.Note), Worker),
                DossierText.Proposed, ct, "destination", "date", "note");

    public Task<IActionResult> OnPostOrientationAcceptAsync(Guid id, CancellationToken ct)
    {
        var form = OrientationAcceptKey(OrientationAcceptForm.OrientationId);
        return OrientationAcceptForm.AcceptedOn is not { } on
            ? RejectAsync(id, form, "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, form,
                new AcceptOrientation(id, OrientationAcceptForm.ExpectedVersion, OrientationAcceptForm.OrientationId, on, Worker),
                DossierText.OrientationAccepted, ct, "date");
    }

    public Task<IActionResult> OnPostOrientationRefuseAsync(Guid id, CancellationToken ct)
    {
        var input = OrientationRefuseForm;
        var form = OrientationRefuseKey(input.OrientationId);
        return input.RefusedOn is not { } on
            ? RejectAsync(id, form, "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, form,
                new RefuseOrientation(id, input.ExpectedVersion, input.OrientationId, on, input.ReasonCode ?? "", Blank(input.Note), Worker),
                DossierText.OrientationRefused, ct, "date", "reason", "note");
    }

    public OrientationAcceptInput OrientationAcceptFor(Guid orientationId) =>
        Posted == OrientationAcceptKey(orientationId) ? OrientationAcceptForm : new OrientationAcceptInput { OrientationId = orientationId, AcceptedOn = Today };

    public OrientationRefuseInput OrientationRefuseFor(Guid orientationId) =>
        Posted == OrientationRefuseKey(orientationId) ? OrientationRefuseForm : new OrientationRefuseInput { OrientationId = orientationId, RefusedOn = Today };

    private void PrefillOrientations()
    {
        if (Posted != "propose") ProposeForm = new ProposeInput { ProposedOn = Today };
    }
}
