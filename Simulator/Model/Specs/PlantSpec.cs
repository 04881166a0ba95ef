namespace Simulator.Model.Specs;

/// <summary>A plant and its production lines.</summary>
/// <param name="Id">Plant id (a node id).</param>
/// <param name="Name">Display name.</param>
/// <param name="Lines">Lines of the plant.</param>
/// <param name="TimeZoneId">IANA time zone its lines' shifts are read in (e.g. <c>Europe/Bratislava</c>), or null for the scenario's.</param>
public sealed record PlantSpec(string Id, string Name, IReadOnlyList<LineSpec> Lines, string? TimeZoneId = null);

/// <summary>A production line.</summary>
/// <param name="Id">Line id, unique in the scenario (a node id).</param>
/// <param name="PlantId">Owning plant.</param>
/// <param name="RatePerHour">Planned jobs per open hour.</param>
/// <param name="CalendarId">Shift calendar.</param>
/// <param name="Bom">Bill of materials: parts consumed per job.</param>
/// <param name="Stocks">Line-side stock per part; parts missing here start empty.</param>
/// <param name="Restart">What the line needs to restart after a halt and how fast it ramps up.</param>
/// <param name="MarginPerUnit">Contribution margin of one vehicle, for lost margin and the stress test's risk index; null when not given.</param>
public sealed record LineSpec(
    string Id,
    string PlantId,
    double RatePerHour,
    string CalendarId,
    IReadOnlyList<BomItem> Bom,
    IReadOnlyList<LineStockSpec> Stocks,
    RestartRule Restart,
    double? MarginPerUnit = null);

/// <summary>One row of a bill of materials.</summary>
/// <param name="PartId">Part consumed.</param>
/// <param name="QuantityPerJob">Pieces consumed per job, positive.</param>
public sealed record BomItem(string PartId, double QuantityPerJob);

/// <summary>Line-side stock of one part.</summary>
/// <param name="PartId">Part.</param>
/// <param name="Initial">Stock at hour 0.</param>
/// <param name="Maximum">Space at the line, or null for unbounded; also the default order-up-to level.</param>
public sealed record LineStockSpec(string PartId, StockAmount Initial, StockAmount? Maximum);

/// <summary>Restart rule of a line after a halt.</summary>
/// <param name="StockHours">Hours of cover every part needs before the line restarts.</param>
/// <param name="RampUpHours">Open hours from restart back to the full rate.</param>
/// <param name="RampStartFraction">Fraction of the full rate at restart; rises linearly to 1 over the ramp.</param>
public sealed record RestartRule(double StockHours, double RampUpHours, double RampStartFraction = 0.5)
{
    /// <summary>Restart as soon as one job can be built, at full rate.</summary>
    public static RestartRule Immediate { get; } = new(0, 0, 1);
}
