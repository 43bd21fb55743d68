using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Parcours.Audit;
using Parcours.Audit.Searching;
using Parcours.Identity;

namespace Parcours.Pages.Journal;

/// <summary>« Journal des accès »: the data-protection officer's search of the access trail.</summary>
public sealed class IndexModel(NpgsqlDataSource dataSource, AuditTrail trail) : PageModel
{
    public static class Text
    {
        public const string Title = "Journal des accès";
        public const string Intro = "Chaque consultation de dossier, chaque refus, chaque changement de consentement ou d'habilitation est tracé ici, sans le contenu des dossiers. Le journal est chaîné : toute modification est détectée par « audit verify ».";
        public const string Filters = "Rechercher dans le journal";
        public const string CaseId = "Identifiant du parcours";
        public const string PersonId = "Identifiant de la personne";
        public const string Email = "Adresse électronique du professionnel";
        public const string From = "Du";
        public const string To = "Au";
        public const string Outcome = "Résultat";
        public const string Any = "Tous";
        public const string Allowed = "Autorisé";
        public const string Refused = "Refusé";
        public const string Search = "Rechercher";
        public const string Caption = "Entrées du journal, de la plus récente à la plus ancienne";
        public const string At = "Date et heure";
        public const string Who = "Professionnel";
        public const string Case = "Parcours / personne";
        public const string Action = "Action";
        public const string Purpose = "Finalité";
        public const string Empty = "Aucune entrée ne correspond à ces critères.";
        public const string Next = "Entrées plus anciennes";
        public const string Previous = "Entrées plus récentes";
        public static string OutcomeLabel(AuditOutcome outcome) => outcome == AuditOutcome.Allowed ? Allowed : Refused;
    }

    [BindProperty(SupportsGet = true, Name = "parcours")] public Guid? CaseId { get; set; }
    [BindProperty(SupportsGet = true, Name = "personne")] public Guid? PersonId { get; set; }
    [BindProperty(SupportsGet = true, Name = "courriel")] public string? Email { get; set; }
    [BindProperty(SupportsGet = true, Name = "du")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "au")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "resultat")] public AuditOutcome? Outcome { get; set; }
    [BindProperty(SupportsGet = true, Name = "numero")] public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 1, false);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        if (!AuditSearch.MayRead(worker))
        {
            await trail.RecordAsync(AuditEntry.By(worker, "audit.search", "contrôle du journal des accès", AuditOutcome.Refused), ct);
            return NotFound();
        }
        Result = await AuditSearch.QueryAsync(dataSource, trail, worker, new AuditFilter(CaseId, PersonId, Email, From, To, Outcome, PageNumber), ct);
        return Page();
    }

    public IDictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string> { ["numero"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (CaseId is { } c) values["parcours"] = c.ToString();
        if (PersonId is { } p) values["personne"] = p.ToString();
        if (!string.IsNullOrWhiteSpace(Email)) values["courriel"] = Email;
        if (From is { } f) values["du"] = f.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (To is { } t) values["au"] = t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (Outcome is { } o) values["resultat"] = o.ToString();
        return values;
    }
}
