using Simulator.Model.Specs;
using Simulator.Experiments;
using Simulator.Cli;
using Simulator.Scenarios;

namespace Simulator.Tests.Cli;

public sealed class CliAppTests
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
        _workspace = new CliWorkspace("linesim-cli", "outage.yaml", "run1");
        (_root, _scenario, _out) = (_workspace.Root, _workspace.Scenario, _workspace.Out);
    }

    [TearDown]
    public void DeleteWorkspace() => _workspace.Dispose();

    private void AssertNoResults() => _workspace.AssertNoResults();

    [Test]
    public void Zero_replications_is_invalid_input_and_nothing_runs()
    {
        var (code, _, stderr) = _cli.Run("run", _scenario, "--replications", "0", "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr.Trim(), Is.EqualTo("error: --replications must be at least 1, got 0"));
            Assert.That(_cli.Backend.Runs, Is.Empty);
        });
        AssertNoResults();
    }

    [TestCase("--horizon", "0")]
    [TestCase("--horizon", "-5")]
    [TestCase("--replications", "many")]
    [TestCase("--seed", "-1")]
    public void Bad_option_values_are_invalid_input(string option, string value)
    {
        var (code, _, stderr) = _cli.Run("run", _scenario, option, value, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(stderr, Does.StartWith("error: "));
        });
        AssertNoResults();
    }

    [Test]
    public void An_unknown_option_is_invalid_input()
    {
        var (code, _, stderr) = _cli.Run("run", _scenario, "--bogus");
        Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, "error: Unknown option 'bogus'.")));
    }

    [Test]
    public void An_unknown_command_or_none_is_invalid_input()
    {
        Assert.That(_cli.Run("frobnicate").Code, Is.EqualTo(ExitCodes.InvalidInput));
        var (code, stdout, stderr) = _cli.Run();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stdout, Does.Contain("USAGE"));
            Assert.That(stderr, Does.Contain("no command given"));
        });
    }

    [Test]
    public void Version_prints_the_informational_version()
    {
        var (code, stdout, _) = _cli.Run("--version");
        Assert.That((code, stdout.Trim()), Is.EqualTo((0, Simulator.Output.RunManifest.CurrentToolVersion)));
    }

    [Test]
    public void Short_v_is_not_the_version_but_an_unknown_option()
    {
        var (code, stdout, stderr) = _cli.Run("-v");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stdout, Does.Not.Contain(Simulator.Output.RunManifest.CurrentToolVersion));
            Assert.That(stderr.Trim(), Is.EqualTo("error: Unexpected option 'v'."));
        });
    }

    [TestCase("run", "linesim run scenarios/quickstart.yaml --policy jis-buffer")]
    [TestCase("validate", "linesim validate scenarios/quickstart.yaml")]
    [TestCase("graph", "linesim graph scenarios/quickstart.yaml --format mermaid")]
    public void Help_shows_an_example_per_command(string command, string example)
    {
        var (code, stdout, _) = _cli.Run(command, "--help");
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain(example));
    }

    [Test]
    public void Validate_prints_every_problem_and_exits_2_when_invalid()
    {
        _cli.Backend.LoadResult = new LoadResult(null,
        [
            new ScenarioProblem("outage.yaml", 12, 5, "SOL-A1", "unknown part 'SEET'", "did you mean 'SEAT'?"),
            new ScenarioProblem("outage.yaml", 30, 3, "L-DOOR", "transit time is negative", null),
            new ScenarioProblem("outage.yaml", 41, 1, null, "policy list is empty", null, ProblemSeverity.Warning),
        ]);
        var (code, stdout, stderr) = _cli.Run("validate", _scenario);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr.Trim().Split('\n'), Is.EqualTo(new[]
            {
                "outage.yaml:12:5: error [SOL-A1]: unknown part 'SEET' (hint: did you mean 'SEAT'?)",
                "outage.yaml:30:3: error [L-DOOR]: transit time is negative",
                "outage.yaml:41:1: warning: policy list is empty",
            }));
        });
    }

    [Test]
    public void Validate_accepts_warnings()
    {
        _cli.Backend.LoadResult = _cli.Backend.LoadResult with
        {
            Problems = [new ScenarioProblem("outage.yaml", 41, 1, null, "policy list is empty", null, ProblemSeverity.Warning)],
        };
        var (code, stdout, stderr) = _cli.Run("validate", _scenario);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Does.Contain("valid"));
            Assert.That(stderr, Does.Contain("warning: policy list is empty"));
        });
    }

    [Test]
    public void Run_with_an_invalid_scenario_exits_2_and_creates_no_folder()
    {
        _cli.Backend.LoadResult = new LoadResult(null, [new ScenarioProblem("outage.yaml", 3, 1, "x", "bad", null)]);
        var (code, _, stderr) = _cli.Run("run", _scenario, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr.Trim(), Is.EqualTo("outage.yaml:3:1: error [x]: bad"));
            Assert.That(_cli.Backend.Runs, Is.Empty);
        });
        AssertNoResults();
    }

    [Test]
    public void Run_prints_the_line_table_and_writes_the_contract()
    {
        var (code, stdout, stderr) = _cli.Run("run", _scenario, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stderr, Is.Empty);
            Assert.That(stdout, Does.Contain("SOL-A1").And.Contain("CAS-B1").And.Contain("part:SEAT <- supplier:T1-SEATS (tier 1)"));
            Assert.That(stdout, Does.Contain("halt (h)").And.Contain("restart (h)").And.Contain("hours from the disruption's start to the first halt"));
            Assert.That(stdout, Does.Contain("results written to " + _out));
            Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName), Is.SupersetOf(new[] { "summary.csv", "statistics.csv", "timeseries.csv", "events.csv", "run.json", "line-status.png" }));
        });
        var manifest = File.ReadAllText(Path.Combine(_out, "run.json"));
        Assert.That(manifest, Does.Contain("\"command_line\": \"linesim run ").And.Contain("\"scenario_sha256\": \"" + Simulator.Output.RunManifest.Sha256OfFile(_scenario)));
    }

    [Test]
    public void Run_with_replications_shows_means_and_censored_counts()
    {
        var (code, stdout, _) = _cli.Run("run", _scenario, "--replications", "8", "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stdout, Does.Contain("8.3 (2/8)").And.Contain("k of the n runs had no value"), "SOL-A1 never halts in replications 3 and 7");
            Assert.That(File.Exists(Path.Combine(_out, "time-to-halt.png")), Is.True);
        });
    }

    [Test]
    public void Run_passes_policies_seed_horizon_and_replications_to_the_experiment()
    {
        _cli.Run("run", _scenario, "--policy", "as-written,buffer-8h", "--policy", "lean", "--seed", "7", "--horizon", "240", "-n", "3", "--out", _out);
        var options = _cli.Backend.Runs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(options.Policies, Is.EqualTo(new[] { "as-written", "buffer-8h", "lean" }));
            Assert.That((options.Seed, options.HorizonHours, options.Replications), Is.EqualTo((7UL, (double?)240, 3)));
        });
    }

    [Test]
    public void An_unknown_policy_is_invalid_input_with_the_library_message()
    {
        _cli.Backend.Experiment = (_, _) => throw new InvalidOptionsException("unknown policy 'lean' (known: as-written, buffer-8h)", "options");
        var (code, _, stderr) = _cli.Run("run", _scenario, "--policy", "lean", "--out", _out);
        Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, "error: unknown policy 'lean' (known: as-written, buffer-8h)")));
        AssertNoResults();
    }

    [Test]
    public void A_non_empty_output_folder_is_refused_before_simulating()
    {
        Directory.CreateDirectory(_out);
        File.WriteAllText(Path.Combine(_out, "keep.txt"), "mine");
        var (code, _, stderr) = _cli.Run("run", _scenario, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr, Does.Contain("not empty").And.Contain("--force"));
            Assert.That(_cli.Backend.Runs, Is.Empty);
        });
        var forced = _cli.Run("run", _scenario, "--out", _out, "--force");
        Assert.Multiple(() =>
        {
            // --force replaces results, never a folder the user filled.
            Assert.That(forced.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(forced.Stderr.Trim(), Is.EqualTo($"error: output folder '{_out}' was not written by linesim (it has no run.json), so --force will not replace it (hint: choose another --out; --force only replaces an earlier results folder)"));
            Assert.That(File.ReadAllText(Path.Combine(_out, "keep.txt")), Is.EqualTo("mine"));
        });
    }

    [Test]
    public void Cancelling_during_the_simulation_exits_130_with_no_folder_but_the_hidden_journal_to_resume_from()
    {
        using var cancellation = new CancellationTokenSource();
        _cli.Backend.Experiment = (_, token) =>
        {
            cancellation.Cancel();
            token.ThrowIfCancellationRequested();
            throw new AssertionException("the token should have been cancelled");
        };
        var (code, _, stderr) = _cli.Run(cancellation.Token, "run", _scenario, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Cancelled));
            Assert.That(stderr, Does.Contain("cancelled"));
            Assert.That(stderr, Does.Contain($"continue with --resume {_out}"));
        });
        AssertOnlyJournal();
    }

    private void AssertOnlyJournal() =>
        Assert.That(Directory.GetFileSystemEntries(Path.GetDirectoryName(_out)!).Select(Path.GetFileName), Is.EqualTo(new[] { $".{Path.GetFileName(_out)}.journal" }));

    [Test]
    public void Cancelling_after_the_simulation_still_leaves_no_folder_but_the_hidden_journal()
    {
        using var cancellation = new CancellationTokenSource();
        var inner = _cli.Backend.Experiment;
        _cli.Backend.Experiment = (options, token) =>
        {
            var result = inner(options, token);
            cancellation.Cancel();
            return result;
        };
        var (code, _, _) = _cli.Run(cancellation.Token, "run", _scenario, "--out", _out);
        Assert.That(code, Is.EqualTo(ExitCodes.Cancelled));
        AssertOnlyJournal();
    }

    [Test]
    public void An_unexpected_failure_exits_1_with_one_line_and_no_stack_trace()
    {
        _cli.Backend.Experiment = (_, _) => throw new InvalidOperationException("kernel queue corrupted");
        var (code, _, stderr) = _cli.Run("run", _scenario, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UnexpectedFailure));
            Assert.That(stderr.Trim().Split('\n'), Is.EqualTo(new[]
            {
                "error: internal error (InvalidOperationException): kernel queue corrupted",
                "this is a bug in linesim, please report it with the scenario and the command line; set LINESIM_DEBUG=1 to print the trace",
            }));
        });
        AssertNoResults();
    }

    [Test]
    public void A_bug_that_throws_an_argument_exception_is_an_internal_error_not_invalid_input()
    {
        // A negative delay inside the model is the tool's mistake: the user must not be told to fix the scenario.
        _cli.Backend.Experiment = (_, _) => throw new ArgumentOutOfRangeException("delay", -1.0, "The delay must not be negative.");
        var (code, _, stderr) = _cli.Run("run", _scenario, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.UnexpectedFailure));
            Assert.That(stderr, Does.StartWith("error: internal error (ArgumentOutOfRangeException): The delay must not be negative.").And.Contain("please report"));
        });
        AssertNoResults();
    }

    [Test]
    public void A_failure_inside_a_parallel_loop_is_reported_as_what_it_wraps()
    {
        _cli.Backend.Experiment = (_, _) => throw new AggregateException(new InvalidOptionsException("unknown policy 'lean'", "options"));
        var invalid = _cli.Run("run", _scenario, "--out", _out);
        _cli.Backend.Experiment = (_, _) => throw new AggregateException(new InvalidOperationException("kernel queue corrupted"), new OperationCanceledException());
        var bug = _cli.Run("run", _scenario, "--out", _out);
        _cli.Backend.Experiment = (_, _) => throw new AggregateException(new OperationCanceledException(), new OperationCanceledException());
        var cancelled = _cli.Run("run", _scenario, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That((invalid.Code, invalid.Stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, "error: unknown policy 'lean'")));
            Assert.That((bug.Code, bug.Stderr.Split('\n')[0]), Is.EqualTo((ExitCodes.UnexpectedFailure, "error: internal error (InvalidOperationException): kernel queue corrupted")));
            Assert.That((cancelled.Code, cancelled.Stderr.Trim()), Is.EqualTo((ExitCodes.Cancelled, "cancelled: no results were written")));
        });
        AssertNoResults();
    }

    [Test]
    public void Work_past_the_event_limit_is_refused_before_anything_is_written_and_the_limit_can_be_raised()
    {
        _cli.Backend.WorkEstimate = new WorkEstimate(Events: 3e11, PeakMemoryBytes: 2e9, Seconds: 86_400, Cores: 2);
        var refused = _cli.Run("run", _scenario, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(refused.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(refused.Stderr.Trim(), Is.EqualTo(
                "error: this would process about 3e+11 events (about 3e+11 events, 2 GB of series, 24 h on 2 cores), past the limit of 2e+9 events; "
                + "shorten the horizon, use fewer replications or policies, or raise the limit on purpose with --max-events 3.3e+11"));
            Assert.That(_cli.Backend.Runs, Is.Empty);
        });
        AssertNoResults();

        var allowed = _cli.Run("run", _scenario, "--out", _out, "--max-events", "3.3e11");
        Assert.Multiple(() =>
        {
            Assert.That(allowed.Code, Is.EqualTo(ExitCodes.Success), allowed.Stderr);
            Assert.That(allowed.Stderr, Does.Contain("estimate: about 3e+11 events"));
        });
    }

    [TestCase("dot", "digraph network {")]
    [TestCase("mermaid", "flowchart LR")]
    public void Graph_prints_the_network(string format, string expected)
    {
        var (code, stdout, _) = _cli.Run("graph", _scenario, "--format", format);
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain(expected));
    }

    [Test]
    public void Graph_writes_a_file_when_asked()
    {
        var file = Path.Combine(_root, "network.dot");
        var (code, _, _) = _cli.Run("graph", _scenario, "--out", file);
        Assert.That(code, Is.Zero);
        Assert.That(File.ReadAllText(file), Does.StartWith("digraph"));
    }

    [Test]
    public void Graph_rejects_an_unknown_format()
    {
        var (code, _, stderr) = _cli.Run("graph", _scenario, "--format", "png");
        Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, "error: --format must be dot, mermaid or svg, got 'png'")));
    }
}
