using System.Globalization;
using ScottPlot;
using Simulator.Experiments;

namespace Simulator.Output.Charts;

/// <summary>
/// A tornado chart of a sensitivity study: per parameter two horizontal bars from zero, the change of the metric when
/// the parameter is lowered and when it is raised, the largest swing on top.
/// </summary>
internal static class TornadoChart
{
    /// <summary>Bars beyond this many stop being legible at 900 pixels; the rest are in the CSV.</summary>
    internal const int MaxRows = 20;

    private static readonly Color LowColor = Color.FromHex("#2a6f97");
    private static readonly Color HighColor = Color.FromHex("#c1121f");

    internal static void Write(string path, SensitivityResult result, bool timeToHalt)
    {
        var percent = result.Percent.ToString("0.##", CultureInfo.InvariantCulture);
        var metric = timeToHalt ? "time to halt (h)" : "lost units";
        double Value(SensitivityOutcome o) => timeToHalt ? o.TimeToHaltOrHorizon : o.LostUnits;
        double Swing(SensitivityRow r) => timeToHalt ? r.TimeToHaltSwingHours : r.LostUnitsSwing;
        var shown = result.Rows.Where(r => Swing(r) > 0)
            .OrderByDescending(Swing)
            .ThenBy(r => result.Rows.ToList().IndexOf(r))
            .Take(MaxRows)
            .ToList();
        var plot = ChartCanvas.Create(
            $"Sensitivity of {metric} to -{percent} % / +{percent} % of each parameter (policy {result.Policy})",
            timeToHalt
                ? "Change of the hours until the first line halts against the outage as is (a run without a halt counts as the hours left in the horizon)"
                : "Change of lost units against the outage as is",
            string.Empty);
        var bars = new List<Bar>();
        for (var i = 0; i < shown.Count; i++)
        {
            var row = shown[i];
            var position = shown.Count - 1 - i;
            foreach (var (outcome, color) in new[] { (row.Low, LowColor), (row.High, HighColor) })
            {
                var change = Value(outcome) - Value(row.Base);
                bars.Add(new Bar
                {
                    Position = position,
                    ValueBase = 0,
                    Value = change,
                    FillColor = color.WithAlpha(0.85),
                    LineColor = color.Darken(0.3),
                    LineWidth = 1,
                    Size = 0.7,
                    Orientation = Orientation.Horizontal,
                });
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"parameter -{percent} %", FillColor = LowColor, OutlineColor = LowColor.Darken(0.3) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"parameter +{percent} %", FillColor = HighColor, OutlineColor = HighColor.Darken(0.3) });
        if (shown.Count == 0)
        {
            ChartCanvas.NoData(plot, $"no parameter moves the {metric}");
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, shown.Count).Select(i => (double)(shown.Count - 1 - i)).ToArray(),
            shown.Select(Label).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = shown.Count > 14 ? 13 : 16;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var extent = shown.SelectMany(r => new[] { Value(r.Low) - Value(r.Base), Value(r.High) - Value(r.Base) }).Select(Math.Abs).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsX(-Math.Max(extent, 1) * 1.1, Math.Max(extent, 1) * 1.1);
        plot.Axes.SetLimitsY(-0.6, Math.Max(shown.Count, 1) - 0.4);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    /// <summary>Target, then what was moved: <c>T1-SEATS: stock SOL-A/SEAT (line)</c>.</summary>
    internal static string Label(SensitivityRow row)
    {
        var what = row.Kind switch
        {
            SensitivityParameterKind.Stock => $"stock {row.Entity}/{row.Part} ({row.Holder})",
            SensitivityParameterKind.LeadTime => $"lead time {row.Entity}",
            _ => row.Part.Length == 0 ? $"capacity {row.Entity} (shared)" : $"capacity {row.Entity}/{row.Part}",
        };
        return $"{row.Target.Id}: {what}";
    }
}
