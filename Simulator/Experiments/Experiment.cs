using Simulator.Engine;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>Runs replications of a scenario under one or more policies, each paired with its undisrupted baseline.</summary>
public static class Experiment
{
    /// <summary>
    /// Runs every replication of every policy (in parallel when allowed) and keeps every trace in memory. Results are
    /// ordered by policy, then replication, and do not depend on the thread count or on the order in which replications
    /// finish. For many replications prefer <see cref="Stream"/>, whose memory does not grow with the count.
    /// </summary>
    /// <exception cref="InvalidOptionsException">An unknown policy, fewer than one replication, or a non-positive horizon.</exception>
    public static ExperimentResult Run(
        ScenarioSpec scenario,
        ExperimentOptions options,
        IProgress<int>? completedReplications = null,
        CancellationToken cancellationToken = default)
    {
        var all = new List<ReplicationResult>();
        var result = Execute(scenario, options, all.Add, keepAll: true, completedReplications, cancellationToken);
        var rank = RankOf(result.Policies);
        var ordered = all.OrderBy(r => rank[r.Policy]).ThenBy(r => r.Replication).ToArray();
        return result with { Replications = ordered };
    }

    /// <summary>
    /// Runs the experiment and hands each replication to <paramref name="sink"/> as soon as it and every replication
    /// before it are done, in a fixed order (see <see cref="IReplicationSink"/>), so output written from the sink is
    /// the same bytes on any thread count. Keeps only replication 0 of each policy with its traces, plus a compact
    /// record of every replication; with <see cref="ExperimentOptions.UntilPrecisionPercent"/> it adds replications
    /// until the precision is reached or the cap is hit, and reports which in <see cref="ExperimentResult.Precision"/>.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Policies, replications, seed, horizon, parallelism, precision target.</param>
    /// <param name="sink">Receives every replication; null keeps nothing but the records.</param>
    /// <param name="completedReplications">Reports the number of replications (all policies together) handed to the sink so far.</param>
    /// <param name="cancellationToken">Stops the run; the sink gets no further calls.</param>
    /// <exception cref="InvalidOptionsException">An unknown policy, a bad replication count, cap, precision or horizon.</exception>
    public static ExperimentResult Stream(
        ScenarioSpec scenario,
        ExperimentOptions options,
        IReplicationSink? sink,
        IProgress<int>? completedReplications = null,
        CancellationToken cancellationToken = default) =>
        Execute(scenario, options, r => sink?.Accept(r), keepAll: false, completedReplications, cancellationToken);

    /// <summary>The seed of replication <paramref name="replication"/>: a function of the root seed and the index only.</summary>
    public static ulong ReplicationSeed(ulong rootSeed, int replication) =>
        RandomStreams.Create(rootSeed, $"replication:{replication}").NextUInt64();

    /// <summary>The policies an experiment runs: those asked for, or the scenario's first.</summary>
    public static IReadOnlyList<string> PoliciesOf(ScenarioSpec scenario, ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        return options.Policies.Count > 0
            ? options.Policies
            : [scenario.Policies.FirstOrDefault()?.Id ?? PolicySpec.AsWritten.Id];
    }

    /// <summary>Runs one replication and its paired baseline with the same seed.</summary>
    /// <param name="network">The network under the policy.</param>
    /// <param name="policy">Policy id, for the records.</param>
    /// <param name="replication">Replication index.</param>
    /// <param name="seed">Seed of the replication's random streams.</param>
    /// <param name="keepPartSeries">Add part stocks to the disrupted run's time series.</param>
    /// <param name="everyPart">Every part stock (true), or only those <see cref="PartSeriesSelection"/> keeps.</param>
    public static ReplicationResult RunReplication(Network network, string policy, int replication, ulong seed, bool keepPartSeries = true, bool everyPart = true)
    {
        var disrupted = Simulation.Run(network, seed, new RunOptions(RecordPartSeries: keepPartSeries, PartSeriesAsSamples: false));
        if (disrupted.Parts is not null)
        {
            var kept = everyPart ? null : PartSeriesSelection.Of(disrupted);
            disrupted = disrupted.WithPartSamples(key => kept is null || kept.Contains(key));
        }

        var baseline = Simulation.Run(network, seed, new RunOptions(RecordPartSeries: false, WithDisruptions: false));
        var lines = LineMetricsCalculator.Compute(policy, replication, seed, disrupted, baseline);
        return new ReplicationResult(policy, replication, seed, lines, disrupted, baseline)
        {
            Disruptions = DisruptionMetricsCalculator.Compute(policy, replication, seed, network, disrupted, baseline),
        };
    }

