using Marten;
using Parcours.Indicators.Definitions;
using Parcours.Reference;

namespace Parcours.Indicators.Publishing;

/// <summary>French labels of the codes a publication holds (neighbourhoods, programmes, sources...).</summary>
public sealed class IndicatorLabels(IReadOnlyDictionary<(Dimension, string), string> labels)
{
    public string Of(Dimension dimension, string code) => dimension switch
    {
        Dimension.Sex => code switch { "F" => "Femmes", "M" => "Hommes", _ => code },
        Dimension.AgeBand => code == "60+" ? "60 ans et plus" : $"{code} ans",
        _ => labels.GetValueOrDefault((dimension, code)) ?? code,
    };

    public static string Of(Dimension dimension) => dimension switch
    {
        Dimension.Neighbourhood => "Quartier",
        Dimension.Sex => "Sexe",
        Dimension.AgeBand => "Tranche d'âge",
        Dimension.Programme => "Programme",
        Dimension.ReferralSource => "Origine de la saisine",
        Dimension.Destination => "Orientation",
        Dimension.Outcome => "Motif de sortie",
        _ => dimension.ToString(),
    };

    public static async Task<IndicatorLabels> LoadAsync(IQuerySession session, CancellationToken ct)
    {
        var labels = new Dictionary<(Dimension, string), string>();
        foreach (var territory in await session.Query<Territory>().ToListAsync(ct))
            labels[(Dimension.Neighbourhood, territory.Id)] = territory.Label;
        foreach (var programme in await session.Query<Programme>().ToListAsync(ct))
            labels[(Dimension.Programme, programme.Id)] = programme.Label;
        var lists = new Dictionary<string, Dimension>
        {
            [CodeLists.ReferralSource] = Dimension.ReferralSource,
            [CodeLists.Destination] = Dimension.Destination,
            [CodeLists.ExitOutcome] = Dimension.Outcome,
        };
        var names = lists.Keys.ToArray();
        // Unscoped items first: a programme's own wording never replaces the shared one.
        foreach (var item in (await session.Query<CodeListItem>().Where(i => names.Contains(i.List)).ToListAsync(ct)).OrderBy(i => i.Programme is null ? 0 : 1))
            labels.TryAdd((lists[item.List], item.Code), item.Label);
        return new IndicatorLabels(labels);
    }
}
