using System.Text.RegularExpressions;
using Simulator.Metrics;
using Simulator.Output.Report;
using Simulator.Model;
using Simulator.Output;

namespace Simulator.Tests.Output;

public sealed partial class HtmlReportTests
{
    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?!#)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    private static HtmlReport Sample() => new HtmlReport("Title <&>", "sub")
        .Add(new HeadlineSection("Headline", ["a < b"]))
        .Add(new TableSection("Ranking", [new("node"), new("lost units", true)], [[new("A"), new("1,200", 1200)], [new("B"), new("-", null)]]))
        .Add(new FigureSection("Chart", "<?xml version=\"1.0\"?>\n<svg width=\"1600\" height=\"900\" xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>", "caption"));

    [Test]
    public void The_page_is_self_contained_and_escapes_text()
    {
        var html = Sample().ToHtml();

        Assert.Multiple(() =>
        {
            Assert.That(ExternalReference().IsMatch(html), Is.False, "no src or href leaves the page");
            Assert.That(html, Does.Not.Contain("<link").And.Not.Contain("@import").And.Not.Contain("url("));
            Assert.That(html, Does.Contain("<style>").And.Contain("<script>"));
            Assert.That(html, Does.Contain("<title>Title &lt;&amp;&gt;</title>").And.Contain("<li>a &lt; b</li>"));
            Assert.That(html, Does.Not.Contain("<?xml"), "an inlined SVG loses its XML declaration");
            Assert.That(html, Does.Contain("<svg viewBox=\"0 0 1600 900\" width=\"1600\""), "and scales with the page");
            Assert.That(html, Does.Contain("<td class=\"number\" data-sort=\"1200\">1,200</td>").And.Contain("<td class=\"number\" data-sort=\"\">-</td>"));
        });
    }

    [Test]
    public void Headline_ranks_root_causes_by_lost_units_and_finds_the_first_line_to_halt()
    {
        LineMetrics Line(string line, int replication, double? halt, double lost, string cause) =>
            new("p", replication, 1, "PL", line, halt, 0, null, null, lost, 100, 100 - lost, HaltCause.Parse(cause), 100);
        var lines = new[]
        {
            Line("A", 0, 6, 300, "part:SEAT <- supplier:T1 (tier 1) <- it:EDI (order_transmission)"),
            Line("B", 0, 2, 100, "it:MES (production_control)"),
            Line("A", 1, 4, 100, "part:SEAT <- supplier:T1 (tier 1) <- it:EDI (order_transmission)"),
            Line("B", 1, null, 0, string.Empty),
        };

        var headline = Headline.Compute(lines).Single();

        Assert.Multiple(() =>
        {
            Assert.That(headline.Replications, Is.EqualTo(2));
            Assert.That(headline.MeanLostUnits, Is.EqualTo(250), "(300 + 100 + 100 + 0) / 2 runs");
            Assert.That(headline.FirstToHalt!.Line, Is.EqualTo("B"), "B halts after 2 h in the one run it halts, A after 5 h on average");
            Assert.That(headline.Lines.Single(l => l.Line == "A").MeanTimeToHaltHours, Is.EqualTo(5));
            Assert.That(headline.TopRisks.Select(r => (HaltCause.FormatRoot(r.Cause), r.Id, r.LinesHalted, r.MeanLostUnits)), Is.EqualTo(new[]
            {
                ("it:EDI", "EDI", 1, 200.0),
                ("it:MES", "MES", 1, 50.0),
            }));
        });
    }

    [Test]
    public void Plant_losses_add_up_the_lines_of_each_plant_largest_first()
    {
        LineMetrics Line(string plant, string line, double lost) => new("p", 0, 1, plant, line, null, 0, null, null, lost, 10, 10 - lost, CauseChain.None, 10);

        var losses = PlantLosses.Of([Line("A", "A1", 2), Line("B", "B1", 5), Line("A", "A2", 4), Line("C", "C1", 6)]);

        Assert.That(losses, Is.EqualTo(new[] { ("A", 6.0), ("C", 6.0), ("B", 5.0) }), "A and C tie at 6: A appears first");
    }
}
