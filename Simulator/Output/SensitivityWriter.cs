using System.Globalization;
using Simulator.Experiments;
using Simulator.Output.Charts;

namespace Simulator.Output;

/// <summary>
/// Writes a <c>sensitivity</c> results folder: <c>sensitivity.csv</c>, the tornado charts of lost units and of
/// time-to-halt (PNG and SVG) and <c>run.json</c>, into a hidden temporary folder renamed into place when complete.
/// </summary>
public static class SensitivityWriter
{
    /// <summary>One row per target and parameter.</summary>
    public const string CsvFile = "sensitivity.csv";

    /// <summary>Tornado of lost units.</summary>
    public const string LostUnitsChart = "sensitivity-lost-units.png";

    /// <summary>Tornado of time-to-halt.</summary>
    public const string TimeToHaltChart = "sensitivity-time-to-halt.png";

    /// <summary>Columns of <see cref="CsvFile"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "target", "kind", "tier", "duration_h", "parameter", "entity", "part", "holder", "base_value", "low_value", "high_value",
        "base_time_to_halt_h", "low_time_to_halt_h", "high_time_to_halt_h", "base_lost_units", "low_lost_units", "high_lost_units",
        "time_to_halt_swing_h", "lost_units_swing",
    ];

    /// <summary>Writes every file into the claimed folder and returns the paths written, relative to it.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; no folder was created or changed.</exception>
    public static IReadOnlyList<string> Write(ResultsFolderClaim claim, SensitivityResult result, RunManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(manifest);
        return ResultsWriter.WriteAtomically(claim, folder =>
        {
            using (var writer = new StreamWriter(Path.Combine(folder, CsvFile), append: false, ResultsCsv.FileEncoding))
            {
                WriteCsv(writer, result, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            TornadoChart.Write(Path.Combine(folder, LostUnitsChart), result, timeToHalt: false);
            TornadoChart.Write(Path.Combine(folder, TimeToHaltChart), result, timeToHalt: true);
            cancellationToken.ThrowIfCancellationRequested();
            File.WriteAllText(Path.Combine(folder, ResultsWriter.ManifestFile), manifest.ToJson(), ResultsCsv.FileEncoding);
            return [CsvFile, LostUnitsChart, ChartCanvas.SvgOf(LostUnitsChart), TimeToHaltChart, ChartCanvas.SvgOf(TimeToHaltChart), ResultsWriter.ManifestFile];
        }, cancellationToken);
    }

    /// <summary>Writes <see cref="CsvFile"/>: every row of the result, in its order.</summary>
    public static void WriteCsv(TextWriter writer, SensitivityResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var hours = result.Targets.ToDictionary(t => t.Entry.Target.Id, t => t.Hours, StringComparer.Ordinal);
        var low = 1 - (result.Percent / 100);
        var high = 1 + (result.Percent / 100);
        using var csv = ResultsCsv.Open(writer, Columns);
        foreach (var row in result.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(row.Target.Id);
            csv.WriteField(row.Target.KindName);
            csv.WriteField(row.Target.TierText);
            csv.WriteField(Invariant.Number(hours[row.Target.Id]));
            csv.WriteField(row.KindName);
            csv.WriteField(row.Entity);
            csv.WriteField(row.Part);
            csv.WriteField(row.Holder);
            csv.WriteField(Invariant.Number(row.BaseValue));
            csv.WriteField(Invariant.Number(row.BaseValue * low));
            csv.WriteField(Invariant.Number(row.BaseValue * high));
            foreach (var outcome in new[] { row.Base, row.Low, row.High })
            {
                csv.WriteField(Invariant.Number(outcome.TimeToHaltHours));
            }

            foreach (var outcome in new[] { row.Base, row.Low, row.High })
            {
                csv.WriteField(Invariant.Number(outcome.LostUnits));
            }

            csv.WriteField(Invariant.Number(row.TimeToHaltSwingHours));
            csv.WriteField(Invariant.Number(row.LostUnitsSwing));
            csv.EndRecord();
        }
    }
}
