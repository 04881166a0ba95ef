namespace Simulator.Metrics;

/// <summary>
/// One simulated stress outage reduced to what the criticality ranking needs: the raw per-run row that shards and
/// resume journals store and <c>merge</c> reduces.
/// </summary>
/// <param name="Unit">Work unit: simulation <c>Unit / replications</c> of the plan, replication <c>Unit % replications</c>.</param>
/// <param name="TimeToHaltHours">Hours from the outage's start to the first halt of any line, or null when none halted.</param>
/// <param name="HaltedLines">Indexes (scenario order) of the lines that halted.</param>
/// <param name="LostUnits">Units lost over every line against the paired baseline.</param>
/// <param name="LostMargin">Lost units weighted by each line's margin per unit (0 for lines without one).</param>
/// <param name="TimeToRecoverHours">Longest line time-to-recover; null when no line lost rate or a halted line never recovered.</param>
/// <param name="Unrecovered">A halted line was not back at full rate by the horizon.</param>
/// <param name="ProcessedEvents">Kernel events of the disrupted run.</param>
public sealed record StressRun(
    int Unit,
    double? TimeToHaltHours,
    IReadOnlyList<int> HaltedLines,
    double LostUnits,
    double LostMargin,
    double? TimeToRecoverHours,
    bool Unrecovered,
    long ProcessedEvents)
{
    /// <summary>
    /// Why the line that halted first halted, when the row comes from a run in this process; null when none halted, and
    /// in rows read back from shards and journals, which do not store it.
    /// </summary>
    public Model.CauseChain? FirstHaltCause { get; init; }

    /// <summary>Reduces the line metrics of one disrupted run (scenario order) to its row.</summary>
    /// <param name="unit">Work unit.</param>
    /// <param name="lines">Metrics per line, in scenario order.</param>
    /// <param name="marginsPerUnit">Margin per unit of each line, 0 where none is given.</param>
    /// <param name="processedEvents">Kernel events of the run.</param>
    public static StressRun Of(int unit, IReadOnlyList<LineMetrics> lines, IReadOnlyList<double> marginsPerUnit, long processedEvents)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(marginsPerUnit);
        var halted = new List<int>();
        double? timeToHalt = null;
        double? timeToRecover = null;
        var unrecovered = false;
        var lost = 0.0;
        var margin = 0.0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            lost += line.LostUnits;
            margin += line.LostUnits * marginsPerUnit[i];
            if (line.TimeToHaltHours is { } halt)
            {
                halted.Add(i);
                timeToHalt = Math.Min(timeToHalt ?? double.PositiveInfinity, halt);
                unrecovered |= line.TimeToRecoverHours is null;
            }

            if (line.TimeToRecoverHours is { } recover)
            {
                timeToRecover = Math.Max(timeToRecover ?? 0, recover);
            }
        }

        return new StressRun(unit, timeToHalt, halted, lost, margin, unrecovered ? null : timeToRecover, unrecovered, processedEvents);
    }
}

/// <summary>The undisrupted run of one replication that every stress outage of that replication is compared with.</summary>
/// <param name="Replication">Replication index.</param>
/// <param name="ProcessedEvents">Kernel events of the run.</param>
public sealed record StressBaselineRun(int Replication, long ProcessedEvents);
