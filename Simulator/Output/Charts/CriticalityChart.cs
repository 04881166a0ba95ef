using System.Globalization;
using ScottPlot;
using Simulator.Experiments;

namespace Simulator.Output.Charts;

/// <summary>The stress-test ranking as horizontal bars of lost units, most critical on top, coloured by tier and labelled with time-to-halt.</summary>
internal static class CriticalityChart
{
    /// <summary>Bars beyond this many stop being legible at 900 pixels; the rest are in the CSV.</summary>
    internal const int MaxBars = 30;

    internal static void Write(string path, StressTestResult result)
    {
        var shown = result.Ranking.Take(MaxBars).ToList();
        var plot = ChartCanvas.Create(
            Title(result, shown.Count),
            $"Lost units against the undisrupted baseline; label: hours from outage start (hour {Invariant.Number(result.ReferenceHours)}) to the first line halt, against hours down",
            string.Empty);
        var bars = new List<Bar>();
        var largest = shown.Select(e => e.Primary.LostUnits).DefaultIfEmpty(0).Max();
        for (var i = 0; i < shown.Count; i++)
        {
            var entry = shown[i];
            var outcome = entry.Primary;
            var color = TierColor(entry.Target.Tier);
            bars.Add(new Bar
            {
                Position = shown.Count - 1 - i,
                Value = Math.Max(0, outcome.LostUnits),
                FillColor = color,
                LineColor = color.Darken(0.3),
                LineWidth = 1,
                Size = 0.75,
                Label = Label(outcome),
                Orientation = Orientation.Horizontal,
            });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = shown.Count > 20 ? 13 : 16;
        barPlot.ValueLabelStyle.ForeColor = Colors.Black;

        foreach (var tier in shown.Select(e => e.Target.Tier).Distinct().OrderBy(t => t ?? int.MaxValue))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = TierName(tier), FillColor = TierColor(tier), OutlineColor = TierColor(tier).Darken(0.3) });
        }

        if (shown.Count == 0)
        {
            ChartCanvas.NoData(plot, "the scenario has no supplier, IT system or provider to stress");
        }
        else if (largest <= 0)
        {
            ChartCanvas.NoData(plot, "no outage cost any production");
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, shown.Count).Select(i => (double)(shown.Count - 1 - i)).ToArray(),
            shown.Select(e => $"#{e.Rank.ToString(CultureInfo.InvariantCulture)} {e.Target.Id} ({KindLabel(e.Target.Kind)})").ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = shown.Count > 20 ? 13 : 16;
        plot.Axes.Left.MajorTickStyle.Length = 0;

        // Room on the right for the longest bar's label.
        plot.Axes.SetLimitsX(0, largest > 0 ? largest * 1.45 : 1);
        plot.Axes.SetLimitsY(-0.6, Math.Max(shown.Count, 1) - 0.4);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    private static string Title(StressTestResult result, int shown)
    {
        var durations = result.DurationsHours.Count > 0
            ? $"{Invariant.Number(result.DurationsHours[0])} h outages"
            : "each down for its recovery time";
        var top = shown < result.Ranking.Count ? $"top {shown.ToString(CultureInfo.InvariantCulture)} of {result.Ranking.Count.ToString(CultureInfo.InvariantCulture)}, " : string.Empty;
        var runs = result.Replications > 1 ? $", mean of {result.Replications.ToString(CultureInfo.InvariantCulture)} runs" : string.Empty;
        return $"Lost units when one node fails ({top}{durations}, policy {result.Policy}{runs})";
    }

    /// <summary>Lost units, then time-to-halt against the outage length: the mitigation rule at a glance.</summary>
    private static string Label(StressOutcome outcome)
    {
        var units = $"{outcome.LostUnits.ToString("#,0", CultureInfo.InvariantCulture)} units";
        if (outcome.TimeToHaltHours is not { } hours)
        {
            return $"{units}, no line halts";
        }

        var rule = outcome.NeedsMitigation ? "<" : ">=";
        return $"{units}, halt {Hours(hours)} h {rule} {Hours(outcome.DurationHours)} h down";
    }

    private static string Hours(double hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);

    private static string KindLabel(StressTargetKind kind) => kind switch
    {
        StressTargetKind.Supplier => "supplier",
        StressTargetKind.ItSystem => "IT",
        _ => "provider",
    };

    internal static string TierName(int? tier) => tier switch
    {
        null => "no dependents",
        0 => "Tier 0 (plant IT)",
        1 => "Tier 1",
        _ => $"Tier {tier.Value.ToString(CultureInfo.InvariantCulture)} (hidden, beyond Tier 1)",
    };

    private static Color TierColor(int? tier) => tier switch
    {
        null => Color.FromHex("#999999"),
        0 => Color.FromHex("#56B4E9"),
        1 => Color.FromHex("#0072B2"),
        2 => Color.FromHex("#E69F00"),
        3 => Color.FromHex("#D55E00"),
        _ => Color.FromHex("#CC79A7"),
    };
}
