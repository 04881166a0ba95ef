using Simulator.Engine;

namespace Simulator.Model;

/// <summary>The runtime objects of one run, so that its state can be written at a checkpoint.</summary>
internal sealed class RunRuntime(
    RunContext ctx, IReadOnlyList<LineRun> lines, IReadOnlyList<FeedRun> feeds, IReadOnlyList<LaneRun> lanes, IReadOnlyList<SupplierRun> suppliers,
    IReadOnlyList<DispatchRun> dispatchers)
{
    public RunContext Context { get; } = ctx;

    public IReadOnlyList<LineRun> Lines { get; } = lines;

    /// <summary>
    /// The stocks now (see <see cref="StockSnapshot"/>). Suppliers' lazily computed production is brought up to now
    /// first, as a gate change at this instant would, so the run should not go on as if nothing had been looked at.
    /// </summary>
    public StockSnapshot Stocks()
    {
        foreach (var supplier in suppliers)
        {
            supplier.Advance();
        }

        // Goods due by now have arrived, received or not: stock at the destination, no longer on the road.
        var due = lanes.Select(l => l.DueUnits()).ToArray();
        var arrived = new double[feeds.Count];
        for (var l = 0; l < lanes.Count; l++)
        {
            arrived[lanes[l].Feed.Plan.Index] += due[l];
        }

        return new StockSnapshot(
            Context.Env.Now,
            feeds.Select(f => f.OnHand + arrived[f.Plan.Index]).ToArray(),
            suppliers.Select(s => Enumerable.Range(0, s.Plan.Products.Count).Select(s.ObservedFinishedUnits).ToArray()).ToArray(),
            lanes.Select((l, i) => l.InTransit - due[i]).ToArray(),
            lanes.Select(l => l.Backlog).ToArray(),
            Lines.Select(l => l.DemandLeft(Context.Env.Now)).ToArray(),
            suppliers.Select(s => Enumerable.Range(0, s.Plan.Products.Count).Select(p => s.OutputLeft(p, Context.Env.Now)).ToArray()).ToArray());
    }

    /// <summary>
    /// The whole state that decides the rest of the run, written at the current instant (between two instants of the
    /// kernel): every line, feed, lane, supplier, dispatcher and held gate, then the pending events in processing order.
    /// Two runs of one network with equal digests at the same hour go on identically. Given another run's recorded
    /// digest, it compares instead of recording and stops writing at the first object that differs.
    /// </summary>
    public StateDigest Digest(RecordedDigest? expected = null, bool keepValues = false)
    {
        var digest = expected is null ? new StateDigest(keepValues) : new StateDigest(expected);
        var now = Context.Env.Now;
        digest.Begin("hour");
        digest.Add(now);
        foreach (var line in Lines)
        {
            digest.Begin("line", line.Plan.Spec.Id);
            line.WriteState(digest, now);
            if (digest.Settled)
            {
                return digest;
            }
        }

        foreach (var feed in feeds)
        {
            digest.Begin("stock at", feed.Plan.DestinationId, feed.Plan.PartId);
            feed.WriteState(digest);
            if (digest.Settled)
            {
                return digest;
            }
        }

        foreach (var lane in lanes)
        {
            digest.Begin("lane", lane.Plan.Spec.Id);
            lane.WriteState(digest);
            if (digest.Settled)
            {
                return digest;
            }
        }

        foreach (var supplier in suppliers)
        {
            digest.Begin("supplier", supplier.Plan.Spec.Id);
            supplier.WriteState(digest);
            if (digest.Settled)
            {
                return digest;
            }
        }

        foreach (var dispatcher in dispatchers)
        {
            digest.Begin("dispatcher", dispatcher.Name);
            dispatcher.WriteState(digest);
        }

        digest.Begin("gates");
        Context.WriteGates(digest);
        digest.Begin("pending events");
        WritePending(digest);
        return digest;
    }

    /// <summary>
    /// Every pending event by its time, priority and meaning: a process resuming (by its unique name), or a lane's
    /// arrival at a supplier (lane and pieces). Any other callback (a line's wake-up or ramp end, a qualification, a
    /// fallback, a phased restore) carries state the digest does not read, so the run may not stop while one is pending.
    /// </summary>
    private void WritePending(StateDigest digest)
    {
        var pending = Context.Env.PendingEvents();
        digest.Add(pending.Count);
        foreach (var (time, priority, item) in pending)
        {
            digest.Add(time);
            digest.Add((long)priority);
            switch (item)
            {
                case SimProcess process:
                    digest.Add(0L);
                    digest.Add(process.Name);
                    break;
                case TimeoutEvent timeout when timeout.Observers() is [SimProcess waiting]:
                    digest.Add(1L);
                    digest.Add(waiting.Name);
                    break;
                case TimedCall { Handler: LaneRun lane } arrival:
                    digest.Add(2L);
                    digest.Add(lane.Plan.Index);
                    digest.Add(arrival.Argument);
                    break;
                default:
                    digest.Undescribable();
                    return;
            }
        }
    }
}
