using ScottPlot;
using Simulator.Experiments;
using Simulator.Model;

namespace Simulator.Output.Charts;

/// <summary>Cumulative output per plant, disrupted against its paired baseline: the gap between them is the loss.</summary>
internal static class ProductionChart
{
    internal const string ProducedMetric = "produced_units";

    internal static void Write(string path, ReplicationResult run, DateTimeOffset scenarioStart, double horizonHours, string runLabel)
    {
        var plantOfLine = new Dictionary<string, string>(StringComparer.Ordinal);
        var plants = new List<string>();
        foreach (var line in run.Lines)
        {
            plantOfLine.TryAdd(line.Line, line.Plant);
            if (!plants.Contains(line.Plant, StringComparer.Ordinal))
            {
                plants.Add(line.Plant);
            }
        }

        var plot = ChartCanvas.Create(
            $"Cumulative production per plant: disrupted (solid) vs baseline (dashed) ({runLabel})",
            "time",
            "Units produced since hour 0 (cumulative)");
        ChartCanvas.UseTimeAxis(plot, scenarioStart);
        ChartCanvas.ShadeDisruptions(plot, run.Disrupted.Windows, scenarioStart);

        var drawn = 0;
        for (var i = 0; i < plants.Count; i++)
        {
            var disrupted = PlantTotals(run.Disrupted.Samples, plantOfLine, plants[i]);
            var baseline = PlantTotals(run.Baseline.Samples, plantOfLine, plants[i]);
            if (disrupted.Count == 0 && baseline.Count == 0)
            {
                continue;
            }

            var color = ChartCanvas.Series(i);
            var lost = run.Lines.Where(l => l.Plant == plants[i]).Sum(l => l.LostUnits);
            if (baseline.Count > 0 && disrupted.Count > 0)
            {
                ShadeGap(plot, disrupted, baseline, color, scenarioStart);
            }

            if (baseline.Count > 0)
            {
                var line = plot.Add.ScatterLine(Xs(baseline, scenarioStart), baseline.Values.ToArray(), color);
                line.LinePattern = LinePattern.Dashed;
                line.LineWidth = 2;
                line.LegendText = $"{plants[i]} baseline";
            }

            if (disrupted.Count > 0)
            {
                var line = plot.Add.ScatterLine(Xs(disrupted, scenarioStart), disrupted.Values.ToArray(), color);
                line.LineWidth = 3;
                line.LegendText = $"{plants[i]} disrupted (lost {lost:0.#} units)";
            }

            drawn++;
        }

        if (drawn == 0)
        {
            ChartCanvas.NoData(plot, "no produced_units samples in this run");
        }

        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsX(ChartCanvas.X(scenarioStart, 0), ChartCanvas.X(scenarioStart, horizonHours));
        ChartCanvas.OutlineDisruptions(plot, run.Disrupted.Windows, scenarioStart);
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    /// <summary>Sum of the plant's lines at each sample time; the sampler records every line at the same instants.</summary>
    private static SortedDictionary<double, double> PlantTotals(
        IReadOnlyList<Sample> samples, Dictionary<string, string> plantOfLine, string plant)
    {
        var totals = new SortedDictionary<double, double>();
        foreach (var sample in samples)
        {
            if (sample.Metric == ProducedMetric && plantOfLine.TryGetValue(sample.Entity, out var owner) && owner == plant)
            {
                totals[sample.TimeHours] = totals.GetValueOrDefault(sample.TimeHours) + sample.Value;
            }
        }

        return totals;
    }

    private static void ShadeGap(
        Plot plot, SortedDictionary<double, double> disrupted, SortedDictionary<double, double> baseline, Color color, DateTimeOffset start)
    {
        var common = disrupted.Keys.Where(baseline.ContainsKey).ToArray();
        if (common.Length < 2)
        {
            return;
        }

        var fill = plot.Add.FillY(
            common.Select(h => ChartCanvas.X(start, h)).ToArray(),
            common.Select(h => disrupted[h]).ToArray(),
            common.Select(h => baseline[h]).ToArray());
        fill.FillColor = color.WithAlpha(0.15);
        fill.LineWidth = 0;
    }

    private static double[] Xs(SortedDictionary<double, double> series, DateTimeOffset start) =>
        series.Keys.Select(h => ChartCanvas.X(start, h)).ToArray();
}
