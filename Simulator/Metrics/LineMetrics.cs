using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>The metrics of one line in one replication under one policy (docs/metrics.md).</summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Replication">Replication index, from 0.</param>
/// <param name="Seed">Seed of the replication's random streams.</param>
/// <param name="Plant">Plant id.</param>
/// <param name="Line">Line id.</param>
/// <param name="TimeToHaltHours">Hours from the first disruption's start to the first halt; null when censored.</param>
/// <param name="DowntimeHours">Scheduled hours the line stood still.</param>
/// <param name="TimeToRestartHours">Hours from the disruption's end to the first job after the halt (0 if before); null without halt.</param>
/// <param name="TimeToRecoverHours">Hours from the disruption's end to full rate again; null when the line never lost rate.</param>
/// <param name="LostUnits">Baseline units minus units produced.</param>
/// <param name="PlannedUnits">Units the calendar and rate plan.</param>
/// <param name="ProducedUnits">Units produced.</param>
/// <param name="HaltCause">Cause chain of the first halt, or <see cref="CauseChain.None"/>.</param>
/// <param name="BaselineUnits">Units the paired baseline produced: <c>LostUnits = BaselineUnits - ProducedUnits</c>.</param>
/// <param name="StopLengthHours">Hours from the first halt to the first job after it (closed hours included); null without halt or restart.</param>
public sealed record LineMetrics(
    string Policy,
    int Replication,
    ulong Seed,
    string Plant,
    string Line,
    double? TimeToHaltHours,
    double DowntimeHours,
    double? TimeToRestartHours,
    double? TimeToRecoverHours,
    double LostUnits,
    double PlannedUnits,
    double ProducedUnits,
    CauseChain HaltCause,
    double BaselineUnits,
    double? StopLengthHours = null);

/// <summary>Monte Carlo statistics of one metric of one line under one policy.</summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Plant">Plant id.</param>
/// <param name="Line">Line id.</param>
/// <param name="Metric">Metric column name, for example <c>time_to_halt_h</c>.</param>
/// <param name="N">Uncensored observations.</param>
/// <param name="Mean">Mean of the uncensored observations (NaN when none).</param>
/// <param name="Std">Sample standard deviation (NaN below two observations).</param>
/// <param name="Ci95Low">Lower bound of the Student-t 95 % confidence interval of the mean.</param>
/// <param name="Ci95High">Upper bound of that interval.</param>
/// <param name="P05">5th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Censored">Runs without an observation (the line never halted, restarted or recovered).</param>
public sealed record StatisticsRow(
    string Policy,
    string Plant,
    string Line,
    string Metric,
    int N,
    double Mean,
    double Std,
    double Ci95Low,
    double Ci95High,
    double P05,
    double P50,
    double P95,
    int Censored);
