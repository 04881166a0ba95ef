using MathNet.Numerics.Statistics;

namespace Simulator.Metrics;

/// <summary>Five-number summary of a sample: minimum, quartiles (R-7, as <see cref="LineStatistics.Quantiles"/>) and maximum.</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="LowerQuartile">25th percentile.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="UpperQuartile">75th percentile.</param>
/// <param name="Max">Largest value.</param>
public sealed record BoxSummary(double Min, double LowerQuartile, double Median, double UpperQuartile, double Max)
{
    /// <summary>The summary of <paramref name="values"/>, or null when there are none.</summary>
    public static BoxSummary? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0
            ? null
            : new BoxSummary(
                sorted[0],
                SortedArrayStatistics.QuantileCustom(sorted, 0.25, LineStatistics.Quantiles),
                SortedArrayStatistics.QuantileCustom(sorted, 0.50, LineStatistics.Quantiles),
                SortedArrayStatistics.QuantileCustom(sorted, 0.75, LineStatistics.Quantiles),
                sorted[^1]);
    }
}

/// <summary>Time-to-halt of one line (or of several pooled) under one policy over its replications.</summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Runs">Runs (line x replication) counted.</param>
/// <param name="TimesToHaltHours">The time-to-halt of every run that halted, ascending.</param>
/// <param name="Box">Their five-number summary; null when no run halted.</param>
public sealed record HaltDistribution(string Policy, int Runs, IReadOnlyList<double> TimesToHaltHours, BoxSummary? Box)
{
    /// <summary>Runs in which the line never halted (censored).</summary>
    public int CensoredRuns => Runs - TimesToHaltHours.Count;
}

/// <summary>One row of the time-to-halt chart: a line, or the lines left out pooled into one.</summary>
/// <param name="Lines">The (plant, line) of the row: one line, or every line pooled into the rest.</param>
/// <param name="ByPolicy">One distribution per policy, in policy order.</param>
public sealed record HaltDistributionRow(IReadOnlyList<(string Plant, string Line)> Lines, IReadOnlyList<HaltDistribution> ByPolicy)
{
    /// <summary>True for the row that pools the lines beyond the top ones.</summary>
    public bool IsRest => Lines.Count > 1;
}

/// <summary>The distribution of time-to-halt per line and policy, with the lines beyond a readable number pooled.</summary>
public static class TimeToHaltDistribution
{
    /// <summary>
    /// One row per line in scenario order when there are at most <paramref name="maxRows"/> lines; otherwise the
    /// <c>maxRows - 1</c> lines that halt soonest (smallest median time-to-halt under any policy; lines that never halt
    /// last; ties in scenario order), soonest first, and one last row pooling the runs of all the others.
    /// </summary>
    public static IReadOnlyList<HaltDistributionRow> Of(IReadOnlyList<LineMetrics> lines, IReadOnlyList<string> policies, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 2);
        var keys = lines.Select(l => (l.Plant, l.Line)).Distinct().ToList();
        var rows = keys.Select(k => Row([k], lines, policies)).ToList();
        if (rows.Count <= maxRows)
        {
            return rows;
        }

        var ranked = rows
            .Select((row, order) => (Row: row, Order: order, Soonest: row.ByPolicy.Select(d => d.Box?.Median ?? double.PositiveInfinity).DefaultIfEmpty(double.PositiveInfinity).Min()))
            .OrderBy(r => r.Soonest)
            .ThenBy(r => r.Order)
            .Select(r => r.Row)
            .ToList();
        var top = ranked.Take(maxRows - 1).ToList();
        top.Add(Row(ranked.Skip(maxRows - 1).SelectMany(r => r.Lines).ToList(), lines, policies));
        return top;
    }

    private static HaltDistributionRow Row(IReadOnlyList<(string Plant, string Line)> keys, IReadOnlyList<LineMetrics> lines, IReadOnlyList<string> policies)
    {
        var members = keys.ToHashSet();
        var byPolicy = policies.Select(policy =>
        {
            var runs = lines.Where(l => l.Policy == policy && members.Contains((l.Plant, l.Line))).ToList();
            var halts = runs.Where(r => r.TimeToHaltHours is not null).Select(r => r.TimeToHaltHours!.Value).Order().ToList();
            return new HaltDistribution(policy, runs.Count, halts, BoxSummary.Of(halts));
        }).ToList();
        return new HaltDistributionRow(keys, byPolicy);
    }
}
