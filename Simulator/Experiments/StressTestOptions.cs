namespace Simulator.Experiments;

/// <summary>How a stress test runs: policy, outage durations, replications, seed and parallelism.</summary>
/// <param name="Policy">Policy to resolve the network under; null uses the scenario's first.</param>
/// <param name="DurationsHours">
/// Outage durations applied to every target, the first one ranking; empty lasts each target its own
/// <c>recovery_hours</c>, or <see cref="StressTest.DefaultDurationHours"/> when it has none.
/// </param>
/// <param name="Replications">Runs per target and duration, at least 1; results are means over them.</param>
/// <param name="Seed">Root seed; replication r uses <see cref="Experiment.ReplicationSeed"/> of it, for every target.</param>
/// <param name="Parallelism">Runs at once; null uses every core.</param>
public sealed record StressTestOptions(
    string? Policy = null,
    IReadOnlyList<double>? DurationsHours = null,
    int Replications = 1,
    ulong Seed = 1,
    int? Parallelism = null)
{
    /// <summary>The durations given, never null.</summary>
    public IReadOnlyList<double> Durations => DurationsHours ?? [];
}
