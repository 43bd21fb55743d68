using Microsoft.AspNetCore.Mvc;
using Parcours.Pathways.Exiting;
using Parcours.Pathways.Suspending;

namespace Parcours.Pages.Dossiers;

// Pausing and ending the pathway: suspend, resume, exit with an outcome, reopen.
public sealed partial class DossierModel
{
    public sealed class SuspendInput
    {
        public long? ExpectedVersion { get; set; }
        public DateOnly? SuspendedOn { get; set; }
        public string? ReasonCode { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ResumeInput
    {
        public long? ExpectedVersion { get; set; }
        public DateOnly? ResumedOn { get; set; }
    }

    public sealed class ExitInput
    {
        public long? ExpectedVersion { get; set; }
        public DateOnly? ExitedOn { get; set; }
        public string? Outcome { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ReopenInput
    {
        public long? ExpectedVersion { get; set; }
        public DateOnly? ReopenedOn { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty(Name = "suspend")]
    public SuspendInput SuspendForm { get; set; } = new();

    [BindProperty(Name = "resume")]
    public ResumeInput ResumeForm { get; set; } = new();

    [BindProperty(Name = "exit")]
    public ExitInput ExitForm { get; set; } = new();

    [BindProperty(Name = "reopen")]
    public ReopenInput ReopenForm { get; set; } = new();

    public Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken ct) =>
        SuspendForm.SuspendedOn is not { } on
            ? RejectAsync(id, "suspend", "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, "suspend",
                new SuspendPathway(id, SuspendForm.ExpectedVersion, on, SuspendForm.ReasonCode ?? "", Blank(SuspendForm.Note), Worker),
                DossierText.Suspended, ct, "date", "reason", "note");

    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct) =>
        ResumeForm.ResumedOn is not { } on
            ? RejectAsync(id, "resume", "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, "resume", new ResumePathway(id, ResumeForm.ExpectedVersion, on, Worker), DossierText.Resumed, ct, "date");

    public Task<IActionResult> OnPostExitAsync(Guid id, CancellationToken ct) =>
        ExitForm.ExitedOn is not { } on
            ? RejectAsync(id, "exit", "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, "exit",
                new ExitPathway(id, ExitForm.ExpectedVersion, on, ExitForm.Outcome ?? "", Blank(ExitForm.Note), Worker),
                DossierText.Exited, ct, "date", "outcome", "note");

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) =>
        ReopenForm.ReopenedOn is not { } on
            ? RejectAsync(id, "reopen", "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, "reopen", new ReopenPathway(id, ReopenForm.ExpectedVersion, on, Blank(ReopenForm.Reason), Worker),
                DossierText.Reopened, ct, "date", "reason");

    private void PrefillLifecycle()
    {
        if (Posted != "suspend") SuspendForm = new SuspendInput { SuspendedOn = Today };
        if (Posted != "resume") ResumeForm = new ResumeInput { ResumedOn = Today };
        if (Posted != "exit") ExitForm = new ExitInput { ExitedOn = Today };
        if (Posted != "reopen") ReopenForm = new ReopenInput { ReopenedOn = Today };
    }
}
