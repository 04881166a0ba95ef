using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>
/// An experiment of a fixed number of replications as independent jobs, for shards and merges: job <c>j</c> is
/// replication <c>j / P</c> of policy <c>j % P</c> (P policies), a pure function of (scenario, policy, replication),
/// so any process computes the same replication for it.
/// </summary>
public static class ExperimentJobs
{
    /// <summary>Jobs of the experiment: policies times replications.</summary>
    /// <exception cref="InvalidOptionsException">Bad options, or a precision target (its stop depends on every replication before it, so it cannot be split).</exception>
    public static int Count(ScenarioSpec scenario, ExperimentOptions options)
    {
        Check(scenario, options);
        return Experiment.PoliciesOf(scenario, options).Count * options.Replications;
    }

    /// <summary>The jobs of shard <paramref name="shard"/>: every job whose index is its index modulo the shard count.</summary>
    public static IReadOnlyList<int> OfShard(ScenarioSpec scenario, ExperimentOptions options, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return Enumerable.Range(0, Count(scenario, options)).Where(j => j % shard.Count == shard.Index).ToArray();
    }

    /// <summary>
    /// Runs <paramref name="jobs"/> in parallel, handing each replication (with its traces) to <paramref name="sink"/> as
    /// it finishes, one call at a time, in no fixed order.
    /// </summary>
    /// <exception cref="InvalidOptionsException">Bad options (see <see cref="Count"/>) or an unknown policy.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; replications already handed over stay valid.</exception>
    public static void Run(
        ScenarioSpec scenario,
        ExperimentOptions options,
        IReadOnlyList<int> jobs,
        Action<ReplicationResult> sink,
        IProgress<int>? completedJobs = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(sink);
        var count = Count(scenario, options);
        var policies = Experiment.PoliciesOf(scenario, options);
        var networks = Networks(scenario, options, policies);
        var gate = new object();
        var done = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Parallelism ?? System.Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.ForEach(jobs, parallel, job =>
        {
            if (job < 0 || job >= count)
            {
                throw new ArgumentOutOfRangeException(nameof(jobs), job, $"jobs are in [0, {count})");
            }

            var result = Job(networks, policies, options, job);
            lock (gate)
            {
                sink(result);
            }

            completedJobs?.Report(Interlocked.Increment(ref done));
        });
    }

    /// <summary>
    /// The experiment's result from the records of every job, as <see cref="Experiment.Stream"/> returns it: records in
    /// policy then replication order, statistics over them, and replication 0 of each policy with its traces (simulated
    /// again here: it is the same run).
    /// </summary>
    /// <exception cref="InvalidOptionsException">A job's record is missing or does not belong to the experiment.</exception>
    public static ExperimentResult Assemble(ScenarioSpec scenario, ExperimentOptions options, IEnumerable<ReplicationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var count = Count(scenario, options);
        var policies = Experiment.PoliciesOf(scenario, options);
        var rank = policies.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var byJob = new ReplicationRecord?[count];
        foreach (var record in records)
        {
            if (!rank.TryGetValue(record.Policy, out var p) || record.Replication < 0 || record.Replication >= options.Replications)
            {
                throw new InvalidOptionsException($"record of policy '{record.Policy}', replication {record.Replication} is not part of the experiment", nameof(records));
            }

            byJob[(record.Replication * policies.Count) + p] ??= record;
        }

        var missing = Enumerable.Range(0, count).Where(j => byJob[j] is null).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOptionsException($"{missing.Count} of {count} replications are missing (first: policy {policies[missing[0] % policies.Count]}, replication {missing[0] / policies.Count})", nameof(records));
        }

        var ordered = byJob.Select(r => r!).OrderBy(r => rank[r.Policy]).ThenBy(r => r.Replication).ToArray();
        var networks = Networks(scenario, options, policies);
        var kept = Enumerable.Range(0, policies.Count).Select(p => Job(networks, policies, options, p)).ToArray();
        return new ExperimentResult(policies, options.Seed, options.Replications, networks[0].HorizonHours, kept, LineStatistics.Compute(ordered.SelectMany(r => r.Lines)))
        {
            Records = ordered,
        };
    }

    private static ReplicationResult Job(Network[] networks, IReadOnlyList<string> policies, ExperimentOptions options, int job)
    {
        var policy = job % policies.Count;
        var replication = job / policies.Count;
        return Experiment.RunReplication(
            networks[policy], policies[policy], replication, Experiment.ReplicationSeed(options.Seed, replication),
            keepPartSeries: replication == 0 || options.AllTimeSeries,
            everyPart: options.EveryPart);
    }

    private static Network[] Networks(ScenarioSpec scenario, ExperimentOptions options, IReadOnlyList<string> policies) =>
        policies.Select(p => Network.Build(scenario, scenario.Policies.Count == 0 ? null : p, options.HorizonHours)).ToArray();

    private static void Check(ScenarioSpec scenario, ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (options.UntilPrecisionPercent is not null)
        {
            throw new InvalidOptionsException("a run until a precision target cannot be split into shards: whether replication r runs depends on every replication before it", nameof(options));
        }

        if (options.Replications < 1)
        {
            throw new InvalidOptionsException($"replications must be at least 1, got {options.Replications}", nameof(options));
        }

        if (options.Parallelism is < 1)
        {
            throw new InvalidOptionsException($"parallelism must be at least 1, got {options.Parallelism}", nameof(options));
        }

        var policies = Experiment.PoliciesOf(scenario, options);
        if (policies.Distinct(StringComparer.Ordinal).Count() != policies.Count)
        {
            throw new InvalidOptionsException($"a policy is listed twice: {string.Join(", ", policies)}", nameof(options));
        }
    }
}
