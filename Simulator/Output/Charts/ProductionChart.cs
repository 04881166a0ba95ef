using System.Globalization;
using ScottPlot;
using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;

namespace Simulator.Output.Charts;

/// <summary>
/// Cumulative output per plant, disrupted against its paired baseline: the gap between them is the loss. A few plants
/// share one chart; more get one panel each (small multiples), the plants that lost most first.
/// </summary>
internal static class ProductionChart
{
    internal const string ProducedMetric = SampleMetrics.ProducedUnits;

    /// <summary>Curves that stay apart in colour and on the page on one set of axes.</summary>
    internal const int MaxSeparatePlants = 6;

    /// <summary>Panels of the grid: beyond them the plants that lost least are summed into the last panel.</summary>
    internal const int MaxPanels = 16;

    /// <summary>The plants the chart draws, each on its own or summed into the last: one curve, or one panel, each.</summary>
    internal static IReadOnlyList<PlantGroup> Groups(ReplicationResult run)
    {
        var plants = run.Lines.Select(l => l.Plant).Distinct(StringComparer.Ordinal).Count();
        return PlantProduction.Groups(run.Lines, plants <= MaxSeparatePlants ? MaxSeparatePlants : MaxPanels);
    }

    /// <summary>True when the plants get a panel each.</summary>
    internal static bool UsesPanels(IReadOnlyList<PlantGroup> groups) => groups.Count > MaxSeparatePlants;

    internal static void Write(string path, ReplicationResult run, DateTimeOffset scenarioStart, double horizonHours, string runLabel)
    {
        var plantOfLine = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in run.Lines)
        {
            plantOfLine.TryAdd(line.Line, line.Plant);
        }

        var groups = Groups(run);
        if (UsesPanels(groups))
        {
            WritePanels(path, run, groups, plantOfLine, scenarioStart, horizonHours, runLabel);
            return;
        }

