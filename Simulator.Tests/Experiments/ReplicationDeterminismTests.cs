using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Output;

namespace Simulator.Tests.Experiments;

/// <summary>Same seed, same bytes: on any number of threads, and for any replication re-run alone.</summary>
public sealed class ReplicationDeterminismTests
{
    private static readonly string[] Policies = ["lean", "buffer", "fortress"];
    private string _root = string.Empty;

    [SetUp]
    public void CreateRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "linesim-replications-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    private static int AllCores => Math.Max(2, System.Environment.ProcessorCount);

    /// <summary>Streams an experiment into a results folder and returns the folder and the result.</summary>
    private (string Folder, ExperimentResult Result) Write(ScenarioSpec scenario, ExperimentOptions options, string name, PolicyComparison? comparisonOf = null)
    {
        var folder = Path.Combine(_root, name);
        using var stream = ResultsStream.Create(folder, scenario.Start, allTimeseries: options.AllTimeSeries);
        var result = Experiment.Stream(scenario, options, stream);
        var manifest = new RunManifest("test", null, null, scenario.Name, result.Policies, result.Seed, result.ReplicationCount, result.HorizonHours, "test", DateTimeOffset.UnixEpoch, 0, 0);
        stream.Complete(result, manifest, Comparison.Compute(result, scenario.HoldingCostRatePerYear));
        return (folder, result);
    }

