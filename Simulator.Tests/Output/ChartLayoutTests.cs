using System.Text.RegularExpressions;
using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Output;
using Simulator.Output.Charts;

namespace Simulator.Tests.Output;

/// <summary>
/// The structure of the charts at the size of the bundled 28-line, 14-plant scenarios: panels per plant, the top ones
/// drawn and the rest summarised, labels on the chart instead of an overflowing legend. The SVG twin carries every
/// text as text, so the tests read the labels from it.
/// </summary>
public sealed class ChartLayoutTests
{
    private ChartFolder _charts = null!;

    private string Folder => _charts.Path;

    [SetUp]
    public void CreateFolder() => _charts = ChartFolder.ForCurrentTest("linesim-chart-layout-");

    [TearDown]
    public void DeleteFolder() => _charts.Delete();

    private static ExperimentResult Wide(int plants, int linesPerPlant, int replications = 1)
    {
        var runs = Enumerable.Range(0, replications).Select(r => SyntheticResults.Wide("base", r, plants, linesPerPlant)).ToList();
        return new ExperimentResult(["base"], 1, replications, SyntheticResults.HorizonHours, runs, LineStatistics.Compute(runs.SelectMany(r => r.Lines)));
    }

    private string Svg(ExperimentResult result, string png)
    {
        var files = ResultCharts.WriteAll(Folder, result, SyntheticResults.Start);
        Assert.That(files, Does.Contain(png));
        Assert.That(PngHeader.Size(Path.Combine(Folder, png)), Is.EqualTo((1600, 900)));
        return File.ReadAllText(Path.Combine(Folder, Path.ChangeExtension(png, ".svg")));
    }

