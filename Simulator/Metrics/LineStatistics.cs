using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Simulator.Metrics;

/// <summary>Monte Carlo statistics of the line metrics over replications (see <c>docs/metrics.md</c>).</summary>
public static class LineStatistics
{
    /// <summary>Confidence level of the interval of the mean.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>
    /// Quantile definition of P05 / P50 / P95: R-7, linear interpolation between order statistics
    /// (the default of NumPy, R and Excel's PERCENTILE.INC), so planners can check the figures in a spreadsheet.
    /// </summary>
    public const QuantileDefinition Quantiles = QuantileDefinition.R7;

    /// <summary>
    /// One row per policy x plant x line x metric of <see cref="MetricNames.WithStatistics"/>. Censored runs
    /// (a null metric) are counted, never averaged; mean, spread and quantiles cover the uncensored runs only.
    /// Rows follow the order in which policies, plants and lines first appear, then the metric order.
    /// </summary>
    public static IReadOnlyList<StatisticsRow> Compute(IEnumerable<LineMetrics> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);

        // Group by first appearance without sorting: ids are user-chosen and scenario order is the one people read.
        var groups = new Dictionary<(string Policy, string Plant, string Line), List<LineMetrics>>();
        var policyOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        var plantOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            policyOrder.TryAdd(row.Policy, policyOrder.Count);
            plantOrder.TryAdd(row.Plant, plantOrder.Count);
            lineOrder.TryAdd(row.Line, lineOrder.Count);
            var key = (row.Policy, row.Plant, row.Line);
            if (!groups.TryGetValue(key, out var list))
            {
                list = [];
                groups.Add(key, list);
            }

            list.Add(row);
        }

        var result = new List<StatisticsRow>(groups.Count * MetricNames.WithStatistics.Count);
        var ordered = groups
            .OrderBy(g => policyOrder[g.Key.Policy])
            .ThenBy(g => plantOrder[g.Key.Plant])
            .ThenBy(g => lineOrder[g.Key.Line]);
        foreach (var ((policy, plant, line), runs) in ordered)
        {
            foreach (var metric in MetricNames.WithStatistics)
            {
                var values = runs.Select(r => MetricNames.ValueOf(r, metric));
                result.Add(Describe(policy, plant, line, metric, values));
            }
        }

        return result;
    }

    /// <summary>Statistics of one sample in which null marks a censored run.</summary>
    internal static StatisticsRow Describe(string policy, string plant, string line, string metric, IEnumerable<double?> values)
    {
        var observed = new List<double>();
        var censored = 0;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                observed.Add(v);
            }
            else
            {
                censored++;
            }
        }

        var n = observed.Count;
        var mean = n > 0 ? observed.Mean() : double.NaN;
        var std = n > 1 ? observed.StandardDeviation() : double.NaN;
        var (low, high) = ConfidenceInterval(mean, std, n);
        var sorted = observed.ToArray();
        Array.Sort(sorted);
        return new StatisticsRow(
            policy, plant, line, metric, n, mean, std, low, high,
            Quantile(sorted, 0.05), Quantile(sorted, 0.50), Quantile(sorted, 0.95), censored);
    }

    /// <summary>Student-t interval of the mean; NaN below two observations, where no spread is known.</summary>
    internal static (double Low, double High) ConfidenceInterval(double mean, double std, int n)
    {
        if (n < 2 || double.IsNaN(std))
        {
            return (double.NaN, double.NaN);
        }

        var t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - ConfidenceLevel) / 2));
        var halfWidth = t * std / Math.Sqrt(n);
        return (mean - halfWidth, mean + halfWidth);
    }

    private static double Quantile(double[] sorted, double tau) =>
        sorted.Length == 0 ? double.NaN : SortedArrayStatistics.QuantileCustom(sorted, tau, Quantiles);
}
