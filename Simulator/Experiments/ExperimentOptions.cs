namespace Simulator.Experiments;

/// <summary>What to run: policies, replications, seed, horizon and parallelism.</summary>
/// <param name="Policies">Policies to run, in order; empty runs the scenario's first policy.</param>
/// <param name="Replications">
/// Replications per policy, at least 1. With <paramref name="UntilPrecisionPercent"/> it is the minimum run before the
/// precision is first checked, raised to <see cref="MinimumPilotReplications"/>.
/// </param>
/// <param name="Seed">Root seed; replication r draws from streams derived from (Seed, r) only.</param>
/// <param name="HorizonHours">Overrides the scenario's horizon when set.</param>
/// <param name="Parallelism">Replications run at once; null uses every core.</param>
/// <param name="AllTimeSeries">Keep part-level time series of every replication, not only replication 0.</param>
/// <param name="UntilPrecisionPercent">
/// When set, keep adding replications until, for every policy and line, the 95 % confidence interval half-width of mean
/// lost units is below this percentage of the mean (see <c>docs/metrics.md</c>), or <paramref name="MaxReplications"/> is reached.
/// </param>
/// <param name="MaxReplications">Cap on replications per policy when running until a precision is reached.</param>
/// <param name="EveryPart">
/// Keep the time series of every part stock; by default only the parts that halted a line or ran lowest (see
/// <see cref="Simulator.Metrics.PartSeriesSelection"/>).
/// </param>
public sealed record ExperimentOptions(
    IReadOnlyList<string> Policies,
    int Replications = 1,
    ulong Seed = 1,
    double? HorizonHours = null,
    int? Parallelism = null,
    bool AllTimeSeries = false,
    double? UntilPrecisionPercent = null,
    int MaxReplications = ExperimentOptions.DefaultMaxReplications,
    bool EveryPart = false)
{
    /// <summary>Default of <see cref="MaxReplications"/>.</summary>
    public const int DefaultMaxReplications = 1000;

    /// <summary>Fewest replications before a precision target is checked: a spread from a handful of runs is itself unreliable.</summary>
    public const int MinimumPilotReplications = 10;

    /// <summary>Replications run before the precision is first checked, or the fixed count without a target.</summary>
    public int PilotReplications => UntilPrecisionPercent is null
        ? Replications
        : Math.Min(Math.Max(Replications, MinimumPilotReplications), MaxReplications);

    /// <summary>Most replications per policy this experiment can run.</summary>
    public int ReplicationCap => UntilPrecisionPercent is null ? Replications : Math.Max(MaxReplications, 1);
}
