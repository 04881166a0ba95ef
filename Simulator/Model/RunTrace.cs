namespace Simulator.Model;

/// <summary>Something that happened in a run: a disruption starting, a line halting, a stock-out.</summary>
/// <param name="TimeHours">Hours from the scenario start.</param>
/// <param name="Entity">Id of the line, supplier, IT system or disruption concerned.</param>
/// <param name="Kind">Event kind, one of <see cref="EventKinds"/>.</param>
/// <param name="Detail">Free text for people: the affected targets, how long a halt lasted; what follows the cause when there is one.</param>
/// <param name="Cause">Why it happened, for a halt (the cause chain) and a fallback (the IT system); null for other kinds.</param>
public sealed record EventRecord(double TimeHours, string Entity, string Kind, string Detail, CauseChain? Cause = null);

/// <summary>One point of the sampled time series.</summary>
/// <param name="TimeHours">Hours from the scenario start.</param>
/// <param name="Entity">Line (<c>line</c>), line part (<c>line/part</c>) or supplier part (<c>supplier/part</c>).</param>
/// <param name="Metric">What is measured, one of <see cref="SampleMetrics"/>.</param>
/// <param name="Value">The value, in the unit the metric name states.</param>
/// <param name="Stock">For a part stock's sample, which stock it is (holder and part); null for a line's own samples.</param>
public sealed record Sample(double TimeHours, string Entity, string Metric, double Value, StockSeriesKey? Stock = null);

/// <summary>Numeric codes of a line's state in the time series.</summary>
public static class LineStateCode
{
    /// <summary>Outside the shift calendar.</summary>
    public const double Closed = 0;

    /// <summary>Building at full rate.</summary>
    public const double Running = 1;

    /// <summary>Building below full rate: ramping up or on a manual fallback.</summary>
    public const double Reduced = 2;

    /// <summary>Stopped during scheduled time: starved of a part or its control system down.</summary>
    public const double Halted = 3;

    /// <summary>Stopped during scheduled time by a planned stop of the line, its plant (not by a shortage or a failure).</summary>
    public const double PlannedStop = 4;

    /// <summary>The name of a state code as the results files write it: <c>closed</c>, <c>running</c>, <c>reduced</c>, <c>halted</c> or <c>planned_stop</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of the five codes.</exception>
    public static string Name(double code) => code switch
    {
        Closed => "closed",
        Running => "running",
        Reduced => "reduced",
        Halted => "halted",
        PlannedStop => "planned_stop",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a line state code"),
    };
}

/// <summary>A window during which a disruption was active.</summary>
/// <param name="Id">Disruption id.</param>
/// <param name="StartHours">Hour it started.</param>
/// <param name="EndHours">Hour its targets were restored (the last phase for phased restarts).</param>
/// <param name="Targets">What it took down.</param>
/// <param name="LineEndHours">
/// Hour each line's own restore takes effect, by line id: the end plus the delay of a recovery phase naming the line or
/// its plant. Null when not recorded; a line missing from it is restored at <paramref name="EndHours"/>.
/// </param>
public sealed record DisruptionWindow(
    string Id, double StartHours, double EndHours, IReadOnlyList<string> Targets, IReadOnlyDictionary<string, double>? LineEndHours = null)
{
    /// <summary>The hour <paramref name="lineId"/> is restored from this disruption.</summary>
    public double EndFor(string lineId) =>
        LineEndHours is not null && LineEndHours.TryGetValue(lineId, out var end) ? end : EndHours;

    /// <summary>Equal when every field is, the per-line ends compared by content, so that two runs can be compared.</summary>
    public bool Equals(DisruptionWindow? other) =>
        other is not null
        && Id == other.Id
        && StartHours.Equals(other.StartHours)
        && EndHours.Equals(other.EndHours)
        && Targets.SequenceEqual(other.Targets)
        && (LineEndHours ?? Empty).OrderBy(p => p.Key, StringComparer.Ordinal)
            .SequenceEqual((other.LineEndHours ?? Empty).OrderBy(p => p.Key, StringComparer.Ordinal));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, StartHours, EndHours);

    private static readonly Dictionary<string, double> Empty = [];
}

