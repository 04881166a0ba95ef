using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>The stock a resolved network starts with and what it costs to hold.</summary>
/// <param name="InventoryValue">Value of every stock at hour 0: line side, suppliers' inputs and finished goods, at unit cost.</param>
/// <param name="HoldingCostPerYear">That value times the scenario's holding rate a year.</param>
public sealed record StockHolding(double InventoryValue, double HoldingCostPerYear)
{
    /// <summary>The stock <paramref name="network"/> starts with, valued at each part's unit cost.</summary>
    public static StockHolding Of(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var value = network.Feeds.Sum(f => f.InitialUnits * f.UnitCost)
            + network.Suppliers.SelectMany(s => s.Products).Sum(p => p.InitialUnits * p.UnitCost);
        return new StockHolding(value, value * network.Scenario.HoldingCostRatePerYear);
    }
}
