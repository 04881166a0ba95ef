using ScottPlot;
using SkiaSharp;

namespace Simulator.Output.Charts;

/// <summary>
/// Small multiples: a grid of panels (one per plant, say) under one title and one legend, so that many series never
/// share one set of axes. Saved like every chart, as PNG and SVG of <see cref="ChartCanvas.WidthPixels"/> x
/// <see cref="ChartCanvas.HeightPixels"/>.
/// </summary>
internal sealed class ChartGrid
{
    /// <summary>Height of the strip with the title and the shared legend.</summary>
    internal const int HeaderPixels = 96;

    /// <summary>Height of the strip under the panels with the shared x-axis label.</summary>
    internal const int FooterPixels = 34;

    internal ChartGrid(string title, string xLabel, int panels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(panels, 1);
        Columns = ColumnsFor(panels);
        Rows = (panels + Columns - 1) / Columns;
        Header = ChartCanvas.Create(string.Empty, string.Empty, string.Empty);
        Header.Axes.Frameless();
        Header.HideGrid();

        // A frameless plot has no title panel: the title is a note at the top of the strip.
        Title = Header.Add.Annotation(title, Alignment.UpperCenter);
        Title.LabelFontSize = ChartCanvas.TitleFontSize(title, 24);
        Title.LabelBold = true;
        Title.LabelBackgroundColor = Colors.Transparent;
        Title.LabelBorderColor = Colors.Transparent;
        Title.LabelShadowColor = Colors.Transparent;
        Header.Legend.Orientation = Orientation.Horizontal;
        Header.Legend.Alignment = Alignment.LowerCenter;
        Header.Legend.FontSize = 15;
        Footer = ChartCanvas.Create(string.Empty, string.Empty, string.Empty);
        Footer.Axes.Frameless();
        Footer.HideGrid();
        var label = Footer.Add.Annotation(xLabel, Alignment.MiddleCenter);
        label.LabelFontSize = 16;
        label.LabelBackgroundColor = Colors.Transparent;
        label.LabelBorderColor = Colors.Transparent;
        label.LabelShadowColor = Colors.Transparent;
        Panels = Enumerable.Range(0, panels).Select(_ => ChartCanvas.CreatePanel()).ToList();

        // Each plot would otherwise clear the whole canvas, wiping the panels drawn before it.
        foreach (var plot in Plots)
        {
            plot.RenderManager.ClearCanvasBeforeEachRender = false;
        }
    }

    /// <summary>Columns of a grid of <paramref name="panels"/>: the smallest square that holds them (14 plants: 4 x 4).</summary>
    internal static int ColumnsFor(int panels) => (int)Math.Ceiling(Math.Sqrt(panels));

    /// <summary>The strip with the title and the legend (its <see cref="Plot.Legend"/>'s manual items).</summary>
    internal Plot Header { get; }

    /// <summary>The figure's title.</summary>
    internal ScottPlot.Plottables.Annotation Title { get; }

    /// <summary>The strip with the x-axis label that every panel shares.</summary>
    internal Plot Footer { get; }

    /// <summary>The panels, left to right, then top to bottom.</summary>
    internal IReadOnlyList<Plot> Panels { get; }

    internal int Columns { get; }

    internal int Rows { get; }

    /// <summary>Every plot of the figure: header, panels, footer.</summary>
    internal IEnumerable<Plot> Plots => Panels.Prepend(Header).Append(Footer);

    /// <summary>True when panel <paramref name="index"/> is the lowest of its column, the one that shows the time axis.</summary>
    internal bool IsLowestInColumn(int index) => index + Columns >= Panels.Count;

    /// <summary>Draws the figure onto <paramref name="canvas"/>.</summary>
    internal void Render(SKCanvas canvas)
    {
        const int width = ChartCanvas.WidthPixels;
        const int height = ChartCanvas.HeightPixels;
        canvas.Clear(SKColors.White);
        Header.Render(canvas, new PixelRect(0, width, HeaderPixels, 0));
        var cellWidth = (float)width / Columns;
        var cellHeight = (float)(height - HeaderPixels - FooterPixels) / Rows;
        for (var i = 0; i < Panels.Count; i++)
        {
            var left = i % Columns * cellWidth;
            var top = HeaderPixels + (i / Columns * cellHeight);
            Panels[i].Render(canvas, new PixelRect(left, left + cellWidth, top + cellHeight, top));
        }

        Footer.Render(canvas, new PixelRect(0, width, height, height - FooterPixels));
    }
}