/// <summary>What one line did in one run, before comparison with the baseline.</summary>
/// <param name="PlantId">Plant of the line.</param>
/// <param name="LineId">Line.</param>
/// <param name="FirstHaltHours">Hour of the first halt for a disruption cause after the first disruption started, or null.</param>
/// <param name="HaltCause">Cause chain of that halt, or null.</param>
/// <param name="DowntimeHours">Scheduled hours the line stood still (any halt, calendar closures excluded).</param>
/// <param name="RestartHours">Hour of the first job after the first halt, or null.</param>
/// <param name="FullRateHours">Hour the line was back at its full rate after the last disruption ended, or null.</param>
/// <param name="PlannedUnits">Jobs the calendar and rate plan over the horizon.</param>
/// <param name="ProducedUnits">Jobs completed over the horizon.</param>
/// <param name="DisruptionEndHours">End of the disruptions as they apply to this line (phased restarts included), or null.</param>
public sealed record LineOutcome(
    string PlantId,
    string LineId,
    double? FirstHaltHours,
    CauseChain? HaltCause,
    double DowntimeHours,
    double? RestartHours,
    double? FullRateHours,
    double PlannedUnits,
    double ProducedUnits,
    double? DisruptionEndHours = null);

/// <summary>Everything one simulated run produced.</summary>
/// <param name="Lines">Per-line outcome, in scenario order.</param>
/// <param name="Windows">Disruption windows as drawn in this run (empty for a baseline).</param>
/// <param name="Events">Event log in time order.</param>
/// <param name="Samples">Sampled time series in time order.</param>
/// <param name="AverageInventoryValue">Time-weighted value of all stock held (line side, supplier inputs and finished goods).</param>
/// <param name="ProcessedEvents">Kernel events processed, a measure of work.</param>
/// <param name="Parts">Every stock per part and sample time, held compactly, when the run recorded part series.</param>
public sealed record RunTrace(
    IReadOnlyList<LineOutcome> Lines,
    IReadOnlyList<DisruptionWindow> Windows,
    IReadOnlyList<EventRecord> Events,
    IReadOnlyList<Sample> Samples,
    double AverageInventoryValue,
    long ProcessedEvents,
    PartSeries? Parts = null)
{
    /// <summary>The time zones of the network's sites, for local timestamps; null for a trace built without a network.</summary>
    public SiteClock? Clock { get; init; }

    /// <summary>
    /// This trace with the part stocks that <paramref name="include"/> selects added to <see cref="Samples"/> as
    /// <c>stock_units</c> (and, at lines, <c>cover_h</c>) rows of entity <c>holder/part</c>, each after its line's rows of
    /// the same instant, suppliers' stocks last; the compact series is dropped.
    /// </summary>
    public RunTrace WithPartSamples(Func<StockSeriesKey, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        if (Parts is not { } parts)
        {
            return this;
        }

        var chosen = Enumerable.Range(0, parts.Keys.Count).Where(k => include(parts.Keys[k])).ToArray();
        var entities = parts.Keys.Select(k => $"{k.HolderId}/{k.PartId}").ToArray();
        var lineOf = Lines.Select((l, i) => (l.LineId, i)).ToDictionary(x => x.LineId, x => x.i);
        var samples = new List<Sample>(Samples.Count + (chosen.Length * 2 * parts.TimesHours.Count));
        var own = 0;
        for (var t = 0; t < parts.TimesHours.Count; t++)
        {
            var time = parts.TimesHours[t];
            var next = 0;
            for (var line = 0; line < Lines.Count; line++)
            {
                // The line's own rows of this instant, however many metrics the sampler writes for a line.
                var lineId = Lines[line].LineId;
                for (; own < Samples.Count && Samples[own].TimeHours == time && Samples[own].Entity == lineId; own++)
                {
                    samples.Add(Samples[own]);
                }

                for (; next < chosen.Length && chosen[next] < parts.LineStocks && lineOf[parts.Keys[chosen[next]].HolderId] == line; next++)
                {
                    var k = chosen[next];
                    samples.Add(new Sample(time, entities[k], SampleMetrics.StockUnits, parts.StockUnits(k, t), parts.Keys[k]));
                    samples.Add(new Sample(time, entities[k], SampleMetrics.CoverHours, parts.CoverHours(k, t), parts.Keys[k]));
                }
            }

            for (; next < chosen.Length; next++)
            {
                var k = chosen[next];
                samples.Add(new Sample(time, entities[k], SampleMetrics.StockUnits, parts.StockUnits(k, t), parts.Keys[k]));
            }
        }

        return this with { Samples = samples, Parts = null };
    }
}
