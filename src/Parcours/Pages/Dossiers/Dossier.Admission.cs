using Microsoft.AspNetCore.Mvc;
using Parcours.Pathways.Accepting;
using Parcours.Pathways.Starting;

namespace Parcours.Pages.Dossiers;

// Admission: accept or decline the referral, then start the accompaniment with a referent.
public sealed partial class DossierModel
{
    public sealed class AcceptInput
    {
        public long? ExpectedVersion { get; set; }
        public DateOnly? AcceptedOn { get; set; }
    }

    public sealed class DeclineInput
    {
        public long? ExpectedVersion { get; set; }
        public DateOnly? DeclinedOn { get; set; }
        public string? ReasonCode { get; set; }
        public string? Note { get; set; }
    }

    public sealed class StartInput
    {
        public long? ExpectedVersion { get; set; }
        public DateOnly? StartedOn { get; set; }
        public Guid? ReferentWorkerId { get; set; }
    }

    [BindProperty(Name = "accept")]
    public AcceptInput AcceptForm { get; set; } = new();

    [BindProperty(Name = "decline")]
    public DeclineInput DeclineForm { get; set; } = new();

    [BindProperty(Name = "start")]
    public StartInput StartForm { get; set; } = new();

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        AcceptForm.AcceptedOn is not { } on
            ? RejectAsync(id, "accept", "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, "accept", new AcceptReferral(id, AcceptForm.ExpectedVersion, on, Worker), DossierText.Accepted, ct, "date");

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        DeclineForm.DeclinedOn is not { } on
            ? RejectAsync(id, "decline", "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, "decline",
                new DeclineReferral(id, DeclineForm.ExpectedVersion, on, DeclineForm.ReasonCode ?? "", Blank(DeclineForm.Note), Worker),
                DossierText.Declined, ct, "date", "reason", "note");

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) =>
        StartForm.StartedOn is not { } on
            ? RejectAsync(id, "start", "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, "start",
                new StartAccompaniment(id, StartForm.ExpectedVersion, on, StartForm.ReferentWorkerId ?? Guid.Empty, Worker),
                DossierText.Started, ct, "date", "referent");

    private void PrefillAdmission()
    {
        if (Posted != "accept") AcceptForm = new AcceptInput { AcceptedOn = Today };
        if (Posted != "decline") DeclineForm = new DeclineInput { DeclinedOn = Today };
        if (Posted != "start")
        {
            StartForm = new StartInput
            {
                StartedOn = Today,
                ReferentWorkerId = StructureStaff.Any(s => s.Id == Worker.Id) ? Worker.Id : null,
            };
        }
    }
}
