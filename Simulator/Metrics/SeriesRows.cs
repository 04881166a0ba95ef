using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>One point of the time series as the results files list it (<c>timeseries.csv</c>, <c>timeseries.parquet</c>).</summary>
/// <param name="TimeHours">Hours from the scenario start.</param>
/// <param name="Kind">What <paramref name="Entity"/> is: <c>line</c> or <c>supplier</c>.</param>
/// <param name="Entity">Id of the line or supplier.</param>
/// <param name="Part">The part of a stock's row; empty for a line's own rows (state, output, rate).</param>
/// <param name="Metric">What is measured: <c>state</c>, <c>produced_units</c>, <c>rate_per_hour</c>, <c>stock_units</c>, <c>cover_h</c>.</param>
/// <param name="Value">The value in the metric's unit, rounded to <see cref="SeriesRows.Decimals"/> decimals; the state's code for <c>state</c>.</param>
/// <param name="State">For <c>state</c> rows the state's name (<c>closed</c>, <c>running</c>, <c>reduced</c>, <c>halted</c>); empty otherwise.</param>
public readonly record struct SeriesRow(double TimeHours, string Kind, string Entity, string Part, string Metric, double Value, string State);

/// <summary>
/// Turns a run's samples into the rows of the time series: the entity split into kind, id and part, the line state
/// named, and values rounded so that the sums of a fluid simulation (904.0000000000002) read as the number they are (904).
/// </summary>
public static class SeriesRows
{
    /// <summary>Decimals every value is rounded to: a millionth of a piece or an hour, far below anything a planner counts.</summary>
    public const int Decimals = 6;

    /// <summary>The <c>kind</c> of a line's rows and of its line-side stocks.</summary>
    public const string LineKind = "line";

    /// <summary>The <c>kind</c> of a supplier's finished-goods stock rows.</summary>
    public const string SupplierKind = "supplier";

    /// <summary>The metric whose value is a line state code.</summary>
    public const string StateMetric = SampleMetrics.State;

    /// <summary>The rows of <paramref name="samples"/>, in the same order.</summary>
    public static IEnumerable<SeriesRow> Of(IEnumerable<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples)
        {
            yield return Of(sample);
        }
    }

    /// <summary>The row of one sample.</summary>
    public static SeriesRow Of(Sample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Stock is { } stock)
        {
            var kind = stock.Holder == StockHolder.Line ? LineKind : SupplierKind;
            return new SeriesRow(sample.TimeHours, kind, stock.HolderId, stock.PartId, sample.Metric, Round(sample.Value), string.Empty);
        }

        return sample.Metric == StateMetric
            ? new SeriesRow(sample.TimeHours, LineKind, sample.Entity, string.Empty, sample.Metric, sample.Value, LineStateCode.Name(sample.Value))
            : new SeriesRow(sample.TimeHours, LineKind, sample.Entity, string.Empty, sample.Metric, Round(sample.Value), string.Empty);
    }

    /// <summary><paramref name="value"/> rounded to <see cref="Decimals"/> decimals (half to even), -0 as 0; NaN and infinities unchanged.</summary>
    // Adding +0 turns the -0 that rounds a tiny negative residue (-1e-12) into 0, which reads as "-0" otherwise.
    public static double Round(double value) => double.IsFinite(value) ? Math.Round(value, Decimals, MidpointRounding.ToEven) + 0.0 : value;
}
