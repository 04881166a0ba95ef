using System.Globalization;
using System.Net;
using System.Text;

namespace Simulator.Output.Report;

/// <summary>A part of a report under its own heading; a command adds the sections it has.</summary>
/// <param name="Heading">The section's heading.</param>
public abstract record ReportSection(string Heading)
{
    /// <summary>Appends the section's HTML body (the heading is written by the report).</summary>
    internal abstract void Render(StringBuilder html);
}

/// <summary>The few sentences a planner reads first.</summary>
/// <param name="Heading">The section's heading.</param>
/// <param name="Points">One sentence per point.</param>
public sealed record HeadlineSection(string Heading, IReadOnlyList<string> Points) : ReportSection(Heading)
{
    internal override void Render(StringBuilder html)
    {
        html.Append("<ul class=\"headline\">\n");
        foreach (var point in Points)
        {
            html.Append("<li>").Append(HtmlReport.Encode(point)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }
}

/// <summary>A drawing given as SVG markup (a chart, the network map), with a caption.</summary>
/// <param name="Heading">The section's heading.</param>
/// <param name="Svg">The <c>&lt;svg&gt;</c> element; null shows <paramref name="Caption"/> only.</param>
/// <param name="Caption">What the drawing shows, or why there is none.</param>
public sealed record FigureSection(string Heading, string? Svg, string Caption) : ReportSection(Heading)
{
    internal override void Render(StringBuilder html)
    {
        html.Append("<figure>\n");
        if (Svg is not null)
        {
            html.Append(HtmlReport.Scalable(Svg)).Append('\n');
        }

        html.Append("<figcaption>").Append(HtmlReport.Encode(Caption)).Append("</figcaption>\n</figure>\n");
    }
}

/// <summary>A column of a <see cref="TableSection"/>.</summary>
/// <param name="Name">Heading.</param>
/// <param name="Numeric">Sorts by the cells' numbers rather than their text.</param>
public sealed record ReportColumn(string Name, bool Numeric = false);

/// <summary>A cell: the text shown and, for numeric columns, the number it sorts by (null sorts last).</summary>
/// <param name="Text">What is shown.</param>
/// <param name="SortValue">The number behind it.</param>
public sealed record ReportCell(string Text, double? SortValue = null);

/// <summary>A table whose columns sort when their heading is clicked.</summary>
/// <param name="Heading">The section's heading.</param>
/// <param name="Columns">Columns.</param>
/// <param name="Rows">Rows, as many cells as columns.</param>
/// <param name="Note">A line under the table, or null.</param>
public sealed record TableSection(string Heading, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, string? Note = null)
    : ReportSection(Heading)
{
    internal override void Render(StringBuilder html)
    {
        html.Append("<table class=\"sortable\">\n<thead><tr>");
        foreach (var column in Columns)
        {
            html.Append("<th scope=\"col\" tabindex=\"0\" aria-sort=\"none\" data-type=\"").Append(column.Numeric ? "number" : "text").Append("\">")
                .Append(HtmlReport.Encode(column.Name)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                html.Append("<td");
                if (i < Columns.Count && Columns[i].Numeric)
                {
                    html.Append(" class=\"number\" data-sort=\"")
                        .Append(cell.SortValue is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty)
                        .Append('"');
                }

                html.Append('>').Append(HtmlReport.Encode(cell.Text)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (Note is not null)
        {
            html.Append("<p class=\"note\">").Append(HtmlReport.Encode(Note)).Append("</p>\n");
        }
    }
}

/// <summary>
/// One self-contained HTML page: styles, the sorting script and every drawing are inline, nothing is fetched from the
/// network, so the file can be mailed or archived on its own. Commands add their sections in reading order.
/// </summary>
public sealed class HtmlReport
{
    /// <summary>The file name a results folder gives the report.</summary>
    public const string FileName = "report.html";

    private readonly List<ReportSection> _sections = [];

    /// <summary>Creates an empty report.</summary>
    /// <param name="title">Page title and top heading.</param>
    /// <param name="subtitle">One line under it: scenario, policy, seed, replications.</param>
    public HtmlReport(string title, string subtitle)
    {
        Title = title;
        Subtitle = subtitle;
    }

    /// <summary>Page title and top heading.</summary>
    public string Title { get; }

    /// <summary>The line under the title.</summary>
    public string Subtitle { get; }

    /// <summary>The sections in reading order.</summary>
    public IReadOnlyList<ReportSection> Sections => _sections;

    /// <summary>Appends a section.</summary>
    public HtmlReport Add(ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        _sections.Add(section);
        return this;
    }

    /// <summary>The whole page.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<header><h1>").Append(Encode(Title)).Append("</h1>\n<p class=\"subtitle\">").Append(Encode(Subtitle)).Append("</p>\n");
        html.Append("<nav><ol>");
        for (var i = 0; i < _sections.Count; i++)
        {
            html.Append("<li><a href=\"#s").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(Encode(_sections[i].Heading)).Append("</a></li>");
        }

        html.Append("</ol></nav>\n</header>\n<main>\n");
        for (var i = 0; i < _sections.Count; i++)
        {
            html.Append("<section id=\"s").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\">\n<h2>").Append(Encode(_sections[i].Heading)).Append("</h2>\n");
            _sections[i].Render(html);
            html.Append("</section>\n");
        }

        html.Append("</main>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/> in UTF-8.</summary>
    public void Write(string path) => File.WriteAllText(path, ToHtml(), ResultsCsv.FileEncoding);

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>An SVG element that scales to the page's width: its size goes into a viewBox when it has none.</summary>
    internal static string Scalable(string svg)
    {
        svg = Graphviz.Inlineable(svg);
        var end = svg.IndexOf('>', StringComparison.Ordinal);
        if (end < 0 || svg.AsSpan(0, end).Contains("viewBox", StringComparison.Ordinal))
        {
            return svg;
        }

        var width = Attribute(svg[..end], "width");
        var height = Attribute(svg[..end], "height");
        return width is null || height is null
            ? svg
            : $"<svg viewBox=\"0 0 {width} {height}\"{svg[4..]}";
    }

    private static string? Attribute(string element, string name)
    {
        var key = " " + name + "=\"";
        var start = element.IndexOf(key, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += key.Length;
        var stop = element.IndexOf('"', start);
        var value = element[start..stop];
        return double.TryParse(value.TrimEnd('p', 't', 'x'), NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? value.TrimEnd('p', 't', 'x') : null;
    }

    private const string Style = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1280px; padding: 1rem 2rem; color: #1b1b1b; }
        h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.3rem; border-bottom: 2px solid #dbe9f6; padding-bottom: 0.2rem; margin-top: 2rem; }
        .subtitle { color: #555; margin-top: 0; }
        nav ol { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; padding-left: 0; list-style: none; font-size: 0.9rem; }
        ul.headline li { font-size: 1.05rem; margin: 0.35rem 0; }
        figure { margin: 0.5rem 0; }
        figure svg { width: 100%; height: auto; border: 1px solid #e3e3e3; }
        figcaption, .note { color: #555; font-size: 0.9rem; }
        table.sortable { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
        table.sortable th, table.sortable td { border-bottom: 1px solid #e3e3e3; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        table.sortable th { background: #f3f6fa; cursor: pointer; user-select: none; white-space: nowrap; }
        table.sortable th[aria-sort="ascending"]::after { content: " \25B2"; }
        table.sortable th[aria-sort="descending"]::after { content: " \25BC"; }
        table.sortable td.number { text-align: right; font-variant-numeric: tabular-nums; }
        """;

    // Sorting in place: numbers by data-sort (empty cells last), text by locale; a second click reverses.
    private const string Script = """
        "use strict";
        document.querySelectorAll("table.sortable").forEach(function (table) {
          var headers = table.querySelectorAll("th");
          headers.forEach(function (th, index) {
            function sort() {
              var ascending = th.getAttribute("aria-sort") !== "ascending";
              var numeric = th.dataset.type === "number";
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[index], y = b.cells[index];
                if (numeric) {
                  var p = x.dataset.sort === "" ? NaN : Number(x.dataset.sort);
                  var q = y.dataset.sort === "" ? NaN : Number(y.dataset.sort);
                  if (isNaN(p) || isNaN(q)) { return isNaN(p) === isNaN(q) ? 0 : (isNaN(p) ? 1 : -1); }
                  return ascending ? p - q : q - p;
                }
                var c = x.textContent.localeCompare(y.textContent);
                return ascending ? c : -c;
              });
              rows.forEach(function (row) { body.appendChild(row); });
              headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
              th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            }
            th.addEventListener("click", sort);
            th.addEventListener("keydown", function (event) { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); } });
          });
        });
        """;
}
