using ScottPlot;

namespace Simulator.Output.Charts;

/// <summary>Names written beside the curves they belong to, in their colours, instead of a legend to look up.</summary>
internal static class DirectLabels
{
    /// <summary>A label and the value its curve ends at.</summary>
    internal sealed record Item(string Text, double Y, Color Color);

    /// <summary>Fraction of the y range two 15-point labels keep apart on a chart 900 pixels high.</summary>
    internal const double ChartGap = 0.045;

    /// <summary>The same for 11-point labels in a panel of a grid of up to four rows (about 130 pixels of plot).</summary>
    internal const double PanelGap = 0.13;

    /// <summary>
    /// Writes each label just left of <paramref name="x"/> (the right edge) at its curve's last value, moved up as
    /// little as needed to keep clear of the label below it (curves that end together get a stacked list).
    /// </summary>
    internal static void AtRightEdge(Plot plot, IReadOnlyList<Item> items, double x, double yLow, double yHigh, bool inPanel)
    {
        foreach (var (item, y) in Spread(items, yLow, yHigh, inPanel ? PanelGap : ChartGap))
        {
            var text = plot.Add.Text(item.Text, x, y);
            text.LabelFontSize = inPanel ? 11 : 15;
            text.LabelBold = true;
            text.LabelFontColor = item.Color.Darken(0.2);
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
            text.LabelAlignment = Alignment.LowerRight;
            text.OffsetX = -6;
        }
    }

    /// <summary>The y of each label: its own value, or just above the label below it, kept under <paramref name="yHigh"/>.</summary>
    internal static IReadOnlyList<(Item Item, double Y)> Spread(IReadOnlyList<Item> items, double yLow, double yHigh, double gapFraction = ChartGap)
    {
        var gap = (yHigh - yLow) * gapFraction;
        var placed = new List<(Item Item, double Y)>();
        foreach (var item in items.OrderBy(i => i.Y))
        {
            var y = placed.Count == 0 ? item.Y : Math.Max(item.Y, placed[^1].Y + gap);
            placed.Add((item, y));
        }

        // A stack that runs off the top is moved down as a whole.
        var overflow = placed.Count == 0 ? 0 : placed[^1].Y + gap - yHigh;
        return overflow > 0 ? placed.Select(p => (p.Item, p.Y - overflow)).ToList() : placed;
    }
}
