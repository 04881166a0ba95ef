using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>
/// Splits a run into one attribution window per disruption, from its start to the next disruption's start (the last
/// to the horizon), and measures every line in each window, from the event log and the sampled output of the
/// disrupted run and its paired baseline.
/// </summary>
public static class DisruptionMetricsCalculator
{
    private const string ProducedMetric = SampleMetrics.ProducedUnits;

    /// <summary>One row per disruption (in start order) x line (in scenario order); empty when the run had no disruption.</summary>
    public static IReadOnlyList<DisruptionMetrics> Compute(
        string policy, int replication, ulong seed, Network network, RunTrace disrupted, RunTrace baseline)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(disrupted);
        ArgumentNullException.ThrowIfNull(baseline);
        if (disrupted.Windows.Count == 0)
        {
            return [];
        }

        var windows = Incidents(disrupted.Windows);
        var eventsOf = disrupted.Events
            .Where(e => e.Kind is EventKinds.Halt or EventKinds.Restart or EventKinds.FullRate)
            .GroupBy(e => e.Entity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var producedOf = OutputSeries(disrupted.Samples);
        var baselineOf = OutputSeries(baseline.Samples);
        var calendarOf = network.Lines.ToDictionary(l => l.Spec.Id, l => l.Calendar, StringComparer.Ordinal);
        var horizon = network.HorizonHours;

        var rows = new List<DisruptionMetrics>(windows.Count * disrupted.Lines.Count);
        for (var k = 0; k < windows.Count; k++)
        {
            var window = windows[k];
            var from = window.Members[0].StartHours;
            var to = k + 1 < windows.Count ? windows[k + 1].Members[0].StartHours : horizon;
            foreach (var line in disrupted.Lines)
            {
                var events = eventsOf.GetValueOrDefault(line.LineId, []);
                var end = window.Members.Max(m => m.EndFor(line.LineId));
                var haltIndex = Array.FindIndex(events, e => e.Kind == EventKinds.Halt && e.TimeHours >= from && e.TimeHours < to);
                double? halt = haltIndex >= 0 ? events[haltIndex].TimeHours : null;
                var searchFrom = haltIndex >= 0 ? haltIndex + 1 : 0;
                var restart = First(events, searchFrom, EventKinds.Restart, double.NegativeInfinity);
                var lostRate = haltIndex >= 0 || events.Any(e => e.Kind == EventKinds.FullRate && e.TimeHours >= from && e.TimeHours < to);
                var fullRate = lostRate ? First(events, searchFrom, EventKinds.FullRate, from) : null;
                var lost = Gain(baselineOf, line.LineId, from, to, k + 1 == windows.Count)
                           - Gain(producedOf, line.LineId, from, to, k + 1 == windows.Count);
                rows.Add(new DisruptionMetrics(
                    policy,
                    replication,
                    seed,
                    string.Join('+', window.Members.Select(m => m.Id)),
                    line.PlantId,
                    line.LineId,
                    from,
                    end,
                    to,
                    halt - from,
                    halt is not null && restart is { } r ? Math.Max(0, r - end) : null,
                    fullRate is { } f ? Math.Max(0, f - end) : null,
                    Downtime(events, calendarOf.GetValueOrDefault(line.LineId, Calendar.AlwaysOpen), from, to, horizon),
                    lost,
                    haltIndex >= 0 ? events[haltIndex].Cause ?? CauseChain.None : CauseChain.None));
            }
        }

        return rows;
    }

    /// <summary>
    /// Disruptions in start order, those that overlap (one starts before the previous ones are restored) grouped into
    /// one incident: their effects on a line cannot be told apart, so they are measured together.
    /// </summary>
    private static List<Incident> Incidents(IReadOnlyList<DisruptionWindow> windows)
    {
        var incidents = new List<Incident>();
        var restoredAt = double.NegativeInfinity;
        foreach (var window in windows.OrderBy(w => w.StartHours))
        {
            if (incidents.Count == 0 || window.StartHours >= restoredAt)
            {
                incidents.Add(new Incident([]));
            }

            incidents[^1].Members.Add(window);
            restoredAt = Math.Max(restoredAt, window.EndHours);
        }

        return incidents;
    }

    private sealed record Incident(List<DisruptionWindow> Members);

    private static double? First(EventRecord[] events, int fromIndex, string kind, double notBefore)
    {
        for (var i = fromIndex; i < events.Length; i++)
        {
            if (events[i].Kind == kind && events[i].TimeHours >= notBefore)
            {
                return events[i].TimeHours;
            }
        }

        return null;
    }

    /// <summary>Scheduled hours halted inside [from, to): every halt-to-restart interval clipped to the window.</summary>
    private static double Downtime(EventRecord[] events, Calendar calendar, double from, double to, double horizon)
    {
        var total = 0.0;
        double? haltedSince = null;
        void Add(double a, double b)
        {
            var lo = Math.Max(a, from);
            var hi = Math.Min(b, to);
            if (hi > lo)
            {
                total += calendar.OpenHoursBetween(lo, hi);
            }
        }

        foreach (var e in events)
        {
            if (e.Kind == EventKinds.Halt && haltedSince is null)
            {
                haltedSince = e.TimeHours;
            }
            else if (e.Kind == EventKinds.Restart && haltedSince is { } since)
            {
                Add(since, e.TimeHours);
                haltedSince = null;
            }
        }

        if (haltedSince is { } open)
        {
            Add(open, horizon);
        }

        return total;
    }

    /// <summary>
    /// Output gained in the window, read at the sample instants that bound it: the last sample at or before each
    /// boundary, and for the last window the final sample (the horizon), so the windows add up to the whole run.
    /// </summary>
    private static double Gain(Dictionary<string, List<Sample>> series, string line, double from, double to, bool last)
    {
        if (!series.TryGetValue(line, out var samples) || samples.Count == 0)
        {
            return 0;
        }

        var upper = last ? samples[^1].Value : ValueAt(samples, to);
        return upper - ValueAt(samples, from);
    }

    private static double ValueAt(List<Sample> samples, double hours)
    {
        var value = 0.0;
        foreach (var sample in samples)
        {
            if (sample.TimeHours > hours)
            {
                break;
            }

            value = sample.Value;
        }

        return value;
    }

    private static Dictionary<string, List<Sample>> OutputSeries(IReadOnlyList<Sample> samples)
    {
        var series = new Dictionary<string, List<Sample>>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            if (sample.Metric != ProducedMetric)
            {
                continue;
            }

            if (!series.TryGetValue(sample.Entity, out var list))
            {
                list = [];
                series.Add(sample.Entity, list);
            }

            list.Add(sample);
        }

        return series;
    }
}
