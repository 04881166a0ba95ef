using System.Globalization;
using Simulator.Model;

namespace Simulator.Output;

/// <summary>The text form of numbers and times in every results file, identical on every machine and culture.</summary>
public static class Invariant
{
    /// <summary>Shortest text that parses back to the same double; empty for null, NaN and infinities.</summary>
    public static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>An integer in invariant digits.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// ISO-8601 wall-clock time of an hour offset from the scenario start, keeping the start's UTC offset,
    /// for example <c>2025-09-01T16:00:00+01:00</c>; to the millisecond, fractions shown only when present (the exact
    /// instant is in the <c>time_h</c> column).
    /// </summary>
    public static string Timestamp(DateTimeOffset scenarioStart, double hours) =>
        Format(scenarioStart.AddHours(hours));

    /// <summary>
    /// The same instant as <see cref="Timestamp"/> on the wall clock of the site <paramref name="entity"/> belongs to
    /// (its own offset at that instant, summer time included); without a clock, the scenario start's offset.
    /// </summary>
    public static string LocalTimestamp(SiteClock? clock, DateTimeOffset scenarioStart, string entity, double hours) =>
        clock is null ? Timestamp(scenarioStart, hours) : Format(clock.LocalTime(entity, hours));

    private static string Format(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFzzz", CultureInfo.InvariantCulture);
}
