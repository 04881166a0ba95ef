using Simulator.Engine;
using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>Runs one replication of a resolved network.</summary>
public static partial class Simulation
{
    /// <summary>
    /// Simulates <paramref name="network"/> over its horizon with random streams derived from <paramref name="seed"/>
    /// only, so the same seed gives the same trace bit for bit, on any thread.
    /// </summary>
    public static RunTrace Run(Network network, ulong seed, RunOptions? options = null) =>
        RunCore(network, seed, options, withBalance: false).Trace;

    /// <summary>Runs and also returns the material balance per part, for conservation checks.</summary>
    internal static (RunTrace Trace, IReadOnlyList<PartBalance> Balance) RunDetailed(Network network, ulong seed, RunOptions? options = null) =>
        RunCore(network, seed, options, withBalance: true);

    private static (RunTrace Trace, IReadOnlyList<PartBalance> Balance) RunCore(
        Network network, ulong seed, RunOptions? options, bool withBalance, Checkpointing? checkpoints = null)
    {
        options ??= new RunOptions();
        var env = new SimEnvironment { Trace = options.Trace };
        var ctx = new RunContext(network, env, new RandomStreams(seed), options);

        var feeds = network.Feeds.Select(f => new FeedRun(ctx, f)).ToArray();
        var suppliers = network.Suppliers
            .Select(s => new SupplierRun(ctx, s, s.InputFeeds.Select(f => feeds[f.Index]).ToArray()))
            .ToArray();
        var lines = network.Lines
            .Select(l => new LineRun(ctx, l, l.Feeds.Select(f => feeds[f.Index]).ToArray()))
            .ToArray();
        var supplierById = suppliers.ToDictionary(s => s.Plan.Spec.Id);
        var lineById = lines.ToDictionary(l => l.Plan.Spec.Id);
        var lanes = network.Lanes.Select(plan => new LaneRun(ctx, plan, feeds[plan.Feed.Index], supplierById[plan.Spec.From])).ToArray();
        foreach (var lane in lanes)
        {
            var to = lane.Plan.Spec.To;
            var (transmission, logistics) = lineById.TryGetValue(to, out var line)
                ? (line.OrderTransmission, line.Logistics)
                : (supplierById[to].OrderTransmission, supplierById[to].Logistics);
            lane.JoinGates(transmission, logistics);
        }
        var outgoing = lanes.ToLookup(l => l.Origin);
        foreach (var supplier in suppliers)
        {
            supplier.Wire([.. outgoing[supplier]]);
        }

        // One dispatcher per supplier and cadence, in the order their first lanes come, each with its lanes in lane order.
        var dispatchers = new List<DispatchRun>();
        foreach (var group in lanes.GroupBy(l => (l.Origin, l.Plan.Spec.DispatchEveryHours)))
        {
            var (origin, every) = group.Key;
            var dispatcher = new DispatchRun(env, $"dispatch:{origin.Plan.Spec.Id}/{every}h", every, group.Count());
            dispatchers.Add(dispatcher);
            foreach (var lane in group)
            {
                lane.JoinDispatcher(dispatcher);
            }
        }

        foreach (var line in lines)
        {
            line.Start();
        }

        var shipments = (network.Scenario.State?.InTransit ?? []).ToLookup(t => t.LaneId, StringComparer.Ordinal);
        foreach (var feed in feeds)
        {
            feed.Prime(shipments);
        }

        foreach (var line in lines)
        {
            env.Process(line.Building(), $"line:{line.Plan.Spec.Id}");
        }

        var reviewed = feeds.Where(f => f.Plan.Trigger is TriggerKind.BaseStock or TriggerKind.Schedule && f.Lanes.Count > 0).ToArray();
        if (reviewed.Length > 0)
        {
            env.Process(FirstReviews(env, reviewed), "review:start");
        }

        foreach (var dispatcher in dispatchers)
        {
            env.Process(dispatcher.Dispatching(), dispatcher.Name);
        }

        if (options.WithDisruptions)
        {
            var effects = new DisruptionEffects(network, ctx);
            foreach (var spec in options.Disruptions ?? network.Scenario.Disruptions)
            {
                var run = new DisruptionRun(ctx, spec, effects.For(spec), lines.Select(l => (l, effects.LineDelay(spec, l.Plan.Spec))).ToArray());
                env.Process(run.Running(), $"disruption:{spec.Id}");
            }
        }

        var sampler = new Sampler(ctx, lines, suppliers);
        env.Process(sampler.Sampling(), "sampler");
        var runtime = checkpoints is null ? null : new RunRuntime(ctx, lines, feeds, lanes, suppliers, dispatchers);
        if (runtime is not null && checkpoints!.Run(runtime, network.HorizonHours))
        {
            return (checkpoints.Stopped(runtime), []);
        }

        env.Run(network.HorizonHours);
        foreach (var line in lines)
        {
            line.ReceiveDue();
        }

        foreach (var supplier in suppliers)
        {
            supplier.Advance();
        }

        sampler.Record();

        var trace = new RunTrace(
            lines.Select(l => l.Outcome()).ToArray(),
            ctx.Windows.ToArray(),
            ctx.Events.OrderBy(e => e.TimeHours).ToArray(),
            ctx.Samples.ToArray(),
            ctx.Inventory.AverageValue,
            env.ProcessedEvents,
            sampler.Parts)
        {
            Clock = network.Clock,
        };
        if (options.PartSeriesAsSamples)
        {
            trace = trace.WithPartSamples(_ => true);
        }

        checkpoints?.Finished(runtime!, trace);

        return (trace, withBalance ? PartBalance.Of(network, feeds, suppliers, lanes) : []);
    }

    /// <summary>
    /// The reviews at hour 0, stock by stock in stock order; each review period's process starts right after the first
    /// of its stocks is reviewed, where that stock's own wait for its next review used to be scheduled. Reviews of one
    /// period then come at the place the first stock's would have, and the others follow at once as they did (nothing
    /// a review does is due at a later review time). One event per period and review time, not one per stock.
    /// </summary>
    private static IEnumerable<Event> FirstReviews(SimEnvironment env, FeedRun[] feeds)
    {
        var periods = feeds.GroupBy(f => f.Plan.ReviewHours).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var feed in feeds)
        {
            feed.PeriodicReview();
            var every = feed.Plan.ReviewHours;
            if (periods[every][0] == feed)
            {
                env.StartDelayed(Reviewing(env, periods[every], every), every, FormattableString.Invariant($"review:every {every}h"));
            }
        }

        yield break;
    }

    private static IEnumerable<Event> Reviewing(SimEnvironment env, FeedRun[] feeds, double every)
    {
        while (true)
        {
            for (var i = 0; i < feeds.Length; i++)
            {
                FeedRun.WarmAhead(feeds, i);
                feeds[i].PeriodicReview();
            }

            yield return env.Delay(every);
        }
    }
}
