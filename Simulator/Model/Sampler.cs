using Simulator.Engine;

namespace Simulator.Model;

/// <summary>Samples line states and output every <c>sample_every_hours</c>, and every stock when part series are recorded.</summary>
internal sealed class Sampler(RunContext ctx, IReadOnlyList<LineRun> lines, IReadOnlyList<SupplierRun> suppliers)
{
    private readonly long[] _producedAtLast = new long[lines.Count];
    private double _lastTime = double.NaN;

    /// <summary>Stocks sampled per part, or null when the run records lines only.</summary>
    public PartSeries? Parts { get; } = ctx.Options.RecordPartSeries ? NewPartSeries(lines, suppliers) : null;

    public IEnumerable<Event> Sampling()
    {
        var every = ctx.Network.Scenario.SampleEveryHours;
        for (var k = 1L; ; k++)
        {
            Record();
            var next = k * every;
            if (next >= ctx.Horizon)
            {
                yield break;
            }

            yield return ctx.Env.Delay(next - ctx.Env.Now);
        }
    }

    /// <summary>Records one sample at the current time (once per instant); reads the runtime without changing it.</summary>
    public void Record()
    {
        var now = ctx.Env.Now;
        if (now == _lastTime)
        {
            return;
        }

        var dt = double.IsNaN(_lastTime) ? 0 : now - _lastTime;
        _lastTime = now;
        var samples = ctx.Samples;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var id = line.Plan.Spec.Id;
            samples.Add(new Sample(now, id, SampleMetrics.State, line.StateCode(now)));
            samples.Add(new Sample(now, id, SampleMetrics.ProducedUnits, line.JobsCompleted));
            samples.Add(new Sample(now, id, SampleMetrics.RatePerHour, dt > 0 ? (line.JobsCompleted - _producedAtLast[i]) / dt : 0));
            _producedAtLast[i] = line.JobsCompleted;
        }

        if (Parts is null)
        {
            return;
        }

        var stock = new double[Parts.Keys.Count];
        var cover = new double[Parts.LineStocks];
        var k = 0;
        foreach (var line in lines)
        {
            foreach (var feed in line.Feeds)
            {
                stock[k] = feed.ObservedUnits;
                cover[k] = stock[k] / feed.Plan.DemandPerOpenHour;
                k++;
            }
        }

        foreach (var supplier in suppliers)
        {
            for (var p = 0; p < supplier.Plan.Products.Count; p++)
            {
                stock[k++] = supplier.ObservedFinishedUnits(p);
            }
        }

        Parts.Add(now, stock, cover);
    }

    private static PartSeries NewPartSeries(IReadOnlyList<LineRun> lines, IReadOnlyList<SupplierRun> suppliers)
    {
        var keys = lines
            .SelectMany(l => l.Feeds.Select(f => new StockSeriesKey(StockHolder.Line, l.Plan.Spec.Id, f.Plan.PartId)))
            .ToList();
        var lineStocks = keys.Count;
        keys.AddRange(suppliers.SelectMany(s => s.Plan.Products.Select(p => new StockSeriesKey(StockHolder.Supplier, s.Plan.Spec.Id, p.Spec.PartId))));
        return new PartSeries(keys, lineStocks);
    }
}
