using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Privacy;
using Parcours.Privacy.Rectifying;
using Wolverine;

namespace Parcours.Pages.Confidentialite;

/// <summary>« Rectification d'identité »: the officer corrects a person's identity (blank fields stay as they are).</summary>
public sealed class RectificationModel(IMessageBus bus) : PageModel
{
    [BindProperty] public Guid? PersonId { get; set; }
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? LastName { get; set; }
    [BindProperty] public DateOnly? BirthDate { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }

    public string? Error { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet() => Officer.Is(HttpContext.CurrentWorker()) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker();
        if (!Officer.Is(worker)) return NotFound();
        if (PersonId is not { } personId)
        {
            Error = "Indiquez l'identifiant de la personne (un identifiant valide).";
            return Page();
        }
        static string? Typed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
        var correction = new IdentityCorrection(Typed(FirstName), Typed(LastName), BirthDate, Typed(Address), Typed(Phone), Typed(Email));
        var outcome = await bus.InvokeAsync<CommandOutcome>(new RectifyIdentity(personId, correction, worker!), ct);
        if (outcome.Refusal is { } refusal) Error = refusal.Detail;
        else
        {
            Done = true;
            FirstName = LastName = Address = Phone = Email = null;
            BirthDate = null;
        }
        return Page();
    }
}
