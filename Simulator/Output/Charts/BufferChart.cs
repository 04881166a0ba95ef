using System.Globalization;
using ScottPlot;
using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;

namespace Simulator.Output.Charts;

/// <summary>
/// Line-side stock in hours of cover for the parts that stopped lines, or the scarcest ones when nothing stopped. A few
/// parts share one chart, each named at its curve; past <see cref="MaxSeparate"/> parts in one plant the chart draws
/// the first to run short and one band for the rest, and past <see cref="MaxSeparate"/> parts over several plants it
/// draws one panel per plant (small multiples), the plant that ran short first on top.
/// </summary>
internal static class BufferChart
{
    internal const string CoverMetric = SampleMetrics.CoverHours;
    private const int LowestWhenNoHalt = 5;

    /// <summary>Curves with a label each on one chart; more halting parts are drawn as one band beside the first of them.</summary>
    internal const int MaxSeparate = 6;

    /// <summary>Curves with a label each in one panel of the per-plant grid.</summary>
    internal const int MaxSeparateInPanel = 3;

    /// <summary>Panels of the grid: beyond them the plants that ran short last share the last panel.</summary>
    internal const int MaxPanels = 16;

    private static readonly Color BandColor = Colors.Gray.WithAlpha(0.3);

    /// <summary>What the chart draws: the ranked series, and their plant panels when it draws a grid (else null).</summary>
    internal sealed record Plan(IReadOnlyList<string> Ranked, bool Halted, IReadOnlyList<PlantSeries>? Panels);

    internal static Plan PlanOf(ReplicationResult run, IReadOnlyDictionary<string, List<Sample>> series)
    {
        var halting = HaltingEntities(run).Where(series.ContainsKey).ToList();
        var lineIds = run.Lines.Select(l => l.Line).ToHashSet(StringComparer.Ordinal);
        var ranked = halting.Count > 0
            ? CoverSeries.BySoonestHalt(HaltTimes(run).Where(h => series.ContainsKey(h.Series)))
            : CoverSeries.ByLowestCover(LineSide(series.Keys, lineIds).ToDictionary(id => id, id => (IReadOnlyList<Sample>)series[id], StringComparer.Ordinal));
        var plantOfLine = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in run.Lines)
        {
            plantOfLine.TryAdd(line.Line, line.Plant);
        }

