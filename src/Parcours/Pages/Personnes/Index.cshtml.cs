using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Shared;
using Parcours.People.Searching;

namespace Parcours.Pages.Personnes;

/// <summary>« Rechercher une personne »: the search of <see cref="SearchPeople"/>, for workers who follow people.</summary>
public sealed class IndexModel(IQuerySession session, PersonSearch search, AuditTrail trail, TimeProvider time) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "naissance")]
    public DateOnly? BirthDate { get; set; }

    [BindProperty(SupportsGet = true, Name = "quartier")]
    public string? Territory { get; set; }

    public IReadOnlyList<PersonMatch>? Results { get; private set; }
    public FormErrors Errors { get; } = new();
    public ReferenceChoices Reference { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        if (!worker.WorksWithPeople) return NotFound();
        Today = time.Today();
        Reference = await ReferenceChoices.LoadAsync(session, ct);
        var criteria = new SearchCriteria(Query, BirthDate, Territory);
        if (criteria.IsEmpty && !Request.Query.ContainsKey("q")) return Page();

        var (matches, refusal) = await SearchPeople.RunAsync(search, session, trail, worker, criteria, Today, "search", ct);
        if (refusal is not null) Errors.Add("search-name", refusal.Detail, linked: true);
        Results = matches;
        return Page();
    }
}
