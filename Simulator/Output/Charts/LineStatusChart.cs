using ScottPlot;
using Simulator.Experiments;
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

    internal static void Write(string path, ReplicationResult run, DateTimeOffset scenarioStart, double horizonHours, string runLabel)
    {
        var plot = ChartCanvas.Create($"Line status over time ({runLabel})", "time", "Line (plant / line)");
        ChartCanvas.UseTimeAxis(plot, scenarioStart);

        var lines = run.Lines.Select(l => (l.Plant, l.Line)).ToList();
        var byLine = run.Disrupted.Samples
            .Where(s => s.Metric == "state")
            .GroupBy(s => s.Entity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.TimeHours).ToList(), StringComparer.Ordinal);

        var positions = new double[lines.Count];
        var labels = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            // First line on top, as in the scenario file.
            var row = lines.Count - 1 - i;
            positions[i] = row;
            labels[i] = $"{lines[i].Plant} / {lines[i].Line}";
            ShadeOwnWindows(plot, run.Disrupted.Windows, lines[i].Line, row, scenarioStart);
            if (byLine.TryGetValue(lines[i].Line, out var samples))
            {
                DrawBands(plot, samples, row, scenarioStart, horizonHours);
            }
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
        plot.Axes.Left.TickLabelStyle.FontSize = 18;
        plot.Axes.SetLimitsX(ChartCanvas.X(scenarioStart, 0), ChartCanvas.X(scenarioStart, horizonHours));
        plot.Axes.SetLimitsY(-0.6, Math.Max(lines.Count, 1) - 0.4);
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
    private static void DrawBands(Plot plot, List<Sample> samples, double row, DateTimeOffset scenarioStart, double horizonHours)
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
