using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>Turns a disrupted run and its paired baseline into the per-line metrics of docs/metrics.md.</summary>
public static class LineMetricsCalculator
{
    /// <summary>One <see cref="LineMetrics"/> per line, in scenario order.</summary>
    public static IReadOnlyList<LineMetrics> Compute(string policy, int replication, ulong seed, RunTrace disrupted, RunTrace baseline)
    {
        var start = disrupted.Windows.Count > 0 ? disrupted.Windows.Min(w => w.StartHours) : (double?)null;
        var rows = new List<LineMetrics>(disrupted.Lines.Count);
        for (var i = 0; i < disrupted.Lines.Count; i++)
        {
            var line = disrupted.Lines[i];
            var reference = baseline.Lines[i];
            var end = line.DisruptionEndHours;
            rows.Add(new LineMetrics(
                policy,
                replication,
                seed,
                line.PlantId,
                line.LineId,
                line.FirstHaltHours - start,
                line.DowntimeHours,
                line.RestartHours is { } restart && end is { } e1 ? Math.Max(0, restart - e1) : null,
                line.FullRateHours is { } full && end is { } e2 ? Math.Max(0, full - e2) : null,
                reference.ProducedUnits - line.ProducedUnits,
                line.PlannedUnits,
                line.ProducedUnits,
                line.HaltCause ?? CauseChain.None,
                reference.ProducedUnits,
                line.RestartHours - line.FirstHaltHours));
        }

        return rows;
    }
}
