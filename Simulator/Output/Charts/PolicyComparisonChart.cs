using System.Globalization;
using ScottPlot;
using Simulator.Experiments;

namespace Simulator.Output.Charts;

/// <summary>
/// The trade-off between stock and lost production: one point per policy at (average inventory value, mean lost units
/// of all lines), with 95 % confidence whiskers on both, labelled with the policy and its holding cost.
/// </summary>
internal static class PolicyComparisonChart
{
    internal static void Write(string path, PolicyComparison comparison)
    {
        var replications = comparison.MostReplications;
        var plot = ChartCanvas.Create(
            $"Lost production against stock held, per policy ({replications.ToString(CultureInfo.InvariantCulture)} replications on the same seeds)",
            "Average inventory value held in normal operation (unit cost x stock, time-weighted; whiskers: 95 % CI)",
            "Lost units, all lines (mean; whiskers: 95 % CI)");

        var totals = comparison.Totals.Where(t => double.IsFinite(t.MeanLostUnits) && double.IsFinite(t.AverageInventoryValue)).ToList();
        if (totals.Count == 0)
        {
            ChartCanvas.NoData(plot, "no policy has results");
            ChartCanvas.Save(plot, path);
            return;
        }

        for (var i = 0; i < comparison.Policies.Count; i++)
        {
            var total = totals.FirstOrDefault(t => t.Policy == comparison.Policies[i]);
            if (total is null)
            {
                continue;
            }

            var color = ChartCanvas.Series(i);
            double[] xs = [total.AverageInventoryValue];
            double[] ys = [total.MeanLostUnits];
            var whiskers = plot.Add.ErrorBar(xs, ys, [0.0]);
            whiskers.YErrorPositive = [Spread(total.LostUnitsCi95High - total.MeanLostUnits)];
            whiskers.YErrorNegative = [Spread(total.MeanLostUnits - total.LostUnitsCi95Low)];
            whiskers.XErrorPositive = [Spread(total.InventoryCi95High - total.AverageInventoryValue)];
            whiskers.XErrorNegative = [Spread(total.AverageInventoryValue - total.InventoryCi95Low)];
            whiskers.Color = color;
            whiskers.LineWidth = 3;
            whiskers.CapSize = 12;

            var point = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 18, color);
            point.LegendText = $"{total.Policy}: {Money(total.AverageInventoryValue)} held, holding cost {Money(total.HoldingCost)} over {comparison.HorizonHours.ToString("0.#", CultureInfo.InvariantCulture)} h, {total.MeanLostUnits.ToString("#,0", CultureInfo.InvariantCulture)} units lost";

            var label = plot.Add.Text(total.Policy, total.AverageInventoryValue, total.MeanLostUnits);
            label.LabelFontSize = 20;
            label.LabelBold = true;
            label.LabelFontColor = color.Darken(0.3);
            label.LabelAlignment = Alignment.LowerLeft;
            label.OffsetX = 14;
            label.OffsetY = -10;
        }

        // Lost units of zero must stay visible as zero, and labels need room on the right.
        var lostHigh = totals.Max(t => double.IsFinite(t.LostUnitsCi95High) ? t.LostUnitsCi95High : t.MeanLostUnits);
        var lostLow = Math.Min(0, totals.Min(t => double.IsFinite(t.LostUnitsCi95Low) ? t.LostUnitsCi95Low : t.MeanLostUnits));
        var valueLow = totals.Min(t => t.AverageInventoryValue);
        var valueHigh = totals.Max(t => t.AverageInventoryValue);
        var valueSpan = Math.Max(valueHigh - valueLow, Math.Max(Math.Abs(valueHigh) * 0.1, 1));
        var lostSpan = Math.Max(lostHigh - lostLow, 1);
        plot.Axes.SetLimits(
            valueLow - (0.12 * valueSpan),
            valueHigh + (0.35 * valueSpan),
            lostLow - (0.05 * lostSpan),
            lostHigh + (0.15 * lostSpan));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Money };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("#,0", CultureInfo.InvariantCulture) };
        plot.ShowLegend(Edge.Bottom);
        ChartCanvas.Save(plot, path);
    }

    private static double Spread(double value) => double.IsFinite(value) ? Math.Max(0, value) : 0;

    private static string Money(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
