using Parcours.Kernel;

namespace Parcours.Demo;

/// <summary>
/// The French words of the demo territory: fictional names, Calais streets per territory, and
/// the texts workers would type. Names are drawn at random from common first and last names,
/// so nobody real is described; phone numbers are in the range ARCEP reserves for fiction.
/// </summary>
internal static class DemoCatalogue
{
    public static readonly string[] GirlsBornSince2010 =
    [
        "Jade", "Louise", "Emma", "Lina", "Inaya", "Ambre", "Chloé", "Mila", "Rose", "Anna", "Alice", "Nour", "Lola", "Zoé",
        "Romane", "Maëlys", "Louna", "Lyana", "Giulia", "Kenza", "Assia", "Lou", "Agathe", "Iris",
    ];

    public static readonly string[] BoysBornSince2010 =
    [
        "Gabriel", "Raphaël", "Léo", "Louis", "Lucas", "Adam", "Hugo", "Noah", "Nathan", "Ethan", "Mohamed", "Rayan", "Enzo",
        "Kylian", "Timéo", "Sacha", "Nolan", "Mathis", "Ilyes", "Marius", "Aylan", "Tiago", "Axel", "Eden",
    ];

    public static readonly string[] WomenBorn1995To2009 =
    [
        "Léa", "Manon", "Chloé", "Océane", "Laura", "Inès", "Sarah", "Justine", "Pauline", "Mélissa", "Lisa", "Anaïs", "Marine",
        "Clara", "Morgane", "Émma", "Jessica", "Amandine", "Yasmine", "Kimberley", "Cindy", "Aïcha",
    ];

    public static readonly string[] MenBorn1995To2009 =
    [
        "Théo", "Enzo", "Mathis", "Kévin", "Dylan", "Maxime", "Yanis", "Bilal", "Rayan", "Florian", "Quentin", "Anthony",
        "Jordan", "Alexis", "Valentin", "Steven", "Brandon", "Sofiane", "Ryan", "Killian", "Loïc", "Mehdi",
    ];

    public static readonly string[] WomenBornBefore1995 =
    [
        "Nathalie", "Sandrine", "Stéphanie", "Aurélie", "Céline", "Virginie", "Émilie", "Audrey", "Sabrina", "Karima", "Samia",
        "Fatima", "Laetitia", "Mélanie", "Coralie", "Élodie", "Christelle", "Séverine", "Sylvie", "Isabelle", "Malika", "Delphine",
    ];

    public static readonly string[] MenBornBefore1995 =
    [
        "David", "Sébastien", "Nicolas", "Julien", "Mickaël", "Jérémy", "Grégory", "Ludovic", "Franck", "Christophe", "Farid",
        "Karim", "Olivier", "Stéphane", "Cédric", "Jean-Marc", "Pascal", "Rachid", "Frédéric", "Arnaud",
    ];

    // Common surnames of the Calaisis; none of the demo staff's names.
    public static readonly string[] LastNames =
    [
        "Becquart", "Bertin", "Boulanger", "Boutoille", "Caudron", "Cousin", "Coppin", "Dambrine", "Debove", "Decroix",
        "Delattre", "Delplace", "Demarthe", "Descamps", "Devos", "Dewaele", "Duhamel", "Dupuis", "Flahaut", "Fournier",
        "Gosselin", "Hennebelle", "Hochart", "Lamotte", "Lebas", "Lecocq", "Lemaire", "Lenglet", "Louchez", "Maillard",
        "Merlin", "Noël", "Pruvost", "Ramet", "Roussel", "Sauvage", "Taverne", "Vasseur", "Verhaeghe", "Wallet",
        "Amrani", "Belkacem", "Bouzid", "Diallo", "Kaci", "Mansouri", "Traoré", "Ziani", "Benhamou", "Nowak",
    ];

    public static string[] FirstNames(Sex sex, DateOnly birthDate) => (sex, birthDate.Year) switch
    {
        (Sex.F, >= 2010) => GirlsBornSince2010,
        (Sex.M, >= 2010) => BoysBornSince2010,
        (Sex.F, >= 1995) => WomenBorn1995To2009,
        (Sex.M, >= 1995) => MenBorn1995To2009,
        (Sex.F, _) => WomenBornBefore1995,
        _ => MenBornBefore1995,
    };

