using Simulator.Cli;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Experiments;

namespace Simulator.Tests.Cli;

/// <summary><c>sensitivity</c> end to end on the one-line network (the real analysis, a fake loader).</summary>
public sealed class SensitivityCommandTests
{
    private CliHarness _cli = null!;
    private CliWorkspace _workspace = null!;

    [SetUp]
    public void CreateWorkspace()
    {
        _cli = new CliHarness();
        _cli.Backend.LoadResult = new LoadResult(BufferSizingTests.Load(BufferSizingTests.OneLine(initial: 600)), []);
        _workspace = new CliWorkspace("linesim-sensitivity-cli", "one.yaml", "sensitivity");
    }

    [TearDown]
    public void DeleteWorkspace() => _workspace.Dispose();

    [Test]
    public void Sensitivity_prints_the_largest_swings_and_writes_the_csv_the_tornado_charts_and_the_manifest()
    {
        var (code, stdout, stderr) = _cli.Run("sensitivity", _workspace.Scenario, "--top", "1", "--duration", "24", "--out", _workspace.Out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(Directory.GetFiles(_workspace.Out).Select(Path.GetFileName), Is.EquivalentTo(new[]
            {
                SensitivityWriter.CsvFile, SensitivityWriter.LostUnitsChart, "sensitivity-lost-units.svg", SensitivityWriter.TimeToHaltChart,
                "sensitivity-time-to-halt.svg", ResultsWriter.ManifestFile,
            }));
            var csv = File.ReadAllLines(Path.Combine(_workspace.Out, SensitivityWriter.CsvFile));
            Assert.That(csv[0], Is.EqualTo(string.Join(',', SensitivityWriter.Columns)));
            Assert.That(csv[1], Does.StartWith("S,supplier,1,24,stock,L1,P,line,600,480,720,"));
            Assert.That(csv[1], Does.EndWith(",240"));
            Assert.That(stdout, Does.Contain("sensitivity").And.Contain("L1/P"));
            Assert.That(stdout.Split('\n').Max(l => l.TrimEnd('\r').Length), Is.LessThanOrEqualTo(120));
        });
    }

    [TestCase("--percent", "150", "error: --percent must be above 0 and below 100, got 150")]
    [TestCase("--top", "0", "error: --top must be at least 1, got 0")]
    [TestCase("--policy", "nope", "error: unknown policy 'nope'; the scenario has: as-written")]
    public void Bad_options_exit_2_with_the_reason_and_write_nothing(string option, string value, string message)
    {
        var (code, _, stderr) = _cli.Run("sensitivity", _workspace.Scenario, option, value, "--out", _workspace.Out);

        Assert.Multiple(() =>
        {
            Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, message)));
            _workspace.AssertNoResults();
        });
    }
}