    private static void AssertSameCsvBytes(string expectedFolder, string actualFolder)
    {
        var files = Directory.GetFiles(expectedFolder, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.That(files, Is.SupersetOf(new[] { "summary.csv", "statistics.csv", "events.csv", "timeseries.csv", "comparison.csv", "comparison-paired.csv" }));
        Assert.That(Directory.GetFiles(actualFolder, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(files));
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(actualFolder, file!)), Is.EqualTo(File.ReadAllBytes(Path.Combine(expectedFolder, file!))), file);
            }
        });
    }

    [Test]
    public void Same_seed_gives_the_same_csv_bytes_on_one_core_and_on_all_cores()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var options = new ExperimentOptions(Policies, Replications: 24, Seed: 11);
        var (one, oneResult) = Write(scenario, options with { Parallelism = 1 }, "one");
        var (all, _) = Write(scenario, options with { Parallelism = AllCores }, "all");

        AssertSameCsvBytes(one, all);
        var lost = oneResult.Lines.Select(l => l.LostUnits).Distinct().Count();
        Assert.That(lost, Is.GreaterThan(10), "the replications must differ, or the test proves nothing");
    }

    [Test]
    public void Every_time_series_is_the_same_on_one_core_and_on_all_cores()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var options = new ExperimentOptions(Policies, Replications: 6, Seed: 3, AllTimeSeries: true);
        var (one, _) = Write(scenario, options with { Parallelism = 1 }, "one");
        var (all, _) = Write(scenario, options with { Parallelism = AllCores }, "all");

        AssertSameCsvBytes(one, all);
        var replications = File.ReadLines(Path.Combine(one, "timeseries.csv")).Skip(1).Select(l => l.Split(',')[1]).Distinct().Count();
        Assert.That(replications, Is.EqualTo(6));
    }

    [Test]
    public void Without_all_time_series_only_replication_0_of_each_policy_is_written()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var (folder, result) = Write(scenario, new ExperimentOptions(Policies, Replications: 5, Seed: 3), "first");

        var keys = File.ReadLines(Path.Combine(folder, "timeseries.csv")).Skip(1).Select(l => string.Join(',', l.Split(',')[..2])).Distinct();
        Assert.Multiple(() =>
        {
            Assert.That(keys, Is.EqualTo(new[] { "lean,0", "buffer,0", "fortress,0" }));
            Assert.That(result.Replications.Select(r => (r.Policy, r.Replication)), Is.EqualTo(new[] { ("lean", 0), ("buffer", 0), ("fortress", 0) }));
            Assert.That(result.Records, Has.Count.EqualTo(15));
            Assert.That(File.ReadLines(Path.Combine(folder, "summary.csv")).Count(), Is.EqualTo(1 + (15 * 2)));
        });
    }

    [Test]
    public void Summary_rows_are_ordered_by_policy_then_replication()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var (folder, _) = Write(scenario, new ExperimentOptions(Policies, Replications: 4, Seed: 3, Parallelism: AllCores), "order");

        var keys = File.ReadLines(Path.Combine(folder, "summary.csv")).Skip(1).Select(l => l.Split(',')).Select(f => (f[0], int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), f[4])).ToArray();
        var expected = Policies.SelectMany(p => Enumerable.Range(0, 4).SelectMany(r => new[] { (p, r, "L1"), (p, r, "L2") })).ToArray();
        Assert.That(keys, Is.EqualTo(expected));
    }

    [TestCase(0)]
    [TestCase(7)]
    [TestCase(19)]
    public void Replication_r_alone_reproduces_its_row(int replication)
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var result = Experiment.Stream(scenario, new ExperimentOptions(Policies, Replications: 20, Seed: 5, Parallelism: AllCores), sink: null);

        foreach (var policy in Policies)
        {
            var alone = Experiment.RunReplication(Network.Build(scenario, policy), policy, replication, Experiment.ReplicationSeed(5, replication));
            var recorded = result.Records.Single(r => r.Policy == policy && r.Replication == replication);
            Assert.That(alone.Lines, Is.EqualTo(recorded.Lines), policy);
            Assert.That(alone.Baseline.AverageInventoryValue, Is.EqualTo(recorded.InventoryValue), policy);
        }
    }

    [Test]
    public void Every_policy_runs_the_same_seeds()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var result = Experiment.Stream(scenario, new ExperimentOptions(Policies, Replications: 8, Seed: 5), sink: null);

        var seeds = Policies.Select(p => result.Records.Where(r => r.Policy == p).Select(r => r.Seed).ToArray()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(seeds[1], Is.EqualTo(seeds[0]));
            Assert.That(seeds[2], Is.EqualTo(seeds[0]));
            Assert.That(seeds[0], Is.EqualTo(Enumerable.Range(0, 8).Select(r => Experiment.ReplicationSeed(5, r))));
        });
    }

    [Test]
    public void Stream_and_the_in_memory_run_give_the_same_records_and_statistics()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var options = new ExperimentOptions(Policies, Replications: 6, Seed: 9);
        var streamed = Experiment.Stream(scenario, options, sink: null);
        var inMemory = Experiment.Run(scenario, options);

        Assert.Multiple(() =>
        {
            Assert.That(inMemory.Replications, Has.Count.EqualTo(18));
            Assert.That(streamed.Lines, Is.EqualTo(inMemory.Lines));
            Assert.That(streamed.Statistics, Is.EqualTo(inMemory.Statistics));
        });
    }

    [Test]
    public void A_failing_sink_stops_the_experiment_with_its_exception()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var sink = new FailingSink(after: 5);
        var error = Assert.Throws<IOException>(() => Experiment.Stream(scenario, new ExperimentOptions(Policies, Replications: 50, Parallelism: AllCores), sink));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Is.EqualTo("disk full"));
            Assert.That(sink.Accepted, Is.EqualTo(5));
        });
    }

    [Test]
    public void Cancellation_stops_the_experiment()
    {
        using var cancellation = new CancellationTokenSource();
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var progress = new CancelAfter(3, cancellation);
        Assert.That(
            () => Experiment.Stream(scenario, new ExperimentOptions(Policies, Replications: 200, Parallelism: AllCores), null, progress, cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private sealed class FailingSink(int after) : IReplicationSink
    {
        public int Accepted { get; private set; }

        public void Accept(ReplicationResult replication)
        {
            if (Accepted == after)
            {
                throw new IOException("disk full");
            }

            Accepted++;
        }
    }

    private sealed class CancelAfter(int count, CancellationTokenSource cancellation) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value >= count)
            {
                cancellation.Cancel();
            }
        }
    }
}
