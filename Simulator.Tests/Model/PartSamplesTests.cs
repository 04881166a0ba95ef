using Simulator.Model;

namespace Simulator.Tests.Model;

/// <summary>Part stocks kept compactly go into the time series after their line's own rows of the same instant.</summary>
public sealed class PartSamplesTests
{
    [Test]
    public void Stocks_follow_their_lines_rows_however_many_metrics_a_line_has_and_suppliers_come_last()
    {
        StockSeriesKey l1 = new(StockHolder.Line, "L1", "P"), l2 = new(StockHolder.Line, "L2", "Q"), s = new(StockHolder.Supplier, "S", "P");
        var parts = new PartSeries([l1, l2, s], lineStocks: 2);
        parts.Add(0, [10, 20, 30], [1, 2, 0]);
        parts.Add(1, [11, 21, 31], [1.1, 2.1, 0]);
        var own = new List<Sample>();
        foreach (var t in new[] { 0.0, 1.0 })
        {
            own.AddRange([
                new(t, "L1", SampleMetrics.State, 1), new(t, "L1", SampleMetrics.ProducedUnits, t), new(t, "L1", SampleMetrics.RatePerHour, 60), new(t, "L1", "extra", 7),
                new(t, "L2", SampleMetrics.State, 1), new(t, "L2", SampleMetrics.ProducedUnits, t),
            ]);
        }

        LineOutcome Line(string id) => new("PL", id, null, null, 0, null, null, 0, 0);
        var trace = new RunTrace([Line("L1"), Line("L2")], [], [], own, 0, 0, parts).WithPartSamples(_ => true);

        var rows = trace.Samples.Select(x => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x.TimeHours} {x.Entity} {x.Metric} {x.Value}")).ToArray();
        Assert.That(rows, Is.EqualTo(new[]
        {
            "0 L1 state 1", "0 L1 produced_units 0", "0 L1 rate_per_hour 60", "0 L1 extra 7", "0 L1/P stock_units 10", "0 L1/P cover_h 1",
            "0 L2 state 1", "0 L2 produced_units 0", "0 L2/Q stock_units 20", "0 L2/Q cover_h 2",
            "0 S/P stock_units 30",
            "1 L1 state 1", "1 L1 produced_units 1", "1 L1 rate_per_hour 60", "1 L1 extra 7", "1 L1/P stock_units 11", "1 L1/P cover_h 1.1",
            "1 L2 state 1", "1 L2 produced_units 1", "1 L2/Q stock_units 21", "1 L2/Q cover_h 2.1",
            "1 S/P stock_units 31",
        }));
        Assert.That(trace.Parts, Is.Null);
    }
}
