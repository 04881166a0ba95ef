using System.Globalization;
using ScottPlot;
using Simulator.Metrics;

namespace Simulator.Output.Charts;

/// <summary>
/// Distribution of time-to-halt per line and policy over replications: one row per line, a box (quartiles, whiskers
/// min-max) per policy and every run as a dot. Past <see cref="MaxRows"/> lines the ones that halt soonest get a row
/// each and the others share one last row.
/// </summary>
internal static class TimeToHaltChart
{
    /// <summary>Rows that stay legible at 900 pixels with two policies each.</summary>
    internal const int MaxRows = 16;

    internal static void Write(string path, IReadOnlyList<LineMetrics> lines, IReadOnlyList<string> policies)
    {
        var policyList = policies.Count > 0 ? policies : lines.Select(l => l.Policy).Distinct(StringComparer.Ordinal).ToList();
        var rows = TimeToHaltDistribution.Of(lines, policyList, MaxRows);
        var lineCount = rows.Sum(r => r.Lines.Count);
        var scope = rows.Count > 0 && rows[^1].IsRest
            ? $": the {(rows.Count - 1).ToString(CultureInfo.InvariantCulture)} of {lineCount.ToString(CultureInfo.InvariantCulture)} lines that halt soonest, the rest pooled"
            : " per line";
        var plot = ChartCanvas.Create(
            $"Time to halt over replications{scope}",
            "Time to halt (hours from disruption start); box: quartiles, whiskers: min-max, dots: runs",
            string.Empty);

        var slot = 0.8 / Math.Max(policyList.Count, 1);
        var anyHalt = false;
        var highest = 0.0;
        for (var p = 0; p < policyList.Count; p++)
        {
            var color = ChartCanvas.Series(p);
            var boxes = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                var distribution = rows[i].ByPolicy[p];
                var halts = distribution.TimesToHaltHours;

                // First row on top; the first policy at the top of its row.
                var y = rows.Count - 1 - i - ((p - ((policyList.Count - 1) / 2.0)) * slot);
                if (distribution.Box is { } box)
                {
                    anyHalt = true;
                    highest = Math.Max(highest, box.Max);
                    DrawBox(plot, box, y, slot * 0.7, color);
                    boxes++;
                    var jitter = slot * 0.25;
                    var ys = halts.Select((_, k) => y + (halts.Count == 1 ? 0 : ((k / (halts.Count - 1.0)) - 0.5) * jitter)).ToArray();
                    var dots = plot.Add.Markers(halts.ToArray(), ys, MarkerShape.FilledCircle, 6, Colors.Black.WithAlpha(0.5));
                    dots.LegendText = string.Empty;
                }

                if (distribution.CensoredRuns > 0)
                {
                    var censored = distribution.CensoredRuns.ToString(CultureInfo.InvariantCulture);
                    var text = halts.Count == 0 ? $"never halted ({censored} runs)" : $"{censored} of {distribution.Runs.ToString(CultureInfo.InvariantCulture)} never halted";
                    var label = plot.Add.Text(text, halts.Count == 0 ? 0 : distribution.Box!.Max, y);
                    label.LabelFontSize = 13;
                    label.LabelFontColor = color.Darken(0.3);
                    label.LabelAlignment = Alignment.MiddleLeft;
                    label.OffsetX = 8;
                }
            }

            // A policy under which no line ever halted has no boxes; its "never halted" labels carry its colour.
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"policy {policyList[p]}", FillColor = color.WithAlpha(0.45), OutlineColor = color.Darken(0.4) });
        }

        if (!anyHalt)
        {
            ChartCanvas.NoData(plot, "no line halted in any replication");
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i)).ToArray(),
            rows.Select(RowLabel).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = rows.Count > 10 ? 14 : 18;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(-0.6, Math.Max(rows.Count, 1) - 0.4);

        // Hours from the disruption's start: 0 is the natural floor; room on the right for the "never halted" notes.
        plot.Axes.SetLimitsX(0, highest > 0 ? highest * 1.3 : 1);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    /// <summary>"plant / line" for a line, "other N lines" for the pooled row.</summary>
    internal static string RowLabel(HaltDistributionRow row) =>
        row.IsRest ? $"other {row.Lines.Count.ToString(CultureInfo.InvariantCulture)} lines (pooled)" : $"{row.Lines[0].Plant} / {row.Lines[0].Line}";

    /// <summary>
    /// A horizontal box drawn from rectangles and lines (ScottPlot 5.1's box plot draws vertical boxes only): the box from
    /// the lower to the upper quartile with the median across it, whiskers with caps out to the minimum and maximum.
    /// </summary>
    private static void DrawBox(Plot plot, BoxSummary summary, double y, double height, Color color)
    {
        var edge = color.Darken(0.4);
        void Segment(double x1, double y1, double x2, double y2, float width)
        {
            var line = plot.Add.Line(x1, y1, x2, y2);
            line.LineColor = edge;
            line.LineWidth = width;
            line.LegendText = string.Empty;
        }

        var half = height / 2;
        Segment(summary.Min, y, summary.LowerQuartile, y, 2);
        Segment(summary.UpperQuartile, y, summary.Max, y, 2);
        Segment(summary.Min, y - (half / 2), summary.Min, y + (half / 2), 2);
        Segment(summary.Max, y - (half / 2), summary.Max, y + (half / 2), 2);
        var box = plot.Add.Rectangle(summary.LowerQuartile, summary.UpperQuartile, y - half, y + half);
        box.FillColor = color.WithAlpha(0.45);
        box.LineColor = edge;
        box.LineWidth = 2;
        Segment(summary.Median, y - half, summary.Median, y + half, 3);
    }
}
