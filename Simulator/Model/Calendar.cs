using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>
/// A shift calendar unrolled into open intervals, in hours from the scenario start.
/// Immutable: one instance is shared by every replication.
/// </summary>
public sealed class Calendar
{
    private readonly double[] _starts;
    private readonly double[] _ends;
    private readonly double[] _openBefore;
    private readonly bool _alwaysOpen;

    private Calendar(string id, double[] starts, double[] ends, bool alwaysOpen)
    {
        Id = id;
        _starts = starts;
        _ends = ends;
        _alwaysOpen = alwaysOpen;
        _openBefore = new double[starts.Length + 1];
        for (var i = 0; i < starts.Length; i++)
        {
            _openBefore[i + 1] = _openBefore[i] + (ends[i] - starts[i]);
        }
    }

    /// <summary>Calendar id.</summary>
    public string Id { get; }

    /// <summary>A calendar open around the clock.</summary>
    public static Calendar AlwaysOpen { get; } = new(CalendarSpec.AlwaysOpenId, [], [], alwaysOpen: true);

    /// <summary>
    /// Unrolls <paramref name="spec"/> from a day before <paramref name="start"/> until <paramref name="untilHours"/>
    /// plus two weeks, so look-ups beyond the horizon still find the next shift. Shift times and holidays are read on
    /// the wall clock of <paramref name="zone"/> (null: the fixed UTC offset of <paramref name="start"/>), so a shift
    /// keeps its local hours across a change to or from summer time and lasts an hour more or less that night.
    /// </summary>
    public static Calendar Build(CalendarSpec spec, DateTimeOffset start, double untilHours, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        zone ??= SiteClock.Fixed(start.Offset);
        var holidays = spec.Holidays.ToHashSet();
        var origin = start.UtcDateTime;
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime).AddDays(-1);
        var days = (int)Math.Ceiling(untilHours / 24) + 16;
        var intervals = new List<(double Start, double End)>();
        for (var d = 0; d <= days; d++)
        {
            var date = firstDay.AddDays(d);
            if (holidays.Contains(date))
            {
                continue;
            }

            foreach (var shift in spec.Shifts)
            {
                if (!shift.Days.Contains(date.DayOfWeek))
                {
                    continue;
                }

                var open = date.ToDateTime(shift.Start);
                var close = date.ToDateTime(shift.End);
                if (close <= open)
                {
                    close = close.AddDays(1);
                }

                var from = (SiteClock.ToUtc(open, zone) - origin).TotalHours;
                var to = (SiteClock.ToUtc(close, zone) - origin).TotalHours;

                // A shift wholly inside the hour the clocks skip does not happen.
                if (to > from)
                {
                    intervals.Add((from, to));
                }
            }
        }

        intervals.Sort();
        var starts = new List<double>();
        var ends = new List<double>();
        foreach (var (s, e) in intervals)
        {
            if (e <= 0 && ends.Count == 0 && s < 0)
            {
                continue;
            }

            if (ends.Count > 0 && s <= ends[^1])
            {
                ends[^1] = Math.Max(ends[^1], e);
            }
            else
            {
                starts.Add(s);
                ends.Add(e);
            }
        }

        return new Calendar(spec.Id, [.. starts], [.. ends], alwaysOpen: false);
    }

    /// <summary>True when <paramref name="hours"/> lies in an open interval (start inclusive, end exclusive).</summary>
    public bool IsOpen(double hours)
    {
        if (_alwaysOpen)
        {
            return true;
        }

        var i = IndexAtOrBefore(hours);
        return i >= 0 && hours < _ends[i];
    }

    /// <summary>The first open instant at or after <paramref name="hours"/>; +infinity when it never opens again.</summary>
    public double NextOpen(double hours)
    {
        if (_alwaysOpen)
        {
            return hours;
        }

        var i = IndexAtOrBefore(hours);
        if (i >= 0 && hours < _ends[i])
        {
            return hours;
        }

        return i + 1 < _starts.Length ? _starts[i + 1] : double.PositiveInfinity;
    }

    /// <summary>The end of the open interval containing <paramref name="hours"/>, or <paramref name="hours"/> itself when closed.</summary>
    public double NextClose(double hours)
    {
        if (_alwaysOpen)
        {
            return double.PositiveInfinity;
        }

        var i = IndexAtOrBefore(hours);
        return i >= 0 && hours < _ends[i] ? _ends[i] : hours;
    }

    /// <summary>Open hours in [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public double OpenHoursBetween(double from, double to)
    {
        if (to <= from)
        {
            return 0;
        }

        return _alwaysOpen ? to - from : OpenBefore(to) - OpenBefore(from);
    }

    /// <summary>The instant at which <paramref name="openHours"/> open hours have passed after <paramref name="from"/>.</summary>
    public double AddOpenHours(double from, double openHours)
    {
        if (_alwaysOpen)
        {
            return from + openHours;
        }

        var target = OpenBefore(from) + openHours;
        var i = FirstAtOrAbove(_openBefore, target);

        // _openBefore[i] >= target: the target falls inside interval i - 1 (or at the end of it).
        var k = Math.Max(0, i - 1);
        if (k >= _starts.Length)
        {
            return double.PositiveInfinity;
        }

        return Math.Max(from, _starts[k] + (target - _openBefore[k]));
    }

    private double OpenBefore(double hours)
    {
        var i = IndexAtOrBefore(hours);
        if (i < 0)
        {
            return 0;
        }

        return _openBefore[i] + (Math.Min(hours, _ends[i]) - _starts[i]);
    }

    /// <summary>The last interval starting at or before <paramref name="hours"/>, or -1 (also for NaN).</summary>
    private int IndexAtOrBefore(double hours)
    {
        // A plain bisection rather than Array.BinarySearch, whose generic comparer costs several times more on the
        // hot path (suppliers and lines ask on every advance). Starts strictly increase, so the answer is unique.
        var starts = _starts;
        var low = 0;
        var high = starts.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (starts[middle] <= hours)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - 1;
    }

    /// <summary>
    /// The first index whose value is at or above <paramref name="value"/> in the strictly increasing
    /// <paramref name="values"/> (their length when none is; 0 for NaN), as Array.BinarySearch's index or complement.
    /// </summary>
    private static int FirstAtOrAbove(double[] values, double value)
    {
        var low = 0;
        var high = values.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (values[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
