using System.Globalization;
using Parcours.Indicators.Definitions;

namespace Parcours.Indicators.Exporting;

/// <summary>The French words of the exports and the report, in one place for review.</summary>
public static class ReportText
{
    /// <summary>French Excel's numbers: a decimal comma, a plain minus, no grouping.</summary>
    public static readonly NumberFormatInfo Numbers = new() { NumberDecimalSeparator = ",", NegativeSign = "-", NumberGroupSeparator = "" };

    public const string WholeTerritory = "Ensemble du territoire";
    public const string Total = "Total";
    public const string Whole = "Ensemble";
    public const string Count = "Nombre";
    public const string Rate = "Taux (%)";
    public const string Median = "Médiane (jours)";
    public const string Population = "Effectif concerné";
    public const string Shown = "";

    public static readonly string[] DetailHeader =
        ["Indicateur", "Code", "Version", "Année", "Quartier", "Ventilation", "Catégorie", "Valeur", "Secret statistique"];

    public static string[] SummaryHeader(int baselineYear, int year) =>
        ["Thématique", "Indicateur", "Code", "Unité", $"Référence {baselineYear}", $"{year}", Evolution(baselineYear),
            $"Effectif concerné {baselineYear}", $"Effectif concerné {year}", "Secret statistique"];

    public static string Title(IndicatorReport report) => $"Indicateurs du contrat de ville – {report.NeighbourhoodLabel} – {report.Year}";

    /// <summary>Where the figures come from, for the workbook's first lines.</summary>
    public static string Provenance(ReportPublication publication) =>
        $"Calculés le {publication.ComputedAt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} UTC" +
        (publication.AsOf is { } asOf ? $" tels qu'ils étaient le {asOf.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} UTC" : "") +
        $", jusqu'à l'événement n° {publication.EventSequence}" +
        (publication.PublicationId is { } id ? $" (publication {id})" : "") + " ; " +
        $"secret statistique : aucun effectif publié entre 1 et {publication.Threshold - 1}.";

    public static string Evolution(int baselineYear) => $"Évolution depuis {baselineYear}";

    public static string Unit(Measurement measurement) => measurement switch
    {
        Measurement.Rate => Rate,
        Measurement.Median => Median,
        _ => Count,
    };

    public static string EvolutionUnit(Measurement measurement) => measurement switch
    {
        Measurement.Rate => "Écart (points de %)",
        Measurement.Median => "Écart (jours)",
        _ => "Écart (nombre)",
    };

    /// <summary>The note of a hidden figure (empty when it is shown).</summary>
    public static string Note(Secrecy secret, int threshold) => secret switch
    {
        Secrecy.Primary => $"secret (effectif < {threshold})",
        Secrecy.Secondary => "secret (secondaire)",
        Secrecy.Derived => "secret (calculée à partir d'un chiffre couvert par le secret)",
        _ => Shown,
    };

    /// <summary>A figure as read in French: decimal comma, no thousands separator, "secret" when hidden, "—" when there is nothing.</summary>
    public static string Display(ReportFigure figure) =>
        figure.IsHidden ? "secret" : figure.Value is { } v ? Number(v) : "—";

    /// <summary>An evolution with its sign ("+12", "−3,5", "0").</summary>
    public static string Signed(ReportFigure figure) =>
        figure.IsHidden ? "secret" : figure.Value is { } v ? (v > 0 ? "+" : v < 0 ? "−" : "") + Number(Math.Abs(v)) : "—";

    /// <summary>A number with a decimal comma and at most one decimal.</summary>
    public static string Number(double value) => value.ToString("0.#", Numbers);

    /// <summary>How an indicator of this kind is counted (see docs/indicators.md).</summary>
    public static string Rule(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Referrals => "Une saisine par parcours, comptée l'année de sa date de saisine.",
        IndicatorKind.Followed => "Une personne par dispositif, comptée si elle a été accompagnée à un moment de l'année (une personne suivie dans deux dispositifs compte dans chacun).",
        IndicatorKind.Exits => "Une personne par dispositif sortie dans l'année, avec le motif de sa dernière sortie.",
        IndicatorKind.Orientations => "Une personne par structure vers laquelle une orientation a été proposée dans l'année.",
        IndicatorKind.DaysToFirstDecision => "Médiane, en jours, entre la saisine et la première décision d'une instance, pour les décisions de l'année.",
        IndicatorKind.OrientationAcceptanceRate => "Orientations acceptées parmi les orientations ayant reçu une réponse dans l'année (acceptées, refusées ou expirées).",
        IndicatorKind.DaysInPathway => "Médiane, en jours, entre le début de l'accompagnement et la sortie, pour les sorties de l'année.",
        IndicatorKind.Receptions => "Personnes reçues lors des permanences tenues dans l'année : la somme des accueils déclarés pour chaque permanence (accueil anonyme).",
        _ => "",
    };

    /// <summary>The audit trail's purpose of an export: "export csv 2026 BM".</summary>
    public static string Purpose(string format, int year, string? neighbourhood, string? asOf = null) =>
        $"export {format} {year} {neighbourhood ?? "territoire"}" + (asOf is null ? "" : $" au {asOf}");

    /// <summary>A file name such as <c>indicateurs-2026-beau-marais.csv</c>.</summary>
    public static string FileName(IndicatorReport report, string extension) =>
        $"indicateurs-{report.Year}-{Slug(report.Neighbourhood is null ? "territoire" : report.NeighbourhoodLabel)}.{extension}";

    public static string Slug(string label)
    {
        var letters = label.Replace("œ", "oe").Replace("Œ", "OE").Replace("æ", "ae").Replace("Æ", "AE").Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        return string.Join('-', new string(letters.ToArray()).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
