namespace Simulator.Scenarios;

/// <summary>Size and shape of a synthetic supply network made by <see cref="NetworkGenerator"/>.</summary>
/// <param name="Plants">Vehicle plants, each building its own model family.</param>
/// <param name="LinesPerPlant">Assembly lines per plant.</param>
/// <param name="Parts">Line-side parts: the components the lines consume (materials of deeper tiers come on top).</param>
/// <param name="Tiers">Supplier tiers; tier 1 delivers to the lines, the last tier has no inputs.</param>
/// <param name="SuppliersPerTier">Suppliers in each tier (one entry per tier), or null for Parts / 5.5, then halving per tier.</param>
/// <param name="Seed">Seed of every random choice: the same options give the same network.</param>
/// <param name="HorizonHours">Simulated hours.</param>
/// <param name="WithDisruption">Add the first plant's EDI outage (24 h from day 2, 10:00); false leaves the disruption list empty.</param>
public sealed record GeneratorOptions(
    int Plants = 1,
    int LinesPerPlant = 2,
    int Parts = 50,
    int Tiers = 3,
    IReadOnlyList<int>? SuppliersPerTier = null,
    ulong Seed = 1,
    double HorizonHours = 168,
    bool WithDisruption = true)
{
    /// <summary>One plant, two lines, 300 line parts, three tiers, about 100 suppliers, one week.</summary>
    public static GeneratorOptions Medium { get; } = new(Plants: 1, LinesPerPlant: 2, Parts: 300, Tiers: 3);

    /// <summary>Three plants, six lines, 2,000 line parts, three tiers, about 600 suppliers, 30 days.</summary>
    public static GeneratorOptions Large { get; } = new(Plants: 3, LinesPerPlant: 2, Parts: 2000, Tiers: 3, HorizonHours: 720);

    /// <summary>
    /// A carmaker's size: five plants, 15 lines, 8,000 line parts, four tiers, about 2,700 suppliers (1,455 at Tier 1),
    /// shared providers, 30 days.
    /// </summary>
    public static GeneratorOptions Oem { get; } = new(Plants: 5, LinesPerPlant: 3, Parts: 8000, Tiers: 4, HorizonHours: 720);
}
