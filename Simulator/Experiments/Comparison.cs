using MathNet.Numerics.Statistics;
using Simulator.Metrics;

namespace Simulator.Experiments;

/// <summary>One line under one policy, side by side with the stock the policy holds (a row of <c>comparison.csv</c>).</summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Plant">Plant id.</param>
/// <param name="Line">Line id.</param>
/// <param name="Replications">Replications run.</param>
/// <param name="MeanTimeToHaltHours">Mean time-to-halt over the runs in which the line halted (NaN when none did).</param>
/// <param name="TimeToHaltCensored">Runs in which the line never halted.</param>
/// <param name="MeanTimeToRecoverHours">Mean time-to-recover over the runs that lost rate and recovered (NaN when none).</param>
/// <param name="TimeToRecoverCensored">Runs without a time-to-recover.</param>
/// <param name="MeanLostUnits">Mean lost units against the paired baseline.</param>
/// <param name="LostUnitsCi95Low">Lower bound of the 95 % interval of that mean.</param>
/// <param name="LostUnitsCi95High">Upper bound of that interval.</param>
/// <param name="AverageInventoryValue">Time-weighted value of all stock held in the network under the policy (the same on every line of the policy).</param>
/// <param name="HoldingCost">What holding that stock costs over the horizon.</param>
public sealed record ComparisonRow(
    string Policy,
    string Plant,
    string Line,
    int Replications,
    double MeanTimeToHaltHours,
    int TimeToHaltCensored,
    double MeanTimeToRecoverHours,
    int TimeToRecoverCensored,
    double MeanLostUnits,
    double LostUnitsCi95Low,
    double LostUnitsCi95High,
    double AverageInventoryValue,
    double HoldingCost);

/// <summary>One policy over the whole network: lost units of all lines together against the stock it holds.</summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Replications">Replications run.</param>
/// <param name="MeanLostUnits">Mean over replications of the lost units of all lines together.</param>
/// <param name="LostUnitsCi95Low">Lower bound of the 95 % interval of that mean.</param>
/// <param name="LostUnitsCi95High">Upper bound of that interval.</param>
/// <param name="AverageInventoryValue">Mean over replications of the time-weighted value of all stock held in the baseline run.</param>
/// <param name="InventoryCi95Low">Lower bound of the 95 % interval of that mean.</param>
/// <param name="InventoryCi95High">Upper bound of that interval.</param>
/// <param name="HoldingCost">Holding cost of <paramref name="AverageInventoryValue"/> over the horizon.</param>
public sealed record PolicyTotals(
    string Policy,
    int Replications,
    double MeanLostUnits,
    double LostUnitsCi95Low,
    double LostUnitsCi95High,
    double AverageInventoryValue,
    double InventoryCi95Low,
    double InventoryCi95High,
    double HoldingCost);

/// <summary>Policies compared on the same seeds: per line, per policy over the network, and paired differences.</summary>
/// <param name="Policies">Policies in run order; the first is the reference of the paired differences.</param>
/// <param name="HoldingCostRatePerYear">Annual holding cost as a fraction of inventory value.</param>
/// <param name="HorizonHours">Simulated hours over which holding cost accrues.</param>
/// <param name="Rows">One row per policy x line.</param>
/// <param name="Totals">One row per policy.</param>
/// <param name="Paired">Differences between every pair of policies, per line and metric.</param>
public sealed record PolicyComparison(
    IReadOnlyList<string> Policies,
    double HoldingCostRatePerYear,
    double HorizonHours,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<PolicyTotals> Totals,
    IReadOnlyList<PairedDifferenceRow> Paired)
{
    /// <summary>The most replications any policy ran (with <c>--until-precision</c> policies may run different numbers); 0 without totals.</summary>
    public int MostReplications => Totals.Select(t => t.Replications).DefaultIfEmpty(0).Max();
}

/// <summary>Builds a <see cref="PolicyComparison"/> from an experiment run under several policies on the same seeds.</summary>
public static class Comparison
{
    /// <summary>Hours in a year, for turning an annual holding-cost rate into a cost over the horizon.</summary>
    public const double HoursPerYear = 8760;

    /// <summary>Holding cost of an average inventory value over a horizon: value x rate x horizon / 8760.</summary>
    public static double HoldingCost(double inventoryValue, double ratePerYear, double horizonHours) =>
        inventoryValue * ratePerYear * horizonHours / HoursPerYear;

    /// <summary>
    /// Compares the policies of <paramref name="result"/>. Inventory is the time-weighted value of all stock (line side,
    /// supplier inputs and finished goods, in transit) in the undisrupted baseline run: what the policy costs to hold in
    /// normal operation, not what is left during an outage.
    /// </summary>
    public static PolicyComparison Compute(ExperimentResult result, double holdingCostRatePerYear)
    {
        ArgumentNullException.ThrowIfNull(result);
        var records = result.Records;
        var lines = records.SelectMany(r => r.Lines).ToArray();
        var statistics = result.Statistics.Count > 0 ? result.Statistics : LineStatistics.Compute(lines);
        var stats = statistics.ToDictionary(s => (s.Policy, s.Plant, s.Line, s.Metric));

        var totals = new List<PolicyTotals>();
        var inventory = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var policy in result.Policies)
        {
            var runs = records.Where(r => r.Policy == policy).ToArray();
            var lost = Describe(runs.Select(r => r.Lines.Sum(l => l.LostUnits)).ToArray());
            var value = Describe(runs.Select(r => r.InventoryValue).ToArray());
            inventory[policy] = value.Mean;
            totals.Add(new PolicyTotals(
                policy, runs.Length, lost.Mean, lost.Low, lost.High, value.Mean, value.Low, value.High,
                HoldingCost(value.Mean, holdingCostRatePerYear, result.HorizonHours)));
        }

        var rows = new List<ComparisonRow>();
        foreach (var key in lines.Select(l => (l.Policy, l.Plant, l.Line)).Distinct())
        {
            StatisticsRow Stat(string metric) => stats[(key.Policy, key.Plant, key.Line, metric)];
            var halt = Stat(MetricNames.TimeToHalt);
            var recover = Stat(MetricNames.TimeToRecover);
            var lost = Stat(MetricNames.LostUnits);
            var value = inventory.GetValueOrDefault(key.Policy, double.NaN);
            rows.Add(new ComparisonRow(
                key.Policy, key.Plant, key.Line, lost.N + lost.Censored,
                halt.Mean, halt.Censored, recover.Mean, recover.Censored,
                lost.Mean, lost.Ci95Low, lost.Ci95High,
                value, HoldingCost(value, holdingCostRatePerYear, result.HorizonHours)));
        }

        var paired = PairedDifferences.Compute(lines, result.Policies);
        return new PolicyComparison(result.Policies, holdingCostRatePerYear, result.HorizonHours, rows, totals, paired);
    }

    private static (double Mean, double Low, double High) Describe(double[] values)
    {
        var mean = values.Length > 0 ? values.Mean() : double.NaN;
        var std = values.Length > 1 ? values.StandardDeviation() : double.NaN;
        var (low, high) = LineStatistics.ConfidenceInterval(mean, std, values.Length);
        return (mean, low, high);
    }
}
