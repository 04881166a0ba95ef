using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>
/// Makes realistic synthetic multi-tier automotive supply networks for tests, benchmarks and demonstrations: plants
/// with lines and shared bills of materials, tier-1 suppliers of jis, jit and bulk parts, deeper tiers of shared
/// materials, IT systems with shared providers, one EDI outage and three buffer-stock policies.
/// </summary>
public static class NetworkGenerator
{
    /// <summary>
    /// Generates the network described by <paramref name="options"/>. The result satisfies every validation rule of
    /// the scenario loader, runs without halting when nothing is disrupted, and depends on the options only (the same
    /// seed gives the same scenario on every machine).
    /// </summary>
    /// <exception cref="ArgumentException">A count is below 1, there are fewer parts than plants or tier-1 suppliers,
    /// <see cref="GeneratorOptions.SuppliersPerTier"/> does not have one entry per tier, or the horizon is not positive.</exception>
    public static ScenarioSpec Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var suppliers = SuppliersPerTier(options);
        return new NetworkDraft(options, suppliers).Build();
    }

    /// <summary>The suppliers of each tier the generator uses for <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="Generate"/>).</exception>
    public static IReadOnlyList<int> SuppliersPerTier(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Require(options.Plants >= 1, $"plants must be at least 1, got {options.Plants}");
        Require(options.LinesPerPlant >= 1, $"lines per plant must be at least 1, got {options.LinesPerPlant}");
        Require(options.Parts >= options.Plants, $"parts must be at least the number of plants ({options.Plants}), got {options.Parts}");
        Require(options.Tiers >= 1, $"tiers must be at least 1, got {options.Tiers}");
        Require(options.HorizonHours > 0 && double.IsFinite(options.HorizonHours), $"the horizon must be positive hours, got {options.HorizonHours}");
        if (options.SuppliersPerTier is { } given)
        {
            Require(given.Count == options.Tiers, $"suppliers per tier needs one entry per tier ({options.Tiers}), got {given.Count}");
            Require(given.All(n => n >= 1), "every tier needs at least one supplier");
            Require(given[0] <= options.Parts, $"tier 1 cannot have more suppliers ({given[0]}) than line parts ({options.Parts})");
            return given.ToArray();
        }

        var counts = new int[options.Tiers];
        counts[0] = Math.Clamp((int)Math.Round(options.Parts / 5.5, MidpointRounding.AwayFromZero), 1, options.Parts);
        for (var t = 1; t < counts.Length; t++)
        {
            counts[t] = Math.Max(1, (int)Math.Round(counts[t - 1] / 2.0, MidpointRounding.AwayFromZero));
        }

        return counts;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOptionsException(message, "options");
        }
    }
}
