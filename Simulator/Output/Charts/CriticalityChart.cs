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
        var durations = shown.Count > 0 ? shown[0].Outcomes.Count : 1;
        var largest = shown.SelectMany(e => e.Outcomes).Select(o => o.LostUnits).DefaultIfEmpty(0).Max();
        for (var i = 0; i < shown.Count; i++)
        {
            var entry = shown[i];
            for (var k = 0; k < durations; k++)
            {
                // One bar per duration, the ranking duration on top of its group; one duration keeps the tier colours.
                var outcome = entry.Outcomes[k];
                var color = durations == 1 ? TierColor(entry.Target.Tier) : DurationColor(k);
                var size = 0.8 / durations;
                bars.Add(new Bar
                {
                    Position = shown.Count - 1 - i + (durations == 1 ? 0 : 0.4 - (size * (k + 0.5))),
                    Value = Math.Max(0, outcome.LostUnits),
                    FillColor = color,
                    LineColor = color.Darken(0.3),
                    LineWidth = 1,
                    Size = durations == 1 ? 0.75 : size * 0.9,
                    Label = Label(outcome),
                    Orientation = Orientation.Horizontal,
                });
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = shown.Count * durations > 20 ? 11 : 16;
        barPlot.ValueLabelStyle.ForeColor = Colors.Black;

        for (var k = 0; durations > 1 && k < durations; k++)
        {
            var hours = shown[0].Outcomes[k].DurationHours;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{Hours(hours)} h down", FillColor = DurationColor(k), OutlineColor = DurationColor(k).Darken(0.3) });
        }

        foreach (var tier in durations > 1 ? Enumerable.Empty<int?>() : shown.Select(e => e.Target.Tier).Distinct().OrderBy(t => t ?? int.MaxValue))
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
            ? $"{string.Join(" / ", result.DurationsHours.Select(h => Invariant.Number(h)))} h outages"
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

    private static Color DurationColor(int index) =>
        Color.FromHex(new[] { "#0072B2", "#E69F00", "#D55E00", "#009E73", "#CC79A7", "#56B4E9" }[index % 6]);

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
