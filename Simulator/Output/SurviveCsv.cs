using System.Globalization;
using CsvHelper;
using Simulator.Experiments;
using Simulator.Metrics;

namespace Simulator.Output;

/// <summary>Writer (and, for <c>--previous</c>, reader) of <c>survive.csv</c>: one row per target, most urgent first.</summary>
/// <remarks>Line and plant ids are joined by <c>;</c>; timestamps keep the as-of time's UTC offset.</remarks>
public static class SurviveCsv
{
    /// <summary>File name in the results folder.</summary>
    public const string FileName = "survive.csv";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "rank", "node", "kind", "tier", "hours_to_halt", "halt_at", "recovery_h", "recovered_at", "needs_mitigation", "slack_h",
        "lines_at_risk", "plants_at_risk", "vehicles_at_risk", "lines_back_after_h", "cause_chain",
        "previous_hours_to_halt", "shrank_by_h", "newly_needs_mitigation",
    ];

    /// <summary>The header for <paramref name="result"/>: <see cref="Columns"/>, then with the LP method the optimum's columns (as in <c>criticality.csv</c>).</summary>
    public static IReadOnlyList<string> ColumnsOf(SurviveResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Method == StressMethod.Lp ? [.. Columns, .. CriticalityCsv.OptimumColumns] : Columns;
    }

    /// <summary>Writes every node with its header.</summary>
    public static void Write(TextWriter writer, SurviveResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = ResultsCsv.Open(writer, ColumnsOf(result));
        var changes = (result.Changes ?? []).ToDictionary(c => (c.Kind, c.Id));
        foreach (var node in result.Nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(Invariant.Integer(node.Rank));
            csv.WriteField(node.Target.Id);
            csv.WriteField(node.Target.KindName);
            csv.WriteField(node.Target.TierText);
            csv.WriteField(Invariant.Number(node.HoursToHalt));
            csv.WriteField(node.HoursToHalt is { } halt ? Invariant.Timestamp(result.AsOf, halt) : string.Empty);
            csv.WriteField(Invariant.Number(node.RecoveryHours));
            csv.WriteField(Invariant.Timestamp(result.AsOf, node.RecoveryHours));
            csv.WriteField(node.NeedsMitigation ? "true" : "false");
            csv.WriteField(Invariant.Number(node.SlackHours));
            csv.WriteField(string.Join(';', node.LinesAtRisk));
            csv.WriteField(string.Join(';', node.PlantsAtRisk));
            csv.WriteField(Invariant.Number(node.VehiclesAtRisk));
            csv.WriteField(Invariant.Number(node.LinesBackAfterHours));
            csv.WriteField(HaltCause.Format(node.CauseChain));
            var change = result.Changes is null ? null : changes.GetValueOrDefault((node.Target.KindName, node.Target.Id));
            csv.WriteField(Invariant.Number(change?.PreviousHoursToHalt));
            csv.WriteField(Invariant.Number(change?.ShrankByHours));
            csv.WriteField(result.Changes is null ? string.Empty : change?.NewlyNeedsMitigation == true ? "true" : "false");
            if (result.Method == StressMethod.Lp)
            {
                csv.WriteField(Invariant.Number(node.Optimum?.TimeToSurviveHours));
                csv.WriteField(Invariant.Number(node.Optimum?.LostUnits));
                csv.WriteField(Invariant.Number(node.Optimum?.RiskExposureIndex));
            }

            csv.EndRecord();
        }
    }

    /// <summary>
    /// Reads the nodes of an earlier <c>survive.csv</c> (a previous snapshot). Problems (a missing column, a value that
    /// is not a number or a boolean) come back as text naming the file, line and column; the rows are then empty.
    /// </summary>
    public static (IReadOnlyList<SurviveSnapshotRow> Rows, string? Problem) ReadSnapshot(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return ([], $"{path}: not found (hint: --previous takes the results folder of an earlier 'linesim survive')");
        }

        using var csv = CsvReader.Create(File.ReadAllBytes(path), new CsvReaderOptions { TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture });
        var header = csv.Headers.ToArray();
        var required = new[] { "node", "kind", "hours_to_halt", "needs_mitigation" };
        var index = required.Select(c => Array.IndexOf(header, c)).ToArray();
        if (index.Any(i => i < 0))
        {
            var missing = required.Where((_, k) => index[k] < 0);
            return ([], $"{path}, line 1: column '{string.Join("', '", missing)}' is missing (hint: is this a survive.csv?)");
        }

        var rows = new List<SurviveSnapshotRow>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var hoursText = csv.GetString(index[2]);
            double? hours = null;
            if (hoursText.Length > 0)
            {
                if (!double.TryParse(hoursText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return ([], $"{path}, line {line}, column hours_to_halt: '{hoursText}' is not a number of hours");
                }

                hours = parsed;
            }

            var mitigationText = csv.GetString(index[3]);
            if (mitigationText is not ("true" or "false"))
            {
                return ([], $"{path}, line {line}, column needs_mitigation: '{mitigationText}' is not true or false");
            }

            rows.Add(new SurviveSnapshotRow(csv.GetString(index[0]), csv.GetString(index[1]), hours, mitigationText == "true"));
        }

        return (rows, null);
    }
}
