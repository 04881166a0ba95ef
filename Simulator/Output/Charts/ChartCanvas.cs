using System.Globalization;
using ScottPlot;
using SkiaSharp;
using Simulator.Model;

namespace Simulator.Output.Charts;

/// <summary>What every chart shares: size, fonts, the wall-clock time axis and the shaded disruption windows.</summary>
internal static partial class ChartCanvas
{
    internal const int WidthPixels = 1600;
    internal const int HeightPixels = 900;

    internal static readonly Color DisruptionShade = Color.FromHex("#7b2cbf").WithAlpha(0.14);
    internal static readonly Color DisruptionEdge = Color.FromHex("#7b2cbf");

    /// <summary>A sans-serif face: ScottPlot's own pick falls back to a serif face on some Linux machines.</summary>
    private static string SansFont =>
        Fonts.GetTypeface("DejaVu Sans", bold: false, italic: false)?.FamilyName == "DejaVu Sans" ? "DejaVu Sans" : Fonts.Sans;

    /// <summary>A plot with title and axis labels sized to be read on a slide.</summary>
    internal static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(SansFont);
        plot.Title(title, TitleFontSize(title));
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xLabel, 20);
        plot.YLabel(yLabel, 20);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 16;
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        plot.Legend.FontSize = 16;

        // Room for half of the last tick label of the bottom axis, which is centred on the right edge.
        plot.Axes.Right.MinimumSize = 40;
        return plot;
    }

    /// <summary>
    /// 26 points, or smaller for a title too long to fit 1600 pixels at that size (DejaVu Sans averages about 0.6 em
    /// per character), down to 16: long run labels with a 20-digit seed would otherwise be cut off at both ends.
    /// </summary>
    internal static float TitleFontSize(string title, float largest = 26) =>
        Math.Clamp((WidthPixels - 60) / (0.6f * Math.Max(title.Length, 1)), 16, largest);

    /// <summary>A panel of a <see cref="ChartGrid"/>: small title and tick labels, no axis titles (the grid has them once).</summary>
    internal static Plot CreatePanel()
    {
        var plot = new Plot();
        plot.Font.Set(SansFont);
        plot.Axes.Title.Label.FontSize = 15;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        return plot;
    }

    /// <summary>
    /// A time axis for a small panel: dates only, a few ticks, labels only under the lowest panel of a column, and
    /// room on the right for the last label.
    /// </summary>
    internal static void UsePanelTimeAxis(Plot plot, bool showLabels)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        axis.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic
        {
            LabelFormatter = time => showLabels ? time.ToString("dd MMM", CultureInfo.InvariantCulture) : string.Empty,
        };
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Right.MinimumSize = 22;
    }

    /// <summary>Position of an hour offset on a <see cref="UseTimeAxis"/> axis.</summary>
    internal static double X(DateTimeOffset scenarioStart, double hours) => scenarioStart.DateTime.AddHours(hours).ToOADate();

    /// <summary>Shows hours as the scenario's wall-clock dates and times, in the scenario's UTC offset.</summary>
    internal static void UseTimeAxis(Plot plot, DateTimeOffset scenarioStart)
    {
        var axis = plot.Axes.DateTimeTicksBottom();

        // The invariant culture would print 09/02/2025, which half the readers take for 9 February.
        axis.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic
        {
            LabelFormatter = time => time.ToString("ddd dd MMM\nHH:mm", CultureInfo.InvariantCulture),
        };
        plot.Axes.Bottom.TickLabelStyle.FontSize = 16;

        // Room for half of the last date label, which is centred on the right edge.
        plot.Axes.Right.MinimumSize = 70;
        plot.XLabel($"Scenario time (local clock, UTC{scenarioStart:zzz}; hour 0 = {scenarioStart:yyyy-MM-dd HH:mm})", 20);
    }

    /// <summary>Shades each disruption window beneath the data and adds one legend entry for all of them (not in a panel: its grid has the legend).</summary>
    internal static void ShadeDisruptions(Plot plot, IReadOnlyList<DisruptionWindow> windows, DateTimeOffset scenarioStart, bool legend = true)
    {
        foreach (var window in windows)
        {
            var span = plot.Add.HorizontalSpan(X(scenarioStart, window.StartHours), X(scenarioStart, window.EndHours), DisruptionShade);
            span.LineWidth = 0;
        }

        if (legend)
        {
            LegendDisruptions(plot, windows);
        }
    }

    /// <summary>One legend entry for all disruption windows, when there are any.</summary>
    internal static void LegendDisruptions(Plot plot, IReadOnlyList<DisruptionWindow> windows)
    {
        if (windows.Count > 0)
        {
            var ids = string.Join(", ", windows.Select(w => w.Id).Distinct(StringComparer.Ordinal));
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"disruption ({ids})", FillColor = DisruptionShade.WithAlpha(0.35), OutlineColor = DisruptionEdge });
        }
    }

    /// <summary>Dashed start and end lines of each window, drawn last so that bands and lines never hide them.</summary>
    internal static void OutlineDisruptions(Plot plot, IReadOnlyList<DisruptionWindow> windows, DateTimeOffset scenarioStart)
    {
        foreach (var window in windows)
        {
            foreach (var hours in new[] { window.StartHours, window.EndHours })
            {
                var edge = plot.Add.VerticalLine(X(scenarioStart, hours), 2, DisruptionEdge, LinePattern.Dashed);
                edge.LegendText = string.Empty;
            }
        }
    }

    /// <summary>A notice in the middle of an empty chart, so a missing series reads as such, not as a bug.</summary>
    internal static void NoData(Plot plot, string message)
    {
        var note = plot.Add.Annotation(message, Alignment.MiddleCenter);
        note.LabelFontSize = 22;
    }

    /// <summary>Saves the chart as PNG at <paramref name="path"/> and as SVG beside it (same name, <c>.svg</c>).</summary>
    internal static void Save(Plot plot, string path)
    {
        plot.SavePng(path, WidthPixels, HeightPixels);
        var svg = SvgWithDashes([plot], () => plot.GetSvgXml(WidthPixels, HeightPixels));
        File.WriteAllText(SvgOf(path), StableIds(svg, Path.GetFileNameWithoutExtension(path)), ResultsCsv.FileEncoding);
    }

    /// <summary>Saves a grid of panels as PNG at <paramref name="path"/> and as SVG beside it.</summary>
    internal static void Save(ChartGrid grid, string path)
    {
        using (var surface = SKSurface.Create(new SKImageInfo(WidthPixels, HeightPixels)))
        {
            grid.Render(surface.Canvas);
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            using var file = File.Create(path);
            png.SaveTo(file);
        }

        var svg = SvgWithDashes(grid.Plots.ToList(), () =>
        {
            using var stream = new SKDynamicMemoryWStream();
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, WidthPixels, HeightPixels), stream))
            {
                grid.Render(canvas);
            }

            using var data = stream.DetachAsData();
            return System.Text.Encoding.UTF8.GetString(data.AsSpan());
        });
        File.WriteAllText(SvgOf(path), StableIds(svg, Path.GetFileNameWithoutExtension(path)), ResultsCsv.FileEncoding);
    }

    /// <summary>Added to the width of a dashed line while the SVG is drawn; a multiple of 1/64 so Skia prints it exactly.</summary>
    private const float DashMarkerWidth = 1 / 64f;

    /// <summary>
    /// Skia's SVG canvas cannot write a dash path effect: it leaves such a line out of the file and prints
    /// "Unsupported path effect in addPaint." on stderr for each one. So the SVG is drawn with every dashed line solid
    /// and a marker added to its width (the k-th pattern gets k markers), and each marked width is then written as
    /// the line's own width with the pattern as an SVG dash array. The PNG keeps Skia's own dashes.
    /// </summary>
    private static string SvgWithDashes(IReadOnlyList<Plot> plots, Func<string> draw)
    {
        var dashed = plots.SelectMany(plot => plot.GetPlottables().OfType<IHasLine>().Select(p => p.LineStyle)
                .Concat(plot.Legend.ManualItems.Select(item => item.LineStyle)))
            .Where(style => style.Pattern.Intervals.Length > 0)
            .Distinct()
            .Select(style => (Style: style, style.Pattern, style.Width))
            .ToList();
        var patterns = dashed.Select(line => line.Pattern.Intervals).DistinctBy(ArrayText).ToList();
        foreach (var line in dashed)
        {
            line.Style.Pattern = LinePattern.Solid;
            line.Style.Width += DashMarkerWidth * (1 + patterns.FindIndex(p => ArrayText(p) == ArrayText(line.Pattern.Intervals)));
        }

        string svg;
        try
        {
            svg = draw();
        }
        finally
        {
            foreach (var line in dashed)
            {
                line.Style.Pattern = line.Pattern;
                line.Style.Width = line.Width;
            }
        }

        return MarkedWidth().Replace(svg, match =>
        {
            var width = float.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var whole = MathF.Floor(width);
            var index = (int)MathF.Round((width - whole) / DashMarkerWidth) - 1;
            return index < 0 || index >= patterns.Count
                ? match.Value
                : $"stroke-width=\"{whole.ToString(CultureInfo.InvariantCulture)}\" stroke-dasharray=\"{ArrayText(patterns[index])}\"";
        });
    }

    private static string ArrayText(float[] intervals) => string.Join(' ', intervals.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    [System.Text.RegularExpressions.GeneratedRegex("stroke-width=\"([0-9]+\\.[0-9]+)\"")]
    private static partial System.Text.RegularExpressions.Regex MarkedWidth();

    /// <summary>
    /// Skia numbers the clip paths of an SVG from a counter shared by the whole process, so the same chart drawn twice
    /// would differ: the ids are renumbered per file, and prefixed with its name so that charts inlined in one page
    /// (report.html) do not clip each other.
    /// </summary>
    internal static string StableIds(string svg, string prefix)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, match =>
        {
            if (!ids.TryGetValue(match.Value, out var id))
            {
                id = $"{prefix}-clip{ids.Count.ToString(CultureInfo.InvariantCulture)}";
                ids.Add(match.Value, id);
            }

            return id;
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\bcl_[0-9a-f]+\\b")]
    private static partial System.Text.RegularExpressions.Regex ClipId();

    /// <summary>The SVG twin of a PNG chart file name or path.</summary>
    internal static string SvgOf(string pngPath) => Path.ChangeExtension(pngPath, ".svg");

    /// <summary>Categorical colours that stay apart for colour-blind readers (Okabe-Ito).</summary>
    internal static Color Series(int index)
    {
        Color[] palette =
        [
            Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
            Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#F0E442"),
        ];
        return palette[index % palette.Length];
    }
}
