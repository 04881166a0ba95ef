namespace Simulator.Model.Specs;

/// <summary>A named buffer-stock policy: overrides of stocks and fallbacks.</summary>
/// <param name="Id">Policy name.</param>
/// <param name="Description">What the policy stands for.</param>
/// <param name="LineSideCoverHours">Initial line-side stock of every part in hours of cover, or null to keep the network's.</param>
/// <param name="SupplierStockDaysByTier">Finished-goods stock (initial and target) in days of cover per supplier tier.</param>
/// <param name="PartOverrides">Per-part strategic stock.</param>
/// <param name="FallbackEnabled">Whether manual fallbacks are used.</param>
/// <param name="LineSideCoverMode">Whether <paramref name="LineSideCoverHours"/> sets the line-side stock or only raises it.</param>
/// <param name="SupplierStockModes">Per tier, whether its days set the finished stock or only raise it (absent: sets).</param>
public sealed record PolicySpec(
    string Id,
    string Description,
    double? LineSideCoverHours,
    IReadOnlyDictionary<int, double> SupplierStockDaysByTier,
    IReadOnlyList<PartOverride> PartOverrides,
    bool FallbackEnabled = true,
    LevelMode LineSideCoverMode = LevelMode.Set,
    IReadOnlyDictionary<int, LevelMode>? SupplierStockModes = null)
{
    /// <summary>Whether the days of <paramref name="tier"/> set the finished stock or only raise it.</summary>
    public LevelMode SupplierStockModeOf(int tier) =>
        SupplierStockModes is not null && SupplierStockModes.TryGetValue(tier, out var mode) ? mode : LevelMode.Set;

    /// <summary>The network as written: no overrides, fallbacks on.</summary>
    public static PolicySpec AsWritten { get; } = new("as-written", "The network as written", null, new Dictionary<int, double>(), []);
}

/// <summary>Stock overrides for one part.</summary>
/// <param name="PartId">Part.</param>
/// <param name="LineSide">Initial line-side stock at every line using the part, or null.</param>
/// <param name="SupplierFinished">Finished-goods stock (initial and target) at every supplier making it, or null.</param>
/// <param name="LineSideMode">Whether <paramref name="LineSide"/> sets the level or only raises it.</param>
/// <param name="SupplierFinishedMode">Whether <paramref name="SupplierFinished"/> sets the level or only raises it.</param>
/// <param name="At">
/// One line (for <paramref name="LineSide"/>) or supplier (for <paramref name="SupplierFinished"/>) the override is
/// for, applied after the part's override for every node; null: every line using the part and every supplier making it.
/// </param>
public sealed record PartOverride(
    string PartId,
    StockAmount? LineSide,
    StockAmount? SupplierFinished,
    LevelMode LineSideMode = LevelMode.Set,
    LevelMode SupplierFinishedMode = LevelMode.Set,
    string? At = null);

/// <summary>How a policy's stock level combines with the level the network is written with.</summary>
public enum LevelMode
{
    /// <summary>The policy's level replaces the written one, lower or higher (<c>{ set: V }</c>, or a plain value).</summary>
    Set,

    /// <summary>The policy's level applies only where the written one is lower (<c>{ at_least: V }</c>): it never lowers stock.</summary>
    AtLeast,
}
