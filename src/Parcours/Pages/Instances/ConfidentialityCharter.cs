namespace Parcours.Pages.Instances;

/// <summary>
/// The confidentiality charter members acknowledge before seeing named items (version
/// <see cref="Parcours.Committees.CommitteeAccess.CharterVersion"/>). A new wording must come
/// with a new version, so that earlier acknowledgments keep the text they were given for.
/// </summary>
public static class ConfidentialityCharter
{
    public sealed record Article(string Title, IReadOnlyList<string> Paragraphs);

    public const string Preamble =
        "Les membres des comités d'admission et des équipes pluridisciplinaires du contrat de ville « Engagements Quartiers 2030 » " +
        "échangent sur la situation de personnes qu'ils accompagnent, sous le régime du secret professionnel partagé. " +
        "Cette charte fixe les règles que chacun s'engage à respecter pour la séance à laquelle il participe.";

    public static readonly IReadOnlyList<Article> Articles =
    [
        new("1. Le secret partagé, pour la seule mission d'accompagnement",
        [
            "Les informations échangées en séance sont couvertes par le secret professionnel. Elles ne sont partagées qu'entre professionnels qui concourent à l'accompagnement de la personne, et uniquement pour l'orienter ou adapter son parcours.",
            "Chacun reste tenu par les règles de sa propre profession et de son institution.",
        ]),
        new("2. Seulement ce qui est strictement nécessaire",
        [
            "Je ne partage que les informations strictement nécessaires à la décision à prendre. Je ne rapporte ni rumeur, ni jugement de valeur, ni élément de vie privée sans lien avec l'accompagnement.",
            "Les informations de santé et celles relevant de la protection judiciaire de la jeunesse ne sont évoquées que par les professionnels habilités à les connaître, et seulement si la décision l'exige.",
        ]),
        new("3. L'accord des personnes",
        [
            "Une situation n'est présentée de façon nominative qu'avec l'accord de la personne (ou, pour un mineur, des titulaires de l'autorité parentale, l'avis du mineur étant recueilli). Sans cet accord, elle est présentée de façon anonyme et je ne cherche pas à l'identifier.",
            "Les familles sont informées avant tout échange concernant un enfant.",
        ]),
        new("4. Rien ne sort de la séance",
        [
            "Je ne prends aucune note nominative que j'emporterais hors de la séance, je ne photographie ni n'enregistre rien, et je ne fais aucune copie des documents présentés, sur papier ou sur écran.",
            "Les documents remis en séance sont rendus à la fin de celle-ci. Seul le compte rendu diffusé par le coordinateur fait foi ; sa version anonymisée est la seule destinée aux partenaires.",
        ]),
        new("5. Discrétion après la séance",
        [
            "Je ne reparle pas des situations examinées en dehors du cadre professionnel, y compris au sein de ma structure avec des collègues qui n'accompagnent pas la personne.",
            "Je ne consulte dans Parcours que ce dont j'ai besoin : chaque consultation est tracée.",
        ]),
        new("6. La Maison des Femmes",
        [
            "Les situations suivies par la Maison des Femmes ne sont jamais présentées en séance. Je ne cherche pas à savoir si une femme y est accompagnée.",
        ]),
        new("7. En cas de manquement",
        [
            "Tout manquement est signalé au coordinateur de l'instance et au délégué à la protection des données. Il peut entraîner l'exclusion des séances, sans préjudice des sanctions prévues par la loi pour la violation du secret professionnel (article 226-13 du code pénal).",
        ]),
    ];
}
