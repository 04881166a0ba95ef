using Simulator.Cli;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Experiments;

namespace Simulator.Tests.Cli;

/// <summary><c>stress</c> and <c>graph --highlight</c> end to end on a tiny network (the real stress test, a fake loader).</summary>
public sealed class StressCommandTests
{
    private CliHarness _cli = null!;
    private CliWorkspace _workspace = null!;
    private string _root = string.Empty;
    private string _scenario = string.Empty;
    private string _out = string.Empty;

    [SetUp]
    public void CreateWorkspace()
    {
        _cli = new CliHarness();
        _cli.Backend.LoadResult = new LoadResult(StressTestTests.ThinTier2DeepTier1()
            .ItSystem("FOAM-ERP", ItFunction.OrderTransmission, ["T2-FOAM"], owner: "CLOUDCO")
            .Build(), []);
        _workspace = new CliWorkspace("linesim-stress-cli", "tiny.yaml", "stress1");
        (_root, _scenario, _out) = (_workspace.Root, _workspace.Scenario, _workspace.Out);
    }

    [TearDown]
    public void DeleteWorkspace() => _workspace.Dispose();

    private void AssertNoResults() => _workspace.AssertNoResults();

    [Test]
    public void Stress_writes_the_ranking_chart_and_manifest_and_prints_the_top_entries()
    {
        var (code, stdout, stderr) = _cli.Run("stress", _scenario, "--duration", "20", "--out", _out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName), Is.EquivalentTo(new[] { "criticality.csv", "criticality-long.csv", "criticality.png", "criticality.svg", "report.html", "run.json" }));
            Assert.That(stdout, Does.Contain("T2-FOAM").And.Contain("2 (hidden)"));
            Assert.That(stdout, Does.Contain($"results written to {_out}"));
            Assert.That(File.ReadAllText(Path.Combine(_out, ResultsWriter.ManifestFile)), Does.Contain("\"command_line\": \"linesim stress"));
        });
    }

    [Test]
    public void Method_lp_writes_the_lp_time_to_survive_beside_the_simulated_one()
    {
        var (code, stdout, stderr) = _cli.Run("stress", _scenario, "--duration", "20", "--method", "lp", "--out", _out);

        // T2-FOAM: 420 seats reach the line at best (see SurvivalLpTests), 7 h at 60/h, as simulated.
        var rows = File.ReadAllLines(Path.Combine(_out, CriticalityCsv.FileName));
        var header = rows[0].Split(',');
        var foam = rows.Single(r => r.Split(',')[1] == "T2-FOAM").Split(',');
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(foam[Array.IndexOf(header, "time_to_halt_h")], Is.EqualTo("7"));
            Assert.That(double.Parse(foam[Array.IndexOf(header, "lp_time_to_survive_h")], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(7).Within(1e-6));
            Assert.That(stdout, Does.Contain("simulated and LP optimum").And.Contain("LP (h)").And.Contain("LP lost"));
            Assert.That(File.ReadAllLines(Path.Combine(_out, CriticalityCsv.LongFileName))[0], Does.EndWith("lp_time_to_survive_h,lp_lost_units,lp_risk_exposure_index"));
        });
    }

    [Test]
    public void An_unknown_method_is_invalid_input_and_writes_nothing()
    {
        var (code, _, stderr) = _cli.Run("stress", _scenario, "--method", "exact", "--out", _out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr, Does.Contain("--method must be sim or lp, got 'exact'"));
        });
        AssertNoResults();
    }

    [Test]
    public void Several_durations_are_each_shown_in_the_console()
    {
        var (code, stdout, stderr) = _cli.Run("stress", _scenario, "--durations", "6,12,30", "--out", _out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(stdout, Does.Contain("every duration"));
            foreach (var hours in new[] { "6", "12", "30" })
            {
                Assert.That(stdout, Does.Contain($"lost @{hours}h").And.Contain($"halt @{hours}h"));
            }
        });
    }

    [TestCase("--duration", "24", "--durations", "24,72")]
    [TestCase("--duration", "0")]
    [TestCase("--duration", "-5")]
    [TestCase("--durations", "24,0,72")]
    [TestCase("--durations", "24,abc")]
    [TestCase("--policy", "no-such-policy")]
    [TestCase("--replications", "0")]
    public void Bad_arguments_are_invalid_input_and_write_nothing(params string[] options)
    {
        var (code, _, stderr) = _cli.Run(["stress", _scenario, "--out", _out, .. options]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr, Does.StartWith("error: "));
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
        });
        AssertNoResults();
    }

    [Test]
    public void Duration_and_durations_together_say_so()
    {
        var (_, _, stderr) = _cli.Run("stress", _scenario, "--duration", "24", "--durations", "24,72");
        Assert.That(stderr.Trim(), Is.EqualTo("error: --duration and --durations cannot be used together"));
    }

    [Test]
    public void A_folder_another_run_is_writing_is_refused_before_stressing()
    {
        using (Simulator.Output.ResultsFolderClaim.Acquire(_out, force: false))
        {
            var (code, stdout, stderr) = _cli.Run("stress", _scenario, "--duration", "20", "--out", _out);
            Assert.Multiple(() =>
            {
                Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, $"error: output folder '{_out}' is being written by another run that is still going (hint: wait for it to finish, or choose another --out)")));
                Assert.That(stdout, Is.Empty);
            });
        }

        Assert.That(_cli.Run("stress", _scenario, "--duration", "20", "--out", _out).Code, Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public void A_non_empty_output_folder_is_refused_without_force()
    {
        Directory.CreateDirectory(_out);
        File.WriteAllText(Path.Combine(_out, "keep.txt"), "mine");

        var refused = _cli.Run("stress", _scenario, "--duration", "20", "--out", _out);
        var forced = _cli.Run("stress", _scenario, "--duration", "20", "--out", _out, "--force");

        File.Delete(Path.Combine(_out, "keep.txt"));
        var first = _cli.Run("stress", _scenario, "--duration", "20", "--out", _out);
        var replaced = _cli.Run("stress", _scenario, "--duration", "20", "--out", _out, "--force");

        Assert.Multiple(() =>
        {
            Assert.That(refused.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That((forced.Code, forced.Stderr), Is.EqualTo((ExitCodes.InvalidInput, $"error: output folder '{_out}' was not written by linesim (it has no run.json), so --force will not replace it (hint: choose another --out; --force only replaces an earlier results folder)\n")));
            Assert.That((first.Code, replaced.Code), Is.EqualTo((ExitCodes.Success, ExitCodes.Success)));
            Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName), Is.SupersetOf(new[] { "criticality.csv", "criticality.png", "run.json" }));
        });
    }

    [Test]
    public void Cancelled_stress_exits_130_writes_no_results_and_keeps_only_its_hidden_journal_for_resume()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var (code, _, stderr) = _cli.Run(cancelled.Token, "stress", _scenario, "--out", _out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Cancelled));
            Assert.That(Directory.Exists(_out), Is.False);
            Assert.That(Directory.GetFileSystemEntries(Path.GetDirectoryName(_out)!).Select(Path.GetFileName), Is.EqualTo(new[] { ".stress1.journal" }));
            Assert.That(stderr, Does.Contain($"continue with --resume {_out}"));
        });
    }

    [TestCase("dot")]
    [TestCase("mermaid")]
    public void Graph_highlight_marks_the_top_k(string format)
    {
        var (code, stdout, stderr) = _cli.Run("graph", _scenario, "--format", format, "--highlight", "2");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(Count(stdout, "critical #1"), Is.EqualTo(1));
            Assert.That(Count(stdout, "critical #2"), Is.EqualTo(1));
            Assert.That(Count(stdout, "critical #"), Is.EqualTo(2));
            Assert.That(Count(stdout, format == "dot" ? "penwidth=4" : " critical\n"), Is.EqualTo(2));
        });
    }

    [Test]
    public void Graph_without_highlight_marks_nothing()
    {
        var (_, stdout, _) = _cli.Run("graph", _scenario);
        Assert.That(stdout, Does.Not.Contain("critical"));
    }

    [Test]
    public void Graph_highlight_must_be_positive()
    {
        var (code, _, stderr) = _cli.Run("graph", _scenario, "--highlight", "0");
        Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, "error: --highlight must be at least 1, got 0")));
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
