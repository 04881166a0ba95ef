using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>
/// What one disruption did to one line in one replication under one policy, measured in the disruption's attribution
/// window (see <c>docs/metrics.md</c>, "Several disruptions").
/// </summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Replication">Replication index, from 0.</param>
/// <param name="Seed">Seed of the replication's random streams.</param>
/// <param name="Disruption">Disruption id.</param>
/// <param name="Plant">Plant id.</param>
/// <param name="Line">Line id.</param>
/// <param name="StartHours">Hour the disruption started.</param>
/// <param name="EndHours">Hour the line's own restore from it took effect (its recovery phase included).</param>
/// <param name="WindowEndHours">End of the attribution window: the next disruption's start, or the horizon.</param>
/// <param name="TimeToHaltHours">Hours from the start to the line's first halt in the window; null when it did not halt in it.</param>
/// <param name="TimeToRestartHours">Hours from <paramref name="EndHours"/> to the first job after that halt (0 if before); null without halt or restart.</param>
/// <param name="TimeToRecoverHours">Hours from <paramref name="EndHours"/> to full rate again (0 if before); null when the line did not lose rate in the window or never regained it.</param>
/// <param name="DowntimeHours">Scheduled hours the line stood still inside the window.</param>
/// <param name="LostUnits">Baseline output minus this run's output inside the window (at the sample instants bounding it).</param>
/// <param name="HaltCause">Cause chain of the halt in the window, or <see cref="CauseChain.None"/>.</param>
public sealed record DisruptionMetrics(
    string Policy,
    int Replication,
    ulong Seed,
    string Disruption,
    string Plant,
    string Line,
    double StartHours,
    double EndHours,
    double WindowEndHours,
    double? TimeToHaltHours,
    double? TimeToRestartHours,
    double? TimeToRecoverHours,
    double DowntimeHours,
    double LostUnits,
    CauseChain HaltCause);
