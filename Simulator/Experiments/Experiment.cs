using Simulator.Engine;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>Runs replications of a scenario under one or more policies, each paired with its undisrupted baseline.</summary>
public static class Experiment
{
    /// <summary>
    /// Runs every replication of every policy (in parallel when allowed). Results are ordered by policy, then
    /// replication, and do not depend on the thread count or on the order in which replications finish.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown policy, fewer than one replication, or a non-positive horizon.</exception>
    public static ExperimentResult Run(
        ScenarioSpec scenario,
        ExperimentOptions options,
        IProgress<int>? completedReplications = null,
        CancellationToken cancellationToken = default)
    {
        if (options.Replications < 1)
        {
            throw new ArgumentException($"replications must be at least 1, got {options.Replications}", nameof(options));
        }

        if (options.Parallelism is < 1)
        {
            throw new ArgumentException($"parallelism must be at least 1, got {options.Parallelism}", nameof(options));
        }

        var policies = options.Policies.Count > 0
            ? options.Policies
            : [scenario.Policies.FirstOrDefault()?.Id ?? PolicySpec.AsWritten.Id];
        var networks = policies
            .Select(p => Network.Build(scenario, scenario.Policies.Count == 0 ? null : p, options.HorizonHours))
            .ToArray();
        var jobs = networks
            .SelectMany((network, policyIndex) => Enumerable.Range(0, options.Replications).Select(r => (network, policyIndex, r)))
            .ToArray();
        var results = new ReplicationResult[jobs.Length];
        var done = 0;
        Parallel.For(
            0,
            jobs.Length,
            new ParallelOptions
            {
                MaxDegreeOfParallelism = options.Parallelism ?? System.Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            },
            i =>
            {
                var (network, policyIndex, r) = jobs[i];
                var keepParts = r == 0 || options.AllTimeSeries;
                results[i] = RunReplication(network, policies[policyIndex], r, ReplicationSeed(options.Seed, r), keepParts);
                completedReplications?.Report(Interlocked.Increment(ref done));
            });

        var statistics = LineStatistics.Compute(results.SelectMany(r => r.Lines));
        return new ExperimentResult(policies, options.Seed, options.Replications, networks[0].HorizonHours, results, statistics);
    }

    /// <summary>The seed of replication <paramref name="replication"/>: a function of the root seed and the index only.</summary>
    public static ulong ReplicationSeed(ulong rootSeed, int replication) =>
        RandomStreams.Create(rootSeed, $"replication:{replication}").NextUInt64();

    /// <summary>Runs one replication and its paired baseline with the same seed.</summary>
    public static ReplicationResult RunReplication(Network network, string policy, int replication, ulong seed, bool keepPartSeries = true)
    {
        var disrupted = Simulation.Run(network, seed, new RunOptions(RecordPartSeries: keepPartSeries));
        var baseline = Simulation.Run(network, seed, new RunOptions(RecordPartSeries: false, WithDisruptions: false));
        var lines = LineMetricsCalculator.Compute(policy, replication, seed, disrupted, baseline);
        return new ReplicationResult(policy, replication, seed, lines, disrupted, baseline);
    }
}
