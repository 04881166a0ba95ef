using Simulator.Experiments;
using Simulator.Metrics;

namespace Simulator.Output;

/// <summary>Writers of the policy comparison files: <c>comparison.csv</c> and <c>comparison-paired.csv</c>.</summary>
/// <remarks>Same conventions as <see cref="ResultsCsv"/>: invariant numbers, empty for null and NaN, <c>\n</c>, UTF-8 without BOM.</remarks>
public static class ComparisonCsv
{
    /// <summary>One row per policy x line: metrics side by side with the stock held and its cost.</summary>
    public const string ComparisonFile = "comparison.csv";

    /// <summary>One row per pair of policies x line x metric: the paired difference and its interval.</summary>
    public const string PairedFile = "comparison-paired.csv";

    /// <summary>Header of <c>comparison.csv</c>.</summary>
    public static IReadOnlyList<string> ComparisonColumns { get; } =
    [
        "policy", "plant", "line", "replications", "time_to_halt_h_mean", "time_to_halt_censored", "time_to_recover_h_mean",
        "time_to_recover_censored", "lost_units_mean", "lost_units_ci95_low", "lost_units_ci95_high", "inventory_value_avg",
        "holding_cost",
    ];

    /// <summary>Header of <c>comparison-paired.csv</c>.</summary>
    public static IReadOnlyList<string> PairedColumns { get; } =
        ["policy_a", "policy_b", "plant", "line", "metric", "n", "mean_difference", "std_difference", "ci95_low", "ci95_high", "censored"];

    /// <summary>Writes <c>comparison.csv</c>.</summary>
    public static void WriteComparison(TextWriter writer, IEnumerable<ComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = ResultsCsv.Open(writer, ComparisonColumns);
        foreach (var row in rows)
        {
            csv.WriteField(row.Policy);
            csv.WriteField(row.Plant);
            csv.WriteField(row.Line);
            csv.WriteField(Invariant.Integer(row.Replications));
            csv.WriteField(Invariant.Number(row.MeanTimeToHaltHours));
            csv.WriteField(Invariant.Integer(row.TimeToHaltCensored));
            csv.WriteField(Invariant.Number(row.MeanTimeToRecoverHours));
            csv.WriteField(Invariant.Integer(row.TimeToRecoverCensored));
            csv.WriteField(Invariant.Number(row.MeanLostUnits));
            csv.WriteField(Invariant.Number(row.LostUnitsCi95Low));
            csv.WriteField(Invariant.Number(row.LostUnitsCi95High));
            csv.WriteField(Invariant.Number(row.AverageInventoryValue));
            csv.WriteField(Invariant.Number(row.HoldingCost));
            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>comparison-paired.csv</c>.</summary>
    public static void WritePaired(TextWriter writer, IEnumerable<PairedDifferenceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = ResultsCsv.Open(writer, PairedColumns);
        foreach (var row in rows)
        {
            csv.WriteField(row.PolicyA);
            csv.WriteField(row.PolicyB);
            csv.WriteField(row.Plant);
            csv.WriteField(row.Line);
            csv.WriteField(row.Metric);
            csv.WriteField(Invariant.Integer(row.N));
            csv.WriteField(Invariant.Number(row.MeanDifference));
            csv.WriteField(Invariant.Number(row.StdDifference));
            csv.WriteField(Invariant.Number(row.Ci95Low));
            csv.WriteField(Invariant.Number(row.Ci95High));
            csv.WriteField(Invariant.Integer(row.Censored));
            csv.EndRecord();
        }
    }
}
