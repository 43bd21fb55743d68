using Parcours.Committees.Documents;
using Parcours.Indicators.Exporting;
using Parcours.Pathways.Consenting;
using Parcours.Privacy.AccessRequests;

namespace Parcours.Documents;

/// <summary>One kind of document: its code, French title, what its model holds, and a fictional sample for previews.</summary>
public sealed record TemplateKind(string Code, string Title, string Description, Func<DateOnly, object> Sample)
{
    /// <summary>The default body, shipped as an embedded resource (<c>Documents/Templates/{code}.sbn-html</c>).</summary>
    public string DefaultBody()
    {
        using var stream = typeof(TemplateKind).Assembly.GetManifestResourceStream($"Parcours.Documents.Templates.{Code}.sbn-html")
                           ?? throw new InvalidOperationException($"Default template {Code} missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>The documents Parcours prints; each code has its versioned template in the store.</summary>
public static class TemplateCatalogue
{
    public const string AgendaNominative = "committee-agenda-nominative";
    public const string AgendaAnonymised = "committee-agenda-anonymised";
    public const string MinutesNominative = "committee-minutes-nominative";
    public const string MinutesAnonymised = "committee-minutes-anonymised";
    public const string OrientationLetter = "orientation-letter";
    public const string ConsentForm = "consent-form";
    public const string IndicatorReport = "indicator-report";
    public const string AccessRequest = "access-request";

    public static readonly IReadOnlyList<TemplateKind> All =
    [
        new(AgendaNominative, "Ordre du jour nominatif", "Pour les coordinateurs qui organisent l'instance : noms et situations des personnes qui ont consenti à l'examen.", today => SampleDocuments.Agenda(today, nominative: true)),
        new(AgendaAnonymised, "Ordre du jour anonymisé", "Pour tous les membres : codes, tranches d'âge et quartiers, sans nom ni texte libre.", today => SampleDocuments.Agenda(today, nominative: false)),
        new(MinutesNominative, "Compte rendu nominatif", "Pour les coordinateurs : présences, décisions, motifs et éléments manquants.", today => SampleDocuments.Minutes(today, nominative: true)),
        new(MinutesAnonymised, "Compte rendu anonymisé", "Pour tous les membres : présences et décisions catégorielles, sans nom ni motif rédigé.", today => SampleDocuments.Minutes(today, nominative: false)),
        new(OrientationLetter, "Courrier d'orientation", "Adressé à la personne orientée par l'instance vers une structure.", SampleDocuments.Letter),
        new(ConsentForm, "Formulaire de consentement", "Le recueil imprimable d'un consentement enregistré dans un dossier.", SampleDocuments.Consent),
        new(IndicatorReport, "Rapport des indicateurs du contrat de ville",
            "Le tableau « Les indicateurs » du contrat rempli pour une année et un quartier, avec l'évolution depuis l'année de référence ; chiffres anonymes, sous secret statistique.",
            today => ReportDocument.Sample(today)),
        new(AccessRequest, "Droit d'accès (données détenues sur une personne)",
            "Produit par le délégué à la protection des données : identité, parcours, chaque enregistrement en clair, consentements, décisions, orientations et consultations du dossier.",
            SampleDocuments.Access),
    ];

    public static TemplateKind? Find(string? code) => All.FirstOrDefault(k => k.Code == code);
}

/// <summary>Fictional data for previews: nobody real, every field filled so a template shows all its parts.</summary>
public static class SampleDocuments
{
    private static string Fr(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static SittingHeader Sitting(DateOnly today) => new(
        "Comité d'admission mutualisé SAS Coluche – Cité de l'emploi", "Comité d'admission mutualisé", null, today.AddDays(7), "14:00",
        "Maison de quartier du Beau Marais, salle 2", ["SAS Coluche", "La Fabrique Défi"], ["SAS Coluche", "La Fabrique Défi", "France Travail", "PJJ"], "Programmée");

    private static DocumentStamp Stamp(DateOnly today, bool nominative) =>
        new(nominative, nominative ? "Version nominative – diffusion restreinte" : "Version anonymisée", "Alex Exemple, coordinateur (exemple)", today);

    public static AgendaDocument Agenda(DateOnly today, bool nominative) => new(Sitting(today), Stamp(today, nominative),
    [
        new(1, "A-7F3A", "En attente d'orientation", "SAS Coluche", "16-17", "Homme", "Beau Marais", "Maraude physique", 1, [],
            nominative, nominative ? "Exemple PRÉNOM-FICTIF" : null,
            nominative ? "Sorti du collège en cours d'année, souhaite un métier manuel (exemple)." : "Jeune homme mineur (16-17 ans), quartier Beau Marais ; repéré·e ou orienté·e par : Maraude physique, il y a un mois ; dispositif : SAS Coluche ; jamais examiné·e en instance."),
        new(2, "A-19C4", "Ajouté par un coordinateur", "Cité de l'emploi", "18-25", "Femme", "Fort Nieulay – Cailloux – Saint Pierre", "France Travail", 2, ["Atelier CV"],
            false, null, "Jeune femme (18-25 ans), quartier Fort Nieulay – Cailloux – Saint Pierre ; repéré·e ou orienté·e par : France Travail, il y a 2 mois ; dispositif : Cité de l'emploi ; actions en cours : Atelier CV ; jamais examiné·e en instance."),
    ]);

    public static MinutesDocument Minutes(DateOnly today, bool nominative) => new(Sitting(today), Stamp(today, nominative),
        "Alex Exemple", $"{Fr(today)} 14:02", $"{Fr(today)} 15:40", 1,
        [new("Alex Exemple", "SAS Coluche", true), new("Sam Modèle", "France Travail", true), new("Dominique Test", "PJJ", false)],
        [
            new(1, "A-7F3A", "SAS Coluche", "16-17", "Beau Marais", true, "Orienter", "Prépa-apprentissage", "AFPA", null, [],
                nominative, nominative ? "Exemple PRÉNOM-FICTIF" : null, nominative ? "Projet clair, la famille soutient la démarche (exemple)." : null, null),
            new(2, "A-19C4", "Cité de l'emploi", "18-25", "Fort Nieulay – Cailloux – Saint Pierre", true, "Reporter", null, null, null, [],
                false, null, null, nominative ? "Attestation d'hébergement (exemple)." : null),
        ]);

    public static object Letter(DateOnly today) => new OrientationLetter(Sitting(today), "Exemple PRÉNOM-FICTIF", "1 rue de l'Exemple, 62100 Calais",
        "Prépa-apprentissage", "AFPA", "SAS Coluche", "Alex Exemple, coordinateur SAS Coluche (exemple)", today);

    public static object Access(DateOnly today) => new AccessExport(Guid.Empty, $"{Fr(today)} 10:00", "Alex Exemple (exemple)",
        new AccessRequester("La personne elle-même", "La personne elle-même", today),
        new IdentitySection("Exemple", "PRÉNOM-FICTIF", new DateOnly(2008, 2, 1), "1 rue de l'Exemple, 62100 Calais", "06 00 00 00 00", "exemple@example.org",
            "Homme", $"{Fr(today.AddMonths(-3))} 09:30", "SAS Coluche", null),
        [new(1, $"{Fr(today.AddMonths(-3))} 09:30", "Identification de la personne dans Parcours", ["Structure : SAS Coluche"], "Alex Exemple (SAS Coluche)")],
        [
            new(Guid.Empty, "SAS Coluche", null, "En accompagnement", today.AddMonths(-3), "SAS Coluche", "Beau Marais", false,
                [new("Examen par une commission d'admission", "France Travail", "La personne elle-même", "Écrit", today.AddMonths(-2), null, null)],
                [new("Prépa-apprentissage", today.AddMonths(-1), "Pending", null)],
                [
                    new(1, $"{Fr(today.AddMonths(-3))} 09:35", "Orientation reçue", ["Dispositif : SAS Coluche", "Motif : Sorti du collège (exemple)."], "Alex Exemple (SAS Coluche)"),
                    new(2, $"{Fr(today.AddMonths(-2))} 14:00", "Consentement enregistré", ["Finalité : Examen par une commission d'admission"], "Alex Exemple (SAS Coluche)"),
                ]),
        ],
        [new($"{Fr(today.AddMonths(-1))} 11:12", "Alex Exemple", "Consultation du dossier", "Autorisé")]);

    public static object Consent(DateOnly today) => new ConsentForm.Model("SAS Coluche", "SAS Coluche", "Exemple PRÉNOM-FICTIF", "01/02/2009", true,
        "Examen par une commission", ["France Travail", "La Fabrique Défi"], "Titulaires de l'autorité parentale", "Écrit", Fr(today),
        null, "D'accord pour en parler en commission (exemple).", null, "Alex Exemple, coordinateur (exemple)", Fr(today));
}
