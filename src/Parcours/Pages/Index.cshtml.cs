using Marten;
using Parcours.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Shared;
using Parcours.Pathways;
using Parcours.Pathways.HandingOver;
using Parcours.Pathways.ListingCaseload;
using Parcours.People.Vault;

namespace Parcours.Pages;

/// <summary>« Mes suivis »: the caseload of the worker's structure, filtered and paged.</summary>
public sealed class IndexModel(IQuerySession session, PersonVault vault, AuditTrail trail, IConfiguration configuration, TimeProvider time) : PageModel
{
    public static class Text
    {
        public const string Title = "Mes suivis";
        public const string Intro = "Les parcours suivis par votre structure, du plus récemment actif au plus ancien.";
        public const string Filters = "Filtrer les parcours";
        public const string Programme = "Dispositif";
        public const string Territory = "Quartier";
        public const string Status = "Statut";
        public const string Any = "Tous";
        public const string WholeNeighbourhood = "(tout le quartier)";
        public const string Apply = "Filtrer";
        public const string Reset = "Effacer les filtres";
        public const string Caption = "Parcours suivis par votre structure";
        public const string Person = "Personne";
        public const string AgeBand = "Tranche d'âge";
        public const string ReferredOn = "Orienté le";
        public const string LastActivity = "Dernière activité";
        public const string UnknownPerson = "Identité effacée";
        public const string Empty = "Aucun parcours ne correspond à ces critères.";
        public const string EmptyNoFilter = "Votre structure ne suit encore aucun parcours. Enregistrez une nouvelle orientation pour commencer.";
        public const string NewReferral = "Nouvelle orientation";
        public const string NoCaseRole =
            "Votre rôle ne donne accès à aucun dossier de personne.";
        public const string Pagination = "Pagination";
        public const string Previous = "Page précédente";
        public const string Next = "Page suivante";
        public static string Count(int count) => count switch { 0 => "Aucun parcours", 1 => "1 parcours", _ => $"{count} parcours" };
        public static string PageOf(int page, int pages) => $"Page {page} sur {pages}";
        public static string HandOvers(int count) => count == 1 ? "1 passage de relais lié à l'âge est à prévoir." : $"{count} passages de relais liés à l'âge sont à prévoir.";
        public const string SeeHandOvers = "Voir les passages de relais";
    }

    [BindProperty(SupportsGet = true, Name = "dispositif")]
    public string? Programme { get; set; }

    [BindProperty(SupportsGet = true, Name = "quartier")]
    public string? Territory { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public PathwayStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "numero")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Notice { get; set; }

    public ReferenceChoices Reference { get; private set; } = null!;
    /// <summary>How many hand-over-by-age alerts the worker's caseload raises (the list is on /alertes).</summary>
    public int HandOverCount { get; private set; }
    public IReadOnlyList<CaseloadRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages { get; private set; } = 1;
    public bool Filtered => Programme is not null || Territory is not null || Status is not null;

    /// <summary>Roles that never see a person (statistics, administration, data protection) get their own home.</summary>
    public bool NoCaseRole { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        if (!worker.WorksWithPeople)
        {
            if (worker.Has(Role.DataProtectionOfficer)) return Redirect("/journal");
            if (worker.Has(Role.StatisticsCoordinator)) return Redirect("/indicateurs");
            if (worker.Has(Role.Administrator)) return Redirect("/admin/habilitations");
            NoCaseRole = true;
            return Page();
        }
        Reference = await ReferenceChoices.LoadAsync(session, ct);
        var result = await Caseload.QueryAsync(session, vault, trail, worker, new CaseloadFilter(Programme, Territory, Status, PageNumber), time.Today(), ct);
        (PageNumber, Pages, Total) = (result.Page, result.PageCount, result.Total);
        Rows = result.Rows;
        HandOverCount = (await HandOver.QueryAsync(session, vault, trail, worker, time.Today(), HandOverHorizons.From(configuration), trace: false, ct)).Count;
        return Page();
    }

    public IDictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string> { ["numero"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrEmpty(Programme)) values["dispositif"] = Programme;
        if (!string.IsNullOrEmpty(Territory)) values["quartier"] = Territory;
        if (Status is { } status) values["statut"] = status.ToString();
        return values;
    }
}
