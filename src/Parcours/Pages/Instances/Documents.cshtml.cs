using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Committees;
using Parcours.Committees.Deciding;
using Parcours.Committees.Documents;
using Parcours.Committees.Dossiers;
using Parcours.Committees.Reading;
using Parcours.Identity;
using Parcours.Reference;

namespace Parcours.Pages.Instances;

/// <summary>
/// A sitting's printable documents: what each viewer may print (members the anonymised versions,
/// conveners also the nominative ones and the orientation letters). The documents are served by
/// the API under their strict policy; this page only lists them. 404 for anybody not on the sitting.
/// </summary>
public sealed class DocumentsModel(IQuerySession session) : PageModel
{
    public static class Text
    {
        public static string Title(string kind, string on) => $"Documents – {kind} du {on}";
        public const string Breadcrumb = "Fil d'Ariane";
        public const string Documents = "Documents";
        public const string HowToPrint = "Chaque document s'ouvre dans un nouvel onglet, prêt à imprimer : utilisez le menu Imprimer du navigateur (Ctrl+P), qui permet aussi de l'enregistrer en PDF.";
        public const string NewTab = "(nouvel onglet)";
        public const string Agenda = "Ordre du jour";
        public const string AgendaCancelled = "L'instance a été annulée : elle n'a pas d'ordre du jour.";
        public const string Minutes = "Compte rendu";
        public const string MinutesNotYet = "Le compte rendu sera disponible une fois la séance close.";
        public const string Anonymised = "Version anonymisée";
        public const string AnonymisedHint = "Pour tous les membres : codes, tranches d'âge et quartiers, décisions sans motif rédigé.";
        public const string Nominative = "Version nominative";
        public const string NominativeHint = "Réservée aux coordinateurs qui organisent l'instance : noms des personnes qui ont consenti, motifs.";
        public static string Print(string document, string version) => $"Imprimer : {document.ToLowerInvariant()}, {version.ToLowerInvariant()}";
        public const string Letters = "Courriers d'orientation";
        public const string LettersIntro = "Un courrier par orientation ouverte par l'instance, adressé à la personne (seulement si elle a consenti à l'examen en commission ou si votre structure la suit).";
        public const string NoLetters = "Aucune orientation n'a encore été décidée.";
        public static string Letter(string code, string destination) => $"Dossier {code} – orientation : {destination}";
        public static string PrintLetter(string code) => $"Imprimer le courrier du dossier {code}";
    }

    public sealed record LetterLine(Guid OrientationId, string Code, string Destination);

    public CommitteeView Sitting { get; private set; } = null!;
    public bool Convenes { get; private set; }
    public IReadOnlyList<LetterLine> Letters { get; private set; } = [];
    public string KindLabel => OutcomeLabels.Kind(Sitting.Kind);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        if (await GetAgendaEndpoint.SittingFor(session, worker, id, ct) is not { } sitting) return NotFound();
        Sitting = sitting;
        Convenes = CommitteeAccess.Convenes(worker, sitting.OwnerStructures);
        if (Convenes)
        {
            var destinations = await session.Query<CodeListItem>().Where(c => c.List == CodeLists.Destination).ToListAsync(ct);
            Letters = sitting.Agenda.Where(i => i.OrientationId is not null)
                .Select(i => new LetterLine(i.OrientationId!.Value, CommitteeDossiers.CodeOf(i.ItemId),
                    destinations.FirstOrDefault(d => d.Code == i.Destination)?.Label ?? i.Destination ?? "—"))
                .ToList();
        }
        return Page();
    }

    public string DocumentUrl(string kind, string version) => $"/api/committees/{Sitting.Id}/documents/{kind}?version={version}";

    public string LetterUrl(Guid orientationId) => $"/api/committees/{Sitting.Id}/documents/letters/{orientationId}";
}
