using System.Globalization;
using ScottPlot;
using Simulator.Experiments;

namespace Simulator.Output.Charts;

/// <summary>The stress-test ranking as horizontal bars of lost units, most critical on top, coloured by tier and labelled with time-to-halt.</summary>
internal static class CriticalityChart
{
    /// <summary>Bars beyond this many stop being legible at 900 pixels; the rest are summed up in one row, and each is in the CSV.</summary>
    internal const int MaxBars = 29;

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

        // The targets beyond the bars, summed up in one last row: how many of them still cost production.
        var rest = result.Ranking.Count > shown.Count ? result.Summary(shown.Count) : null;
        var positions = Enumerable.Range(0, shown.Count).Select(i => (double)(shown.Count - 1 - i)).ToList();
        var names = shown.Select(e => $"#{e.Rank.ToString(CultureInfo.InvariantCulture)} {e.Target.Id} ({KindLabel(e.Target.Kind)})").ToList();
        if (rest is not null)
        {
            positions.Add(-1);
            names.Add(RestLabel(rest));
            var note = plot.Add.Text(RestNote(rest), 0, -1);
            note.LabelFontSize = shown.Count > 20 ? 13 : 16;
            note.LabelFontColor = Colors.Black;
            note.LabelItalic = true;
            note.LabelAlignment = Alignment.MiddleLeft;
            note.OffsetX = 6;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions.ToArray(), names.ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = shown.Count > 20 ? 13 : 16;
        plot.Axes.Left.MajorTickStyle.Length = 0;

        // Room on the right for the longest bar's label.
        plot.Axes.SetLimitsX(0, largest > 0 ? largest * 1.45 : 1);
        plot.Axes.SetLimitsY(rest is null ? -0.6 : -1.6, Math.Max(shown.Count, 1) - 0.4);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    /// <summary>Tick label of the row that sums up the targets beyond the bars.</summary>
    internal static string RestLabel(Metrics.CriticalitySummary rest) => $"other {rest.Targets.ToString("#,0", CultureInfo.InvariantCulture)} targets";

    /// <summary>What the targets beyond the bars still cost, written across their row.</summary>
    internal static string RestNote(Metrics.CriticalitySummary rest) => rest.CostProduction == 0
        ? "none of them costs any production (all in criticality.csv)"
        : $"{rest.CostProduction.ToString("#,0", CultureInfo.InvariantCulture)} of them cost production, at most {rest.MostLostUnits.ToString("#,0", CultureInfo.InvariantCulture)} units each; "
            + $"{rest.NeedMitigation.ToString("#,0", CultureInfo.InvariantCulture)} stop a line before they are back (all in criticality.csv)";

    private static string Title(StressTestResult result, int shown)
    {
        var durations = result.DurationsHours.Count > 0
            ? $"{string.Join(" / ", result.DurationsHours.Select(h => Invariant.Number(h)))} h outages"
            : "each down for its recovery time";
        var top = shown < result.Ranking.Count ? $"top {shown.ToString(CultureInfo.InvariantCulture)} of {result.Ranking.Count.ToString("#,0", CultureInfo.InvariantCulture)}, " : string.Empty;
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
