using Simulator.Model;

namespace Simulator.Experiments;

/// <summary>
/// The aggregate multi-tier network the time-to-survive LP optimises over: capacities, products with their bills of
/// materials, stocks, lanes and lines, with one outage's effect already applied (a capacity at the fraction left, a
/// lane's flow bounded, a line's rate reduced). A capacity's or a line's rate is per open hour of its clock (one of
/// <paramref name="Clocks"/>, or always open); a lane's is per hour.
/// </summary>
/// <param name="Pools">Capacities, each shared by the products that draw on it.</param>
/// <param name="Products">What suppliers make.</param>
/// <param name="Stocks">Stocks of parts at the consumers (line-side stocks and suppliers' input stocks).</param>
/// <param name="Lanes">Flows from a product's finished goods to a consumer's stock.</param>
/// <param name="Lines">The lines whose demand must be met.</param>
/// <param name="Clocks">Calendars the rates run on; null or empty when everything is always open.</param>
/// <param name="StartHours">Hour of the outage's start on the clocks.</param>
internal sealed partial record SurvivalModel(
    IReadOnlyList<SurvivalPool> Pools,
    IReadOnlyList<SurvivalProduct> Products,
    IReadOnlyList<SurvivalStock> Stocks,
    IReadOnlyList<SurvivalLane> Lanes,
    IReadOnlyList<SurvivalLine> Lines,
    IReadOnlyList<Calendar>? Clocks = null,
    double StartHours = 0)
{
    /// <summary>Open hours of clock <paramref name="clock"/> (-1: always open) in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public double OpenHours(int clock, double from, double to) =>
        clock < 0 || Clocks is null ? Math.Max(0, to - from) : Clocks[clock].OpenHoursBetween(from, to);
}

/// <summary>A capacity of a supplier.</summary>
/// <param name="Id">Supplier and capacity, for messages.</param>
/// <param name="PerHour">Pieces per open hour left to the products drawing on it during the outage (0 when the supplier is down).</param>
/// <param name="Clock">Index of its calendar in <see cref="SurvivalModel.Clocks"/>, or -1 for always open.</param>
internal sealed record SurvivalPool(string Id, double PerHour, int Clock = -1);

/// <summary>A part a supplier makes.</summary>
/// <param name="Id">Supplier and part, for messages.</param>
/// <param name="Pool">Index of the capacity it draws on, one unit of capacity per piece.</param>
/// <param name="FinishedUnits">Finished goods at the outage's start.</param>
/// <param name="Inputs">Index of the supplier's input stock and pieces of it per piece made.</param>
/// <param name="OwnPool">Index of a second capacity it draws on (its own limit within a shared one), or -1.</param>
/// <param name="OutputCaps">Days on which the state's planned output bounds what it makes (pieces), in time order; null or empty for none.</param>
internal sealed record SurvivalProduct(
    string Id, int Pool, double FinishedUnits, IReadOnlyList<SurvivalUse> Inputs, int OwnPool = -1, IReadOnlyList<DayCap>? OutputCaps = null);

/// <summary>Pieces of a stock consumed per piece made or job built.</summary>
/// <param name="Stock">Index into <see cref="SurvivalModel.Stocks"/>.</param>
/// <param name="Quantity">Pieces per piece or job.</param>
internal sealed record SurvivalUse(int Stock, double Quantity);

/// <summary>Stock of one part at one consumer.</summary>
/// <param name="Id">Consumer and part, for messages.</param>
/// <param name="Units">Pieces at the outage's start.</param>
internal sealed record SurvivalStock(string Id, double Units);

/// <summary>A lane: finished goods of <paramref name="Product"/> to stock <paramref name="Stock"/>.</summary>
/// <param name="Id">Lane id.</param>
/// <param name="Product">Index of the product it carries.</param>
/// <param name="Stock">Index of the stock it feeds.</param>
/// <param name="PerHour">Pieces per hour it may carry during the outage; null for no limit (an unaffected lane).</param>
/// <param name="FixedUnits">
/// With <paramref name="PerHour"/>: pieces it may carry on top, whatever the hours (orders transmitted before the
/// outage, which an order-transmission outage does not stop).
/// </param>
internal sealed record SurvivalLane(string Id, int Product, int Stock, double? PerHour = null, double FixedUnits = 0);

/// <summary>A line and what one job takes.</summary>
/// <param name="Id">Line id.</param>
/// <param name="PlannedJobsPerHour">Jobs per open hour it is planned to build.</param>
/// <param name="Bom">Stocks it consumes per job.</param>
/// <param name="LossPerUnit">Weight of a lost job in the loss objective (its margin, or 1).</param>
/// <param name="RunningFraction">Fraction of its rate the outage leaves it (its control's fallback), in [0, 1]; 0 stops it.</param>
/// <param name="Clock">Index of its calendar in <see cref="SurvivalModel.Clocks"/>, or -1 for always open.</param>
/// <param name="JobCaps">Days on which the state's demand caps the jobs it builds (whole jobs), in time order; null or empty for none.</param>
internal sealed record SurvivalLine(
    string Id,
    double PlannedJobsPerHour,
    IReadOnlyList<SurvivalUse> Bom,
    double LossPerUnit,
    double RunningFraction = 1,
    int Clock = -1,
    IReadOnlyList<DayCap>? JobCaps = null)
{
    /// <summary>Jobs per open hour it can build during the outage.</summary>
    public double JobsPerHour => PlannedJobsPerHour * RunningFraction;
}
