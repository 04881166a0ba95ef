using System.Globalization;
using ScottPlot;
using Simulator.Metrics;
using Simulator.Experiments;
using Simulator.Model;

namespace Simulator.Output.Charts;

/// <summary>Cumulative output per plant, disrupted against its paired baseline: the gap between them is the loss.</summary>
internal static class ProductionChart
{
    internal const string ProducedMetric = "produced_units";

    /// <summary>Curves that stay apart in colour and on the page; more plants are summed into one.</summary>
    internal const int MaxSeparatePlants = 6;

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

        // Beyond a handful of plants the curves hide each other and the colours repeat: the plants that lost most are
        // drawn on their own, the rest as one summed curve.
        var losses = PlantLosses.Of(run.Lines);
        var separate = losses.Count <= MaxSeparatePlants ? losses : losses.Take(MaxSeparatePlants - 1).ToList();
        var rest = losses.Skip(separate.Count).Select(p => p.Plant).ToHashSet(StringComparer.Ordinal);
        var groups = separate.Select(p => (Label: p.Plant, Plants: (IReadOnlySet<string>)new HashSet<string>([p.Plant], StringComparer.Ordinal), p.LostUnits)).ToList();
        if (rest.Count > 0)
        {
            groups.Add(($"other {rest.Count} plants", rest, losses.Where(p => rest.Contains(p.Plant)).Sum(p => p.LostUnits)));
        }

        var drawn = 0;
        for (var i = 0; i < groups.Count; i++)
        {
            var disrupted = PlantTotals(run.Disrupted.Samples, plantOfLine, groups[i].Plants);
            var baseline = PlantTotals(run.Baseline.Samples, plantOfLine, groups[i].Plants);
            if (disrupted.Count == 0 && baseline.Count == 0)
            {
                continue;
            }

            var color = groups[i].Plants.Count > 1 ? Colors.Gray : ChartCanvas.Series(i);
            if (baseline.Count > 0 && disrupted.Count > 0)
            {
                ShadeGap(plot, disrupted, baseline, color, scenarioStart);
            }

            if (baseline.Count > 0)
            {
                var line = plot.Add.ScatterLine(Xs(baseline, scenarioStart), baseline.Values.ToArray(), color);
                line.LinePattern = LinePattern.Dashed;
                line.LineWidth = 2;
                line.LegendText = string.Empty;
            }

            if (disrupted.Count > 0)
            {
                var line = plot.Add.ScatterLine(Xs(disrupted, scenarioStart), disrupted.Values.ToArray(), color);
                line.LineWidth = 3;
                line.LegendText = $"{groups[i].Label}: lost {groups[i].LostUnits.ToString("#,0", CultureInfo.InvariantCulture)} units";
            }

            drawn++;
        }

        if (drawn > 0)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "dashed: the same plant undisrupted (baseline)", LineColor = Colors.Black, LinePattern = LinePattern.Dashed, LineWidth = 2 });
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
        IReadOnlyList<Sample> samples, Dictionary<string, string> plantOfLine, IReadOnlySet<string> plants)
    {
        var totals = new SortedDictionary<double, double>();
        foreach (var sample in samples)
        {
            if (sample.Metric == ProducedMetric && plantOfLine.TryGetValue(sample.Entity, out var owner) && plants.Contains(owner))
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
