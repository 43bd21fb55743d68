using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Shared;
using Parcours.Pathways.HandingOver;
using Parcours.People.Vault;

namespace Parcours.Pages;

/// <summary>« Passages de relais » : the hand-over-by-age alerts of the worker's own caseload.</summary>
public sealed class AlertesModel(IQuerySession session, PersonVault vault, AuditTrail trail, IConfiguration configuration, TimeProvider time) : PageModel
{
    public static class Text
    {
        public const string Title = "Passages de relais";
        public const string Intro = "Les parcours suivis par votre structure qui doivent changer de dispositif ou de consentement à cause de l'âge de la personne.";
        public const string Caption = "Alertes de passage de relais, de la plus proche à la plus lointaine";
        public const string Person = "Personne";
        public const string Programme = "Dispositif";
        public const string Alert = "Alerte";
        public const string On = "Date";
        public const string ToDo = "À prévoir";
        public const string UnknownPerson = "Identité effacée";
        public const string Empty = "Aucun passage de relais à prévoir pour les parcours de votre structure.";
        public const string Back = "Retour à mes suivis";

        public static string Kind(HandOverKind kind, DateOnly on, DateOnly today) => (kind, on > today) switch
        {
            (HandOverKind.TurningSixteen, true) => $"Aura 16 ans le {on.Fr()}",
            (HandOverKind.TurningSixteen, false) => $"A 16 ans depuis le {on.Fr()}",
            (HandOverKind.TurningTwentySix, true) => $"Aura 26 ans le {on.Fr()}",
            (HandOverKind.TurningTwentySix, false) => $"A 26 ans depuis le {on.Fr()}",
            (HandOverKind.TurningEighteen, _) => $"Sera majeur·e le {on.Fr()}",
            _ => $"Majeur·e depuis le {on.Fr()}",
        };

        public static string Action(HandOverKind kind) => kind switch
        {
            HandOverKind.TurningSixteen => "Fin du PRE à 16 ans : proposer le SAS Coluche ou un autre dispositif.",
            HandOverKind.TurningTwentySix => "Fin du public jeunes à 26 ans : présenter au comité Cité de l'emploi des adultes.",
            HandOverKind.TurningEighteen => "À 18 ans, le consentement de la personne remplace celui des parents : le recueillir.",
            _ => "Seuls les consentements des parents figurent au dossier : ils ne valent plus. Recueillir celui de la personne.",
        };

        public static string Count(int count) => count == 1 ? "1 passage de relais à prévoir" : $"{count} passages de relais à prévoir";
    }

    public IReadOnlyList<HandOverAlert> Alerts { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public ReferenceChoices Reference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        if (!worker.WorksWithPeople) return NotFound();
        Today = time.Today();
        Reference = await ReferenceChoices.LoadAsync(session, ct);
        Alerts = await HandOver.QueryAsync(session, vault, trail, worker, Today, HandOverHorizons.From(configuration), trace: true, ct);
        return Page();
    }
}
