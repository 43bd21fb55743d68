using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Kernel;
using Parcours.Pages.Shared;
using Parcours.Pathways.Referring;
using Parcours.People;
using Parcours.People.Searching;
using Wolverine;

namespace Parcours.Pages.Dossiers;

/// <summary>« Nouvelle orientation »: identifies a new person and records their referral (ReferPerson).</summary>
public sealed class NouveauModel(IQuerySession session, IMessageBus bus, PersonSearch search, AuditTrail trail, TimeProvider time) : PageModel, IFormPage
{
    public static class Text
    {
        public const string Title = "Nouvelle orientation";
        public const string Intro = "Identifiez la personne et enregistrez son orientation vers un dispositif. Les champs facultatifs sont signalés.";
        public const string PersonLegend = "La personne";
        public const string FirstName = "Prénom";
        public const string LastName = "Nom";
        public const string BirthDate = "Date de naissance";
        public const string Sex = "Sexe";
        public const string Female = "Féminin";
        public const string Male = "Masculin";
        public const string Address = "Adresse (facultatif)";
        public const string Phone = "Téléphone (facultatif)";
        public const string Email = "Adresse électronique (facultatif)";
        public const string ContactHint = "Les coordonnées sont chiffrées et visibles seulement par la structure référente.";
        public const string ReferralLegend = "L'orientation";
        public const string Programme = "Dispositif";
        public const string Track = "Public (Cité de l'emploi uniquement)";
        public const string TrackHint = "À préciser seulement pour la Cité de l'emploi.";
        public const string NoTrack = "Sans objet";
        public const string ReferredOn = "Date de l'orientation";
        public const string ReferralSource = "Origine de l'orientation";
        public const string ReferringStructure = "Structure qui oriente (facultatif)";
        public const string Territory = "Quartier de résidence";
        public const string TerritoryHint = "Quartiers prioritaires et secteurs en vigueur aujourd'hui.";
        public const string WholeNeighbourhood = "(sous-secteur non précisé)";
        public const string ReferentStructure = "Structure référente";
        public const string ReferentStructureHint = "La structure qui portera le parcours : seuls ses professionnels y auront accès.";
        public const string Reason = "Motif de l'orientation (facultatif)";
        public const string ReasonHint = "Ce qui motive l'orientation, en restant factuel. Ce texte est chiffré.";
        public const string Choose = "Choisir…";
        public const string NoStructure = "Non précisée";
        public const string Submit = "Enregistrer l'orientation";
        public const string Cancel = "Annuler";
        public const string MissingSex = "Indiquez le sexe de la personne.";
        public const string Saved = "L'orientation a été enregistrée.";
        public const string DuplicatesLegend = "Cette personne est-elle déjà connue ?";
        public const string DuplicatesIntro = "Des personnes au nom proche, nées le même jour, sont déjà connues de votre structure ou partagées avec elle. Choisissez-la si c'est la même personne, pour ne pas créer de doublon.";
        public const string NewPerson = "Non, c'est une nouvelle personne";
        public const string SameBirthDate = "même date de naissance";
        public static string Known(string name, DateOnly born, bool sameBirthDate) => $"{name}, née ou né le {born:dd/MM/yyyy}{(sameBirthDate ? $" ({SameBirthDate})" : "")}";
        public static string Sent(string structure) => $"L'orientation a été transmise à la structure référente : {structure}.";
    }

    public sealed class ReferralInput
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public DateOnly? BirthDate { get; set; }
        public Sex? Sex { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Programme { get; set; }
        public string? Track { get; set; }
        public DateOnly? ReferredOn { get; set; }
        public string? ReferralSource { get; set; }
        public Guid? ReferringStructureId { get; set; }
        public string? TerritoryCode { get; set; }
        public Guid? ReferentStructureId { get; set; }
        public string? Reason { get; set; }
        /// <summary>After the duplicate check: a known person's id, or <see cref="NewPersonChoice"/>.</summary>
        public string? DuplicateChoice { get; set; }
    }

    public const string NewPersonChoice = "nouvelle";

