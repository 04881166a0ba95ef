using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>
/// The time zone of every site (plant, line, supplier): shift calendars are read in it, and results show a site's
/// instants in its local time. The run's own clock is hours from the scenario's start instant, whatever the zones.
/// Immutable: one instance serves every replication.
/// </summary>
public sealed class SiteClock
{
    private readonly TimeZoneInfo _default;
    private readonly Dictionary<string, TimeZoneInfo> _sites;

    private SiteClock(DateTimeOffset start, TimeZoneInfo fallback, Dictionary<string, TimeZoneInfo> sites)
    {
        Start = start;
        _default = fallback;
        _sites = sites;
    }

    /// <summary>Wall-clock instant of hour 0.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>
    /// The zones of <paramref name="scenario"/>: a line is in its plant's zone, a site without <c>time_zone</c> in the
    /// scenario's, and a scenario without one at the fixed UTC offset of its start.
    /// </summary>
    /// <exception cref="InvalidOptionsException">A zone id is not known on this machine.</exception>
    public static SiteClock For(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var fallback = scenario.TimeZoneId is { } id ? Resolve(id) : Fixed(scenario.Start.Offset);
        var sites = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        foreach (var plant in scenario.Plants.Where(p => p.TimeZoneId is not null))
        {
            var zone = Resolve(plant.TimeZoneId!);
            sites[plant.Id] = zone;
            foreach (var line in plant.Lines)
            {
                sites[line.Id] = zone;
            }
        }

        foreach (var supplier in scenario.Suppliers.Where(s => s.TimeZoneId is not null))
        {
            sites[supplier.Id] = Resolve(supplier.TimeZoneId!);
        }

        return new SiteClock(scenario.Start, fallback, sites);
    }

    /// <summary>The zone whose wall clock <paramref name="siteId"/> (a plant, line or supplier) works by.</summary>
    public TimeZoneInfo ZoneOf(string siteId) => _sites.GetValueOrDefault(siteId, _default);

    /// <summary>
    /// The instant <paramref name="hours"/> after the start, in the local time of the site an entity of the results
    /// belongs to: a line, plant or supplier, or <c>holder/part</c> for a stock; anything else (a disruption, an IT
    /// system, a lane) in the scenario's zone.
    /// </summary>
    public DateTimeOffset LocalTime(string entity, double hours)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var slash = entity.IndexOf('/', StringComparison.Ordinal);
        var site = slash < 0 ? entity.AsSpan() : entity.AsSpan(0, slash);

        // Called for every row of a time series: look the site up without cutting a string out of the entity.
        var zone = _sites.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(site, out var own) ? own : _default;
        return TimeZoneInfo.ConvertTime(Start.AddHours(hours), zone);
    }

    /// <summary>Finds a zone by IANA id (or <c>UTC</c>) in the machine's zone data.</summary>
    /// <exception cref="InvalidOptionsException">The id is not known on this machine.</exception>
    public static TimeZoneInfo Resolve(string zoneId)
    {
        ArgumentNullException.ThrowIfNull(zoneId);
        if (TryResolve(zoneId, out var zone))
        {
            return zone;
        }

        throw new InvalidOptionsException($"unknown time zone '{zoneId}'" + (HasZoneData ? string.Empty : ": this machine has no time zone data (install tzdata)"));
    }

    /// <summary>True when <paramref name="zoneId"/> names a zone in the machine's zone data.</summary>
    public static bool TryResolve(string zoneId, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    /// <summary>True when the machine has zone data beyond UTC (on Linux: /usr/share/zoneinfo, or the folder in TZDIR).</summary>
    public static bool HasZoneData => TimeZoneInfo.GetSystemTimeZones().Any(z => z.BaseUtcOffset != TimeSpan.Zero);

    /// <summary>
    /// The UTC instant of a local wall-clock time. A time skipped by a change to summer time (02:30 on the night the
    /// clocks go forward) is read with the offset before the change, so it falls that much later (03:30); a time that
    /// occurs twice (the night the clocks go back) is its first occurrence.
    /// </summary>
    internal static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = Min(zone.GetUtcOffset(local.AddHours(-6)), zone.GetUtcOffset(local.AddHours(6)));
            return DateTime.SpecifyKind(local - before, DateTimeKind.Utc);
        }

        if (zone.IsAmbiguousTime(local))
        {
            return DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>A zone at a fixed UTC offset: what a scenario without <c>time_zone</c> works by.</summary>
    internal static TimeZoneInfo Fixed(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return TimeZoneInfo.Utc;
        }

        var name = $"UTC{(offset < TimeSpan.Zero ? '-' : '+')}{offset:hh\\:mm}";
        return TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
