namespace Simulator.Metrics;

/// <summary>Placeholder until the statistics branch is merged.</summary>
public static class LineStatistics
{
    /// <summary>Statistics per policy, line and metric.</summary>
    public static IReadOnlyList<StatisticsRow> Compute(IEnumerable<LineMetrics> rows) => [];
}
