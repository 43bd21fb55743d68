using System.Globalization;
using Parcours.Audit;
using Parcours.Identity;
using Parcours.Indicators.Reproducing;
using Parcours.Kernel;
using Wolverine.Http;

namespace Parcours.Indicators.Publishing;

/// <summary>
/// What <c>GET /api/indicators</c> asks for: the years (<c>annees=2023,2026</c>, by default from
/// the baseline to this year) and, optionally, a past day (<c>asOf=2026-03-01</c>): the
/// publication as it stood at the end of that day, Paris time.
/// </summary>
public sealed record PublicationQuery(IReadOnlyList<int>? Years, DateTimeOffset? AsOf)
{
    public const int MaxYears = 20;
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static (PublicationQuery? Query, Refusal? Refusal) Parse(string? years, string? asOf, DateOnly today)
    {
        List<int>? parsedYears = null;
        if (!string.IsNullOrWhiteSpace(years))
        {
            parsedYears = [];
            foreach (var part in years.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > today.Year + 1)
                    return (null, Refusal.Invalid("annees", $"« {part} » n'est pas une année valide (de 2000 à {today.Year + 1}, séparées par des virgules)."));
                parsedYears.Add(year);
            }
            if (parsedYears.Count == 0) return (null, Refusal.Invalid("annees", "Indiquez au moins une année, par exemple annees=2023,2026."));
            if (parsedYears.Distinct().Count() > MaxYears) return (null, Refusal.Invalid("annees", $"Au plus {MaxYears} années à la fois."));
        }
        DateTimeOffset? instant = null;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return (null, Refusal.Invalid("asOf", $"« {asOf} » n'est pas une date au format AAAA-MM-JJ."));
            if (day > today) return (null, Refusal.Invalid("asOf", "La date de reproduction ne peut pas être dans le futur."));
            instant = EndOfDay(day);
        }
        return (new PublicationQuery(parsedYears, instant), null);
    }

    /// <summary>The last instant of a Paris calendar day (PostgreSQL keeps microseconds).</summary>
    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        var nextMidnight = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Paris);
        return new DateTimeOffset(nextMidnight, TimeSpan.Zero).AddTicks(-TimeSpan.TicksPerMicrosecond);
    }
}

public static class GetPublicationEndpoint
{
    public const string Refused = "Les indicateurs sont réservés aux chargés d'évaluation et aux coordinateurs de programme.";

    /// <summary>The publication as JSON, live or as of a past day; each one handed out is logged so it can be reproduced.</summary>
    [WolverineGet("/api/indicators", OperationId = "getIndicators")]
    public static async Task<IResult> Get(CurrentWorker worker, IndicatorPublications publications, PublicationLog log, AuditTrail trail, TimeProvider time,
        CancellationToken ct, string? annees = null, string? asOf = null)
    {
        var allowed = IndicatorAccess.MayRead(worker);
        await trail.RecordAsync(AuditEntry.By(worker, "indicators.read", "publication des indicateurs", allowed ? AuditOutcome.Allowed : AuditOutcome.Refused), ct);
        if (!allowed) return OutcomeResults.ToProblem(Refusal.Forbidden(Refused));
        var (query, refusal) = PublicationQuery.Parse(annees, asOf, time.Today());
        if (refusal is not null) return OutcomeResults.ToProblem(refusal);
        var publication = query!.AsOf is { } instant
            ? await publications.AsOfAsync(instant, query.Years, ct)
            : await publications.LiveAsync(query.Years, ct);
        await log.RecordAsync(publication, worker, "api", neighbourhood: null, ct);
        return Results.Ok(publication);
    }
}
