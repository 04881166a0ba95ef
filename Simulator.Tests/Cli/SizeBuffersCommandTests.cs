using Simulator.Cli;
using Simulator.Experiments;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Experiments;

namespace Simulator.Tests.Cli;

/// <summary><c>size-buffers</c> end to end on the hand-computed network of <see cref="BufferSizingTests"/> (the real sizing, a fake loader).</summary>
public sealed class SizeBuffersCommandTests
{
    private CliHarness _cli = null!;
    private CliWorkspace _workspace = null!;

    [SetUp]
    public void CreateWorkspace()
    {
        _cli = new CliHarness();
        _cli.Backend.LoadResult = new LoadResult(BufferSizingTests.Load(BufferSizingTests.OneLine()), []);
        _workspace = new CliWorkspace("linesim-buffers-cli", "one.yaml", "buffers");
    }

    [TearDown]
    public void DeleteWorkspace() => _workspace.Dispose();

    [Test]
    public void Size_buffers_prints_the_stock_and_writes_the_policy_the_csvs_and_the_manifest()
    {
        var (code, stdout, stderr) = _cli.Run("size-buffers", _workspace.Scenario, "--out", _workspace.Out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(
                Directory.GetFiles(_workspace.Out).Select(Path.GetFileName),
                Is.EquivalentTo(new[] { BufferSizingWriter.PolicyFile, BufferSizingWriter.BuffersFile, BufferSizingWriter.OutagesFile, ResultsWriter.ManifestFile }));
            Assert.That(File.ReadAllLines(Path.Combine(_workspace.Out, BufferSizingWriter.BuffersFile)), Is.EqualTo(new[]
            {
                string.Join(',', BufferSizingWriter.BuffersColumns),
                "line,L1,P,0,100,0,1320,1320,1320,33000",
            }));
            Assert.That(File.ReadAllText(Path.Combine(_workspace.Out, BufferSizingWriter.PolicyFile)), Does.Contain("- { part: P, at: L1, line_side: { at_least: 1320 } }"));
            Assert.That(stdout, Does.Contain("holding cost a year: 33,000 with 'sized-buffers' against 0 with 'as-written' today, 33,000 more"));
            Assert.That(stdout.Split('\n').Max(l => l.TrimEnd('\r').Length), Is.LessThanOrEqualTo(120));
        });
    }

    [Test]
    public void Compare_takes_the_policy_file_size_buffers_wrote()
    {
        Assert.That(_cli.Run("size-buffers", _workspace.Scenario, "--out", _workspace.Out).Code, Is.EqualTo(ExitCodes.Success));
        var (code, _, stderr) = _cli.Run(
            "compare", _workspace.Scenario, "--policy-file", Path.Combine(_workspace.Out, BufferSizingWriter.PolicyFile), "--out", Path.Combine(_workspace.Root, "results", "compare"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(_cli.Backend.Runs.Single().Policies, Is.EqualTo(new[] { "as-written", BufferSizing.DefaultPolicyId }));
        });
    }

    [Test]
    public void Force_replaces_an_earlier_size_buffers_folder_with_its_policy_file_but_not_one_holding_another_yaml()
    {
        Assert.That(_cli.Run("size-buffers", _workspace.Scenario, "--out", _workspace.Out).Code, Is.EqualTo(ExitCodes.Success));
        var again = _cli.Run("size-buffers", _workspace.Scenario, "--out", _workspace.Out, "--force");
        File.WriteAllText(Path.Combine(_workspace.Out, "mine.yaml"), "name: mine\n");
        var refused = _cli.Run("size-buffers", _workspace.Scenario, "--out", _workspace.Out, "--force");

        Assert.Multiple(() =>
        {
            Assert.That(again.Code, Is.EqualTo(ExitCodes.Success), again.Stderr);
            Assert.That(refused.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(refused.Stderr, Does.Contain("holds 'mine.yaml', which linesim does not write"));
            Assert.That(File.Exists(Path.Combine(_workspace.Out, "mine.yaml")), Is.True);
        });
    }

    [TestCase("--outages", "NOPE", "error: --outages: 'NOPE' is not a supplier, IT system or provider of the scenario (known: S)")]
    [TestCase("--outages", "S:x", "error: --outages: 'S:x' is not ID or ID:HOURS (e.g. T1-SEATS:72)")]
    [TestCase("--policy-id", "as-written", "error: the scenario already has a policy 'as-written'; choose another id for the sized policy")]
    [TestCase("--policy-id", "no way", "error: --policy-id 'no way' is not an id (letters, digits, '-', '_' and '.', starting with a letter or digit)")]
    [TestCase("--rounds", "0", "error: --rounds must be at least 1, got 0")]
    [TestCase("--replications", "0", "error: --replications must be at least 1, got 0")]
    public void Bad_options_exit_2_with_the_reason_and_write_nothing(string option, string value, string message)
    {
        var (code, _, stderr) = _cli.Run("size-buffers", _workspace.Scenario, option, value, "--out", _workspace.Out);

        Assert.Multiple(() =>
        {
            Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, message)));
            _workspace.AssertNoResults();
        });
    }
}
