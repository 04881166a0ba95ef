using Simulator.Metrics;
using Simulator.Model;

namespace Simulator.Experiments;

/// <summary>One replication under one policy: the disrupted run, its paired baseline and the line metrics.</summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Replication">Replication index, from 0.</param>
/// <param name="Seed">Seed of this replication's random streams.</param>
/// <param name="Lines">Metrics per line.</param>
/// <param name="Disrupted">The run with disruptions.</param>
/// <param name="Baseline">The same draws without disruptions.</param>
public sealed record ReplicationResult(
    string Policy,
    int Replication,
    ulong Seed,
    IReadOnlyList<LineMetrics> Lines,
    RunTrace Disrupted,
    RunTrace Baseline);

/// <summary>The result of an experiment: every replication of every policy, and the statistics.</summary>
/// <param name="Policies">Policy ids in run order.</param>
/// <param name="Seed">Root seed.</param>
/// <param name="ReplicationCount">Replications per policy.</param>
/// <param name="HorizonHours">Simulated horizon.</param>
/// <param name="Replications">Results ordered by policy, then replication.</param>
/// <param name="Statistics">Statistics per policy, line and metric.</param>
public sealed record ExperimentResult(
    IReadOnlyList<string> Policies,
    ulong Seed,
    int ReplicationCount,
    double HorizonHours,
    IReadOnlyList<ReplicationResult> Replications,
    IReadOnlyList<StatisticsRow> Statistics);
