using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>Monte Carlo statistics of one line's metrics in one disruption's attribution window, under one policy.</summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Disruption">Disruption id.</param>
/// <param name="Plant">Plant id.</param>
/// <param name="Line">Line id.</param>
/// <param name="Runs">Replications measured.</param>
/// <param name="TimeToHalt">Statistics of <c>time_to_halt_h</c> (censored: no halt in the window).</param>
/// <param name="TimeToRestart">Statistics of <c>time_to_restart_h</c>.</param>
/// <param name="TimeToRecover">Statistics of <c>time_to_recover_h</c>.</param>
/// <param name="Downtime">Statistics of <c>downtime_h</c>.</param>
/// <param name="LostUnits">Statistics of <c>lost_units</c>.</param>
/// <param name="HaltCause">The most frequent halt cause in the window over the runs, or null when the line never halted in it.</param>
public sealed record DisruptionStatisticsRow(
    string Policy,
    string Disruption,
    string Plant,
    string Line,
    int Runs,
    StatisticsRow TimeToHalt,
    StatisticsRow TimeToRestart,
    StatisticsRow TimeToRecover,
    StatisticsRow Downtime,
    StatisticsRow LostUnits,
    CauseCount? HaltCause);

/// <summary>How often one halt cause occurred among a number of runs.</summary>
/// <param name="Cause">The cause chain.</param>
/// <param name="Count">Runs in which it was the cause.</param>
/// <param name="Runs">Runs considered.</param>
public sealed record CauseCount(CauseChain Cause, int Count, int Runs);

/// <summary>Statistics of the per-disruption metrics over replications, and the most frequent halt cause.</summary>
public static class DisruptionStatistics
{
    /// <summary>One row per policy x disruption x line, in the order they first appear.</summary>
    public static IReadOnlyList<DisruptionStatisticsRow> Compute(IEnumerable<DisruptionMetrics> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows
            .GroupBy(r => (r.Policy, r.Disruption, r.Plant, r.Line))
            .Select(g =>
            {
                var runs = g.ToList();
                var (policy, disruption, plant, line) = g.Key;
                StatisticsRow Of(string metric, Func<DisruptionMetrics, double?> value) =>
                    LineStatistics.Describe(policy, plant, line, metric, runs.Select(value));
                return new DisruptionStatisticsRow(
                    policy, disruption, plant, line, runs.Count,
                    Of(MetricNames.TimeToHalt, r => r.TimeToHaltHours),
                    Of(MetricNames.TimeToRestart, r => r.TimeToRestartHours),
                    Of(MetricNames.TimeToRecover, r => r.TimeToRecoverHours),
                    Of(MetricNames.Downtime, r => r.DowntimeHours),
                    Of(MetricNames.LostUnits, r => r.LostUnits),
                    MostFrequent(runs.Select(r => r.HaltCause), runs.Count));
            })
            .ToList();
    }

    /// <summary>
    /// The most frequent non-empty cause (ties: the ordinally first), with its count among <paramref name="runs"/>;
    /// null when every cause is empty.
    /// </summary>
    public static CauseCount? MostFrequent(IEnumerable<CauseChain> causes, int runs)
    {
        ArgumentNullException.ThrowIfNull(causes);
        var top = causes.Where(c => !c.IsEmpty).GroupBy(c => c)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .FirstOrDefault();
        return top is null ? null : new CauseCount(top.Key, top.Count(), runs);
    }
}
