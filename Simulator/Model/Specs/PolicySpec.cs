namespace Simulator.Model.Specs;

/// <summary>A named buffer-stock policy: overrides of stocks and fallbacks.</summary>
/// <param name="Id">Policy name.</param>
/// <param name="Description">What the policy stands for.</param>
/// <param name="LineSideCoverHours">Initial line-side stock of every part in hours of cover, or null to keep the network's.</param>
/// <param name="SupplierStockDaysByTier">Finished-goods stock (initial and target) in days of cover per supplier tier.</param>
/// <param name="PartOverrides">Per-part strategic stock.</param>
/// <param name="FallbackEnabled">Whether manual fallbacks are used.</param>
public sealed record PolicySpec(
    string Id,
    string Description,
    double? LineSideCoverHours,
    IReadOnlyDictionary<int, double> SupplierStockDaysByTier,
    IReadOnlyList<PartOverride> PartOverrides,
    bool FallbackEnabled = true)
{
    /// <summary>The network as written: no overrides, fallbacks on.</summary>
    public static PolicySpec AsWritten { get; } = new("as-written", "The network as written", null, new Dictionary<int, double>(), []);
}

/// <summary>Stock overrides for one part.</summary>
/// <param name="PartId">Part.</param>
/// <param name="LineSide">Initial line-side stock at every line using the part, or null.</param>
/// <param name="SupplierFinished">Finished-goods stock (initial and target) at every supplier making it, or null.</param>
public sealed record PartOverride(string PartId, StockAmount? LineSide, StockAmount? SupplierFinished);