    /// <summary>Streets of each territory, with the postcode and commune of the address.</summary>
    public static (string[] Streets, string Town) StreetsOf(string territoryId) => territoryId switch
    {
        "BM-GREUZE-VADEZ" => (["rue Greuze", "allée Vadez"], Calais),
        "BM-MARINOT-RODIN" => (["rue Marinot", "rue Auguste Rodin"], Calais),
        "BM-MANET-FERBER" => (["rue Édouard Manet", "rue Ferber"], Calais),
        "BM-GAUGUIN-MATISSE" => (["rue Paul Gauguin", "rue Henri Matisse"], Calais),
        "BM-MOUCHOTTE-NORMANDIE-NIEMEN" => (["rue du Commandant Mouchotte", "avenue Normandie-Niemen"], Calais),
        "BM-GAGARINE" => (["rue Youri Gagarine"], Calais),
        "BM" => (["rue Greuze", "rue Paul Gauguin", "rue Youri Gagarine", "rue Auguste Rodin"], Calais),
        "FNCSP-PORTE-DE-PARIS" => (["avenue de la Porte de Paris"], Calais),
        "FNCSP-CONSTANTINE" => (["rue de Constantine"], Calais),
        "FNCSP-LOUISE-MICHEL" => (["rue Louise Michel"], Calais),
        "FNCSP-SALENGRO" => (["rue Roger Salengro"], Calais),
        "FNCSP-TUNIS" => (["rue de Tunis"], Calais),
        "FNCSP-QUINET" => (["rue Edgar Quinet"], Calais),
        "FNCSP-VAUXHALL" => (["rue du Vauxhall"], Calais),
        "FNCSP-FONTINETTES" => (["rue des Fontinettes"], Calais),
        "FNCSP-CAILLOUX" => (["rue des Cailloux"], Calais),
        "FNCSP" => (["rue de Tunis", "rue des Fontinettes", "rue Louise Michel", "rue du Vauxhall"], Calais),
        "SV-SCHWEITZER" => (["rue Albert Schweitzer"], "62730 Marck"),
        "SV-CREVECOEUR" => (["rue de Crèvecœur", "rue Pierre et Marie Curie"], Calais),
        "SV-MOLLIEN" => (["rue Mollien"], Calais),
        _ => (["boulevard Jacquard", "rue Royale", "boulevard Gambetta", "rue des Quatre Coins", "avenue Blériot"], Calais),
    };

    private const string Calais = "62100 Calais";

