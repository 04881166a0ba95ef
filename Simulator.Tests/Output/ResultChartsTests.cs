using Simulator.Experiments;
using Simulator.Model;
using Simulator.Output;

namespace Simulator.Tests.Output;

/// <summary>
/// Renders every chart from synthetic runs. Set <c>LINESIM_CHART_DIR</c> to keep the images for a look (<see cref="ChartFolder"/>).
/// </summary>
public sealed class ResultChartsTests
{
    private ChartFolder _charts = null!;

    private string Folder => _charts.Path;

    [SetUp]
    public void CreateFolder() => _charts = ChartFolder.ForCurrentTest("linesim-charts-");

    [TearDown]
    public void DeleteFolder() => _charts.Delete();

    private void AssertFullSizePngs(IReadOnlyList<string> files)
    {
        Assert.Multiple(() =>
        {
            foreach (var file in files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
            {
                Assert.That(PngHeader.Size(Path.Combine(Folder, file)), Is.EqualTo((1600, 900)), file);

                // Every chart also as SVG, the same drawing at the same size.
                var svg = File.ReadAllText(Path.Combine(Folder, Path.ChangeExtension(file, ".svg")));
                Assert.That(svg, Does.Contain("<svg").And.Contain("width=\"1600\"").And.Contain("height=\"900\""), file);
                Assert.That(files, Does.Contain(Path.ChangeExtension(file, ".svg")));
            }
        });
    }

    [Test]
    public void One_run_gives_status_buffer_and_production_charts_of_1600_by_900()
    {
        var files = ResultCharts.WriteAll(Folder, SyntheticResults.Experiment(["base"], 1), SyntheticResults.Start);
        Assert.That(files, Is.EqualTo(new[] { "line-status.png", "line-status.svg", "buffers.png", "buffers.svg", "production.png", "production.svg" }));
        AssertFullSizePngs(files);
    }

    [Test]
    public void Replications_and_policies_add_the_time_to_halt_distribution()
    {
        var files = ResultCharts.WriteAll(Folder, SyntheticResults.Experiment(["as-written", "buffer-8h"], 12), SyntheticResults.Start);
        Assert.That(files, Does.Contain("time-to-halt.png"));
        Assert.That(files, Does.Contain("line-status-buffer-8h.png").And.Contain("production-buffer-8h.svg"), "the time charts of every policy, not only the first");
        AssertFullSizePngs(files);
    }

    [Test]
    public void A_policy_under_which_no_line_ever_halts_still_renders_the_time_to_halt_chart()
    {
        var result = SyntheticResults.Experiment(["lean", "strategic"], 4);
        var neverHalts = result with
        {
            Replications = result.Replications
                .Select(r => r.Policy == "strategic" ? r with { Lines = r.Lines.Select(l => l with { TimeToHaltHours = null }).ToList() } : r)
                .ToList(),
        };

        var files = ResultCharts.WriteAll(Folder, neverHalts, SyntheticResults.Start);

        Assert.That(files.Select(Path.GetFileName), Does.Contain(ResultCharts.TimeToHaltFile));
        AssertFullSizePngs(files);
    }

    [Test]
    public void Runs_without_halts_or_samples_still_render()
    {
        var empty = new RunTrace([], [], [], [], 0, 0);
        var quiet = SyntheticResults.Replication("base", 3, 1);
        var quietNoHalts = quiet with
        {
            Lines = quiet.Lines.Select(l => l with { TimeToHaltHours = null, HaltCause = CauseChain.None }).ToList(),
            Disrupted = quiet.Disrupted with { Events = [] },
        };
        var noSamples = new ReplicationResult("base", 1, 2, quiet.Lines, empty, empty);
        var result = new ExperimentResult(["base"], 1, 2, 168, [quietNoHalts, noSamples], []);
        var files = ResultCharts.WriteAll(Folder, result, SyntheticResults.Start);
        AssertFullSizePngs(files);
    }

    [Test]
    public void Buffer_chart_follows_the_parts_that_halted_lines()
    {
        var entities = Simulator.Output.Charts.BufferChart.HaltingEntities(SyntheticResults.Replication("base", 0, 1));
        Assert.That(entities, Is.EqualTo(new[] { "SOL-A1/SEAT" }));
    }

    [TestCase("part:SEAT <- supplier:T1-SEATS (tier 1) <- it:OEM-EDI (order_transmission)", "SEAT")]
    [TestCase("part:SEAT", "SEAT")]
    [TestCase("part:SEAT <- supplier:T1 (tier 1) <- part:FOAM <- node:T2 (down)", "SEAT")]
    [TestCase("it:CAS-MES (production_control)", null)]
    [TestCase("", null)]
    [TestCase(null, null)]
    public void Starved_part_is_the_first_link_of_the_halt_cause(string? cause, string? part) =>
        Assert.That(HaltCause.StarvedPart(cause is null ? null : HaltCause.Parse(cause)), Is.EqualTo(part));
}
