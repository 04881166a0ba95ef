using ScottPlot;
using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;

namespace Simulator.Output.Charts;

/// <summary>Line-side stock in hours of cover for the parts that stopped lines, or the scarcest ones when nothing stopped.</summary>
internal static class BufferChart
{
    internal const string CoverMetric = SampleMetrics.CoverHours;
    private const int LowestWhenNoHalt = 5;

    /// <summary>Curves with a label each; more halting parts are drawn as one band beside the first of them.</summary>
    internal const int MaxSeparate = 6;

    internal static void Write(string path, ReplicationResult run, DateTimeOffset scenarioStart, double horizonHours, string runLabel)
    {
        var series = run.Disrupted.Samples
            .Where(s => s.Metric == CoverMetric)
            .GroupBy(s => s.Entity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.TimeHours).ToList(), StringComparer.Ordinal);
        var halting = HaltingEntities(run).Where(series.ContainsKey).ToList();
        var lineIds = run.Lines.Select(l => l.Line).ToHashSet(StringComparer.Ordinal);
        var ranked = halting.Count > 0
            ? CoverSeries.BySoonestHalt(HaltTimes(run).Where(h => series.ContainsKey(h.Series)))
            : CoverSeries.ByLowestCover(LineSide(series.Keys, lineIds).ToDictionary(id => id, id => (IReadOnlyList<Sample>)series[id], StringComparer.Ordinal));
        var (shown, rest) = Split(ranked, halting.Count > 0);

        // A line can halt with every part at hand (its control system down): then no part ran short, but lines did halt.
        var anyHalt = run.Lines.Any(l => l.TimeToHaltHours is not null) || run.Disrupted.Events.Any(e => e.Kind == EventKinds.Halt);
        var what = halting.Count > 0
            ? rest.Count > 0 ? $"the {Count(ranked.Count)} parts that halted a line ({Count(shown.Count)} lowest named)" : "parts that halted a line"
            : $"the {Count(shown.Count)} lowest-cover parts ({(anyHalt ? "no line ran short of a part; the halts were control-system stops" : "no line halted")})";
        var plot = ChartCanvas.Create($"Line-side stock of {what} ({runLabel})", "time", "Line-side stock (hours of cover)");
        ChartCanvas.UseTimeAxis(plot, scenarioStart);
        ChartCanvas.ShadeDisruptions(plot, run.Disrupted.Windows, scenarioStart);
        var zero = plot.Add.HorizontalLine(0, 1.5f, Colors.Black, LinePattern.Solid);
        zero.LegendText = string.Empty;

        if (rest.Count > 0)
        {
            var envelope = CoverSeries.Envelope(rest.Select(id => (IReadOnlyList<Sample>)series[id]));
            var band = plot.Add.FillY(
                envelope.Select(p => ChartCanvas.X(scenarioStart, p.TimeHours)).ToArray(),
                envelope.Select(p => p.Low).ToArray(),
                envelope.Select(p => p.High).ToArray());
            band.FillColor = Colors.Gray.WithAlpha(0.3);
            band.LineColor = Colors.Gray;
            band.LineWidth = 1;
            band.LegendText = $"the other {Count(rest.Count)} parts: lowest to highest cover at each time";
        }

        var labels = new List<DirectLabels.Item>();
        for (var i = 0; i < shown.Count; i++)
        {
            var samples = series[shown[i]];
            var xs = samples.Select(s => ChartCanvas.X(scenarioStart, s.TimeHours)).ToArray();
            var ys = samples.Select(s => s.Value).ToArray();
            var color = ChartCanvas.Series(i);
            var line = plot.Add.ScatterLine(xs, ys, color);
            line.LineWidth = 2.5f;
            line.LegendText = string.Empty;
            labels.Add(new DirectLabels.Item(shown[i], ys[^1], color));
        }

        if (shown.Count == 0)
        {
            ChartCanvas.NoData(plot, "no line-side cover samples (cover_h) in this run");
        }

        var low = shown.Concat(rest).SelectMany(id => series[id]).Select(s => s.Value).DefaultIfEmpty(0).Min();
        var high = shown.Concat(rest).SelectMany(id => series[id]).Select(s => s.Value).DefaultIfEmpty(1).Max();
        var top = Math.Max(high, low + 1);
        plot.Axes.SetLimitsY(Math.Min(0, low) - ((top - Math.Min(0, low)) * 0.05), top * 1.12);
        plot.Axes.SetLimitsX(ChartCanvas.X(scenarioStart, 0), ChartCanvas.X(scenarioStart, horizonHours));
        DirectLabels.AtRightEdge(plot, labels, ChartCanvas.X(scenarioStart, horizonHours), Math.Min(0, low), top * 1.12);
        ChartCanvas.OutlineDisruptions(plot, run.Disrupted.Windows, scenarioStart);
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    /// <summary>Series drawn on their own (with a label each) and the rest drawn as one band; without a halt only the lowest few.</summary>
    internal static (IReadOnlyList<string> Shown, IReadOnlyList<string> Banded) Split(IReadOnlyList<string> ranked, bool halted) =>
        halted
            ? ranked.Count <= MaxSeparate ? (ranked, []) : (ranked.Take(MaxSeparate - 1).ToList(), ranked.Skip(MaxSeparate - 1).ToList())
            : (ranked.Take(LowestWhenNoHalt).ToList(), []);

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The <c>line/part</c> series of every halt in the run, from the line metrics and the halt events.</summary>
    internal static IEnumerable<string> HaltingEntities(ReplicationResult run)
    {
        var causes = run.Lines
            .Select(l => (l.Line, Cause: l.HaltCause))
            .Concat(run.Disrupted.Events.Where(e => e.Kind == EventKinds.Halt).Select(e => (Line: e.Entity, Cause: e.Cause ?? CauseChain.None)));
        return causes
            .Select(c => HaltCause.StarvedPart(c.Cause) is { } part ? $"{c.Line}/{part}" : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>(<c>line/part</c>, hour) of every halt on a part: from the halt events, else (no event) the end of the run.</summary>
    private static IEnumerable<(string Series, double HaltHours)> HaltTimes(ReplicationResult run)
    {
        var fromEvents = run.Disrupted.Events
            .Where(e => e.Kind == EventKinds.Halt && HaltCause.StarvedPart(e.Cause) is not null)
            .Select(e => (Series: $"{e.Entity}/{HaltCause.StarvedPart(e.Cause)}", HaltHours: e.TimeHours))
            .ToList();
        return fromEvents.Concat(HaltingEntities(run).Select(id => (Series: id, HaltHours: double.PositiveInfinity)));
    }

    /// <summary>The line-side series (<c>line/part</c> of a known line); supplier series are left out.</summary>
    private static List<string> LineSide(IEnumerable<string> ids, HashSet<string> lineIds) =>
        ids.Where(id => id.IndexOf('/', StringComparison.Ordinal) is var slash && slash > 0 && lineIds.Contains(id[..slash])).ToList();
}
