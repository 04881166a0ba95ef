using MathNet.Numerics.Statistics;

namespace Simulator.Metrics;

/// <summary>The difference of one metric of one line between two policies, replication by replication (same seeds).</summary>
/// <param name="PolicyA">The reference policy.</param>
/// <param name="PolicyB">The policy compared with it.</param>
/// <param name="Plant">Plant id.</param>
/// <param name="Line">Line id.</param>
/// <param name="Metric">Metric column name, for example <c>lost_units</c>.</param>
/// <param name="N">Replications in which both policies have a value (pairs).</param>
/// <param name="MeanDifference">Mean of (value under B − value under A) over the pairs.</param>
/// <param name="StdDifference">Sample standard deviation of the differences (NaN below two pairs).</param>
/// <param name="Ci95Low">Lower bound of the paired Student-t 95 % interval of the mean difference.</param>
/// <param name="Ci95High">Upper bound of that interval.</param>
/// <param name="Censored">Replications left out because either policy had no value (for example a line that did not halt).</param>
public sealed record PairedDifferenceRow(
    string PolicyA,
    string PolicyB,
    string Plant,
    string Line,
    string Metric,
    int N,
    double MeanDifference,
    double StdDifference,
    double Ci95Low,
    double Ci95High,
    int Censored)
{
    /// <summary>True when the interval excludes zero: the difference is unlikely to be noise of the replications.</summary>
    public bool IsSignificant => N >= 2 && (Ci95Low > 0 || Ci95High < 0);
}

/// <summary>
/// Paired comparison of policies run on the same seeds: because replication r of every policy draws the same random
/// numbers, the per-replication difference removes the noise both share, and its interval is far narrower than the
/// difference of two independent intervals (see <c>docs/metrics.md</c>).
/// </summary>
public static class PairedDifferences
{
    /// <summary>The metrics compared between policies, in the order <c>comparison-paired.csv</c> lists them.</summary>
    public static IReadOnlyList<string> Metrics { get; } =
        [MetricNames.LostUnits, MetricNames.TimeToHalt, MetricNames.Downtime, MetricNames.TimeToRestart, MetricNames.TimeToRecover];

    /// <summary>
    /// One row per pair of policies (each policy against every later one, in <paramref name="policies"/> order) x line x
    /// metric of <see cref="Metrics"/>. Replications are matched by index; a replication missing under either policy,
    /// or censored under either, is left out of the pair and counted in <see cref="PairedDifferenceRow.Censored"/>.
    /// </summary>
    public static IReadOnlyList<PairedDifferenceRow> Compute(IEnumerable<LineMetrics> lines, IReadOnlyList<string> policies)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(policies);
        var byKey = new Dictionary<(string Policy, string Plant, string Line), Dictionary<int, LineMetrics>>();
        var lineOrder = new List<(string Plant, string Line)>();
        var seenLines = new HashSet<(string Plant, string Line)>();
        foreach (var line in lines)
        {
            if (seenLines.Add((line.Plant, line.Line)))
            {
                lineOrder.Add((line.Plant, line.Line));
            }

            var key = (line.Policy, line.Plant, line.Line);
            if (!byKey.TryGetValue(key, out var runs))
            {
                runs = [];
                byKey.Add(key, runs);
            }

            runs[line.Replication] = line;
        }

        var rows = new List<PairedDifferenceRow>();
        for (var a = 0; a < policies.Count; a++)
        {
            for (var b = a + 1; b < policies.Count; b++)
            {
                foreach (var (plant, line) in lineOrder)
                {
                    if (!byKey.TryGetValue((policies[a], plant, line), out var runsA) || !byKey.TryGetValue((policies[b], plant, line), out var runsB))
                    {
                        continue;
                    }

                    var replications = runsA.Keys.Union(runsB.Keys).Order().ToArray();
                    foreach (var metric in Metrics)
                    {
                        var pairs = replications.Select(r => (
                            A: runsA.TryGetValue(r, out var x) ? MetricNames.ValueOf(x, metric) : null,
                            B: runsB.TryGetValue(r, out var y) ? MetricNames.ValueOf(y, metric) : null));
                        rows.Add(Describe(policies[a], policies[b], plant, line, metric, pairs));
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>Paired statistics of (B − A) over the pairs in which both values are present.</summary>
    public static PairedDifferenceRow Describe(
        string policyA, string policyB, string plant, string line, string metric, IEnumerable<(double? A, double? B)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var differences = new List<double>();
        var censored = 0;
        foreach (var (a, b) in pairs)
        {
            if (a is { } x && b is { } y)
            {
                differences.Add(y - x);
            }
            else
            {
                censored++;
            }
        }

        var n = differences.Count;
        var mean = n > 0 ? differences.Mean() : double.NaN;
        var std = n > 1 ? differences.StandardDeviation() : double.NaN;
        var (low, high) = LineStatistics.ConfidenceInterval(mean, std, n);
        return new PairedDifferenceRow(policyA, policyB, plant, line, metric, n, mean, std, low, high, censored);
    }
}
