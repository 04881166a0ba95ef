namespace Simulator.Experiments;

/// <summary>How a stress test runs: policy, outage durations, replications, seed and parallelism.</summary>
/// <param name="Policy">Policy to resolve the network under; null uses the scenario's first.</param>
/// <param name="DurationsHours">
/// Outage durations applied to every target, the first one ranking; empty means one duration of
/// <see cref="StressTest.DefaultDurationHours"/>, or with <paramref name="OwnRecovery"/> each target's own <c>recovery_hours</c>.
/// </param>
/// <param name="Replications">Runs per target and duration, at least 1; results are means over them.</param>
/// <param name="Seed">Root seed; replication r uses <see cref="Experiment.ReplicationSeed"/> of it, for every target.</param>
/// <param name="Parallelism">Runs at once; null uses every core.</param>
/// <param name="OwnRecovery">
/// Each target is down for its own <c>recovery_hours</c> (72 h when it has none) instead of one common duration;
/// cannot be combined with <paramref name="DurationsHours"/>.
/// </param>
/// <param name="Screen">
/// Simulate once what several targets share: targets whose outage cannot reach a line, and targets whose outage
/// switches off exactly the same gates (the results are identical either way; false is for checking that).
/// </param>
/// <param name="Method">
/// <see cref="StressMethod.Lp"/> adds to every simulated outcome the optimum of the time-to-survive and
/// time-to-recover linear programs (<see cref="StressOptimum"/>).
/// </param>
/// <param name="EarlyStop">
/// End each outage's run at the first checkpoint (every 12 simulated hours) after the outage at which its whole state
/// equals the baseline's, and take the rest from the baseline: the results are identical either way (false is for
/// checking that); see docs/stress-test.md.
/// </param>
public sealed record StressTestOptions(
    string? Policy = null,
    IReadOnlyList<double>? DurationsHours = null,
    int Replications = 1,
    ulong Seed = 1,
    int? Parallelism = null,
    bool OwnRecovery = false,
    bool Screen = true,
    StressMethod Method = StressMethod.Simulation,
    bool EarlyStop = true)
{
    /// <summary>
    /// Also run every early-stopped outage to the horizon and fail when its row differs (tests, and users checking the
    /// rule on their own network cheaply enough to afford it).
    /// </summary>
    internal bool VerifyEarlyStop { get; init; }

    /// <summary>The durations given, never null.</summary>
    public IReadOnlyList<double> Durations => DurationsHours ?? [];
}

/// <summary>How a stress test measures each outage.</summary>
public enum StressMethod
{
    /// <summary>Simulate the network's own operating rules.</summary>
    Simulation,

    /// <summary>Simulate, and solve the LP optimum beside it: time-to-survive and the least loss over the outage.</summary>
    Lp,
}
