namespace Simulator.Metrics;

/// <summary>Column names of the per-line metrics, as written in <c>summary.csv</c> and <c>statistics.csv</c>.</summary>
public static class MetricNames
{
    /// <summary>Hours from the first disruption's start to the line's first halt.</summary>
    public const string TimeToHalt = "time_to_halt_h";

    /// <summary>Scheduled hours the line stood still.</summary>
    public const string Downtime = "downtime_h";

    /// <summary>Hours from the disruption's end to the first job after the halt.</summary>
    public const string TimeToRestart = "time_to_restart_h";

    /// <summary>Hours the line's first halt lasted: from the halt to the first job after it, whenever the disruption ends.</summary>
    public const string StopLength = "stop_length_h";

    /// <summary>Hours from the disruption's end until the line is back at its full planned rate.</summary>
    public const string TimeToRecover = "time_to_recover_h";

    /// <summary>Units the paired baseline produced minus units this run produced.</summary>
    public const string LostUnits = "lost_units";

    /// <summary>Units produced over the horizon.</summary>
    public const string ProducedUnits = "produced_units";

    /// <summary>The metrics that get Monte Carlo statistics, in the order <c>statistics.csv</c> lists them.</summary>
    public static IReadOnlyList<string> WithStatistics { get; } =
        [TimeToHalt, Downtime, TimeToRestart, StopLength, TimeToRecover, LostUnits, ProducedUnits];

    /// <summary>The value of a metric in one line's record; null when the run is censored for it.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="WithStatistics"/>.</exception>
    public static double? ValueOf(LineMetrics line, string metric)
    {
        ArgumentNullException.ThrowIfNull(line);
        return metric switch
        {
            TimeToHalt => line.TimeToHaltHours,
            Downtime => line.DowntimeHours,
            TimeToRestart => line.TimeToRestartHours,
            StopLength => line.StopLengthHours,
            TimeToRecover => line.TimeToRecoverHours,
            LostUnits => line.LostUnits,
            ProducedUnits => line.ProducedUnits,
            _ => throw new ArgumentException($"unknown metric '{metric}'", nameof(metric)),
        };
    }
}
