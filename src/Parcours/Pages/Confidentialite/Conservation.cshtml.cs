using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Shared;
using Parcours.Retention;
using Parcours.Retention.Postponing;
using Parcours.Retention.Queue;
using Wolverine;

namespace Parcours.Pages.Confidentialite;

/// <summary>
/// « Conservation des données »: the officer's retention queue — the policy per programme, the
/// pathways about to be archived, the archive, the announced anonymisations — and the
/// postponement of a purge with its reason. Anyone else gets 403.
/// </summary>
public sealed class ConservationModel(IQuerySession session, IMessageBus bus, IOptions<RetentionOptions> options, AuditTrail trail, TimeProvider time) : PageModel, IFormPage
{
    public static class Text
    {
        public const string Title = "Conservation des données";
        public const string Intro = "Chaque parcours reste en base active tant qu'il est suivi, puis passe en archive restreinte après la durée fixée sans contact (lisible seulement par le coordinateur du dispositif et par vous), puis la personne est anonymisée quand tous ses parcours ont atteint la fin de leur archive. Chaque anonymisation est annoncée ici avant d'avoir lieu : vous pouvez la reporter en indiquant un motif.";
        public const string PolicyTitle = "Politique de conservation par dispositif";
        public const string PolicyCaption = "Durées de conservation par dispositif";
        public const string Programme = "Dispositif";
        public const string Active = "Base active";
        public const string Archive = "Archive restreinte";
        public const string Anonymisation = "Anonymisation";
        public const string LegalBasis = "Base légale";
        public static string ActiveFor(int years) => $"Pendant le suivi, puis {Years(years)} après le dernier contact";
        public static string ArchiveFor(int years) => $"{Years(years)} à compter de l'archivage";
        public static string AnonymisationAfter(int days) => $"À la fin de l'archive, annoncée {days} jours avant";
        public const string ArchivingsTitle = "Prochains archivages";
        public static string ArchivingsCaption(int days) => $"Parcours qui passeront en archive restreinte dans les {days} prochains jours";
        public const string NoArchivings = "Aucun parcours ne passera en archive restreinte dans cette période.";
        public const string Pathway = "Parcours";
        public const string LastContact = "Dernier contact";
        public const string ArchiveOn = "Archivage le";
        public const string ArchivedTitle = "Parcours en archive restreinte";
        public const string ArchivedCaption = "Parcours archivés, par date de fin d'archive";
        public const string NoArchived = "Aucun parcours n'est en archive restreinte.";
        public const string ArchivedOn = "Archivé le";
        public const string ArchiveEnds = "Fin de l'archive";
        public const string PurgesTitle = "Anonymisations annoncées";
        public const string PurgesCaption = "Personnes dont l'anonymisation est annoncée, par date";
        public const string NoPurges = "Aucune anonymisation n'est annoncée.";
        public const string Person = "Personne";
        public const string Programmes = "Dispositifs";
        public const string Pathways = "Parcours";
        public const string AnnouncedOn = "Annoncée le";
        public const string PurgeOn = "Anonymisation le";
        public const string Postponements = "Reports";
        public const string Requested = "Lancée";
        public static string RequestedOn(DateOnly day) => $"Lancée le {day:dd/MM/yyyy}";
        public const string PostponeTitle = "Reporter une anonymisation";
        public const string PostponeHint = "Le report est tracé au journal des accès ; son motif est chiffré avec la clé de la personne et disparaît avec elle.";
        public const string PersonChoice = "Personne concernée";
        public const string Choose = "Choisir…";
        public const string Until = "Nouvelle date d'anonymisation";
        public const string Reason = "Motif du report";
        public const string ReasonHint = "Par exemple : contentieux en cours, demande d'une autorité.";
        public const string Submit = "Reporter l'anonymisation";
        public const string Postponed = "L'anonymisation a été reportée.";
        public const string PersonRequired = "Choisissez la personne dont l'anonymisation est à reporter.";
        public static string Years(int years) => years == 1 ? "1 an" : $"{years} ans";
        public static string Short(Guid id) => id.ToString()[..8];
        public static string PersonLabel(Guid id, DateOnly purgeOn) => $"Personne {Short(id)} (anonymisation le {purgeOn:dd/MM/yyyy})";
    }

    public const string FormId = "postpone-form";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["until"] = "until",
        ["reason"] = "reason",
        ["person"] = "person",
    };

    public sealed class PostponeInput
    {
        public Guid? PersonId { get; set; }
        public DateOnly? Until { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty(Name = "report")]
    public PostponeInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public FormErrors Errors { get; } = new();
    public RetentionQueue Queue { get; private set; } = null!;
    public int HorizonDays => options.Value.HorizonDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        if (!RetentionAccess.Manages(worker))
        {
            await trail.RecordAsync(AuditEntry.By(worker, RetentionQueue.ReadAction, "file de conservation", AuditOutcome.Refused), ct);
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Queue = await RetentionQueue.LoadAsync(session, options.Value, trail, worker, time.Today(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        if (!RetentionAccess.Manages(worker)) return StatusCode(StatusCodes.Status403Forbidden);
        if (Input.PersonId is not { } personId)
        {
            Errors.Add("person", Text.PersonRequired);
        }
        else
        {
            var outcome = await bus.InvokeAsync<CommandOutcome>(new PostponePurge(personId, Input.Until ?? default, Input.Reason, worker), ct);
            if (outcome.Refusal is null)
            {
                Notice = Text.Postponed;
                return Redirect("/confidentialite/conservation");
            }
            var refusal = outcome.Refusal;
            var target = refusal.Status == StatusCodes.Status404NotFound ? "person" : Fields.GetValueOrDefault(refusal.Field ?? "", FormId);
            Errors.Add(target, refusal.Detail, linked: target != FormId);
        }
        Queue = await RetentionQueue.LoadAsync(session, options.Value, trail, worker, time.Today(), ct);
        return Page();
    }

    public IEnumerable<Choice> PurgeChoices => Queue.Purges
        .Where(p => p.ErasureRequestedOn is null)
        .Select(p => new Choice(p.PersonId.ToString(), Text.PersonLabel(p.PersonId, p.PurgeOn)));
}
