using System.Globalization;
using Simulator.Experiments;
using Simulator.Scenarios;

namespace Simulator.Output;

/// <summary>
/// Writes a <c>size-buffers</c> results folder: <c>policy.yaml</c> (the sized policy, for <c>--policy-file</c>),
/// <c>buffers.csv</c>, <c>outages.csv</c> and <c>run.json</c>, into a hidden temporary folder renamed into place when complete.
/// </summary>
public static class BufferSizingWriter
{
    /// <summary>The policy file.</summary>
    public const string PolicyFile = "policy.yaml";

    /// <summary>One row per stock raised.</summary>
    public const string BuffersFile = "buffers.csv";

    /// <summary>One row per outage sized for.</summary>
    public const string OutagesFile = "outages.csv";

    /// <summary>Columns of <see cref="BuffersFile"/>.</summary>
    public static IReadOnlyList<string> BuffersColumns { get; } =
        ["holder", "node", "part", "tier", "unit_cost", "today_units", "lp_units", "sized_units", "added_units", "holding_cost_per_year"];

    /// <summary>Columns of <see cref="OutagesFile"/>.</summary>
    public static IReadOnlyList<string> OutagesColumns { get; } =
    [
        "node", "kind", "tier", "duration_h", "window_h", "today_time_to_halt_h", "today_lost_units", "today_lines_starved",
        "sized_time_to_halt_h", "sized_lost_units", "sized_lines_starved", "survived", "stock_cannot_help", "shared_with", "no_path_to_line",
    ];

    /// <summary>Writes every file into the claimed folder and returns the paths written, relative to it.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; no folder was created or changed.</exception>
    public static IReadOnlyList<string> Write(ResultsFolderClaim claim, BufferSizingResult result, RunManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(manifest);
        return ResultsWriter.WriteAtomically(claim, folder =>
        {
            File.WriteAllText(Path.Combine(folder, PolicyFile), PolicyYaml(result, manifest.ScenarioName), ResultsCsv.FileEncoding);
            using (var writer = new StreamWriter(Path.Combine(folder, BuffersFile), append: false, ResultsCsv.FileEncoding))
            {
                WriteBuffers(writer, result, cancellationToken);
            }

            using (var writer = new StreamWriter(Path.Combine(folder, OutagesFile), append: false, ResultsCsv.FileEncoding))
            {
                WriteOutages(writer, result, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.WriteAllText(Path.Combine(folder, ResultsWriter.ManifestFile), manifest.ToJson(), ResultsCsv.FileEncoding);
            return [PolicyFile, BuffersFile, OutagesFile, ResultsWriter.ManifestFile];
        }, cancellationToken);
    }

    /// <summary>The policy file: the sized policy with a header saying what it is for and what it costs.</summary>
    public static string PolicyYaml(BufferSizingResult result, string scenarioName)
    {
        ArgumentNullException.ThrowIfNull(result);
        var comment = string.Join('\n',
            $"Written by linesim size-buffers for scenario '{scenarioName}': today's policy '{result.TodayPolicy}' plus the least-cost stock",
            $"that carries every line through {Invariant.Integer(result.Outages.Count)} outages ({Invariant.Integer(result.Unsurvived)} still starve a line after {Invariant.Integer(result.Rounds)} rounds of simulation).",
            $"Holding cost a year: {Money(result.Sized.HoldingCostPerYear)} against {Money(result.Today.HoldingCostPerYear)} today ({Money(result.AddedHoldingCostPerYear)} more).",
            $"Use it with: linesim compare SCENARIO --policy-file policy.yaml --policies {result.TodayPolicy},{result.Policy.Id}");
        return ScenarioWriter.PoliciesToYaml([result.Policy], comment);
    }

    /// <summary>Writes <see cref="BuffersFile"/>.</summary>
    public static void WriteBuffers(TextWriter writer, BufferSizingResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = ResultsCsv.Open(writer, BuffersColumns);
        foreach (var stock in result.Stocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(stock.Holder == StockHolderKind.Line ? "line" : "supplier");
            csv.WriteField(stock.Node);
            csv.WriteField(stock.Part);
            csv.WriteField(Invariant.Integer(stock.Tier));
            csv.WriteField(Invariant.Number(stock.UnitCost));
            csv.WriteField(Invariant.Number(stock.TodayUnits));
            csv.WriteField(Invariant.Number(stock.LpUnits));
            csv.WriteField(Invariant.Number(stock.SizedUnits));
            csv.WriteField(Invariant.Number(stock.AddedUnits));
            csv.WriteField(Invariant.Number(stock.HoldingCostPerYear));
            csv.EndRecord();
        }
    }

    /// <summary>Writes <see cref="OutagesFile"/>.</summary>
    public static void WriteOutages(TextWriter writer, BufferSizingResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = ResultsCsv.Open(writer, OutagesColumns);
        foreach (var outage in result.Outages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(outage.Target.Id);
            csv.WriteField(outage.Target.KindName);
            csv.WriteField(outage.Target.TierText);
            csv.WriteField(Invariant.Number(outage.DurationHours));
            csv.WriteField(Invariant.Number(outage.WindowHours));
            foreach (var outcome in new[] { outage.Today, outage.Sized })
            {
                csv.WriteField(Invariant.Number(outcome.TimeToHaltHours));
                csv.WriteField(Invariant.Number(outcome.LostUnits));
                csv.WriteField(string.Join(';', outcome.StarvedLines));
            }

            csv.WriteField(outage.Survived ? "true" : "false");
            csv.WriteField(outage.StockCannotHelp ? "true" : "false");
            csv.WriteField(outage.SharedWith ?? string.Empty);
            csv.WriteField(outage.NoPathToLine ? "true" : "false");
            csv.EndRecord();
        }
    }

    private static string Money(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