    public const string FormId = "referral-form";

    /// <summary>The command's field names (as a Refusal names them) and the input each one is about.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["person"] = "first-name",
        ["person.firstName"] = "first-name",
        ["person.lastName"] = "last-name",
        ["person.birthDate"] = "birth-date",
        ["person.sex"] = "sex",
        ["programme"] = "programme",
        ["track"] = "track",
        ["referredOn"] = "referred-on",
        ["referralSource"] = "referral-source",
        ["referringStructureId"] = "referring-structure",
        ["territoryCode"] = "territory",
        ["referentStructureId"] = "referent-structure",
        ["reason"] = "reason",
    };

    [BindProperty(Name = "referral")]
    public ReferralInput Input { get; set; } = new();

    public FormErrors Errors { get; } = new();
    public ReferenceChoices Reference { get; private set; } = null!;
    /// <summary>Likely duplicates the worker may see, proposed before a new person is identified.</summary>
    public IReadOnlyList<PersonMatch> Duplicates { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>Only a structure that runs a programme can be the referent of a pathway.</summary>
    public IReadOnlyList<Choice> ReferentStructures { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        await LoadAsync(ct);
        Input.ReferredOn = Today;
        // A programme's worker usually refers to their own structure; a partner (a school) refers from theirs.
        if (ReferentStructures.Any(s => s.Value == worker.StructureId.ToString())) Input.ReferentStructureId = worker.StructureId;
        else Input.ReferringStructureId = worker.StructureId;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var worker = HttpContext.CurrentWorker()!;
        if (Input.Sex is not { } sex)
        {
            Errors.Add("sex", Text.MissingSex);
            await LoadAsync(ct);
            return Page();
        }

        var existing = Guid.TryParse(Input.DuplicateChoice, out var known) ? known : (Guid?)null;
        if (existing is null && Input.DuplicateChoice != NewPersonChoice && !string.IsNullOrWhiteSpace(Input.LastName))
        {
            var (matches, _) = await CheckDuplicates.RunAsync(search, session, trail, worker, Input.FirstName, Input.LastName, Input.BirthDate, time.Today(), ct);
            // The form proposes the likeliest duplicates only: a close name born the same day.
            if (matches?.Where(m => m.SameBirthDate).ToList() is { Count: > 0 } likely)
            {
                Duplicates = likely;
                await LoadAsync(ct);
                return Page();
            }
        }

        var command = new ReferPerson(
            Guid.CreateVersion7(),
            existing,
            existing is not null ? null : new NewPerson(Input.FirstName ?? "", Input.LastName ?? "", Input.BirthDate ?? default, sex, Blank(Input.Address), Blank(Input.Phone), Blank(Input.Email)),
            Input.Programme ?? "",
            Blank(Input.Track),
            Input.ReferredOn ?? default,
            Input.ReferralSource ?? "",
            Input.ReferringStructureId,
            Input.TerritoryCode ?? "",
            Input.ReferentStructureId ?? Guid.Empty,
            Blank(Input.Reason),
            worker);
        var outcome = await bus.SendAsync(command, ct);
        await LoadAsync(ct);
        if (outcome.Refusal is { } refusal)
        {
            var target = Fields.GetValueOrDefault(refusal.Field ?? "", FormId);
            Errors.Add(target, refusal.Detail, linked: target != FormId);
            return Page();
        }

        if (command.ReferentStructureId == worker.StructureId)
        {
            Notice = Text.Saved;
            return Redirect($"/dossiers/{outcome.Id}");
        }
        // The file belongs to the referent structure: the worker who referred does not see it.
        Notice = Text.Sent(Reference.StructureName(command.ReferentStructureId));
        return Redirect("/");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = time.Today();
        Reference = await ReferenceChoices.LoadAsync(session, ct);
        ReferentStructures = Reference.Structures.Where(s => s.Programmes.Count > 0)
            .Select(s => new Choice(s.Id.ToString(), $"{s.Name} ({string.Join(", ", s.Programmes.Select(Reference.ProgrammeLabel))})"))
            .ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
