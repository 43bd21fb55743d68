using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Shared;
using Parcours.Permanences;
using Parcours.Permanences.Listing;
using Parcours.Permanences.Recording;
using Reference = Parcours.Reference;
using Wolverine;

namespace Parcours.Pages.Permanences;

/// <summary>
/// The Maison des Femmes' permanences: record a session (counts of people received, by sex and
/// age band) and list the sessions of a year. Anyone outside the Maison des Femmes gets 404.
/// </summary>
public sealed class IndexModel(IQuerySession session, IMessageBus bus, TimeProvider time) : PageModel, IFormPage
{
    public sealed class SessionInput
    {
        public DateOnly? HeldOn { get; set; }
        public string? Kind { get; set; }
        public string? TerritoryCode { get; set; }
        /// <summary>People received, by age band (index in <see cref="PermanencesText.Bands"/>).</summary>
        public List<int?> Women { get; set; } = [];
        public List<int?> Men { get; set; } = [];
    }

    public const string FormId = "permanence-form";
    public const string CountsId = "received";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["heldOn"] = "held-on",
        ["kind"] = "kind",
        ["territoryCode"] = "territory",
        ["received"] = CountsId,
    };

    [BindProperty(Name = "permanence")]
    public SessionInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "annee")]
    public int? Year { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public FormErrors Errors { get; } = new();
    public ReferenceChoices Reference { get; private set; } = null!;
    public IReadOnlyList<PermanenceSessionView> Sessions { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int ShownYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PermanenceAccess.MayRecord(HttpContext.CurrentWorker()!)) return NotFound();
        Input.HeldOn = time.Today();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        if (!PermanenceAccess.MayRecord(worker)) return NotFound();

        var received = PermanencesText.Bands.SelectMany((band, i) => new[]
        {
            new ReceivedLine(Sex.F, band, At(Input.Women, i)),
            new ReceivedLine(Sex.M, band, At(Input.Men, i)),
        }).ToList();
        var command = new RecordPermanenceSession(Guid.CreateVersion7(), Input.HeldOn ?? default, Blank(Input.Kind), Blank(Input.TerritoryCode), received, worker);
        var outcome = await bus.SendAsync(command, ct);
        if (outcome.Refusal is { } refusal)
        {
            var target = Fields.GetValueOrDefault(refusal.Field ?? "", FormId);
            Errors.Add(target, refusal.Detail, linked: target != FormId);
            if (refusal.Status == StatusCodes.Status404NotFound) return NotFound();
            await LoadAsync(ct);
            return Page();
        }
        Notice = PermanencesText.Saved;
        return Redirect($"/permanences?annee={command.HeldOn.Year}");
    }

    public int? CountAt(Sex sex, int band) => (sex == Sex.F ? Input.Women : Input.Men) is var list && band < list.Count ? list[band] : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = time.Today();
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : today.Year;
        Reference = await ReferenceChoices.LoadAsync(session, ct);
        Sessions = await ListSessions.ForAsync(session, ShownYear, ct);
        Years = Enumerable.Range(Math.Min(2023, ShownYear), today.Year - Math.Min(2023, ShownYear) + 1).Reverse().ToList();
    }

    public IReadOnlyList<ChoiceGroup> Territories => Reference.TerritoryGroups(PermanencesText.WholeNeighbourhood, Input.HeldOn ?? time.Today());

    public string KindLabel(string code) => Reference.CodeLabel(Parcours.Reference.CodeLists.PermanenceKind, code);

    private static int At(List<int?> counts, int index) => index < counts.Count && counts[index] is { } n ? n : 0;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
