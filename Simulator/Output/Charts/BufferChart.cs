using ScottPlot;
using Simulator.Experiments;
using Simulator.Model;

namespace Simulator.Output.Charts;

/// <summary>Line-side stock in hours of cover for the parts that stopped lines, or the scarcest ones when nothing stopped.</summary>
internal static class BufferChart
{
    internal const string CoverMetric = "cover_h";
    private const int LowestWhenNoHalt = 5;

    internal static void Write(string path, ReplicationResult run, DateTimeOffset scenarioStart, double horizonHours, string runLabel)
    {
        var series = run.Disrupted.Samples
            .Where(s => s.Metric == CoverMetric)
            .GroupBy(s => s.Entity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.TimeHours).ToList(), StringComparer.Ordinal);
        var halting = HaltingEntities(run).Where(series.ContainsKey).ToList();
        var lineIds = run.Lines.Select(l => l.Line).ToHashSet(StringComparer.Ordinal);
        var shown = halting.Count > 0 ? halting : LowestCover(series, lineIds);

        // A line can halt with every part at hand (its control system down): then no part ran short, but lines did halt.
        var anyHalt = run.Lines.Any(l => l.TimeToHaltHours is not null) || run.Disrupted.Events.Any(e => e.Kind == "halt");
        var what = halting.Count > 0
            ? "parts that halted a line"
            : $"the {shown.Count} lowest-cover parts ({(anyHalt ? "no line ran short of a part; the halts were control-system stops" : "no line halted")})";
        var plot = ChartCanvas.Create($"Line-side stock of {what} ({runLabel})", "time", "Line-side stock (hours of cover)");
        ChartCanvas.UseTimeAxis(plot, scenarioStart);
        ChartCanvas.ShadeDisruptions(plot, run.Disrupted.Windows, scenarioStart);
        var zero = plot.Add.HorizontalLine(0, 1.5f, Colors.Black, LinePattern.Solid);
        zero.LegendText = string.Empty;

        for (var i = 0; i < shown.Count; i++)
        {
            var samples = series[shown[i]];
            var xs = samples.Select(s => ChartCanvas.X(scenarioStart, s.TimeHours)).ToArray();
            var ys = samples.Select(s => s.Value).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, ChartCanvas.Series(i));
            line.LineWidth = 2.5f;
            line.LegendText = $"{shown[i]} (line / part)";
        }

        if (shown.Count == 0)
        {
            ChartCanvas.NoData(plot, "no line-side cover samples (cover_h) in this run");
        }

        plot.Axes.SetLimitsX(ChartCanvas.X(scenarioStart, 0), ChartCanvas.X(scenarioStart, horizonHours));
        ChartCanvas.OutlineDisruptions(plot, run.Disrupted.Windows, scenarioStart);
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    /// <summary>The <c>line/part</c> series of every halt in the run, from the line metrics and the halt events.</summary>
    internal static IEnumerable<string> HaltingEntities(ReplicationResult run)
    {
        var causes = run.Lines
            .Select(l => (l.Line, Cause: l.HaltCause))
            .Concat(run.Disrupted.Events.Where(e => e.Kind == "halt").Select(e => (Line: e.Entity, Cause: e.Detail)));
        return causes
            .Select(c => HaltCause.StarvedPart(c.Cause) is { } part ? $"{c.Line}/{part}" : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>Line-side series with the lowest minimum cover over the run; supplier series are left out.</summary>
    private static List<string> LowestCover(Dictionary<string, List<Sample>> series, HashSet<string> lineIds) =>
        series
            .Where(s => s.Key.IndexOf('/', StringComparison.Ordinal) is var slash && slash > 0 && lineIds.Contains(s.Key[..slash]))
            .OrderBy(s => s.Value.Min(v => v.Value))
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(LowestWhenNoHalt)
            .Select(s => s.Key)
            .ToList();
}
