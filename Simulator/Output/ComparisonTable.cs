using System.Globalization;
using Simulator.Experiments;
using Simulator.Metrics;

namespace Simulator.Output;

/// <summary>The console tables of <c>compare</c>: policies side by side, then the paired differences.</summary>
public static class ComparisonTable
{
    /// <summary>One row per policy x line: when lines halt and recover, what they lose, and what the stock costs.</summary>
    public static TextTable Build(PolicyComparison comparison)
    {
        List<string> columns =
        [
            "policy", "plant", "line", "time to halt (h)", "time to recover (h)", "lost units (95 % CI)", "inventory value", "holding cost",
        ];
        var rows = comparison.Rows.Select(row => (IReadOnlyList<string>)
        [
            row.Policy, row.Plant, row.Line,
            Censored(row.MeanTimeToHaltHours, row.TimeToHaltCensored, row.Replications, "never halted"),
            Censored(row.MeanTimeToRecoverHours, row.TimeToRecoverCensored, row.Replications, "no recovery"),
            $"{Units(row.MeanLostUnits)} ({Units(row.LostUnitsCi95Low)} to {Units(row.LostUnitsCi95High)})",
            Units(row.AverageInventoryValue), Units(row.HoldingCost),
        ]).ToList();
        var horizon = comparison.HorizonHours.ToString("0.#", CultureInfo.InvariantCulture);
        var rate = (comparison.HoldingCostRatePerYear * 100).ToString("0.##", CultureInfo.InvariantCulture);
        IReadOnlyList<string> notes =
        [
            "time cells are means over the runs that had a value; (k/n ...) counts the runs without one, left out of the mean",
            $"inventory value: time-weighted value of all stock in the network under the policy (undisrupted run); holding cost = value x {rate} % a year x {horizon} h / 8760",
        ];
        return new TextTable(columns, rows, notes, "Policies on the same seeds");
    }

    /// <summary>One row per pair of policies x line: the paired difference of lost units and of time-to-halt.</summary>
    public static TextTable BuildPaired(PolicyComparison comparison)
    {
        List<string> columns = ["policy A", "policy B", "plant", "line", "lost units B - A (95 % CI)", "verdict", "time to halt B - A (h, 95 % CI)"];
        var halts = comparison.Paired
            .Where(p => p.Metric == MetricNames.TimeToHalt)
            .ToDictionary(p => (p.PolicyA, p.PolicyB, p.Plant, p.Line));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var lost in comparison.Paired.Where(p => p.Metric == MetricNames.LostUnits))
        {
            var halt = halts.GetValueOrDefault((lost.PolicyA, lost.PolicyB, lost.Plant, lost.Line));
            rows.Add(
            [
                lost.PolicyA, lost.PolicyB, lost.Plant, lost.Line,
                Interval(lost, Units),
                Verdict(lost),
                halt is null ? "-" : Interval(halt, Hours) + (halt.Censored > 0 ? $" ({halt.N.ToString(CultureInfo.InvariantCulture)} pairs)" : string.Empty),
            ]);
        }

        IReadOnlyList<string> notes = rows.Count == 0
            ? ["paired differences need at least two policies"]
            : ["differences are per replication on the same seeds (B minus A); 'real' means the 95 % interval excludes 0; details in comparison-paired.csv"];
        return new TextTable(columns, rows, notes, "Paired differences (same seeds)");
    }

    private static string Verdict(PairedDifferenceRow row)
    {
        if (row.N < 2)
        {
            return "too few runs";
        }

        if (!row.IsSignificant)
        {
            return row.StdDifference == 0 && row.MeanDifference == 0 ? "identical" : "no clear difference";
        }

        return row.MeanDifference < 0 ? $"{row.PolicyB} loses less" : $"{row.PolicyB} loses more";
    }

    private static string Interval(PairedDifferenceRow row, Func<double, string> format) =>
        row.N == 0 ? "-"
        : row.N < 2 ? format(row.MeanDifference)
        : $"{format(row.MeanDifference)} ({format(row.Ci95Low)} to {format(row.Ci95High)})";

    private static string Censored(double mean, int censored, int runs, string what)
    {
        if (censored >= runs)
        {
            return what;
        }

        var value = Hours(mean);
        return censored == 0 ? value : $"{value} ({censored.ToString(CultureInfo.InvariantCulture)}/{runs.ToString(CultureInfo.InvariantCulture)} {what})";
    }

    private static string Hours(double value) => double.IsFinite(value) ? value.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Units(double value) => double.IsFinite(value) ? value.ToString("#,0", CultureInfo.InvariantCulture) : "-";
}
