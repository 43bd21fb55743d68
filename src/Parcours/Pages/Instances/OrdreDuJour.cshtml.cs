using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Audit;
using Parcours.Committees;
using Parcours.Committees.BuildingAgenda;
using Parcours.Committees.Dossiers;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Shared;
using Parcours.People.Vault;
using Wolverine;

namespace Parcours.Pages.Instances;

/// <summary>
/// A sitting's agenda as one member sees it: each item's committee dossier, named or anonymised
/// (<see cref="CommitteeDossiers"/>). Conveners build the agenda, add a pathway by its id and
/// withdraw items; only the referent structure's own workers get a link to the file.
/// </summary>
public sealed class OrdreDuJourModel(IQuerySession session, IMessageBus bus, PersonVault vault, AuditTrail trail, TimeProvider time) : PageModel
{
    public static class Text
    {
        public const string Title = "Ordre du jour";
        public static string Heading(CommitteeKind kind, DateOnly on) => $"Ordre du jour – {Kind(kind)} du {on.Fr()}";
        public const string CharterLink = "Lire et signer la charte de confidentialité";
        public const string Caption = "Dossiers inscrits à l'ordre du jour";
        public const string Position = "N°";
        public const string Dossier = "Dossier";
        public const string Reason = "Motif d'inscription";
        public const string Programme = "Dispositif";
        public const string Age = "Âge";
        public const string Sex = "Sexe";
        public const string Neighbourhood = "Quartier";
        public const string Source = "Repéré par";
        public const string Since = "Identifié depuis";
        public const string Actions = "Actions en cours";
        public const string Summary = "Synthèse";
        public const string Manage = "Gérer";
        public const string Anonymised = "anonymisé";
        public const string None = "—";
        public const string Empty = "Aucun dossier n'est inscrit à l'ordre du jour.";
        public const string Build = "Construire l'ordre du jour";
        public const string BuildHelp = "Inscrit chaque parcours éligible qui n'y figure pas encore ; relancer n'ajoute que les nouveaux.";
        public const string AddTitle = "Inscrire un parcours";
        public const string AddLabel = "Identifiant du parcours";
        public const string AddHelp = "L'identifiant figure dans l'adresse du dossier (/dossiers/…).";
        public const string Add = "Inscrire";
        public const string Withdraw = "Retirer";
        public static string WithdrawLabel(string dossier) => $"Retirer {dossier} de l'ordre du jour";
        public const string Built = "L'ordre du jour a été construit.";
        public const string Added = "Le parcours a été inscrit à l'ordre du jour.";
        public const string Withdrawn = "Le dossier a été retiré de l'ordre du jour.";
        public const string InvalidId = "Saisissez l'identifiant du parcours (32 caractères hexadécimaux avec tirets).";
        public const string NotFound = "Aucun parcours que vous pouvez inscrire ne porte cet identifiant.";
        public static string Months(int months) => months switch { 0 => "moins d'un mois", 1 => "1 mois", _ => $"{months} mois" };
        public static string Sexe(Kernel.Sex sex) => sex == Kernel.Sex.F ? "Femme" : "Homme";

        public static string Kind(CommitteeKind kind) => kind switch
        {
            CommitteeKind.MutualisedAdmission => "Comité d'admission mutualisé SAS Coluche – Cité de l'emploi",
            CommitteeKind.SasAdmission => "Comité d'admission SAS Coluche",
            CommitteeKind.CiteAdmission => "Comité Cité de l'emploi (jeunes)",
            CommitteeKind.CiteAdults => "Comité Cité de l'emploi (adultes de plus de 26 ans)",
            _ => "Équipe pluridisciplinaire PRE",
        };

        public static string Reasons(AgendaReason reason) => reason switch
        {
            AgendaReason.AwaitingOrientation => "En attente d'orientation",
            AgendaReason.NewReferral => "Nouvelle saisine",
            AgendaReason.DueForReview => "Point d'étape dû",
            _ => "Ajouté par la coordination",
        };
    }

    public CommitteeAgenda Agenda { get; private set; } = null!;
    public string? Error { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public string? PathwayId { get; set; }

    private CurrentWorker Worker => HttpContext.CurrentWorker()!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostBuildAsync(Guid id, long? version, CancellationToken ct) =>
        RunAsync(id, new BuildAgenda(id, version, Worker), Text.Built, ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid itemId, long? version, CancellationToken ct) =>
        RunAsync(id, new WithdrawAgendaItem(id, version, itemId, Worker), Text.Withdrawn, ct);

    public async Task<IActionResult> OnPostAddAsync(Guid id, long? version, CancellationToken ct)
    {
        if (!Guid.TryParse(PathwayId?.Trim(), out var pathwayId))
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Error = Text.InvalidId;
            return Page();
        }
        return await RunAsync(id, new AddAgendaItem(id, version, Guid.CreateVersion7(), pathwayId, Worker), Text.Added, ct, notFound: Text.NotFound);
    }

    private async Task<IActionResult> RunAsync(Guid id, object command, string done, CancellationToken ct, string? notFound = null)
    {
        var outcome = await bus.SendAsync(command, ct);
        if (outcome.Refusal is not { } refusal)
        {
            Notice = done;
            return Redirect($"/instances/{id}/ordre-du-jour");
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        Error = refusal.Status == StatusCodes.Status404NotFound ? notFound ?? refusal.Detail : refusal.Detail;
        Response.StatusCode = refusal.Status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await GetAgendaEndpoint.SittingFor(session, Worker, id, ct) is not { } view) return false;
        Agenda = await CommitteeDossiers.LoadAsync(session, vault, trail, view, Worker, time.Today(), forceAnonymised: false, ct);
        return true;
    }

    public static string Label(CommitteeDossier item) =>
        item.Named ? $"{item.FirstName} {item.LastName?.ToUpperInvariant()}" : item.Code;
}
