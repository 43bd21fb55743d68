using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Pages.Shared;
using Parcours.Pathways.Reading;
using Parcours.People;
using Parcours.Privacy.Erasing;
using Wolverine;

namespace Parcours.Pages.Confidentialite;

/// <summary>« Effacements »: the officer erases a person (after confirmation), refuses a request on a public-interest ground, reads the register and the verification reports.</summary>
public sealed class EffacementsModel(IDocumentSession session, IMessageBus bus, AuditTrail trail) : PageModel, IFormPage
{
    public static class Text
    {
        public const string Title = "Effacements et anonymisation";
        public const string Intro = "L'effacement détruit la clé de chiffrement de la personne et son identité, masque les textes libres de ses parcours, retire ses documents et vérifie ensuite qu'aucune table ne contient plus son nom, sa date de naissance, son téléphone ni son adresse électronique. Les indicateurs anonymes ne changent pas.";
        public const string Request = "Demande d'effacement";
        public const string PersonId = "Identifiant de la personne";
        public const string PersonHint = "L'identifiant figure dans le dossier et dans le journal des accès.";
        public const string Continue = "Continuer";
        public const string Confirm = "Confirmer l'effacement";
        public const string Irreversible = "Cette opération est irréversible.";
        public const string Consequence = "Le nom, la date de naissance, l'adresse, le téléphone, l'adresse électronique et toutes les notes de cette personne seront définitivement illisibles. Seuls les faits anonymes (programme, quartier, sexe, tranche d'âge, dates) sont conservés.";
        public const string Erase = "Effacer définitivement";
        public const string Cancel = "Annuler";
        public const string Refuse = "Refuser la demande (mission d'intérêt public)";
        public const string RefuseHint = "Cette personne est suivie dans un programme mené au titre d'une mission d'intérêt public : la demande peut être refusée, avec ce fondement :";
        public const string Unknown = "Aucune personne ne correspond à cet identifiant.";
        public const string AlreadyErased = "Les données de cette personne ont déjà été effacées.";
        public const string Register = "Registre des effacements et des refus";
        public const string Caption = "Effacements et refus, du plus récent au plus ancien";
        public const string Empty = "Aucun effacement ni refus n'a encore été enregistré.";
        public const string Date = "Date";
        public const string Person = "Personne";
        public const string Decision = "Décision";
        public const string Reason = "Motif ou fondement";
        public const string Verification = "Vérification";
        public const string SeeReport = "Voir le rapport";
        public const string Report = "Rapport de vérification";
        public const string ReportCaption = "Occurrences retrouvées, par table et colonne";
        public const string Table = "Table";
        public const string Column = "Colonne";
        public const string Rows = "Lignes";
        public const string Clean = "Aucune occurrence retrouvée.";
        public const string ReportNote = "Le rapport ne conserve que des noms de tables et des nombres, jamais les valeurs recherchées.";
        public static string Pathways(int count) => count switch { 0 => "Aucun parcours.", 1 => "1 parcours.", _ => $"{count} parcours." };
        public static string DecisionLabel(ErasureDecision decision) => decision == ErasureDecision.Erased ? "Effacée" : "Demande refusée";
        public static string GroundLabel(ErasureGround ground) => ground == ErasureGround.Request ? "Demande de la personne" : "Fin de la durée de conservation";
        public static string Summary(VerificationReport? report) => report is null ? "—"
            : report.Clean ? $"Aucune trace ({report.Tables} tables, {report.Columns} colonnes, {report.Needles} valeurs recherchées)"
            : $"{report.Hits} occurrence(s) à examiner";
        public static string Scope(VerificationReport report) => $"{report.Tables} tables et {report.Columns} colonnes examinées, {report.Needles} valeurs recherchées, le {report.ScannedAt.ToLocalTime():dd/MM/yyyy à HH:mm}.";
    }

    public FormErrors Errors { get; } = new();

    [BindProperty(SupportsGet = true, Name = "personne")] public Guid? PersonId { get; set; }
    [BindProperty(SupportsGet = true, Name = "rapport")] public Guid? ReportId { get; set; }

    public IReadOnlyList<ErasureLogEntry> Entries { get; private set; } = [];
    public ErasureLogEntry? Selected { get; private set; }
    public int PathwayCount { get; private set; }
    public string? PublicInterestReason { get; private set; }
    public bool Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await MayDecideAsync(ct)) return NotFound();
        if (PersonId is { } personId) await PrepareConfirmationAsync(personId, ct);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostEffacerAsync(CancellationToken ct)
    {
        if (!await MayDecideAsync(ct)) return NotFound();
        if (PersonId is not { } personId) return await Invalid(ct);
        var outcome = await bus.SendAsync(new ErasePerson(personId, ErasureGround.Request, HttpContext.CurrentWorker()), ct);
        if (outcome.Refusal is { } refusal) { Errors.Add("personne", refusal.Detail); return await ShowAsync(ct); }
        return Redirect($"/confidentialite/effacements?rapport={outcome.Id}#rapport");
    }

    public async Task<IActionResult> OnPostRefuserAsync(CancellationToken ct)
    {
        if (!await MayDecideAsync(ct)) return NotFound();
        if (PersonId is not { } personId) return await Invalid(ct);
        var outcome = await bus.SendAsync(new RefuseErasure(personId, HttpContext.CurrentWorker()!), ct);
        if (outcome.Refusal is { } refusal) { Errors.Add("personne", refusal.Detail); return await ShowAsync(ct); }
        return Redirect("/confidentialite/effacements#registre");
    }

    private async Task<IActionResult> Invalid(CancellationToken ct)
    {
        Errors.Add("personne", "L'identifiant de la personne est obligatoire.");
        return await ShowAsync(ct);
    }

    private async Task PrepareConfirmationAsync(Guid personId, CancellationToken ct)
    {
        var person = await session.LoadAsync<Person>(personId, ct);
        if (person is null) { Errors.Add("personne", Text.Unknown); return; }
        if (person.ErasedOn is not null) { Errors.Add("personne", Text.AlreadyErased); return; }
        var programmes = await session.Query<PathwayFile>().Where(f => f.PersonId == personId).Select(f => f.Programme).ToListAsync(ct);
        PathwayCount = programmes.Count;
        PublicInterestReason = PublicInterest.LegalReasonFor(programmes);
        Confirming = true;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Entries = await ErasureLogEndpoints.ListAsync(session, ct);
        if (ReportId is { } id) Selected = await session.LoadAsync<ErasureLogEntry>(id, ct);
        return Page();
    }

    /// <summary>Anyone else gets the page's 404, and the attempt is traced.</summary>
    private async Task<bool> MayDecideAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        if (ErasureAccess.MayDecide(worker)) return true;
        await trail.RecordAsync(AuditEntry.By(worker, "erasure.register", "effacements", AuditOutcome.Refused), ct);
        return false;
    }
}
