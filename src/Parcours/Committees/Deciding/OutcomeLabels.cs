namespace Parcours.Committees.Deciding;

/// <summary>The French words for decisions and committee kinds, in one place (API messages and pages).</summary>
public static class OutcomeLabels
{
    public static string Outcome(ItemOutcome? outcome) => outcome switch
    {
        ItemOutcome.Orient => "Orienter",
        ItemOutcome.Postpone => "Ajourner",
        ItemOutcome.NoAction => "Pas de suite",
        ItemOutcome.Continue => "Poursuivre le parcours",
        ItemOutcome.Close => "Clore le parcours",
        ItemOutcome.ReferElsewhere => "Orienter ailleurs",
        _ => "décision inconnue",
    };

    public static string KindWithArticle(CommitteeKind kind) => kind switch
    {
        CommitteeKind.PreTeam => "une équipe pluridisciplinaire du PRE",
        CommitteeKind.CiteAdults => "le comité Cité de l'emploi des plus de 26 ans",
        _ => "un comité d'admission",
    };

    public static string Kind(CommitteeKind kind) => kind switch
    {
        CommitteeKind.MutualisedAdmission => "Comité d'admission mutualisé SAS Coluche – Cité de l'emploi",
        CommitteeKind.SasAdmission => "Comité SAS Coluche",
        CommitteeKind.CiteAdmission => "Comité Cité de l'emploi (jeunes)",
        CommitteeKind.CiteAdults => "Comité Cité de l'emploi (plus de 26 ans)",
        CommitteeKind.PreTeam => "Équipe pluridisciplinaire du PRE",
        _ => kind.ToString(),
    };
}
