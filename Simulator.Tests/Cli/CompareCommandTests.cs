using Simulator.Cli;
using Simulator.Model.Specs;
using Simulator.Scenarios;
using Simulator.Tests.Output;
using Simulator.Tests.Scenarios;

namespace Simulator.Tests.Cli;

/// <summary><c>compare</c>, and the replication options <c>run</c> and <c>compare</c> share.</summary>
public sealed class CompareCommandTests
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
        var scenario = SyntheticResults.Scenario() with
        {
            Policies =
            [
                PolicySpec.AsWritten,
                new PolicySpec("buffer-8h", "8 h at the line", 8, new Dictionary<int, double>(), []),
            ],
        };
        _cli.Backend.LoadResult = new LoadResult(scenario, []);
        _workspace = new CliWorkspace("linesim-compare", "outage.yaml", "compare1");
        (_root, _scenario, _out) = (_workspace.Root, _workspace.Scenario, _workspace.Out);
    }

    [TearDown]
    public void DeleteWorkspace() => _workspace.Dispose();

    [Test]
    public void Compare_runs_every_policy_of_the_scenario_by_default_with_twenty_replications()
    {
        // A random outage length: replications differ, so all twenty are worth running.
        var random = _cli.Backend.LoadResult.Scenario!;
        _cli.Backend.LoadResult = new LoadResult(random with { Disruptions = random.Disruptions.Select(d => d with { Duration = new DistributionSpec(DistributionKind.Exponential, Mean: 72) }).ToArray() }, []);
        var (code, _, stderr) = _cli.Run("compare", _scenario, "--out", _out);
        var options = _cli.Backend.Runs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(options.Policies, Is.EqualTo(new[] { "as-written", "buffer-8h" }));
            Assert.That(options.Replications, Is.EqualTo(20));
        });
    }

    [Test]
    public void Compare_prints_both_tables_and_writes_the_comparison_files_and_charts()
    {
        var (code, stdout, stderr) = _cli.Run("compare", _scenario, "--policies", "as-written,buffer-8h", "-n", "6", "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("Policies on the same seeds").And.Contain("Paired differences (same seeds)"));
            Assert.That(stdout, Does.Contain("holding cost").And.Contain("lost units B - A (95 % CI)"));
            Assert.That(
                Directory.GetFiles(_out).Select(Path.GetFileName),
                Is.SupersetOf(new[] { "summary.csv", "statistics.csv", "comparison.csv", "comparison-paired.csv", "policy-comparison.png", "time-to-halt.png", "run.json" }));
        });

        var comparison = File.ReadAllLines(Path.Combine(_out, "comparison.csv"));
        var paired = File.ReadAllLines(Path.Combine(_out, "comparison-paired.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(comparison[0], Is.EqualTo("policy,plant,line,replications,time_to_halt_h_mean,time_to_halt_censored,time_to_recover_h_mean,time_to_recover_censored,lost_units_mean,lost_units_ci95_low,lost_units_ci95_high,inventory_value_avg,holding_cost"));
            Assert.That(comparison, Has.Length.EqualTo(1 + (2 * 3)));
            Assert.That(paired[0], Is.EqualTo("policy_a,policy_b,plant,line,metric,n,mean_difference,std_difference,ci95_low,ci95_high,censored"));
            Assert.That(paired, Has.Length.EqualTo(1 + (3 * 5)));
            Assert.That(paired.Skip(1), Is.All.StartWith("as-written,buffer-8h,"));
        });
        Assert.That(PngHeader.Size(Path.Combine(_out, "policy-comparison.png")), Is.EqualTo((1600, 900)));
    }

    [Test]
    public void Summary_rows_carry_the_policy()
    {
        _cli.Run("compare", _scenario, "-n", "2", "--out", _out);
        var policies = File.ReadLines(Path.Combine(_out, "summary.csv")).Skip(1).Select(l => l.Split(',')[0]).Distinct();
        Assert.That(policies, Is.EqualTo(new[] { "as-written", "buffer-8h" }));
    }

    [Test]
    public void Replication_options_reach_the_experiment()
    {
        var (code, _, stderr) = _cli.Run(
            "run", _scenario, "--parallel", "2", "--timeseries", "all", "--until-precision", "2.5", "--max-replications", "300", "-n", "12", "--out", _out);
        var options = _cli.Backend.Runs.Single();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That((options.Parallelism, options.AllTimeSeries, options.UntilPrecisionPercent, options.MaxReplications, options.Replications), Is.EqualTo(((int?)2, true, (double?)2.5, 300, 12)));
        });
    }

    [Test]
    public void Run_defaults_keep_the_contract_one_replication_first_time_series_every_core()
    {
        _cli.Run("run", _scenario, "--out", _out);
        var options = _cli.Backend.Runs.Single();
        Assert.That((options.Replications, options.AllTimeSeries, options.Parallelism, options.UntilPrecisionPercent), Is.EqualTo((1, false, (int?)null, (double?)null)));
    }

    [TestCase("run", "--parallel", "0", "error: --parallel must be at least 1, got 0")]
    [TestCase("run", "--timeseries", "some", "error: --timeseries must be 'first', 'all', 'parts' or 'all-parts', got 'some'")]
    [TestCase("run", "--timeseries-format", "arrow", "error: --timeseries-format must be 'csv' or 'parquet', got 'arrow'")]
    [TestCase("run", "--until-precision", "0", "error: --until-precision must be a positive percentage, got 0")]
    [TestCase("compare", "--max-replications", "1", "error: --max-replications must be at least 2, got 1")]
    [TestCase("compare", "--replications", "0", "error: --replications must be at least 1, got 0")]
    public void Bad_replication_options_are_invalid_input(string command, string option, string value, string message)
    {
        var (code, _, stderr) = _cli.Run(command, _scenario, option, value, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, message)));
            Assert.That(_cli.Backend.Runs, Is.Empty);
        });
    }

    [Test]
    public void An_unknown_policy_leaves_no_results_folder()
    {
        _cli.Backend.Experiment = (_, _) => throw new InvalidOptionsException("unknown policy 'lean'");
        var (code, _, _) = _cli.Run("compare", _scenario, "--policies", "lean", "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(Directory.GetFileSystemEntries(Path.Combine(_root, "results")), Is.Empty);
        });
    }

    [Test]
    public void The_real_run_writes_the_same_csv_bytes_on_one_core_and_on_two()
    {
        var quickstart = RepositoryFiles.PathOf("scenarios", "quickstart.yaml");
        string Run(string parallel)
        {
            var folder = Path.Combine(_root, "p" + parallel);
            var session = new CliSession(new StringWriter(), new StringWriter(), outputIsTerminal: false, showProgress: false);
            var code = CliApp.Run(["run", quickstart, "-p", "as-written,jis-buffer", "-n", "4", "--seed", "9", "--parallel", parallel, "--out", folder], session, new LibraryBackend(), CancellationToken.None);
            Assert.That(code, Is.Zero);
            return folder;
        }

        var one = Run("1");
        var two = Run("2");
        Assert.Multiple(() =>
        {
            foreach (var file in new[] { "summary.csv", "statistics.csv", "events.csv", "timeseries.csv" })
            {
                Assert.That(File.ReadAllBytes(Path.Combine(two, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(one, file))), file);
            }
        });
    }

    [Test]
    public void Compare_of_a_scenario_without_randomness_runs_one_replication_and_says_why()
    {
        var (code, stdout, stderr) = _cli.Run("compare", _scenario, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(_cli.Backend.Runs.Single().Replications, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("note: the scenario draws no random numbers (every outage duration and transit time is fixed), so every replication gives the same results: running 1 replication per policy instead of 20"));
            Assert.That(stdout, Does.Contain("Policies on the same seeds"));
        });
    }

    [TestCase("compare", "5")]
    [TestCase("run", "3")]
    public void Replications_asked_for_of_a_scenario_without_randomness_are_run_and_said_to_be_identical(string command, string count)
    {
        var (code, _, stderr) = _cli.Run(command, _scenario, "-n", count, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(_cli.Backend.Runs.Single().Replications, Is.EqualTo(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(stderr, Does.Contain("so every replication gives the same results: the replications asked for are identical"));
        });
    }

    [Test]
    public void A_single_run_of_a_scenario_without_randomness_needs_no_note()
    {
        var (code, _, stderr) = _cli.Run("run", _scenario, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stderr, Does.Not.Contain("random"));
        });
    }

    [TestCase("compare", "--shard", "0/2")]
    [TestCase("run", "--resume", "results/earlier")]
    public void A_parquet_series_is_refused_for_shards_and_resumed_runs_which_keep_csv_parts(string command, string option, string value)
    {
        var (code, _, stderr) = _cli.Run(command, _scenario, "--timeseries-format", "parquet", option, value);
        Assert.Multiple(() =>
        {
            Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, $"error: --timeseries-format parquet cannot be combined with {option}: shards and resumed runs write timeseries.csv")));
            Assert.That(_cli.Backend.Runs, Is.Empty);
        });
    }

    [TestCase("csv", true)]
    [TestCase("parquet", false)]
    public void Only_a_csv_run_interrupted_is_left_resumable(string format, bool resumable)
    {
        using var cancellation = new CancellationTokenSource();
        _cli.Backend.Experiment = (_, _) =>
        {
            cancellation.Cancel();
            throw new OperationCanceledException(cancellation.Token);
        };
        var (code, _, stderr) = _cli.Run(cancellation.Token, "run", _scenario, "-n", "2", "--timeseries-format", format, "--out", _out);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Cancelled));
            Assert.That(Directory.GetFileSystemEntries(Path.GetDirectoryName(_out)!, ".*.journal").Length > 0, Is.EqualTo(resumable));
            Assert.That(stderr.Contains("--resume", StringComparison.Ordinal), Is.EqualTo(resumable), stderr);
        });
    }
}
