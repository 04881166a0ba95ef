using System.Globalization;
using Simulator.Experiments;
using Simulator.Metrics;

namespace Simulator.Output;

/// <summary>A plain table of text cells, for a console or a report to render as it likes.</summary>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Cells, one list per row, as many as columns.</param>
/// <param name="Notes">Lines to print under the table.</param>
/// <param name="Title">Heading above the table, or null.</param>
internal sealed record TextTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Notes, string? Title = null);

/// <summary>
/// The per-line answer a planner reads first: when each line halted, restarted and recovered, its downtime and
/// lost units and why it halted. With replications the cells are means over the runs that had a value, with the
/// count of runs that had none.
/// </summary>
internal static class LineSummaryTable
{
    internal static TextTable Build(ExperimentResult result)
    {
        var lines = result.Lines;
        var showPolicy = result.Policies.Count > 1;
        var replicated = result.ReplicationCount > 1;
        List<string> columns = ["plant", "line", "time to halt (h)", "time to restart (h)", "time to recover (h)", "downtime (h)", "lost units", "halt cause"];
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
                Cell(MetricNames.TimeToRecover), Cell(MetricNames.Downtime), Cell(MetricNames.LostUnits), Cause(runs),
            ];
            if (showPolicy)
            {
                row.Insert(0, group.Key.Policy);
            }

            rows.Add(row);
        }

        IReadOnlyList<string> notes = replicated
            ? [$"means over {result.ReplicationCount.ToString(CultureInfo.InvariantCulture)} replications; (k/n censored): k runs had no value (never halted, restarted or lost rate) and are left out of the mean; details in statistics.csv"]
            : [];
        return new TextTable(columns, rows, notes);
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
        return row.Censored == 0 ? mean : $"{mean} ({row.Censored.ToString(CultureInfo.InvariantCulture)}/{runs.ToString(CultureInfo.InvariantCulture)} censored)";
    }

    private static string Format(double value, string metric) =>
        value.ToString(metric == MetricNames.LostUnits ? "#,0" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>The most frequent halt cause over the runs, with its share when there are several runs.</summary>
    private static string Cause(List<LineMetrics> runs)
    {
        var causes = runs.Where(r => r.HaltCause.Length > 0).GroupBy(r => r.HaltCause, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (causes.Count == 0)
        {
            return "-";
        }

        return runs.Count == 1 ? causes[0].Key : $"{causes[0].Key} ({causes[0].Count().ToString(CultureInfo.InvariantCulture)}/{runs.Count.ToString(CultureInfo.InvariantCulture)})";
    }
}
