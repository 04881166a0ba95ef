namespace Simulator.Model.Specs;

/// <summary>The unit in which a stock quantity is given.</summary>
public enum StockUnit
{
    /// <summary>Pieces of the part.</summary>
    Units,

    /// <summary>Hours of the consumer's planned consumption.</summary>
    Hours,

    /// <summary>Production days of the consumer: demand per open hour x open hours per working day.</summary>
    Days,
}

/// <summary>A stock quantity in units or in cover of the consumer's demand.</summary>
/// <param name="Value">Amount, non-negative.</param>
/// <param name="Unit">Unit of <paramref name="Value"/>.</param>
public sealed record StockAmount(double Value, StockUnit Unit)
{
    /// <summary>Zero units.</summary>
    public static StockAmount Zero { get; } = new(0, StockUnit.Units);

    /// <summary>An amount in pieces.</summary>
    public static StockAmount InUnits(double units) => new(units, StockUnit.Units);

    /// <summary>An amount in hours of cover.</summary>
    public static StockAmount InHours(double hours) => new(hours, StockUnit.Hours);

    /// <summary>An amount in days of cover.</summary>
    public static StockAmount InDays(double days) => new(days, StockUnit.Days);

    /// <summary>Converts to pieces given the consumer's demand per open hour and per production day.</summary>
    public double ToUnits(double demandPerHour, double demandPerDay) => Unit switch
    {
        StockUnit.Units => Value,
        StockUnit.Hours => Value * demandPerHour,
        _ => Value * demandPerDay,
    };
}
