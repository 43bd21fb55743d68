using Marten;
using Marten.Schema;
using Parcours.Identity;

namespace Parcours.Reference;

/// <summary>
/// The reference data from the domain brief and the city contract, written on every start
/// (and after each test reset) when missing. Existing items are left alone so that an
/// administrator's edits survive restarts.
/// </summary>
public sealed class ReferenceSeed : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        await InsertMissing(session, Programmes, p => p.Id, ct);
        await InsertMissing(session, Territories, t => t.Id, ct);
        await InsertMissing(session, Codes, c => c.Id, ct);
        await RestoreCategories(session, ct);
        await InsertMissing(session, Structures.All, s => s.Id, ct);
        await InsertMissing(session, Staff.All, s => s.Id, ct);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The special categories of the seed are put back on items that lost them (or predate them):
    /// an administrator may tag more items, never untag these.
    /// </summary>
    private static async Task RestoreCategories(IDocumentSession session, CancellationToken ct)
    {
        var tagged = Codes.Where(c => c.Category is not null).ToDictionary(c => c.Id);
        foreach (var item in await session.LoadManyAsync<CodeListItem>(ct, tagged.Keys))
        {
            if (item.Category == tagged[item.Id].Category) continue;
            item.Category = tagged[item.Id].Category;
            session.Store(item);
        }
    }

    private static async Task InsertMissing<T, TId>(IDocumentSession session, IEnumerable<T> items, Func<T, TId> id, CancellationToken ct)
        where T : class where TId : notnull
    {
        var existing = (await session.Query<T>().ToListAsync(ct)).Select(id).ToHashSet();
        foreach (var item in items.Where(i => !existing.Contains(id(i)))) session.Insert(item);
    }

    public static readonly IReadOnlyList<Programme> Programmes =
    [
        new() { Id = "PRE", Label = "Programme de Réussite Éducative", MinAge = 2, MaxAge = 16, RequiresPriorityTerritory = true, Order = 1 },
        new() { Id = "SAS", Label = "SAS Coluche", MinAge = 16, MaxAge = 25, Order = 2 },
        new()
        {
            Id = "CITE", Label = "Cité de l'emploi", RequiresPriorityTerritory = true, Order = 3,
            Tracks = [new("JEUNES", "jeunes de 16 à 25 ans", 16, 25), new("ADULTES", "adultes de plus de 26 ans", 26, null)],
        },
        new() { Id = "MDF", Label = "Maison des Femmes « Simone Veil »", WomenOnly = true, Order = 4 },
    ];

    private static readonly DateOnly Contract2015 = new(2015, 1, 1);
    private static readonly DateOnly Contract2024 = new(2024, 1, 1);

    public static readonly IReadOnlyList<Territory> Territories = BuildTerritories();

    private static List<Territory> BuildTerritories()
    {
        var list = new List<Territory>();
        var order = 0;
        void Qpv(string id, string label, params string[] subSectors)
        {
            list.Add(new Territory { Id = id, Label = label, Kind = TerritoryKind.Qpv, ValidFrom = Contract2015, Order = ++order });
            foreach (var sub in subSectors)
            {
                list.Add(new Territory
                {
                    Id = $"{id}-{Slug(sub)}", Label = $"{label} – {sub}", Kind = TerritoryKind.SubSector, ParentId = id,
                    ValidFrom = Contract2015, Order = ++order,
                });
            }
        }

        Qpv("BM", "Beau Marais", "Greuze-Vadez", "Marinot-Rodin", "Manet-Ferber", "Gauguin-Matisse", "Mouchotte-Normandie-Niemen", "Gagarine");
        Qpv("FNCSP", "Fort Nieulay – Cailloux – Saint-Pierre", "Porte de Paris", "Constantine", "Louise Michel", "Salengro", "Tunis", "Quinet",
            "Vauxhall", "Fontinettes", "Cailloux");
        // Watch sectors replace the former "quartiers de veille" with the 2024–2030 contract.
        list.Add(new Territory { Id = "SV-SCHWEITZER", Label = "Schweitzer (Marck)", Kind = TerritoryKind.WatchSector, Commune = "Marck", ValidFrom = Contract2024, Order = ++order });
        list.Add(new Territory { Id = "SV-CREVECOEUR", Label = "Crèvecœur / Curie", Kind = TerritoryKind.WatchSector, ValidFrom = Contract2024, Order = ++order });
        list.Add(new Territory { Id = "SV-MOLLIEN", Label = "Mollien", Kind = TerritoryKind.WatchSector, ValidFrom = Contract2024, Order = ++order });
        list.Add(new Territory { Id = "HORS-QPV", Label = "Hors quartier prioritaire (agglomération)", Kind = TerritoryKind.Elsewhere, Commune = "Grand Calais", ValidFrom = new DateOnly(2000, 1, 1), Order = ++order });
        return list;
    }

    private static string Slug(string label) =>
        new string(label.Normalize(System.Text.NormalizationForm.FormD)
                .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-')
                .ToArray())
            .Replace(' ', '-').ToUpperInvariant();

    public static readonly IReadOnlyList<CodeListItem> Codes = BuildCodes();

    private static List<CodeListItem> BuildCodes()
    {
        var list = new List<CodeListItem>();
        void Tag(SpecialCategory category, params (string List, string? Programme, string Code)[] items)
        {
            foreach (var (kind, programme, code) in items) list.Single(i => i.Id == CodeListItem.IdOf(kind, code, programme)).Category = category;
        }

        void Receive(params (string Code, Guid Structure)[] destinations)
        {
            foreach (var (code, structure) in destinations) list.Single(i => i.Id == CodeListItem.IdOf(CodeLists.Destination, code)).StructureId = structure;
        }

        void Add(string kind, string? programme, params (string Code, string Label)[] items)
        {
            var order = list.Count(i => i.List == kind);
            foreach (var (code, label) in items)
            {
                list.Add(new CodeListItem { Id = CodeListItem.IdOf(kind, code, programme), List = kind, Code = code, Label = label, Programme = programme, Order = ++order });
            }
        }

        Add(CodeLists.ReferralSource, null,
            ("ECOLE", "Établissement scolaire"), ("GPDS", "GPDS (groupe de prévention du décrochage scolaire)"), ("CDDF", "CDDF"),
            ("MDS", "Maison du Département Solidarité (MDS)"), ("SPIRALE", "La Spirale (prévention spécialisée)"),
            ("CS-FORT", "Centre social Espace Fort"), ("CS-CENTRE", "Centre social Espace Centre"), ("CS-MATISSE", "Centre social Matisse"),
            ("CCAS", "CCAS"), ("PJJ", "Protection judiciaire de la jeunesse (PJJ)"), ("FT", "France Travail"), ("FABRIQUE", "La Fabrique Défi"),
            ("MARAUDE", "Maraude physique"), ("MARAUDE-NUM", "Maraude numérique"), ("VAD", "Visite à domicile"),
            ("FAMILLE", "La famille ou la personne elle-même"));
        Add(CodeLists.Destination, null,
            ("SAS", "Accompagnement SAS Coluche"), ("CEJ", "Contrat d'engagement jeune (CEJ)"), ("CEJ-JR", "CEJ jeunes en rupture (CEJ-JR)"),
            ("PREPA-APPR", "Prépa-apprentissage"), ("AFPA-1618", "AFPA Promo 16-18"), ("MDF", "Maison des Femmes"), ("PRE", "Programme de Réussite Éducative"),
            ("SPIRALE", "La Spirale (prévention spécialisée)"), ("FERME-URBAINE", "La ferme urbaine"), ("FABRIQUE", "La Fabrique Défi / Mission locale"),
            ("FT", "France Travail"), ("OF-1618", "Commission obligation de formation 16-18 ans"), ("IAE", "Insertion par l'activité économique (IAE)"), ("AUTRE", "Autre"));
        Add(CodeLists.ExitOutcome, null,
            ("EMPLOI", "Emploi"), ("FORMATION", "Formation"), ("RETOUR-SCOLARITE", "Retour en scolarité"), ("PROJET-DEFINI", "Projet de vie défini"),
            ("OBJECTIFS-ATTEINTS", "Objectifs du parcours atteints"), ("ORIENTE", "Orientation vers un autre dispositif"),
            ("DEMENAGEMENT", "Déménagement"), ("ABANDON", "Arrêt à l'initiative de la personne ou de la famille"), ("AUTRE", "Autre"));
        Add(CodeLists.ActionCategory, "PRE",
            ("SCOLARITE", "Accompagnement à la scolarité"), ("OUVERTURE", "Ouverture culturelle et de plein air"),
            ("SANTE", "Accès aux soins et bien-être"), ("PARENTALITE", "Soutien à la parentalité"));
        Add(CodeLists.ActionCategory, "SAS",
            ("REMOBILISATION", "Remobilisation"), ("SPORT", "Sport"), ("CULTURE", "Culture et loisirs"), ("SANTE", "Santé"),
            ("MOBILITE", "Mobilité"), ("LOGEMENT", "Logement"), ("DROITS", "Accès aux droits"), ("PROJET-PRO", "Projet professionnel"),
            ("STAGE", "Stage ou immersion"));
        Add(CodeLists.ActionCategory, "CITE",
            ("DIAGNOSTIC", "Diagnostic socio-professionnel"), ("LEVEE-FREINS", "Levée des freins périphériques"), ("FORMATION", "Formation"),
            ("EMPLOI", "Accès à l'emploi"), ("IMMERSION", "Immersion en entreprise"));
        Add(CodeLists.ActionCategory, "MDF",
            ("ACCUEIL", "Accueil et écoute"), ("ORIENTATION", "Orientation"), ("CONSEIL-JURIDIQUE", "Conseil juridique"),
            ("PERMANENCE", "Permanence partenaire"), ("MISE-A-L-ABRI", "Mise à l'abri"), ("ATELIER", "Atelier collectif"));
        // The Maison des Femmes' dedicated permanences (partners holding a weekly or monthly slot).
        Add(CodeLists.PermanenceKind, null,
            ("JURISTE", "Permanence juriste"), ("PSYCHOLOGUE", "Permanence psychologue"), ("ECOUTE", "Permanence d'écoute"),
            ("CIDFF", "Permanence du CIDFF (droits des femmes et des familles)"), ("CAF", "Permanence CAF"),
            ("MEDIATION-SANTE", "Permanence médiation santé"), ("EMPLOI", "Permanence emploi et insertion"));
        Add(CodeLists.DeclineReason, null,
            ("HORS-CRITERES", "Hors critères du dispositif"), ("REFUS-FAMILLE", "Refus de la famille ou de la personne"),
            ("DEJA-SUIVI", "Déjà accompagné par ailleurs"), ("INJOIGNABLE", "Personne injoignable"), ("AUTRE", "Autre"));
        Add(CodeLists.SuspensionReason, null,
            ("INDISPONIBLE", "Indisponibilité de la personne"), ("HOSPITALISATION", "Hospitalisation"), ("INCARCERATION", "Incarcération"),
            ("ABSENCE", "Absence prolongée"), ("AUTRE", "Autre"));
        Add(CodeLists.OrientationRefusalReason, null,
            ("HORS-CRITERES", "Hors critères de la structure"), ("COMPLET", "Plus de place disponible"), ("REFUS-PERSONNE", "Refus de la personne"),
            ("INJOIGNABLE", "Personne injoignable"), ("AUTRE", "Autre"));
        Receive(("SAS", Structures.SasColuche), ("CEJ", Structures.FabriqueDefi), ("CEJ-JR", Structures.FabriqueDefi), ("FABRIQUE", Structures.FabriqueDefi),
            ("FT", Structures.FranceTravail), ("SPIRALE", Structures.LaSpirale), ("MDF", Structures.MaisonDesFemmes), ("PRE", Structures.PreCalais));
        Tag(SpecialCategory.Justice, (CodeLists.ReferralSource, null, "PJJ"), (CodeLists.SuspensionReason, null, "INCARCERATION"));
        Tag(SpecialCategory.Health, (CodeLists.ActionCategory, "PRE", "SANTE"), (CodeLists.ActionCategory, "SAS", "SANTE"),
            (CodeLists.SuspensionReason, null, "HOSPITALISATION"));
        return list;
    }
}
