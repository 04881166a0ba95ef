using Simulator.Cli;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Experiments;

namespace Simulator.Tests.Cli;

/// <summary><c>survive</c> end to end on the hand-computed network of <see cref="SurviveTests"/> (the real analysis, a fake loader).</summary>
public sealed class SurviveCommandTests
{
    private CliHarness _cli = null!;
    private CliWorkspace _workspace = null!;

    [SetUp]
    public void CreateWorkspace()
    {
        _cli = new CliHarness();
        _cli.Backend.LoadResult = new LoadResult(SurviveTests.Network(), []);
        _workspace = new CliWorkspace("linesim-survive-cli", "now.yaml", "now");
    }

    [TearDown]
    public void DeleteWorkspace() => _workspace.Dispose();

    [Test]
    public void Survive_prints_the_ranking_and_writes_the_csv_the_payloads_and_the_manifest()
    {
        var (code, stdout, stderr) = _cli.Run("survive", _workspace.Scenario, "--out", _workspace.Out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(Directory.GetFiles(_workspace.Out).Select(Path.GetFileName), Is.EquivalentTo(new[] { SurviveCsv.FileName, ResultsWriter.ManifestFile }));
            Assert.That(
                Directory.GetFiles(Path.Combine(_workspace.Out, SurvivePayloads.NotificationsFolder)).Select(Path.GetFileName),
                Is.EquivalentTo(new[] { "it_system-WMS.json", "supplier-T1.json" }));
            Assert.That(Directory.GetFiles(Path.Combine(_workspace.Out, SurvivePayloads.DaysOfSupplyFolder)), Is.Not.Empty);
            Assert.That(stdout, Does.Contain("time to survive").And.Contain("2 of 4 targets need mitigation now"));
            Assert.That(stdout, Does.Contain("cause 1 (WMS): part:SEAT <- it:WMS (logistics)"));
            Assert.That(stdout.Split('\n').Max(l => l.TrimEnd('\r').Length), Is.LessThanOrEqualTo(120));
        });
    }

    [Test]
    public void With_a_previous_snapshot_it_shows_where_risks_are_forming()
    {
        var previous = Path.Combine(_workspace.Root, "yesterday");
        Directory.CreateDirectory(previous);
        File.WriteAllText(Path.Combine(previous, SurviveCsv.FileName), "node,kind,hours_to_halt,needs_mitigation\nT1,supplier,9,false\nWMS,it_system,4,true\n");

        var (code, stdout, stderr) = _cli.Run("survive", _workspace.Scenario, "--previous", previous, "--out", _workspace.Out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(stdout, Does.Contain("risks forming since the previous snapshot"));
            Assert.That(File.ReadAllLines(Path.Combine(_workspace.Out, SurviveCsv.FileName)).Single(l => l.Contains(",T1,", StringComparison.Ordinal)), Does.EndWith(",9,3,true"));
        });
    }

    [Test]
    public void A_previous_folder_without_a_survive_csv_is_refused_and_nothing_is_written()
    {
        var previous = Path.Combine(_workspace.Root, "nothing-here");

        var (code, _, stderr) = _cli.Run("survive", _workspace.Scenario, "--previous", previous, "--out", _workspace.Out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr, Does.Contain($"{Path.Combine(previous, SurviveCsv.FileName)}: not found"));
            _workspace.AssertNoResults();
        });
    }

    [TestCase("yesterday", "--as-of must be an ISO-8601 timestamp with offset")]
    [TestCase("2020-01-01T00:00:00+00:00", "is outside the scenario's horizon")]
    public void A_bad_as_of_time_is_refused_and_nothing_is_written(string asOf, string message)
    {
        var (code, _, stderr) = _cli.Run("survive", _workspace.Scenario, "--as-of", asOf, "--out", _workspace.Out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr, Does.Contain(message));
            _workspace.AssertNoResults();
        });
    }

    [Test]
    public void With_the_lp_method_the_console_and_the_csv_show_the_lp_time_to_survive()
    {
        var (code, stdout, stderr) = _cli.Run("survive", _workspace.Scenario, "--method", "lp", "--out", _workspace.Out);
        var csv = File.ReadAllLines(Path.Combine(_workspace.Out, SurviveCsv.FileName));
        var header = csv[0].Split(',');

        // WMS down: goods receipt stops, the 240 seats at the line last 4 h at 60 an hour, in the LP as simulated.
        var wms = csv.Single(l => l.Contains(",WMS,", StringComparison.Ordinal)).Split(',');
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(stdout, Does.Contain("LP (h)"));
            Assert.That(header[^3..], Is.EqualTo(CriticalityCsv.OptimumColumns));
            Assert.That(double.Parse(wms[Array.IndexOf(header, "lp_time_to_survive_h")], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(4).Within(1e-6));
        });
    }

    [TestCase(new[] { "--method", "both" }, "--method must be sim or lp, got 'both'")]
    public void A_bad_method_is_refused_and_nothing_is_written(string[] options, string message)
    {
        var (code, _, stderr) = _cli.Run(["survive", _workspace.Scenario, .. options, "--out", _workspace.Out]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr, Does.Contain(message));
            _workspace.AssertNoResults();
        });
    }
}
