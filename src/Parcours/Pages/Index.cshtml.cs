using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Identity;
using Parcours.Pages.Shared;
using Parcours.Pathways;
using Parcours.Pathways.Reading;
using Parcours.People.Vault;

namespace Parcours.Pages;

/// <summary>« Mes suivis »: the caseload of the worker's structure, filtered and paged.</summary>
public sealed class IndexModel(IQuerySession session, PersonVault vault) : PageModel
{
    public const int PageSize = 50;

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
        public const string Pagination = "Pagination";
        public const string Previous = "Page précédente";
        public const string Next = "Page suivante";
        public static string Count(int count) => count switch { 0 => "Aucun parcours", 1 => "1 parcours", _ => $"{count} parcours" };
        public static string PageOf(int page, int pages) => $"Page {page} sur {pages}";
    }

    public sealed record Row(Guid Id, string Name, string AgeBand, string Programme, PathwayStatus Status, DateOnly ReferredOn, DateOnly LastDate);

    [BindProperty(SupportsGet = true, Name = "dispositif")]
    public string? Programme { get; set; }

    [BindProperty(SupportsGet = true, Name = "quartier")]
    public string? Territory { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public PathwayStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "numero")]
    public int PageNumber { get; set; } = 1;

    public ReferenceChoices Reference { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool Filtered => Programme is not null || Territory is not null || Status is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var worker = CurrentWorker.From(User)!;
        Reference = await ReferenceChoices.LoadAsync(session, ct);
        PageNumber = Math.Max(1, PageNumber);

        var query = session.Query<PathwayFile>().Where(f => f.ReferentStructureId == worker.StructureId);
        if (!string.IsNullOrEmpty(Programme)) query = query.Where(f => f.Programme == Programme);
        if (!string.IsNullOrEmpty(Territory))
        {
            var codes = Reference.TerritoryAndParts(Territory).ToArray();
            query = query.Where(f => codes.Contains(f.TerritoryCode));
        }
        if (Status is { } status) query = query.Where(f => f.Status == status);

        Total = await query.CountAsync(ct);
        var files = await query.OrderByDescending(f => f.LastDate).ThenByDescending(f => f.ReferredOn)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var people = await vault.OpenManyAsync(session, files.Select(f => f.PersonId).ToList(), ct);
        Rows = files.Select(f => new Row(
                f.Id,
                people.TryGetValue(f.PersonId, out var person) ? person.DisplayName : Text.UnknownPerson,
                f.AgeBand,
                Reference.ProgrammeLabel(f.Programme),
                f.Status,
                f.ReferredOn,
                f.LastDate))
            .ToList();
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
