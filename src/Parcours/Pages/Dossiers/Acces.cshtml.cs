using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Parcours.Audit;
using Parcours.Audit.Searching;
using Parcours.Identity;
using Parcours.Kernel;

namespace Parcours.Pages.Dossiers;

/// <summary>Who opened this file, and who was refused: for the referent structure's coordinator.</summary>
public sealed class AccesModel(IQuerySession session, NpgsqlDataSource dataSource, AuditTrail trail, TimeProvider time) : PageModel
{
    public static class Text
    {
        public const string Title = "Accès à ce dossier";
        public const string Intro = "Chaque consultation de ce dossier, et chaque tentative refusée, est inscrite au journal des accès. Les 200 plus récentes :";
        public const string Back = "Retour au dossier";
        public const string Caption = "Accès au dossier, du plus récent au plus ancien";
        public const string At = "Date et heure";
        public const string Who = "Professionnel";
        public const string Action = "Action";
        public const string Purpose = "Motif";
        public const string Outcome = "Résultat";
        public const string Allowed = "Autorisé";
        public const string Refused = "Refusé";
        public const string Empty = "Aucun accès n'est encore inscrit.";
    }

    public Guid Id { get; private set; }
    public IReadOnlyList<CaseAccess> Accesses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var history = await AccessHistory.LoadAsync(session, dataSource, trail, HttpContext.CurrentWorker()!, id, time.Today(), ct);
        if (history is null) return NotFound();
        (Id, Accesses) = (id, history);
        return Page();
    }
}
