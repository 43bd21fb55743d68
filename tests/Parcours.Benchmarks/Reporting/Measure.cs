namespace Parcours.Benchmarks.Reporting;

/// <summary>
/// One line of the report: what Parcours did, what the hand-written baseline did on the same
/// PostgreSQL in the same run, their ratio and the goal's verdict (null: no verdict, as in the
/// smoke run or for a figure given for information).
/// </summary>
public sealed record Measure(
    string Goal,
    string Name,
    string Scale,
    double Parcours,
    double? Baseline,
    string Unit,
    double? Ratio,
    string Target,
    bool? Met,
    string Note)
{
    /// <summary>Parcours ÷ baseline must reach <paramref name="min"/> (throughputs: more is better).</summary>
    public static Measure AtLeast(string goal, string name, Scale scale, double parcours, double baseline, string unit, double min, string note = "") =>
        Judged(goal, name, scale, parcours, baseline, unit, parcours / baseline, $"≥ {min:0.##}", parcours / baseline >= min, note);

    /// <summary>Parcours ÷ baseline must stay under <paramref name="max"/> (times, latencies: less is better).</summary>
    public static Measure AtMost(string goal, string name, Scale scale, double parcours, double baseline, string unit, double max, string note = "") =>
        Judged(goal, name, scale, parcours, baseline, unit, parcours / baseline, $"≤ {max:0.##}", parcours / baseline <= max, note);

    /// <summary>A figure without a goal of its own (a baseline alone, an extrapolation, a count).</summary>
    public static Measure Info(string name, Scale scale, double value, string unit, string note = "") =>
        new("", name, scale.Name, value, null, unit, null, "", null, note);

    private static Measure Judged(string goal, string name, Scale scale, double parcours, double baseline, string unit, double ratio, string target, bool met, string note) =>
        new(goal, name, scale.Name, parcours, baseline, unit, ratio, target, scale == Benchmarks.Scale.Smoke ? null : met, note);
}