        var panels = halting.Count > MaxSeparate ? CoverSeries.ByPlant(ranked, id => plantOfLine.GetValueOrDefault(LineOf(id)), MaxPanels) : null;
        return new Plan(ranked, halting.Count > 0, panels is { Count: > 1 } ? panels : null);
    }

    internal static void Write(string path, ReplicationResult run, DateTimeOffset scenarioStart, double horizonHours, string runLabel)
    {
        var series = run.Disrupted.Samples
            .Where(s => s.Metric == CoverMetric)
            .GroupBy(s => s.Entity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.TimeHours).ToList(), StringComparer.Ordinal);
        var plan = PlanOf(run, series);
        if (plan.Panels is { } panels)
        {
            WritePanels(path, run, series, plan.Ranked.Count, panels, scenarioStart, horizonHours, runLabel);
            return;
        }

        var (shown, rest) = Split(plan.Ranked, plan.Halted, MaxSeparate);

        // A line can halt with every part at hand (its control system down): then no part ran short, but lines did halt.
        var anyHalt = run.Lines.Any(l => l.TimeToHaltHours is not null) || run.Disrupted.Events.Any(e => e.Kind == EventKinds.Halt);
        var what = plan.Halted
            ? rest.Count > 0 ? $"the {Count(plan.Ranked.Count)} parts that halted a line ({Count(shown.Count)} first to halt named)" : "parts that halted a line"
            : $"the {Count(shown.Count)} lowest-cover parts ({(anyHalt ? "no line ran short of a part; the lines stopped on production control or by plan" : "no line halted")})";
        var plot = ChartCanvas.Create($"Line-side stock of {what} ({runLabel})", "time", "Line-side stock (hours of cover)");
        ChartCanvas.UseTimeAxis(plot, scenarioStart);
        ChartCanvas.ShadeDisruptions(plot, run.Disrupted.Windows, scenarioStart);
        if (Draw(plot, series, shown, rest, inPanel: false, scenarioStart, horizonHours) is { } band)
        {
            band.LegendText = $"the other {Count(rest.Count)} parts: lowest to highest cover at each time";
        }

        if (shown.Count == 0)
        {
            ChartCanvas.NoData(plot, "no line-side cover samples (cover_h) in this run");
        }

        ChartCanvas.OutlineDisruptions(plot, run.Disrupted.Windows, scenarioStart);
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    private static void WritePanels(
        string path, ReplicationResult run, Dictionary<string, List<Sample>> series, int parts, IReadOnlyList<PlantSeries> panels,
        DateTimeOffset scenarioStart, double horizonHours, string runLabel)
    {
        var grid = new ChartGrid(
            $"Line-side stock (hours of cover) of the {Count(parts)} parts that halted a line, per plant, first to halt first ({runLabel})",
            $"Scenario time (local clock, UTC{scenarioStart:zzz}; hour 0 = {scenarioStart:yyyy-MM-dd HH:mm}); each panel names its first {Count(MaxSeparateInPanel)} parts to halt, line / part",
            panels.Count);
        var banded = false;
        for (var i = 0; i < panels.Count; i++)
        {
            var panel = grid.Panels[i];
            var (shown, rest) = Split(panels[i].Series, true, MaxSeparateInPanel);
            panel.Title(panels[i].IsRest
                ? $"other {Count(panels[i].Plants.Count)} plants ({Count(panels[i].Series.Count)} parts)"
                : $"{panels[i].Plants[0]} ({Count(panels[i].Series.Count)} part{(panels[i].Series.Count == 1 ? string.Empty : "s")})");
            ChartCanvas.UsePanelTimeAxis(panel, grid.IsLowestInColumn(i));
            ChartCanvas.ShadeDisruptions(panel, run.Disrupted.Windows, scenarioStart, legend: false);
            banded |= Draw(panel, series, shown, rest, inPanel: true, scenarioStart, horizonHours) is not null;
            ChartCanvas.OutlineDisruptions(panel, run.Disrupted.Windows, scenarioStart);
        }

        grid.Header.Legend.ManualItems.Add(new LegendItem { LabelText = "0 h: the part has run out", LineColor = Colors.Black, LineWidth = 1.5f });
        if (banded)
        {
            grid.Header.Legend.ManualItems.Add(new LegendItem { LabelText = $"band: the plant's other parts, lowest to highest cover", FillColor = BandColor, OutlineColor = Colors.Gray });
        }

        ChartCanvas.LegendDisruptions(grid.Header, run.Disrupted.Windows);
        grid.Header.ShowLegend();
        ChartCanvas.Save(grid, path);
    }

    /// <summary>
    /// The zero line, the band of <paramref name="rest"/> and the curves of <paramref name="shown"/>, each named at the
    /// right edge; returns the band, or null without one.
    /// </summary>
    private static ScottPlot.Plottables.FillY? Draw(
        Plot plot, Dictionary<string, List<Sample>> series, IReadOnlyList<string> shown, IReadOnlyList<string> rest, bool inPanel,
        DateTimeOffset scenarioStart, double horizonHours)
    {
        var zero = plot.Add.HorizontalLine(0, 1.5f, Colors.Black, LinePattern.Solid);
        zero.LegendText = string.Empty;
        ScottPlot.Plottables.FillY? band = null;
        if (rest.Count > 0)
        {
            var envelope = CoverSeries.Envelope(rest.Select(id => (IReadOnlyList<Sample>)series[id]));
            band = plot.Add.FillY(
                envelope.Select(p => ChartCanvas.X(scenarioStart, p.TimeHours)).ToArray(),
                envelope.Select(p => p.Low).ToArray(),
                envelope.Select(p => p.High).ToArray());
            band.FillColor = BandColor;
            band.LineColor = Colors.Gray;
            band.LineWidth = 1;
        }

        var labels = new List<DirectLabels.Item>();
        for (var i = 0; i < shown.Count; i++)
        {
            var samples = series[shown[i]];
            var color = ChartCanvas.Series(i);
            var line = plot.Add.ScatterLine(
                samples.Select(s => ChartCanvas.X(scenarioStart, s.TimeHours)).ToArray(), samples.Select(s => s.Value).ToArray(), color);
            line.LineWidth = 2.5f;
            line.LegendText = string.Empty;
            labels.Add(new DirectLabels.Item(shown[i], samples[^1].Value, color));
        }

        // Room above the highest curve for the stacked labels; 0 (ran out) always in sight.
        var values = shown.Concat(rest).SelectMany(id => series[id]).Select(s => s.Value).ToList();
        var low = Math.Min(0, values.DefaultIfEmpty(0).Min());
        var top = Math.Max(values.DefaultIfEmpty(1).Max(), low + 1) * 1.12;
        plot.Axes.SetLimitsY(low - ((top - low) * 0.05), top);
        plot.Axes.SetLimitsX(ChartCanvas.X(scenarioStart, 0), ChartCanvas.X(scenarioStart, horizonHours));
        DirectLabels.AtRightEdge(plot, labels, ChartCanvas.X(scenarioStart, horizonHours), low, top, inPanel);
        return band;
    }

    /// <summary>Series drawn on their own (with a label each) and the rest drawn as one band; without a halt only the lowest few.</summary>
    internal static (IReadOnlyList<string> Shown, IReadOnlyList<string> Banded) Split(IReadOnlyList<string> ranked, bool halted, int maxSeparate) =>
        halted
            ? ranked.Count <= maxSeparate ? (ranked, []) : (ranked.Take(maxSeparate - 1).ToList(), ranked.Skip(maxSeparate - 1).ToList())
            : (ranked.Take(LowestWhenNoHalt).ToList(), []);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string LineOf(string series) => series.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? series[..slash] : series;

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
