namespace Simulator.Metrics;

/// <summary>What the replications of one target's outage of one duration did, before ranking.</summary>
/// <param name="TimeToHaltHours">Mean first-halt time over the runs in which a line halted; null when none did.</param>
/// <param name="HaltedLines">Indexes of the lines that halted in at least one run, ascending.</param>
/// <param name="LostUnits">Mean lost units over the runs.</param>
/// <param name="LostMargin">Mean lost margin over the runs.</param>
/// <param name="TimeToRecoverHours">Mean longest time-to-recover over the runs with one, null when none has one or any run did not recover.</param>
/// <param name="Runs">Runs.</param>
/// <param name="HaltedRuns">Runs in which a line halted.</param>
/// <param name="UnrecoveredRuns">Runs in which a halted line was not back at full rate by the horizon.</param>
public sealed record StressSlotStatistics(
    double? TimeToHaltHours,
    IReadOnlyList<int> HaltedLines,
    double LostUnits,
    double LostMargin,
    double? TimeToRecoverHours,
    int Runs,
    int HaltedRuns,
    int UnrecoveredRuns);

/// <summary>The numbers of the criticality ranking: means over replications and the risk exposure index.</summary>
/// <remarks>
/// Every sum runs in replication order, so the same rows give the same bits whether they come from one process, from
/// shards merged afterwards or from a resumed journal.
/// </remarks>
public static class CriticalityStatistics
{
    /// <summary>Reduces the runs of one target and duration (in replication order).</summary>
    public static StressSlotStatistics Of(IReadOnlyList<StressRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        double lost = 0, margin = 0, halt = 0, recover = 0;
        int halts = 0, recoveries = 0, unrecovered = 0;
        var halted = new SortedSet<int>();
        foreach (var run in runs)
        {
            lost += run.LostUnits;
            margin += run.LostMargin;
            if (run.TimeToHaltHours is { } h)
            {
                halt += h;
                halts++;
            }

            if (run.TimeToRecoverHours is { } r)
            {
                recover += r;
                recoveries++;
            }

            if (run.Unrecovered)
            {
                unrecovered++;
            }

            halted.UnionWith(run.HaltedLines);
        }

        return new StressSlotStatistics(
            halts > 0 ? halt / halts : null,
            halted.ToList(),
            lost / runs.Count,
            margin / runs.Count,
            recoveries > 0 && unrecovered == 0 ? recover / recoveries : null,
            runs.Count,
            halts,
            unrecovered);
    }

    /// <summary>
    /// Risk exposure index of every target at one duration: its exposure (lost margin, or lost units) divided by the
    /// largest of all targets at that duration, negatives counted as 0; all 0 when no target loses anything. It needs
    /// every target's exposure, which is why shards leave it to the merge.
    /// </summary>
    public static IReadOnlyList<double> RiskExposureIndex(IReadOnlyList<double> exposures)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        var largest = exposures.DefaultIfEmpty(0).Max();
        return exposures.Select(e => largest > 0 ? Math.Max(0, e) / largest : 0).ToArray();
    }
}
