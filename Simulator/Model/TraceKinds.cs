namespace Simulator.Model;

/// <summary>The kinds of <see cref="EventRecord"/> a run logs, as written in the <c>event</c> column of <c>events.csv</c>.</summary>
public static class EventKinds
{
    /// <summary>A line stopped during scheduled time; the record's cause says why.</summary>
    public const string Halt = "halt";

    /// <summary>A halted line started its next job.</summary>
    public const string Restart = "restart";

    /// <summary>A line affected by a disruption is back at its planned rate, ramp-up done.</summary>
    public const string FullRate = "full_rate";

    /// <summary>A disruption took its targets down.</summary>
    public const string DisruptionStart = "disruption_start";

    /// <summary>A disruption's targets were restored (the first phase of a phased restore).</summary>
    public const string DisruptionEnd = "disruption_end";

    /// <summary>A planned stop stopped its targets.</summary>
    public const string PlannedStopStart = "planned_stop_start";

    /// <summary>A planned stop's targets went back to work.</summary>
    public const string PlannedStopEnd = "planned_stop_end";

    /// <summary>A delayed recovery phase restored its nodes.</summary>
    public const string PhaseRestored = "phase_restored";

    /// <summary>An IT system's manual fallback started working; the record's cause names the system.</summary>
    public const string FallbackActive = "fallback_active";

    /// <summary>A supplier ran out of an input part.</summary>
    public const string StockOut = "stock_out";

    /// <summary>A failed lane's orders moved to its sibling sources.</summary>
    public const string Failover = "failover";

    /// <summary>Orders returned to a lane after its source was restored.</summary>
    public const string Failback = "failback";
}

/// <summary>The metrics of <see cref="Sample"/>, as written in the <c>metric</c> column of <c>timeseries.csv</c>.</summary>
public static class SampleMetrics
{
    /// <summary>A line's state, a <see cref="LineStateCode"/>.</summary>
    public const string State = "state";

    /// <summary>Jobs a line completed so far.</summary>
    public const string ProducedUnits = "produced_units";

    /// <summary>Jobs a line completed per hour since the previous sample.</summary>
    public const string RatePerHour = "rate_per_hour";

    /// <summary>Pieces of a part in stock at a line or supplier.</summary>
    public const string StockUnits = "stock_units";

    /// <summary>Hours of the line's consumption a line-side stock covers.</summary>
    public const string CoverHours = "cover_h";
}
