using Microsoft.AspNetCore.Mvc;
using Parcours.Pathways.Planning;
using Parcours.Pathways.Reviewing;

namespace Parcours.Pages.Dossiers;

// The plan of actions (planned, completed, cancelled) and the reviews of the pathway.
public sealed partial class DossierModel
{
    public sealed class PlanInput
    {
        public long? ExpectedVersion { get; set; }
        public string? Category { get; set; }
        public string? Kind { get; set; }
        public DateOnly? PlannedOn { get; set; }
        public DateOnly? DueOn { get; set; }
        public string? Note { get; set; }
    }

    public sealed class CompleteInput
    {
        public long? ExpectedVersion { get; set; }
        public Guid ActionId { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public string? Note { get; set; }
    }

    public sealed class CancelInput
    {
        public long? ExpectedVersion { get; set; }
        public Guid ActionId { get; set; }
        public DateOnly? CancelledOn { get; set; }
    }

    public sealed class ReviewInput
    {
        public long? ExpectedVersion { get; set; }
        public DateOnly? ReviewedOn { get; set; }
        public string? Summary { get; set; }
    }

    [BindProperty(Name = "plan")]
    public PlanInput PlanForm { get; set; } = new();

    [BindProperty(Name = "complete")]
    public CompleteInput CompleteForm { get; set; } = new();

    [BindProperty(Name = "cancel")]
    public CancelInput CancelForm { get; set; } = new();

    [BindProperty(Name = "review")]
    public ReviewInput ReviewForm { get; set; } = new();

    public static string CompleteKey(Guid actionId) => $"complete-{actionId}";

    public static string CancelKey(Guid actionId) => $"cancel-{actionId}";

    public Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken ct) =>
        PlanForm.PlannedOn is not { } on
            ? RejectAsync(id, "plan", "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, "plan",
                new PlanAction(id, PlanForm.ExpectedVersion, Guid.CreateVersion7(), PlanForm.Category ?? "", PlanForm.Kind ?? "", on, PlanForm.DueOn, Blank(PlanForm.Note), Worker),
                DossierText.Planned, ct, "category", "kind", "date", "due", "note");

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct)
    {
        var form = CompleteKey(CompleteForm.ActionId);
        return CompleteForm.CompletedOn is not { } on
            ? RejectAsync(id, form, "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, form,
                new CompleteAction(id, CompleteForm.ExpectedVersion, CompleteForm.ActionId, on, Blank(CompleteForm.Note), Worker),
                DossierText.Completed, ct, "date", "note");
    }

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        var form = CancelKey(CancelForm.ActionId);
        return CancelForm.CancelledOn is not { } on
            ? RejectAsync(id, form, "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, form, new CancelAction(id, CancelForm.ExpectedVersion, CancelForm.ActionId, on, Worker), DossierText.Cancelled, ct, "date");
    }

    public Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct) =>
        ReviewForm.ReviewedOn is not { } on
            ? RejectAsync(id, "review", "date", DossierText.MissingDate, ct)
            : SubmitAsync(id, "review", new RecordReview(id, ReviewForm.ExpectedVersion, on, ReviewForm.Summary ?? "", Worker),
                DossierText.Reviewed, ct, "date", "summary");

    /// <summary>The complete form of one action: as typed if it was just refused, else fresh.</summary>
    public CompleteInput CompleteFor(Guid actionId) =>
        Posted == CompleteKey(actionId) ? CompleteForm : new CompleteInput { ActionId = actionId, CompletedOn = Today };

    public CancelInput CancelFor(Guid actionId) =>
        Posted == CancelKey(actionId) ? CancelForm : new CancelInput { ActionId = actionId, CancelledOn = Today };

    private void PrefillActions()
    {
        if (Posted != "plan") PlanForm = new PlanInput { PlannedOn = Today };
        if (Posted != "review") ReviewForm = new ReviewInput { ReviewedOn = Today };
    }
}