    public static readonly Dictionary<string, string[]> ActionKinds = new()
    {
        ["PRE:SCOLARITE"] = ["Tutorat scolaire", "Mentorat étudiant", "Graphothérapie", "Stage de transition GS-CP", "Stage de transition CM2-6e", "Aide aux devoirs", "Découverte des métiers"],
        ["PRE:OUVERTURE"] = ["Inscription au centre de loisirs", "Activité sportive en club", "École de musique", "Sortie culturelle", "Séjour de vacances", "Atelier théâtre"],
        ["PRE:SANTE"] = ["Bilan orthophonique", "Séances de psychomotricité", "Consultation psychologue", "Bilan visuel", "Soins dentaires accompagnés"],
        ["PRE:PARENTALITE"] = ["Café des parents", "Entretien de soutien parental", "Lieu d'accueil enfants-parents", "Point écoute parents-adolescents"],
        ["SAS:REMOBILISATION"] = ["Ateliers de remobilisation", "Entretiens individuels hebdomadaires", "Binôme avec un coach mentor"],
        ["SAS:SPORT"] = ["Boxe éducative", "Futsal du mardi", "Randonnée sur la Côte d'Opale"],
        ["SAS:CULTURE"] = ["Atelier d'art-thérapie", "Atelier musique assistée par ordinateur", "Sortie théâtre"],
        ["SAS:SANTE"] = ["Rendez-vous avec la psychologue", "Bilan de santé CPAM"],
        ["SAS:MOBILITE"] = ["Préparation au code de la route", "Aide au permis B", "Atelier vélo"],
        ["SAS:LOGEMENT"] = ["Demande de logement jeune", "Dossier foyer de jeunes travailleurs"],
        ["SAS:DROITS"] = ["Renouvellement de la carte d'identité", "Ouverture des droits complémentaire santé", "Inscription à la Mission locale"],
        ["SAS:PROJET-PRO"] = ["Découverte des métiers", "Atelier CV et lettre de motivation", "Rencontre avec un artisan (CMA)"],
        ["SAS:STAGE"] = ["Stage d'immersion en entreprise", "PMSMP en logistique", "Immersion en chantier d'insertion"],
        ["CITE:DIAGNOSTIC"] = ["Diagnostic socio-professionnel", "Bilan de compétences"],
        ["CITE:LEVEE-FREINS"] = ["Solution de garde d'enfants", "Aide à la mobilité", "Atelier de français", "Accompagnement santé"],
        ["CITE:FORMATION"] = ["Formation CACES", "Formation agent de sécurité", "Titre professionnel préparateur de commandes", "Formation aide à domicile"],
        ["CITE:EMPLOI"] = ["Job dating portuaire", "Candidatures accompagnées", "Simulation d'entretien"],
        ["CITE:IMMERSION"] = ["PMSMP en entreprise", "Immersion dans une SIAE"],
        ["MDF:ACCUEIL"] = ["Entretien d'accueil", "Temps d'écoute individuel"],
        ["MDF:ORIENTATION"] = ["Rendez-vous avec l'assistante sociale", "Orientation vers le CIDFF"],
        ["MDF:CONSEIL-JURIDIQUE"] = ["Permanence juriste", "Aide au dépôt de plainte", "Accompagnement vers une ordonnance de protection"],
        ["MDF:PERMANENCE"] = ["Permanence CAF", "Permanence psychologue", "Permanence médiation santé"],
        ["MDF:MISE-A-L-ABRI"] = ["Mise à l'abri en urgence", "Demande d'hébergement au SIAO"],
        ["MDF:ATELIER"] = ["Atelier bien-être", "Atelier estime de soi", "Groupe de parole"],
    };

    // Texts use {0} for the person's first name.
    public static readonly Dictionary<string, string[]> ReferralReasons = new()
    {
        ["PRE"] =
        [
            "Difficultés de lecture repérées par l'enseignante ; {0} se décourage vite.",
            "Comportement agité en classe, la famille demande de l'aide.",
            "{0} est isolé(e) à la récréation et n'a pas d'activité en dehors de l'école.",
            "Mère seule avec plusieurs enfants, besoin de soutien à la parentalité.",
            "Suivi orthophonique interrompu faute de prise en charge.",
            "Fatigue en classe, couchers tardifs, hygiène à accompagner.",
            "Troubles du langage, bilan à organiser avec la famille.",
        ],
        ["PRE:CDDF"] = ["Absentéisme signalé au CDDF, rappel des droits et devoirs avec les parents.", "Incivilités répétées aux abords du collège, convocation CDDF."],
        ["PRE:GPDS"] = ["Décrochage repéré par le GPDS du collège : absences perlées, résultats en baisse.", "{0} ne trouve plus de sens au collège selon le GPDS."],
        ["SAS"] =
        [
            "Sorti(e) du lycée professionnel en cours d'année, sans solution depuis.",
            "Sans activité depuis plus d'un an, hébergé(e) chez un proche.",
            "Souhaite passer le permis et trouver un premier emploi.",
            "Rupture familiale récente, besoin d'un accompagnement global.",
            "{0} n'ose plus franchir la porte des institutions.",
        ],
        ["SAS:MARAUDE"] = ["Rencontré(e) lors de la maraude au parc Saint-Pierre, d'accord pour un premier rendez-vous.", "Repéré(e) en maraude au pied des immeubles, demande de l'aide pour ses papiers."],
        ["SAS:MARAUDE-NUM"] = ["Contact établi via la maraude numérique, isolement à domicile.", "A répondu à un message de la maraude numérique, cherche une formation."],
        ["SAS:VAD"] = ["Visite à domicile à la demande de la mère, {0} ne sort plus de sa chambre."],
        ["CITE"] =
        [
            "En recherche d'emploi depuis deux ans, freins de mobilité.",
            "Souhaite se reconvertir dans la logistique portuaire.",
            "Besoin d'une solution de garde pour reprendre un emploi.",
            "Niveau de français à consolider avant une formation qualifiante.",
            "Fin de contrat saisonnier, souhaite un emploi durable.",
        ],
        ["MDF"] =
        [
            "Venue d'elle-même à l'accueil de jour, souhaite un temps d'écoute.",
            "Orientée par l'assistante sociale pour des violences conjugales.",
            "Séparation récente, questions sur la garde des enfants.",
            "Besoin d'aide pour ses démarches administratives et ses droits.",
            "Isolement depuis son arrivée à Calais, cherche des activités.",
        ],
    };

