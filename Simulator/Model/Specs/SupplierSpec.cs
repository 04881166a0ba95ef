namespace Simulator.Model.Specs;

/// <summary>A supplier of any tier.</summary>
/// <param name="Id">Supplier id (a node id).</param>
/// <param name="Name">Display name.</param>
/// <param name="Tier">1 for direct suppliers of the plants, 2 for their suppliers, and so on.</param>
/// <param name="CalendarId">Production calendar.</param>
/// <param name="Products">Parts it makes.</param>
/// <param name="InputStocks">Stocks of the inputs it consumes.</param>
/// <param name="RecoveryHours">Hours it needs to be fully restored after an outage (stress tests), or null.</param>
/// <param name="CapacityPerHour">
/// Pieces per open hour shared by all its products (each piece of any product takes one unit), or null when every
/// product has a capacity of its own only.
/// </param>
/// <param name="TimeZoneId">IANA time zone its calendar is read in, or null for the scenario's.</param>
public sealed record SupplierSpec(
    string Id,
    string Name,
    int Tier,
    string CalendarId,
    IReadOnlyList<ProductSpec> Products,
    IReadOnlyList<InputStockSpec> InputStocks,
    double? RecoveryHours = null,
    double? CapacityPerHour = null,
    string? TimeZoneId = null);

/// <summary>A part a supplier makes.</summary>
/// <param name="PartId">Part made.</param>
/// <param name="CapacityPerHour">
/// Pieces per open hour at most: the product's own limit (the supplier's shared capacity when the scenario gives the
/// product none).
/// </param>
/// <param name="Inputs">Pieces of each input consumed per piece made.</param>
/// <param name="FinishedInitial">Finished-goods stock at hour 0.</param>
/// <param name="FinishedTarget">Finished goods it builds ahead of orders (make-to-stock level).</param>
public sealed record ProductSpec(
    string PartId,
    double CapacityPerHour,
    IReadOnlyList<BomItem> Inputs,
    StockAmount FinishedInitial,
    StockAmount FinishedTarget);

/// <summary>A supplier's stock of one input.</summary>
/// <param name="PartId">Input part.</param>
/// <param name="Initial">Stock at hour 0.</param>
/// <param name="Target">Order-up-to level, or null to use the lane's rule alone.</param>
public sealed record InputStockSpec(string PartId, StockAmount Initial, StockAmount? Target);
