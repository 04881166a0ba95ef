using System.Globalization;

namespace Simulator.Scenarios;

/// <summary>
/// The documented bounds of the scenario format (docs/reliability.md): past them a file that looks valid would run for
/// hours or fill the memory, so the loader refuses it with the bound in the message.
/// </summary>
public static class ScenarioBounds
{
    /// <summary>Largest scenario file read, in bytes (64 MiB; the generator's oem preset, 8,000 line parts and 49,000 lanes, is 17 MB).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Deepest nesting of lists and mappings (the format itself needs 6).</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>
    /// Most values that YAML aliases may repeat on top of those written, or twice the values written when that is more:
    /// a file whose aliases point at lists of aliases multiplies at every level (4 KB of them made 27 million
    /// bill-of-materials rows), while an anchored trigger named by every lane repeats fewer values than the file writes.
    /// </summary>
    public const long MaxAliasedValues = 1_000_000;

    /// <summary>Longest horizon: 100,000 h, about 11 years.</summary>
    public const double MaxHorizonHours = 100_000;

    /// <summary>Most time-series samples per run: <c>horizon_hours / sample_every_hours</c>.</summary>
    public const double MaxSamplesPerRun = 200_000;

    /// <summary>Shortest cadence of sampling, dispatching and reviewing: 0.01 h (36 s).</summary>
    public const double MinCadenceHours = 0.01;

    /// <summary>Fastest line: 10,000 jobs per hour (car lines run at 30 to 90).</summary>
    public const double MaxJobsPerHour = 10_000;

    /// <summary>Largest rate of a supplier, count of a bill of materials and stock, in units (per hour).</summary>
    public const double MaxUnits = 1e12;

    /// <summary>Largest value of any other duration in hours (lead, transit, start, recovery): 1,000,000 h.</summary>
    public const double MaxHours = 1_000_000;

    /// <summary>The bound of <paramref name="key"/>, as (minimum, maximum, why), or null when it has none beyond its rule.</summary>
    internal static (double Min, double Max, string Reason)? Of(string key) => key switch
    {
        "horizon_hours" => (0, MaxHorizonHours, "about 11 years"),
        "sample_every_hours" or "dispatch_every_hours" or "review_hours" => (MinCadenceHours, MaxHours, "shorter cadences make millions of events"),
        "rate_per_hour" => (0, MaxJobsPerHour, "every job is simulated"),
        "capacity_per_hour" or "quantity" or "unit_cost" or "margin_per_unit" => (double.NegativeInfinity, MaxUnits, "larger values lose precision"),
        _ when key.EndsWith("_hours", StringComparison.Ordinal) => (double.NegativeInfinity, MaxHours, "about 114 years"),
        _ => null,
    };

    /// <summary>The problem with <paramref name="value"/> for <paramref name="key"/>, or null when it is within bounds.</summary>
    internal static string? Check(string key, double value)
    {
        if (Of(key) is not var (min, max, reason))
        {
            return null;
        }

        if (value > max)
        {
            return $"{key} must be at most {Format(max)} ({reason}; see docs/reliability.md), got {Format(value)}";
        }

        return value < min && value > 0
            ? $"{key} must be at least {Format(min)} ({reason}; see docs/reliability.md), got {Format(value)}"
            : null;
    }

    internal static string Format(double value) =>
        value.ToString(Math.Abs(value) >= 1e7 || (value != 0 && Math.Abs(value) < 1e-4) ? "0.###e+0" : "#,0.####", CultureInfo.InvariantCulture);
}