    private static ExperimentResult Execute(
        ScenarioSpec scenario,
        ExperimentOptions options,
        Action<ReplicationResult> sink,
        bool keepAll,
        IProgress<int>? completedReplications,
        CancellationToken cancellationToken)
    {
        Validate(options);
        var policies = PoliciesOf(scenario, options);
        if (policies.Distinct(StringComparer.Ordinal).Count() != policies.Count)
        {
            throw new InvalidOptionsException($"a policy is listed twice: {string.Join(", ", policies)}", nameof(options));
        }

        foreach (var policy in policies)
        {
            CheckPolicy(scenario, policy);
        }

        var networks = policies
            .Select(p => Network.Build(scenario, scenario.Policies.Count == 0 ? null : p, options.HorizonHours))
            .ToArray();
        var records = new List<ReplicationRecord>();
        var kept = new List<ReplicationResult>();
        var tracker = options.UntilPrecisionPercent is { } target ? new PrecisionTracker(target) : null;
        var emitted = 0;
        var runner = new OrderedReplicationRunner(
            networks,
            policies,
            options,
            emit: replication =>
            {
                sink(replication);
                records.Add(replication.ToRecord());
                tracker?.Add(replication);
                if (!keepAll && replication.Replication == 0)
                {
                    kept.Add(replication);
                }

                completedReplications?.Report(++emitted);
            },
            stopAfter: _ => tracker?.Reached() ?? false);
        runner.Run(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var count = runner.CompletedReplications;
        PrecisionOutcome? precision = null;
        if (tracker is not null)
        {
            var (worst, percent) = tracker.Worst();
            precision = new PrecisionOutcome(tracker.TargetPercent, tracker.Reached(), count, worst.Policy, worst.Plant, worst.Line, percent);
        }

        // Records arrive replication by replication; the results contract lists them policy by policy.
        var rank = RankOf(policies);
        var ordered = records.OrderBy(r => rank[r.Policy]).ThenBy(r => r.Replication).ToArray();
        var statistics = LineStatistics.Compute(ordered.SelectMany(r => r.Lines));
        return new ExperimentResult(policies, options.Seed, count, networks[0].HorizonHours, kept, statistics)
        {
            Records = ordered,
            Precision = precision,
        };
    }

    /// <summary>Throws <see cref="InvalidOptionsException"/> when <paramref name="policy"/> is not one of the scenario's.</summary>
    internal static void CheckPolicy(ScenarioSpec scenario, string? policy)
    {
        if (policy is not null && scenario.Policies.Count > 0 && !scenario.Policies.Any(p => p.Id == policy))
        {
            throw new InvalidOptionsException(
                $"unknown policy '{policy}'; the scenario has: {string.Join(", ", scenario.Policies.Select(p => p.Id))}", "options");
        }
    }

    private static Dictionary<string, int> RankOf(IReadOnlyList<string> policies) =>
        policies.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);

    private static void Validate(ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Replications < 1)
        {
            throw new InvalidOptionsException($"replications must be at least 1, got {options.Replications}", nameof(options));
        }

        if (options.Parallelism is < 1)
        {
            throw new InvalidOptionsException($"parallelism must be at least 1, got {options.Parallelism}", nameof(options));
        }

        if (options.UntilPrecisionPercent is { } percent && !(percent > 0 && double.IsFinite(percent)))
        {
            throw new InvalidOptionsException($"the precision target must be a positive percentage, got {percent}", nameof(options));
        }

        if (options.UntilPrecisionPercent is not null && options.MaxReplications < 2)
        {
            throw new InvalidOptionsException($"the replication cap must be at least 2 to estimate a precision, got {options.MaxReplications}", nameof(options));
        }
    }
}
