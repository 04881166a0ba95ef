using Simulator.Engine;

namespace Simulator.Model;

/// <summary>Samples line states and output every <c>sample_every_hours</c>, and the stocks when part series are recorded.</summary>
internal sealed class Sampler(RunContext ctx, IReadOnlyList<LineRun> lines, IReadOnlyList<SupplierRun> suppliers)
{
    private readonly long[] _producedAtLast = new long[lines.Count];

    // Entity names are built once: a large network samples thousands of stocks per instant.
    private readonly string[][] _feedEntities = lines
        .Select(l => l.Feeds.Select(f => $"{l.Plan.Spec.Id}/{f.Plan.PartId}").ToArray())
        .ToArray();

    private readonly string[][] _productEntities = suppliers
        .Select(s => s.Plan.Products.Select(p => $"{s.Plan.Spec.Id}/{p.Spec.PartId}").ToArray())
        .ToArray();
    private double _lastTime = double.NaN;

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
        var detail = ctx.Options.RecordPartSeries;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var id = line.Plan.Spec.Id;
            samples.Add(new Sample(now, id, "state", line.StateCode(now)));
            samples.Add(new Sample(now, id, "produced_units", line.JobsCompleted));
            samples.Add(new Sample(now, id, "rate_per_hour", dt > 0 ? (line.JobsCompleted - _producedAtLast[i]) / dt : 0));
            _producedAtLast[i] = line.JobsCompleted;
            if (!detail)
            {
                continue;
            }

            for (var f = 0; f < line.Feeds.Count; f++)
            {
                var feed = line.Feeds[f];
                var onHand = feed.ObservedUnits;
                var entity = _feedEntities[i][f];
                samples.Add(new Sample(now, entity, "stock_units", onHand));
                samples.Add(new Sample(now, entity, "cover_h", onHand / feed.Plan.DemandPerOpenHour));
            }
        }

        if (!detail)
        {
            return;
        }

        for (var s = 0; s < suppliers.Count; s++)
        {
            var supplier = suppliers[s];
            for (var p = 0; p < supplier.Plan.Products.Count; p++)
            {
                samples.Add(new Sample(now, _productEntities[s][p], "stock_units", supplier.ObservedFinishedUnits(p)));
            }
        }
    }
}
