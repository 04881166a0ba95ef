using System.Globalization;
using Simulator.Experiments;
using Simulator.Metrics;

namespace Simulator.Output;

/// <summary>A plain table of text cells, for a console or a report to render as it likes.</summary>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Cells, one list per row, as many as columns.</param>
/// <param name="Notes">Lines to print under the table.</param>
/// <param name="Title">Heading above the table, or null.</param>
public sealed record TextTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Notes, string? Title = null);

/// <summary>
/// The per-line answer a planner reads first: when each line halted, restarted and recovered, its downtime and
/// lost units and why it halted. With replications the cells are means over the runs that had a value, with the
/// count of runs that had none.
/// </summary>
public static class LineSummaryTable
{
    /// <summary>Explains the short headings, so the table fits 120 columns.</summary>
    public const string HeadingNote =
        "halt: hours from the disruption's start to the first halt; restart / recover: hours from its end to the first job / to full rate; down: scheduled hours stopped; lost: units against the paired baseline";

    /// <summary>One row per policy and line: the metrics of its first halt, downtime, lost units and the most frequent cause.</summary>
    public static TextTable Build(ExperimentResult result)
    {
        var lines = result.Lines;
        var showPolicy = result.Policies.Count > 1;
        var replicated = result.ReplicationCount > 1;
        List<string> columns = ["plant", "line", "halt (h)", "restart (h)", "recover (h)", "down (h)", "lost", "halt cause"];
        if (showPolicy)
        {
            columns.Insert(0, "policy");
        }

        var statistics = result.Statistics.Count > 0 ? result.Statistics : LineStatistics.Compute(lines);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in lines.GroupBy(l => (l.Policy, l.Plant, l.Line)))
        {
            var runs = group.ToList();
            string Cell(string metric) => replicated
                ? Mean(statistics.FirstOrDefault(s => s.Policy == group.Key.Policy && s.Line == group.Key.Line && s.Plant == group.Key.Plant && s.Metric == metric), runs.Count)
                : Single(MetricNames.ValueOf(runs[0], metric), metric);

            List<string> row =
            [
                group.Key.Plant, group.Key.Line, Cell(MetricNames.TimeToHalt), Cell(MetricNames.TimeToRestart),
                Cell(MetricNames.TimeToRecover), Cell(MetricNames.Downtime), Cell(MetricNames.LostUnits),
                Cause(DisruptionStatistics.MostFrequent(runs.Select(r => r.HaltCause), runs.Count)),
            ];
            if (showPolicy)
            {
                row.Insert(0, group.Key.Policy);
            }

            rows.Add(row);
        }

        List<string> notes = [HeadingNote];
        if (replicated)
        {
            notes.Add($"means over {result.ReplicationCount.ToString(CultureInfo.InvariantCulture)} replications; (k/n): k of the n runs had no value (never halted, restarted or lost rate) and are left out of the mean; details in statistics.csv");
        }

        if (result.Records.Any(r => r.Disruptions.Select(d => d.Disruption).Distinct(StringComparer.Ordinal).Skip(1).Any()))
        {
            notes.Add("several disruptions: halt is measured from the first one's start, restart and recover from the last one's end; each disruption on its own is in the next table and disruptions.csv");
        }

        return new TextTable(columns, rows, notes);
    }

    /// <summary>
    /// One row per policy x disruption x line, each measured in its own attribution window, when the scenario has
    /// several disruptions; null otherwise (the line table says it all).
    /// </summary>
    public static TextTable? BuildPerDisruption(ExperimentResult result)
    {
        var disruptions = result.Disruptions;
        if (disruptions.Select(d => d.Disruption).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return null;
        }

        var showPolicy = result.Policies.Count > 1;
        var replicated = result.ReplicationCount > 1;
        List<string> columns = ["disruption", "line", "halt (h)", "restart (h)", "recover (h)", "down (h)", "lost", "halt cause"];
        if (showPolicy)
        {
            columns.Insert(0, "policy");
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in DisruptionStatistics.Compute(disruptions))
        {
            string Cell(StatisticsRow statistics) => replicated
                ? Mean(statistics, row.Runs)
                : Single(statistics.N > 0 ? statistics.Mean : null, statistics.Metric);
            List<string> cells =
            [
                row.Disruption, row.Line, Cell(row.TimeToHalt), Cell(row.TimeToRestart), Cell(row.TimeToRecover),
                Cell(row.Downtime), Cell(row.LostUnits), Cause(row.HaltCause),
            ];
            if (showPolicy)
            {
                cells.Insert(0, row.Policy);
            }

            rows.Add(cells);
        }

        return new TextTable(
            columns,
            rows,
            ["each disruption from its start to the next one's start: halt from its start, restart and recover from its end (the line's own restore); docs/metrics.md"],
            "Per disruption");
    }

    private static string Single(double? value, string metric) => value switch
    {
        null when metric == MetricNames.TimeToHalt => "never",
        null => "-",
        { } v => Format(v, metric),
    };

    private static string Mean(StatisticsRow? row, int runs)
    {
        if (row is null)
        {
            return "-";
        }

        var mean = row.N == 0 ? "-" : Format(row.Mean, row.Metric);
        return row.Censored == 0 ? mean : $"{mean} ({row.Censored.ToString(CultureInfo.InvariantCulture)}/{runs.ToString(CultureInfo.InvariantCulture)})";
    }

    private static string Format(double value, string metric) =>
        value.ToString(metric == MetricNames.LostUnits ? "#,0" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>The most frequent halt cause, with its share when there are several runs.</summary>
    private static string Cause(CauseCount? cause) => cause switch
    {
        null => "-",
        { Runs: 1 } => HaltCause.Format(cause.Cause),
        _ => $"{HaltCause.Format(cause.Cause)} ({cause.Count.ToString(CultureInfo.InvariantCulture)}/{cause.Runs.ToString(CultureInfo.InvariantCulture)})",
    };
}
