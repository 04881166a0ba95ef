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
    RunTrace Baseline)
{
    /// <summary>Metrics per disruption (in start order) and line, each in its attribution window; empty without disruptions.</summary>
    public IReadOnlyList<DisruptionMetrics> Disruptions { get; init; } = [];

    /// <summary>The compact record of this replication, without its traces.</summary>
    public ReplicationRecord ToRecord() => new(
        Policy,
        Replication,
        Seed,
        Lines,
        Baseline.AverageInventoryValue,
        Disrupted.AverageInventoryValue,
        Disrupted.ProcessedEvents + Baseline.ProcessedEvents)
    {
        Disruptions = Disruptions,
    };
}

/// <summary>What an experiment keeps of every replication once its traces are written: a few numbers per line.</summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Replication">Replication index, from 0.</param>
/// <param name="Seed">Seed of this replication's random streams.</param>
/// <param name="Lines">Metrics per line.</param>
/// <param name="InventoryValue">Time-weighted value of all stock held in the undisrupted (baseline) run: what the policy costs to hold.</param>
/// <param name="DisruptedInventoryValue">The same in the disrupted run, where stock is drawn down.</param>
/// <param name="ProcessedEvents">Kernel events of the disrupted and the baseline run together.</param>
public sealed record ReplicationRecord(
    string Policy,
    int Replication,
    ulong Seed,
    IReadOnlyList<LineMetrics> Lines,
    double InventoryValue,
    double DisruptedInventoryValue,
    long ProcessedEvents)
{
    /// <summary>Metrics per disruption and line, as in <see cref="ReplicationResult.Disruptions"/>.</summary>
    public IReadOnlyList<DisruptionMetrics> Disruptions { get; init; } = [];
}

/// <summary>How a run until a precision target ended.</summary>
/// <param name="TargetPercent">The target: CI half-width of mean lost units below this percentage of the mean.</param>
/// <param name="Reached">Whether every policy and line met the target before the cap.</param>
/// <param name="Replications">Replications per policy it took (or the cap).</param>
/// <param name="WorstPolicy">Policy of the line furthest from the target at the end.</param>
/// <param name="WorstPlant">Plant of that line.</param>
/// <param name="WorstLine">That line.</param>
/// <param name="WorstHalfWidthPercent">Its half-width as a percentage of its mean (infinite when the mean is 0 and the spread is not).</param>
public sealed record PrecisionOutcome(
    double TargetPercent,
    bool Reached,
    int Replications,
    string WorstPolicy,
    string WorstPlant,
    string WorstLine,
    double WorstHalfWidthPercent);

/// <summary>The result of an experiment: the replications whose traces were kept, a compact record of every replication, and the statistics.</summary>
/// <param name="Policies">Policy ids in run order.</param>
/// <param name="Seed">Root seed.</param>
/// <param name="ReplicationCount">Replications per policy.</param>
/// <param name="HorizonHours">Simulated hours.</param>
/// <param name="Replications">
/// Replications with their traces, ordered by policy, then replication: every replication from
/// <see cref="Experiment.Run"/>, replication 0 of each policy from <see cref="Experiment.Stream"/>.
/// </param>
/// <param name="Statistics">Statistics per policy, line and metric.</param>
public sealed record ExperimentResult(
    IReadOnlyList<string> Policies,
    ulong Seed,
    int ReplicationCount,
    double HorizonHours,
    IReadOnlyList<ReplicationResult> Replications,
    IReadOnlyList<StatisticsRow> Statistics)
{
    // Not cached when derived: a `with` copy that replaces Replications must not see the old records.
    private readonly IReadOnlyList<ReplicationRecord>? _records;

    /// <summary>Every replication of every policy, ordered by policy, then replication; by default those of <see cref="Replications"/>.</summary>
    public IReadOnlyList<ReplicationRecord> Records
    {
        get => _records ?? Replications.Select(r => r.ToRecord()).ToArray();
        init => _records = value;
    }

    /// <summary>The line metrics of every record, in record order (computed on each call: keep it in a local).</summary>
    public IReadOnlyList<LineMetrics> Lines => Records.SelectMany(r => r.Lines).ToArray();

    /// <summary>The per-disruption metrics of every record, in record order (computed on each call: keep it in a local).</summary>
    public IReadOnlyList<DisruptionMetrics> Disruptions => Records.SelectMany(r => r.Disruptions).ToArray();

    /// <summary>Kernel events processed over every disrupted and baseline run.</summary>
    public long ProcessedEvents => Records.Sum(r => r.ProcessedEvents);

    /// <summary>How the precision target was met, or null when a fixed number of replications was run.</summary>
    public PrecisionOutcome? Precision { get; init; }
}