        var plot = ChartCanvas.Create(
            $"Cumulative production per plant, disrupted (solid) vs baseline (dashed) ({runLabel})",
            "time",
            "Units produced since hour 0 (cumulative)");
        ChartCanvas.UseTimeAxis(plot, scenarioStart);
        ChartCanvas.ShadeDisruptions(plot, run.Disrupted.Windows, scenarioStart);
        var drawn = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            if (Draw(plot, run, groups[i], plantOfLine, groups[i].IsRest ? Colors.Gray : ChartCanvas.Series(i), scenarioStart) is { } curve)
            {
                curve.LegendText = $"{Name(groups[i])}: lost {Units(groups[i].LostUnits)} units";
                drawn++;
            }
        }

        if (drawn > 0)
        {
            plot.Legend.ManualItems.Add(BaselineItem);
        }
        else
        {
            ChartCanvas.NoData(plot, "no produced_units samples in this run");
        }

        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsX(ChartCanvas.X(scenarioStart, 0), ChartCanvas.X(scenarioStart, horizonHours));
        ChartCanvas.OutlineDisruptions(plot, run.Disrupted.Windows, scenarioStart);
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    private static void WritePanels(
        string path, ReplicationResult run, IReadOnlyList<PlantGroup> groups, Dictionary<string, string> plantOfLine,
        DateTimeOffset scenarioStart, double horizonHours, string runLabel)
    {
        var plants = groups.Sum(g => g.Plants.Count);
        var grid = new ChartGrid(
            $"Cumulative production of {plants.ToString(CultureInfo.InvariantCulture)} plants, most lost first ({runLabel})",
            $"Scenario time (local clock, UTC{scenarioStart:zzz}; hour 0 = {scenarioStart:yyyy-MM-dd HH:mm}); each panel has its own unit scale",
            groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var panel = grid.Panels[i];
            panel.Title($"{Name(groups[i])}: lost {Units(groups[i].LostUnits)} units");
            ChartCanvas.UsePanelTimeAxis(panel, grid.IsLowestInColumn(i));
            ChartCanvas.ShadeDisruptions(panel, run.Disrupted.Windows, scenarioStart, legend: false);
            if (Draw(panel, run, groups[i], plantOfLine, groups[i].IsRest ? Colors.Gray : ChartCanvas.Series(0), scenarioStart) is null)
            {
                ChartCanvas.NoData(panel, "no samples");
            }

            panel.Axes.Margins(bottom: 0);
            panel.Axes.SetLimitsX(ChartCanvas.X(scenarioStart, 0), ChartCanvas.X(scenarioStart, horizonHours));
            ChartCanvas.OutlineDisruptions(panel, run.Disrupted.Windows, scenarioStart);
        }

        grid.Header.Legend.ManualItems.Add(new LegendItem { LabelText = "disrupted (units since hour 0)", LineColor = ChartCanvas.Series(0), LineWidth = 3 });
        grid.Header.Legend.ManualItems.Add(BaselineItem);
        grid.Header.Legend.ManualItems.Add(new LegendItem { LabelText = "gap: the loss", FillColor = ChartCanvas.Series(0).WithAlpha(0.15) });
        ChartCanvas.LegendDisruptions(grid.Header, run.Disrupted.Windows);
        grid.Header.ShowLegend();
        ChartCanvas.Save(grid, path);
    }

    private static LegendItem BaselineItem => new() { LabelText = "dashed: the same plant undisrupted (baseline)", LineColor = Colors.Black, LinePattern = LinePattern.Dashed, LineWidth = 2 };

    /// <summary>Draws one group's baseline, disrupted curve and the gap; returns the disrupted curve, or null without samples.</summary>
    private static ScottPlot.Plottables.Scatter? Draw(
        Plot plot, ReplicationResult run, PlantGroup group, Dictionary<string, string> plantOfLine, Color color, DateTimeOffset scenarioStart)
    {
        var disrupted = PlantProduction.Total(run.Disrupted.Samples, ProducedMetric, plantOfLine, group.Plants);
        var baseline = PlantProduction.Total(run.Baseline.Samples, ProducedMetric, plantOfLine, group.Plants);
        if (disrupted.Count == 0 && baseline.Count == 0)
        {
            return null;
        }

        if (baseline.Count > 0 && disrupted.Count > 0)
        {
            ShadeGap(plot, disrupted, baseline, color, scenarioStart);
        }

        if (baseline.Count > 0)
        {
            var line = plot.Add.ScatterLine(Xs(baseline, scenarioStart), baseline.Select(v => v.Value).ToArray(), color);
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 2;
            line.LegendText = string.Empty;
        }

        if (disrupted.Count == 0)
        {
            return null;
        }

        var curve = plot.Add.ScatterLine(Xs(disrupted, scenarioStart), disrupted.Select(v => v.Value).ToArray(), color);
        curve.LineWidth = 3;
        return curve;
    }

    private static string Name(PlantGroup group) =>
        group.IsRest ? $"other {group.Plants.Count.ToString(CultureInfo.InvariantCulture)} plants" : group.Plants[0];

    private static string Units(double units) => units.ToString("#,0", CultureInfo.InvariantCulture);

    private static void ShadeGap(Plot plot, IReadOnlyList<TimedValue> disrupted, IReadOnlyList<TimedValue> baseline, Color color, DateTimeOffset start)
    {
        var planned = baseline.ToDictionary(v => v.TimeHours, v => v.Value);
        var common = disrupted.Where(v => planned.ContainsKey(v.TimeHours)).ToArray();
        if (common.Length < 2)
        {
            return;
        }

        var fill = plot.Add.FillY(
            common.Select(v => ChartCanvas.X(start, v.TimeHours)).ToArray(),
            common.Select(v => v.Value).ToArray(),
            common.Select(v => planned[v.TimeHours]).ToArray());
        fill.FillColor = color.WithAlpha(0.15);
        fill.LineWidth = 0;
    }

    private static double[] Xs(IReadOnlyList<TimedValue> series, DateTimeOffset start) =>
        series.Select(v => ChartCanvas.X(start, v.TimeHours)).ToArray();
}
