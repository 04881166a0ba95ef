namespace Simulator.Experiments;

/// <summary>What one target's outage of one duration did, averaged over replications.</summary>
/// <param name="DurationHours">Hours the target was down.</param>
/// <param name="TimeToHaltHours">Hours from the outage's start to the first halt of any line; mean over the runs in which a line halted; null when none did.</param>
/// <param name="LinesHalted">Lines that halted in at least one run, in scenario order.</param>
/// <param name="PlantsHalted">Plants of those lines, in scenario order.</param>
/// <param name="LostUnits">Units lost over every line against the undisrupted baseline of the same seed; mean over runs.</param>
/// <param name="TimeToRecoverHours">
/// Longest line time-to-recover (hours after the target's restore until back at full rate) among the lines that lost
/// rate; mean over the runs that had a value; null when no line lost rate or none recovered within the horizon.
/// </param>
/// <param name="NeedsMitigation">True when <paramref name="TimeToHaltHours"/> is shorter than <paramref name="DurationHours"/>: production stops before the target is back.</param>
/// <param name="RiskExposureIndex">Lost margin (where the scenario gives line margins, else lost units) divided by the largest of any target at the same duration, in [0, 1] (0 when no target loses anything).</param>
/// <param name="Runs">Replications run.</param>
/// <param name="HaltedRuns">Runs in which a line halted; the others are censored for time-to-halt.</param>
/// <param name="UnrecoveredRuns">Runs in which a halted line was not back at full rate by the horizon.</param>
/// <param name="LostMargin">Lost units weighted by each line's <c>margin_per_unit</c>; null when the scenario gives no margins (the risk index then weighs units).</param>
public sealed record StressOutcome(
    double DurationHours,
    double? TimeToHaltHours,
    IReadOnlyList<string> LinesHalted,
    IReadOnlyList<string> PlantsHalted,
    double LostUnits,
    double? TimeToRecoverHours,
    bool NeedsMitigation,
    double RiskExposureIndex,
    int Runs,
    int HaltedRuns,
    int UnrecoveredRuns,
    double? LostMargin = null)
{
    /// <summary>Runs in which no line halted.</summary>
    public int CensoredRuns => Runs - HaltedRuns;

    /// <summary>The LP optimum beside the simulated outcome (with <see cref="StressMethod.Lp"/>), else null.</summary>
    public StressOptimumOutcome? Optimum { get; init; }
}

/// <summary>The LP optimum of one target and duration, ranked against the other targets.</summary>
/// <param name="TimeToSurviveHours">LP time-to-survive: hours the lines' demand can be met for at best; null when beyond the horizon.</param>
/// <param name="LostUnits">Least lost units over the outage.</param>
/// <param name="RiskExposureIndex">Least loss divided by the largest least loss of any target at the same duration, in [0, 1].</param>
public sealed record StressOptimumOutcome(double? TimeToSurviveHours, double LostUnits, double RiskExposureIndex);

/// <summary>One target's place in the criticality ranking.</summary>
/// <param name="Rank">1 for the most critical.</param>
/// <param name="Target">The supplier, IT system or provider.</param>
/// <param name="Outcomes">One outcome per duration, in the order the durations were given; the first ranks.</param>
public sealed record CriticalityEntry(int Rank, StressTarget Target, IReadOnlyList<StressOutcome> Outcomes)
{
    /// <summary>The outcome the ranking is by: the first duration's.</summary>
    public StressOutcome Primary => Outcomes[0];
}

/// <summary>The result of a stress test: every target ranked by how hard and how fast its outage stops production.</summary>
/// <param name="Policy">Policy the network was resolved under.</param>
/// <param name="Seed">Root seed.</param>
/// <param name="Replications">Runs per target and duration.</param>
/// <param name="ReferenceHours">Hour every outage starts (the scenario's reference time).</param>
/// <param name="HorizonHours">Simulated hours of every run.</param>
/// <param name="DurationsHours">Durations applied to every target (72 h unless others were given); empty when each target lasted its own recovery time.</param>
/// <param name="Ranking">
/// Every target, most critical first: by lost units (descending), then time-to-halt (ascending, never halting last),
/// then id (ordinal), all of the first duration.
/// </param>
/// <param name="ProcessedEvents">Kernel events processed over every run and baseline.</param>
/// <param name="Warnings">Things the reader should know, for example outages that outlast the horizon.</param>
public sealed record StressTestResult(
    string Policy,
    ulong Seed,
    int Replications,
    double ReferenceHours,
    double HorizonHours,
    IReadOnlyList<double> DurationsHours,
    IReadOnlyList<CriticalityEntry> Ranking,
    long ProcessedEvents,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Outage simulations run (distinct outages times replications), baselines not counted.</summary>
    public int Simulations { get; init; }

    /// <summary>Targets that took the result of another target's simulation: their outage cannot reach a line, or switches off exactly the same gates.</summary>
    public int SharedTargets { get; init; }

    /// <summary>
    /// Per target id, why the first line halted in replication 0 of its outage at the first duration, for the targets
    /// whose outage was simulated as their own (not one shared with another target) and halted a line; empty after a
    /// merge of shards, which do not store causes.
    /// </summary>
    public IReadOnlyDictionary<string, Model.CauseChain> FirstHaltCauses { get; init; } = new Dictionary<string, Model.CauseChain>();

    /// <summary>The counts of the targets ranked below the first <paramref name="skip"/> (all of them by default), by the first duration.</summary>
    public Metrics.CriticalitySummary Summary(int skip = 0) =>
        Metrics.CriticalitySummary.Of(Ranking.Skip(skip).Select(e => new Metrics.CriticalitySummary.Target(e.Primary.NeedsMitigation, e.Target.IsHidden, e.Primary.LostUnits)));
}
