using System.Globalization;
using ScottPlot;
using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;

namespace Simulator.Output.Charts;

/// <summary>One band per line over time, coloured by state, with the disruption shaded: when each line stopped and came back.</summary>
internal static class LineStatusChart
{
    private static readonly (double Code, string Label, Color Color)[] States =
    [
        (LineStateCode.Running, "running at full rate", Color.FromHex("#2e9e44")),
        (LineStateCode.Reduced, "reduced (ramp-up or fallback)", Color.FromHex("#f2a900")),
        (LineStateCode.Halted, "halted", Color.FromHex("#d62728")),
        (LineStateCode.PlannedStop, "stopped by plan", Color.FromHex("#6a51a3")),
        (LineStateCode.Closed, "closed (no shift)", Color.FromHex("#c9c9c9")),
    ];

    /// <summary>Rows that stay legible at 900 pixels; beyond them the lines that stood still least share one row.</summary>
    internal const int MaxRows = 40;

    internal static void Write(string path, ReplicationResult run, DateTimeOffset scenarioStart, double horizonHours, string runLabel)
    {
        var plot = ChartCanvas.Create($"Line status over time ({runLabel})", "time", "Line (plant / line)");
        ChartCanvas.UseTimeAxis(plot, scenarioStart);

        var selection = LineStatusRows.Select(run.Lines, MaxRows);
        var lines = selection.Shown.Select(l => (l.Plant, l.Line)).ToList();
        var byLine = run.Disrupted.Samples
            .Where(s => s.Metric == SampleMetrics.State)
            .GroupBy(s => s.Entity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Sample>)g.OrderBy(s => s.TimeHours).ToList(), StringComparer.Ordinal);

        var rows = lines.Count + (selection.Others.Count > 0 ? 1 : 0);
        var positions = new double[rows];
        var labels = new string[rows];
        for (var i = 0; i < lines.Count; i++)
        {
            // First line on top, as in the scenario file.
            var row = rows - 1 - i;
            positions[i] = row;
            labels[i] = $"{lines[i].Plant} / {lines[i].Line}";
            ShadeOwnWindows(plot, run.Disrupted.Windows, lines[i].Line, row, scenarioStart);
            if (byLine.TryGetValue(lines[i].Line, out var samples))
            {
                DrawBands(plot, samples.Select(s => new TimedValue(s.TimeHours, s.Value)).ToList(), scenarioStart, horizonHours, row);
            }

            // A thin rule between plants, so that a plant's lines read as one block.
            if (i > 0 && lines[i].Plant != lines[i - 1].Plant)
            {
                var rule = plot.Add.HorizontalLine(row + 0.5, 1.5f, Colors.Black.WithAlpha(0.6), LinePattern.Solid);
                rule.LegendText = string.Empty;
            }
        }

        if (selection.Others.Count > 0)
        {
            // The lines that stood still least share the bottom row, showing at each time the worst state of any of them.
            positions[rows - 1] = 0;
            labels[rows - 1] = $"other {selection.Others.Count.ToString(CultureInfo.InvariantCulture)} lines (worst state)";
            var worst = LineStatusRows.Worst(selection.Others.Where(l => byLine.ContainsKey(l.Line)).Select(l => byLine[l.Line]));
            DrawBands(plot, worst, scenarioStart, horizonHours, 0);
            var rule = plot.Add.HorizontalLine(0.5, 1.5f, Colors.Black.WithAlpha(0.6), LinePattern.Solid);
            rule.LegendText = string.Empty;
        }

        if (run.Disrupted.Windows.Count > 0)
        {
            var ids = string.Join(", ", run.Disrupted.Windows.Select(w => w.Id).Distinct(StringComparer.Ordinal));
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"disruption ({ids}), to each line's own restore",
                FillColor = ChartCanvas.DisruptionShade.WithAlpha(0.35),
                OutlineColor = ChartCanvas.DisruptionEdge,
            });
        }

        // Most scenarios have no planned stop; their legend stays as it was.
        var planned = byLine.Values.Any(samples => samples.Any(s => s.Value == LineStateCode.PlannedStop));
        foreach (var (_, label, color) in States.Where(s => planned || s.Code != LineStateCode.PlannedStop))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color });
        }

        if (lines.Count == 0 || byLine.Count == 0)
        {
            ChartCanvas.NoData(plot, "no line state samples in this run");
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Left.TickLabelStyle.FontSize = rows > 28 ? 13 : rows > 20 ? 15 : 18;
        plot.Axes.SetLimitsX(ChartCanvas.X(scenarioStart, 0), ChartCanvas.X(scenarioStart, horizonHours));
        plot.Axes.SetLimitsY(-0.6, Math.Max(rows, 1) - 0.4);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 1;
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    /// <summary>
    /// Shades, behind one line's band, each disruption from its start to that line's own restore (a phased restart
    /// brings lines back days apart), with a dashed edge at both ends of the row.
    /// </summary>
    private static void ShadeOwnWindows(Plot plot, IReadOnlyList<DisruptionWindow> windows, string line, double row, DateTimeOffset scenarioStart)
    {
        foreach (var window in windows)
        {
            var from = ChartCanvas.X(scenarioStart, window.StartHours);
            var to = ChartCanvas.X(scenarioStart, window.EndFor(line));
            var shade = plot.Add.Rectangle(from, to, row - 0.5, row + 0.5);
            shade.FillColor = ChartCanvas.DisruptionShade;
            shade.LineWidth = 0;
            foreach (var x in new[] { from, to })
            {
                var edge = plot.Add.Line(x, row - 0.5, x, row + 0.5);
                edge.LineColor = ChartCanvas.DisruptionEdge;
                edge.LineWidth = 2;
                edge.LinePattern = LinePattern.Dashed;
                edge.LegendText = string.Empty;
            }
        }
    }

    /// <summary>Merges consecutive samples of the same state into one rectangle: a sample's state holds until the next sample.</summary>
    private static void DrawBands(Plot plot, IReadOnlyList<TimedValue> samples, DateTimeOffset scenarioStart, double horizonHours, double row)
    {
        var start = 0;
        for (var i = 1; i <= samples.Count; i++)
        {
            if (i < samples.Count && samples[i].Value == samples[start].Value)
            {
                continue;
            }

            var endHours = i < samples.Count ? samples[i].TimeHours : Math.Max(horizonHours, samples[^1].TimeHours);
            var band = plot.Add.Rectangle(
                ChartCanvas.X(scenarioStart, samples[start].TimeHours), ChartCanvas.X(scenarioStart, endHours), row - 0.35, row + 0.35);
            band.FillColor = ColorOf(samples[start].Value);
            band.LineWidth = 0;
            start = i;
        }
    }

    private static Color ColorOf(double code)
    {
        foreach (var (stateCode, _, color) in States)
        {
            if (stateCode == code)
            {
                return color;
            }
        }

        return Colors.Black;
    }
}
