namespace Simulator.Model;

/// <summary>Where a sampled stock is held: at a line (line-side stock) or at a supplier (finished goods).</summary>
public enum StockHolder
{
    /// <summary>Line-side stock of a part at a line.</summary>
    Line,

    /// <summary>Finished goods of a part at a supplier.</summary>
    Supplier,
}

/// <summary>One sampled stock: a part at a line or a supplier.</summary>
/// <param name="Holder">Line or supplier.</param>
/// <param name="HolderId">Id of the line or supplier.</param>
/// <param name="PartId">The part.</param>
public sealed record StockSeriesKey(StockHolder Holder, string HolderId, string PartId);

/// <summary>
/// The stock of every part at every line and supplier at each sample time of one run, held column-wise (one array
/// per sample time) so that a large network's thousands of stocks cost a few bytes per value, not an object each.
/// </summary>
public sealed class PartSeries
{
    private readonly List<double> _times = [];
    private readonly List<double[]> _stock = [];
    private readonly List<double[]> _cover = [];

    internal PartSeries(IReadOnlyList<StockSeriesKey> keys, int lineStocks)
    {
        Keys = keys;
        LineStocks = lineStocks;
    }

    /// <summary>The stocks sampled, line stocks first (in line and bill-of-materials order), then suppliers' products.</summary>
    public IReadOnlyList<StockSeriesKey> Keys { get; }

    /// <summary>How many of <see cref="Keys"/> are line stocks (they come first and also have hours of cover).</summary>
    public int LineStocks { get; }

    /// <summary>Sample times in hours, ascending.</summary>
    public IReadOnlyList<double> TimesHours => _times;

    /// <summary>Pieces in stock of key <paramref name="key"/> at sample <paramref name="sample"/>.</summary>
    public double StockUnits(int key, int sample) => _stock[sample][key];

    /// <summary>Hours of cover at the line's planned rate of line stock <paramref name="key"/> (below <see cref="LineStocks"/>) at sample <paramref name="sample"/>.</summary>
    public double CoverHours(int key, int sample) => _cover[sample][key];

    internal void Add(double timeHours, double[] stockUnits, double[] coverHours)
    {
        _times.Add(timeHours);
        _stock.Add(stockUnits);
        _cover.Add(coverHours);
    }
}