    /// <summary>The texts of the SVG, trimmed, in drawing order.</summary>
    private static List<string> Texts(string svg) =>
        Regex.Matches(svg, "<text[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value.Trim()).ToList();

    [Test]
    public void Fourteen_plants_get_a_panel_each_the_plant_that_lost_most_first()
    {
        var result = Wide(14, 2);
        var groups = ProductionChart.Groups(result.Replications[0]);

        Assert.That(groups.Select(g => g.Plants.Single()), Is.EqualTo(Enumerable.Range(1, 14).Select(p => $"P{p:00}")), "P01 runs fastest and halts first");
        Assert.That(ProductionChart.UsesPanels(groups), Is.True);
        var titles = Texts(Svg(result, ResultCharts.ProductionFile)).Where(t => t.Contains(": lost ", StringComparison.Ordinal)).ToList();
        Assert.That(titles, Has.Count.EqualTo(14));
        Assert.That(titles[0], Does.StartWith("P01: lost "));
        Assert.That(titles[^1], Does.StartWith("P14: lost "));
    }

    [Test]
    public void Twenty_plants_get_fifteen_panels_and_one_summing_the_five_that_lost_least()
    {
        var result = Wide(20, 1);
        var groups = ProductionChart.Groups(result.Replications[0]);

        Assert.That(groups, Has.Count.EqualTo(ProductionChart.MaxPanels));
        Assert.That(groups[^1].Plants, Is.EqualTo(new[] { "P16", "P17", "P18", "P19", "P20" }));
        Assert.That(groups[^1].LostUnits, Is.EqualTo(result.Lines.Where(l => string.CompareOrdinal(l.Plant, "P16") >= 0).Sum(l => l.LostUnits)).Within(1e-9));
        var titles = Texts(Svg(result, ResultCharts.ProductionFile)).Where(t => t.Contains(": lost ", StringComparison.Ordinal)).ToList();
        Assert.That(titles, Has.Count.EqualTo(16));
        Assert.That(titles[^1], Does.StartWith("other 5 plants: lost "));
    }

    [Test]
    public void Fourteen_plants_without_samples_still_get_their_panels_each_saying_so()
    {
        var run = SyntheticResults.Wide("base", 0, 14, 2);
        var empty = new RunTrace([], [], [], [], 0, 0);
        var result = new ExperimentResult(["base"], 1, 1, SyntheticResults.HorizonHours, [run with { Disrupted = empty, Baseline = empty }], []);

        var texts = Texts(Svg(result, ResultCharts.ProductionFile));

        Assert.That(texts.Count(t => t.Contains(": lost ", StringComparison.Ordinal)), Is.EqualTo(14));
        Assert.That(texts.Count(t => t == "no samples"), Is.EqualTo(14));
    }

    [Test]
    public void Up_to_six_plants_share_one_set_of_axes()
    {
        var groups = ProductionChart.Groups(SyntheticResults.Wide("base", 0, 6, 2));

        Assert.That(groups, Has.Count.EqualTo(6));
        Assert.That(ProductionChart.UsesPanels(groups), Is.False);
    }

    [TestCase(7, 3, 3)]
    [TestCase(9, 3, 3)]
    [TestCase(14, 4, 4)]
    [TestCase(16, 4, 4)]
    public void A_grid_is_the_smallest_square_that_holds_its_panels(int panels, int columns, int rows)
    {
        var grid = new ChartGrid("title", "x", panels);

        Assert.That((grid.Columns, grid.Rows, grid.Panels.Count), Is.EqualTo((columns, rows, panels)));
        Assert.That(Enumerable.Range(0, panels).Count(grid.IsLowestInColumn), Is.EqualTo(columns), "one time axis with labels per column");
    }

    [Test]
    public void Twenty_eight_halting_parts_in_fourteen_plants_get_a_panel_per_plant_the_first_to_halt_first()
    {
        var texts = Texts(Svg(Wide(14, 2), ResultCharts.BuffersFile));
        var titles = texts.Where(t => Regex.IsMatch(t, "^P[0-9]{2} \\(2 parts\\)$")).ToList();

        // Each part runs dry when its line halts, at hour 24 + plant + line: P01 first, P14 last.
        Assert.That(titles, Is.EqualTo(Enumerable.Range(1, 14).Select(p => $"P{p:00} (2 parts)")));
        Assert.That(texts.Count(t => Regex.IsMatch(t, "^P[0-9]{2}-L[12]/SEAT$")), Is.EqualTo(28), "every part named in its panel, no legend of 28");
        Assert.That(texts, Has.Some.Contains("of the 28 parts that halted a line, per plant"));
    }

    [Test]
    public void Eight_halting_parts_in_one_plant_draw_the_five_first_to_halt_with_labels_and_the_rest_as_one_band()
    {
        var texts = Texts(Svg(Wide(1, 8), ResultCharts.BuffersFile));

        // Line k halts at hour 25 + k: L1 to L5 are named, L6 to L8 are the band.
        Assert.That(texts.Where(t => t.EndsWith("/SEAT", StringComparison.Ordinal)), Is.EquivalentTo(Enumerable.Range(1, 5).Select(l => $"P01-L{l}/SEAT")));
        Assert.That(texts, Has.Some.StartsWith("the other 3 parts"));
        Assert.That(texts, Has.Some.Contains("the 8 parts that halted a line (5 first to halt named)"));
    }

    [Test]
    public void Plants_beyond_sixteen_share_the_last_buffer_panel()
    {
        var run = SyntheticResults.Wide("base", 0, 20, 1);
        var series = run.Disrupted.Samples.Where(s => s.Metric == BufferChart.CoverMetric).GroupBy(s => s.Entity)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var panels = BufferChart.PlanOf(run, series).Panels!;

        Assert.That(panels, Has.Count.EqualTo(BufferChart.MaxPanels));
        Assert.That(panels[^1].Plants, Is.EqualTo(new[] { "P16", "P17", "P18", "P19", "P20" }));
        Assert.That(panels[^1].Series, Is.EqualTo(new[] { "P16-L1/SEAT", "P17-L1/SEAT", "P18-L1/SEAT", "P19-L1/SEAT", "P20-L1/SEAT" }));
    }

    [Test]
    public void Direct_labels_that_end_together_are_stacked_a_gap_apart_and_kept_inside_the_chart()
    {
        var black = ScottPlot.Colors.Black;
        var together = DirectLabels.Spread([new("a", 0, black), new("b", 0, black), new("c", 0, black)], 0, 10);
        var atTop = DirectLabels.Spread([new("a", 10, black), new("b", 10, black)], 0, 10);

        Assert.That(together.Select(p => p.Y), Is.EqualTo(new[] { 0, 0.45, 0.9 }).Within(1e-9));
        Assert.That(atTop.Select(p => p.Y), Is.EqualTo(new[] { 9.1, 9.55 }).Within(1e-9));
    }

    [Test]
    public void Twenty_eight_lines_give_time_to_halt_rows_for_the_fifteen_that_halt_soonest_and_one_pooled_row()
    {
        var texts = Texts(Svg(Wide(14, 2, replications: 3), ResultCharts.TimeToHaltFile));

        Assert.That(texts, Does.Contain("P01 / P01-L1").And.Contain("other 13 lines (pooled)"));
        Assert.That(texts, Does.Not.Contain("P14 / P14-L2"), "the line that halts last is pooled");
        Assert.That(texts.Count(t => Regex.IsMatch(t, "^P[0-9]{2} / P[0-9]{2}-L[12]$")), Is.EqualTo(TimeToHaltChart.MaxRows - 1));
    }

    [Test]
    public void A_stress_test_of_1289_targets_draws_29_bars_and_sums_up_the_other_1260_in_one_row()
    {
        var ranking = Enumerable.Range(1, 1289).Select(rank =>
        {
            var lost = rank <= 1000 ? 2000.0 - rank : 0;
            var outcome = new StressOutcome(72, lost > 0 ? 10 : null, lost > 0 ? ["L1"] : [], lost > 0 ? ["P1"] : [], lost, null, lost > 0, lost / 1999, 1, lost > 0 ? 1 : 0, 0);
            return new CriticalityEntry(rank, new StressTarget($"S{rank:0000}", StressTargetKind.Supplier, rank % 3, null), [outcome]);
        }).ToList();
        var result = new StressTestResult("base", 1, 1, 24, 168, [72], ranking, 0, []);
        var path = Path.Combine(Folder, CriticalityWriter.ChartFile);

        CriticalityChart.Write(path, result);

        var texts = Texts(File.ReadAllText(Path.ChangeExtension(path, ".svg")));
        Assert.That(texts.Count(t => Regex.IsMatch(t, "^#[0-9]+ S[0-9]{4} \\(supplier\\)$")), Is.EqualTo(CriticalityChart.MaxBars));
        Assert.That(texts, Does.Contain("other 1,260 targets"));

        // Ranks 30 to 1000 cost 1,970 down to 1,000 units and stop a line; ranks 1001 to 1289 cost nothing.
        Assert.That(texts, Does.Contain("971 of them cost production, at most 1,970 units each; 971 stop a line before they are back (all in criticality.csv)"));
        Assert.That(texts, Has.Some.Contains("top 29 of 1,289"));
    }

    [Test]
    public void Forty_five_lines_give_status_rows_to_the_39_that_stood_still_longest_and_one_shared_row()
    {
        var texts = Texts(Svg(Wide(15, 3), ResultCharts.LineStatusFile));
        var rows = texts.Where(t => Regex.IsMatch(t, "^P[0-9]{2} / P[0-9]{2}-L[123]$")).ToList();

        // A line halts at hour 24 + plant + line and restarts at 100: the six that halt from hour 40 on stood still least.
        Assert.That(rows, Has.Count.EqualTo(LineStatusChart.MaxRows - 1));
        Assert.That(rows, Has.None.AnyOf("P13 / P13-L3", "P14 / P14-L2", "P14 / P14-L3", "P15 / P15-L1", "P15 / P15-L2", "P15 / P15-L3"));
        Assert.That(texts, Does.Contain("other 6 lines (worst state)"));
    }

    [TestCase(40, 26f)]
    [TestCase(100, 25.666666f)]
    [TestCase(128, 20.052084f)]
    [TestCase(400, 16f)]
    public void Long_titles_get_a_smaller_font_so_they_fit_the_width(int characters, float points) =>
        Assert.That(ChartCanvas.TitleFontSize(new string('x', characters)), Is.EqualTo(points).Within(1e-4));
}
