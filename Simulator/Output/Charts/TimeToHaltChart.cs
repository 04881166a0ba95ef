using MathNet.Numerics.Statistics;
using ScottPlot;
using Simulator.Metrics;

namespace Simulator.Output.Charts;

/// <summary>Distribution of time-to-halt per line and policy over replications: box (quartiles, whiskers min-max) and every run as a dot.</summary>
internal static class TimeToHaltChart
{
    internal static void Write(string path, IReadOnlyList<LineMetrics> lines, IReadOnlyList<string> policies)
    {
        var lineKeys = lines.Select(l => (l.Plant, l.Line)).Distinct().ToList();
        var policyList = policies.Count > 0 ? policies : lines.Select(l => l.Policy).Distinct(StringComparer.Ordinal).ToList();
        var plot = ChartCanvas.Create(
            "Time to halt per line over replications (box: quartiles, whiskers: min-max, dots: runs)",
            "Line (plant / line)",
            "Time to halt (hours from disruption start)");

        var slot = 0.8 / Math.Max(policyList.Count, 1);
        var anyHalt = false;
        var highest = 0.0;
        for (var p = 0; p < policyList.Count; p++)
        {
            var color = ChartCanvas.Series(p);
            var boxes = new List<Box>();
            for (var i = 0; i < lineKeys.Count; i++)
            {
                var runs = lines.Where(l => l.Policy == policyList[p] && l.Plant == lineKeys[i].Plant && l.Line == lineKeys[i].Line).ToList();
                var halts = runs.Where(r => r.TimeToHaltHours.HasValue).Select(r => r.TimeToHaltHours!.Value).OrderBy(v => v).ToArray();
                var x = i + ((p - ((policyList.Count - 1) / 2.0)) * slot);
                var censored = runs.Count - halts.Length;
                if (halts.Length > 0)
                {
                    anyHalt = true;
                    highest = Math.Max(highest, halts[^1]);
                    boxes.Add(BoxOf(halts, x, slot * 0.7, color));
                    var jitter = slot * 0.25;
                    var xs = halts.Select((_, k) => x + (halts.Length == 1 ? 0 : ((k / (halts.Length - 1.0)) - 0.5) * jitter)).ToArray();
                    var dots = plot.Add.Markers(xs, halts, MarkerShape.FilledCircle, 7, Colors.Black.WithAlpha(0.55));
                    dots.LegendText = string.Empty;
                }

                if (censored > 0)
                {
                    var label = plot.Add.Text(halts.Length == 0 ? $"never halted\n({censored} runs)" : $"{censored} of {runs.Count}\nnever halted", x, halts.Length == 0 ? 0 : halts[^1]);
                    label.LabelFontSize = 14;
                    label.LabelFontColor = color.Darken(0.3);
                    label.LabelAlignment = Alignment.LowerCenter;
                    label.OffsetY = -6;
                }
            }

            if (boxes.Count == 0)
            {
                // A policy under which no line ever halted has no boxes (ScottPlot cannot draw an empty box plot);
                // its "never halted" labels carry its colour.
                continue;
            }

            var boxPlot = plot.Add.Boxes(boxes);
            boxPlot.LegendText = $"policy {policyList[p]}";
            boxPlot.FillColor = color.WithAlpha(0.45);
        }

        if (!anyHalt)
        {
            ChartCanvas.NoData(plot, "no line halted in any replication");
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, lineKeys.Count).Select(i => (double)i).ToArray(),
            lineKeys.Select(k => $"{k.Plant} / {k.Line}").ToArray());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 18;
        plot.Axes.SetLimitsX(-0.6, Math.Max(lineKeys.Count, 1) - 0.4);
        // Hours from the disruption's start: 0 is the natural floor, and boxes of identical runs must not sit on an edge.
        plot.Axes.SetLimitsY(0, highest > 0 ? highest * 1.18 : 1);
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    private static Box BoxOf(double[] sorted, double x, double width, Color color) => new()
    {
        Position = x,
        Width = width,
        BoxMin = SortedArrayStatistics.QuantileCustom(sorted, 0.25, LineStatistics.Quantiles),
        BoxMax = SortedArrayStatistics.QuantileCustom(sorted, 0.75, LineStatistics.Quantiles),
        BoxMiddle = SortedArrayStatistics.QuantileCustom(sorted, 0.50, LineStatistics.Quantiles),
        WhiskerMin = sorted[0],
        WhiskerMax = sorted[^1],
        FillColor = color.WithAlpha(0.45),
        LineColor = color.Darken(0.4),
        LineWidth = 2,
    };
}
