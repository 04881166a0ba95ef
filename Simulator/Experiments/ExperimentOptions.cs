namespace Simulator.Experiments;

/// <summary>What to run: policies, replications, seed, horizon and parallelism.</summary>
/// <param name="Policies">Policies to run, in order; empty runs the scenario's first policy.</param>
/// <param name="Replications">Replications per policy, at least 1.</param>
/// <param name="Seed">Root seed; replication r draws from streams derived from (Seed, r) only.</param>
/// <param name="HorizonHours">Overrides the scenario's horizon when set.</param>
/// <param name="Parallelism">Replications run at once; null uses every core.</param>
/// <param name="AllTimeSeries">Keep part-level time series of every replication, not only replication 0.</param>
public sealed record ExperimentOptions(
    IReadOnlyList<string> Policies,
    int Replications = 1,
    ulong Seed = 1,
    double? HorizonHours = null,
    int? Parallelism = null,
    bool AllTimeSeries = false);
