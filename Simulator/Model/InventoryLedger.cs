namespace Simulator.Model;

/// <summary>
/// The time-weighted value of all stock in a run, kept exactly without sampling: stock moves between shelves and
/// roads at no change of value, so the total only changes where a supplier makes parts (their value less that of
/// the inputs drawn) and where a line consumes them. A change of v at hour t adds v x (horizon - t) to the integral.
/// </summary>
internal sealed class InventoryLedger(double horizonHours)
{
    private double _opening;
    private double _weightedChanges;

    /// <summary>Adds stock that exists from hour 0 (on shelves or already on the road).</summary>
    public void Open(double value) => _opening += value;

    /// <summary>The value held changes by <paramref name="value"/> at <paramref name="atHours"/>.</summary>
    public void Change(double value, double atHours) => _weightedChanges += value * (horizonHours - atHours);

    /// <summary>Mean value held over the horizon.</summary>
    public double AverageValue => horizonHours > 0 ? _opening + (_weightedChanges / horizonHours) : _opening;
}
