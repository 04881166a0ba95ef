using System.Globalization;
using System.Text.RegularExpressions;
using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Culture-independent parsing of the scalar syntaxes of the format; no problem reporting here.</summary>
internal static partial class ScalarParsers
{
    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday,
    };

    /// <summary>Names accepted for weekdays (for suggestions).</summary>
    public static IReadOnlyCollection<string> DayNames => Days.Keys;

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static bool TryInteger(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>"240", "240u", "4h", "4 hours", "2d", "2 days"; the sign is kept so the caller can say "must not be negative".</summary>
    public static bool TryStockAmount(string text, out StockAmount amount)
    {
        amount = StockAmount.Zero;
        var match = StockAmountPattern().Match(text);
        if (!match.Success || !TryNumber(match.Groups["value"].Value, out var value))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "" or "u" or "unit" or "units" => StockUnit.Units,
            "h" or "hour" or "hours" => StockUnit.Hours,
            _ => StockUnit.Days,
        };
        amount = new StockAmount(value, unit);
        return true;
    }

    /// <summary>"06:00" or "6:00"; "24:00" only where an end of day is meant, read as midnight.</summary>
    public static bool TryTimeOfDay(string text, bool allowEndOfDay, out TimeOnly time)
    {
        time = default;
        var match = TimePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (hours == 24 && minutes == 0 && allowEndOfDay)
        {
            return true;
        }

        if (hours > 23 || minutes > 59)
        {
            return false;
        }

        time = new TimeOnly(hours, minutes);
        return true;
    }

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>ISO-8601 with an explicit offset: without one the result would depend on the machine's time zone.</summary>
    public static bool TryTimestamp(string text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        return TimestampPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out timestamp);
    }

    /// <summary>True when the text looks like a timestamp but lacks the offset (for a precise hint).</summary>
    public static bool LooksLikeLocalTimestamp(string text) => LocalTimestampPattern().IsMatch(text);

    /// <summary>
    /// The hint for a timestamp written without its UTC offset: the same text with the offset added, the scenario's
    /// own offset when it is known (so a disruption lines up with the scenario's clock), else an example offset.
    /// </summary>
    public static string OffsetHint(string text, TimeSpan? offset)
    {
        var time = text.Contains('T', StringComparison.Ordinal) || text.Contains(' ', StringComparison.Ordinal) ? text.Trim() : text.Trim() + "T00:00:00";
        var suffix = offset is { } o ? (o < TimeSpan.Zero ? "-" : "+") + o.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture) : "+01:00";
        var whose = offset is null ? " (use the plant's UTC offset, Z for UTC)" : " (the scenario start's offset)";
        return $"add the UTC offset so the time does not depend on the machine's time zone, e.g. {time}{suffix}{whose}";
    }

    public static bool TryDay(string text, out DayOfWeek day) => Days.TryGetValue(text, out day);

    [GeneratedRegex(@"^\s*(?<value>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(?<unit>u|units?|h|hours?|d|days?)?\s*\z", RegexOptions.IgnoreCase)]
    private static partial Regex StockAmountPattern();

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{2})\z")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})\z")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\z")]
    private static partial Regex LocalTimestampPattern();
}