    public static readonly Dictionary<string, string[]> ReviewSummaries = new()
    {
        ["PRE"] =
        [
            "Équipe pluridisciplinaire : {0} progresse en lecture, le tutorat est maintenu.",
            "Les parents adhèrent au parcours ; {0} fréquente le centre de loisirs le mercredi.",
            "Assiduité scolaire en nette amélioration selon l'établissement.",
            "Bilan orthophonique réalisé, prise en charge à poursuivre.",
            "Situation familiale fragile : l'équipe propose un entretien avec la mère.",
        ],
        ["SAS"] =
        [
            "Point d'étape : {0} vient régulièrement aux ateliers, projet autour de la mécanique.",
            "Mobilisation en dents de scie ; le coach mentor garde le lien.",
            "Démarches administratives à jour, piste de formation identifiée.",
            "{0} a repris confiance, prête pour une immersion en entreprise.",
        ],
        ["CITE"] =
        [
            "Point d'étape : CV finalisé, deux candidatures envoyées.",
            "Solution de garde trouvée, disponibilité pour une formation.",
            "{0} a validé son projet de formation après une immersion.",
        ],
        ["MDF"] =
        [
            "Point d'étape : situation stabilisée, hébergement trouvé.",
            "{0} participe au groupe de parole et reprend confiance.",
            "Démarches juridiques engagées avec l'appui de la juriste.",
        ],
    };

    public static readonly string[] ActionNotes =
    [
        "Séances suivies avec assiduité.",
        "Bon investissement, objectif atteint.",
        "Réalisée avec quelques absences.",
        "Retour positif de l'intervenant.",
    ];

    public static readonly string[] ExitNotes =
    [
        "Clôture du parcours en accord avec la personne.",
        "Bilan de fin de parcours partagé avec la famille.",
        "Plus de nouvelles malgré plusieurs relances.",
        "Le relais est pris par le droit commun.",
    ];

    public static readonly string[] SuspensionNotes =
    [
        "Pause demandée par la personne.",
        "Absence de plusieurs semaines, contact maintenu par téléphone.",
    ];

    public static readonly string[] DeclineNotes =
    [
        "Situation déjà suivie par un autre dispositif.",
        "Pas de réponse aux sollicitations.",
        "La famille ne souhaite pas donner suite.",
    ];

    public static readonly string[] OrientationNotes =
    [
        "Orientation discutée avec la personne, qui est partante.",
        "Proposition faite en commission.",
    ];

    public static readonly string[] ReopeningReasons =
    [
        "Nouvelle demande de la personne après quelques mois.",
        "Situation à nouveau fragile, reprise du suivi.",
    ];

    /// <summary>A minor's own view, recorded with the parents' consent to share with the school or a partner.</summary>
    public static readonly string[] MinorViews =
    [
        "{0} est d'accord pour que l'établissement soit informé.",
        "{0} préfère que seule sa professeure principale soit au courant.",
        "{0} est d'accord, à condition de pouvoir en reparler avec sa référente.",
        "{0} est trop jeune pour exprimer un avis ; ses parents lui ont expliqué la démarche.",
    ];
}
