using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>
/// Builds the <see cref="SurvivalModel"/> of a resolved network under one stress target's outage, reading the outage's
/// effect the way the runtime does (a node holds every function of itself, a plant of each of its lines; an IT system,
/// or each of a provider's systems, holds its functions on its dependent nodes and lanes, at its fallback's fraction).
/// </summary>
/// <remarks>
/// Capacities and lines run on their calendars from the reference time; lanes carry per hour. Stocks are those of a
/// snapshot of the undisrupted run at the reference time when one is given (stock, finished goods and goods on the
/// road as the run holds them), else those the network starts with. Production control scales a supplier's capacity
/// or a line's rate; order transmission and logistics bound the lanes to, from or on what they hold at the fallback's
/// fraction of the lane's planned flow (0 without fallback). Goods on the road at the start arrive unless the receiving
/// end's logistics is down: the snapshot's, or without one the scenario state's shipments on a feed that has any
/// (<c>state.in_transit</c>, as the runtime primes them), else a sequence lane's lead time of call-offs (as the runtime
/// primes it), another lane's planned flow times its
/// mean transit (steady state). A fallback counts from the outage's start. The state's demand caps a line's jobs and
/// its planned output a product's production on the days they give, as the runtime does.
/// </remarks>
internal static class SurvivalModelBuilder
{
    private static readonly ItFunction[] Functions = [ItFunction.ProductionControl, ItFunction.OrderTransmission, ItFunction.Logistics];

    /// <summary>The model of <paramref name="network"/> with <paramref name="targetId"/> down (null: nothing down).</summary>
    /// <param name="network">The resolved network.</param>
    /// <param name="targetId">Supplier, line, plant, IT system or provider id.</param>
    /// <param name="weighMargins">Weigh lost jobs by each line's margin per unit (0 where none is given) instead of 1.</param>
    /// <param name="stocks">The undisrupted run's stocks at the reference time, or null for the network's opening stocks.</param>
    public static SurvivalModel For(Network network, string? targetId, bool weighMargins, StockSnapshot? stocks = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var left = targetId is null ? [] : Effects(network.Scenario, targetId);
        double Left(string entity, ItFunction function) => left.TryGetValue((entity, function), out var f) ? f : 1;

        var clocks = new List<Calendar>();
        var clockIndex = new Dictionary<Calendar, int>(ReferenceEqualityComparer.Instance);
        int Clock(Calendar calendar)
        {
            if (!clockIndex.TryGetValue(calendar, out var index))
            {
                index = clocks.Count;
                clockIndex.Add(calendar, index);
                clocks.Add(calendar);
            }

            return index;
        }

        var pools = new List<SurvivalPool>();
        var products = new List<SurvivalProduct>();
        var productIndex = new Dictionary<(SupplierPlan Supplier, int Product), int>();
        for (var s = 0; s < network.Suppliers.Count; s++)
        {
            var supplier = network.Suppliers[s];
            var capacityLeft = Left(supplier.Spec.Id, ItFunction.ProductionControl);

            // A supplier's shared capacity is one constraint over all its products; a product's own capacity below it
            // is a second one on that product alone.
            var shared = -1;
            if (supplier.Spec.CapacityPerHour is { } perHour)
            {
                shared = pools.Count;
                pools.Add(new SurvivalPool(supplier.Spec.Id, perHour * capacityLeft, Clock(supplier.Calendar)));
            }

            for (var p = 0; p < supplier.Products.Count; p++)
            {
                var product = supplier.Products[p];
                var id = $"{supplier.Spec.Id}/{product.Spec.PartId}";
                var own = -1;
                if (shared < 0 || product.Spec.CapacityPerHour < supplier.Spec.CapacityPerHour)
                {
                    own = pools.Count;
                    pools.Add(new SurvivalPool(id, product.Spec.CapacityPerHour * capacityLeft, Clock(supplier.Calendar)));
                }

                var inputs = product.InputFeedIndex
                    .Select((feed, i) => new SurvivalUse(supplier.InputFeeds[feed].Index, product.Spec.Inputs[i].QuantityPerJob))
                    .ToList();
                productIndex[(supplier, p)] = products.Count;
                var finished = stocks?.FinishedUnits[s][p] ?? product.InitialUnits;
                var outputCaps = stocks is null ? product.OutputCaps : FromSnapshot(product.OutputCaps, stocks.Hours, stocks.OutputLeft[s][p]);
                products.Add(shared >= 0
                    ? new SurvivalProduct(id, shared, finished, inputs, own, outputCaps)
                    : new SurvivalProduct(id, own, finished, inputs, OutputCaps: outputCaps));
            }
        }

        var stock = network.Feeds.Select(f => new SurvivalStock($"{f.DestinationId}/{f.PartId}", stocks?.FeedUnits[f.Index] ?? f.InitialUnits)).ToList();
        var shipments = (network.Scenario.State?.InTransit ?? []).ToLookup(t => t.LaneId, StringComparer.Ordinal);
        var importedFeeds = network.Lanes.Where(l => shipments.Contains(l.Spec.Id)).Select(l => l.Feed.Index).ToHashSet();
        var lanes = new List<SurvivalLane>();
        for (var l = 0; l < network.Lanes.Count; l++)
        {
            var lane = network.Lanes[l];
            // As in the runtime: the trucks leave under the lane's and its origin's logistics (a fallback carries its
            // fraction of the flow), the destination's goods receipt takes in everything while it works at all, and
            // orders pass the destination's, the origin's and the lane's order transmission.
            var dispatch = Math.Min(Left(lane.Spec.Id, ItFunction.Logistics), Left(lane.Spec.From, ItFunction.Logistics));
            var receipt = Left(lane.Spec.To, ItFunction.Logistics);
            var orders = new[] { lane.Spec.Id, lane.Spec.From, lane.Spec.To }.Min(e => Left(e, ItFunction.OrderTransmission));
            var fraction = receipt <= 0 ? 0 : Math.Min(dispatch, orders);
            var planned = lane.Feed.AveragePerHour * lane.Spec.Share;

            // Goods on the road when the outage starts still arrive unless the receiving end cannot take them in: what
            // the snapshot has on the lane's road, or without one as the runtime primes them, the shipments the
            // scenario's state puts on the feed's lanes where it gives any (they replace the assumed pipeline), else a
            // sequence lane's lead time of call-offs, another lane's planned flow over its mean transit (steady state).
            var onTheRoad = stocks is not null ? stocks.InTransitUnits[l]
                : importedFeeds.Contains(lane.Feed.Index) ? shipments[lane.Spec.Id].Sum(t => t.Quantity)
                : lane.Feed.Trigger == TriggerKind.Sequence ? lane.Feed.LeadJobs * lane.Feed.QuantityPerJob * lane.Spec.Share
                : planned * MeanHours(lane.Spec.TransitHours);
            if (receipt > 0)
            {
                var feed = lane.Feed.Index;
                stock[feed] = stock[feed] with { Units = stock[feed].Units + onTheRoad };
            }

            // An order-transmission outage stops new orders only: what the supplier was asked for before still ships
            // while the trucks run fully (under a logistics fallback the fallback's flow bounds it).
            var ordered = receipt > 0 && dispatch >= 1 ? stocks?.BacklogUnits[l] ?? 0 : 0;
            lanes.Add(fraction >= 1
                ? new SurvivalLane(lane.Spec.Id, productIndex[(lane.Origin, lane.ProductIndex)], lane.Feed.Index)
                : new SurvivalLane(lane.Spec.Id, productIndex[(lane.Origin, lane.ProductIndex)], lane.Feed.Index, planned * fraction, ordered));
        }

        var lines = network.Lines.Select((line, i) => new SurvivalLine(
                line.Spec.Id,
                line.Spec.RatePerHour,
                line.Feeds.Select(f => new SurvivalUse(f.Index, f.QuantityPerJob)).ToList(),
                weighMargins ? line.Spec.MarginPerUnit ?? 0 : 1,
                Left(line.Spec.Id, ItFunction.ProductionControl),
                Clock(line.Calendar),
                (stocks is null ? line.JobCaps : FromSnapshot(line.JobCaps, stocks.Hours, stocks.DemandLeft[i]))
                    .Select(c => c with { Units = WholeJobs(c.Units) }).ToList()))
            .ToList();
        return new SurvivalModel(pools, products, stock, lanes, lines, clocks, network.Scenario.ReferenceHours);
    }

    /// <summary>
    /// The caps from the snapshot's instant on: the day under way starts then with what the run had left of it (what
    /// was built or made in it before is known), later days as they are.
    /// </summary>
    private static IReadOnlyList<DayCap> FromSnapshot(IReadOnlyList<DayCap> caps, double hours, double? left) =>
        caps.Select(c => c.FromHours <= hours && hours < c.ToHours && left is { } l && double.IsFinite(l) ? new DayCap(hours, c.ToHours, l) : c).ToList();

    /// <summary>The jobs a day's demand lets a line build: whole jobs, as the runtime starts a job only while one more fits.</summary>
    private static double WholeJobs(double jobs) => Math.Floor(jobs + 1e-9);

    /// <summary>The mean of a transit-time distribution.</summary>
    internal static double MeanHours(DistributionSpec distribution) => distribution.Kind switch
    {
        DistributionKind.Triangular => (distribution.Min + distribution.Mode + distribution.Max) / 3,
        DistributionKind.Uniform => (distribution.Min + distribution.Max) / 2,
        DistributionKind.Gamma => distribution.Shape * distribution.Scale,
        DistributionKind.Weibull => distribution.Scale * MathNet.Numerics.SpecialFunctions.Gamma(1 + (1 / distribution.Shape)),
        DistributionKind.Empirical => distribution.Values?.DefaultIfEmpty(0).Average() ?? 0,
        _ => distribution.Mean,
    };

    /// <summary>The fraction of each (entity, function) the outage of <paramref name="targetId"/> leaves, for those it touches.</summary>
    private static Dictionary<(string Entity, ItFunction Function), double> Effects(ScenarioSpec scenario, string targetId)
    {
        var linesOfPlant = scenario.Plants.ToDictionary(p => p.Id, p => p.Lines.Select(l => l.Id).ToArray(), StringComparer.Ordinal);
        IEnumerable<string> Expand(string node) =>
            linesOfPlant.TryGetValue(node, out var lines) && lines.Length > 0 ? lines : [node];

        var left = new Dictionary<(string, ItFunction), double>();
        void Hold(string entity, ItFunction function, double fraction) =>
            left[(entity, function)] = Math.Min(fraction, left.TryGetValue((entity, function), out var f) ? f : 1);

        var isNode = linesOfPlant.ContainsKey(targetId)
            || scenario.Plants.Any(p => p.Lines.Any(l => l.Id == targetId))
            || scenario.Suppliers.Any(s => s.Id == targetId);
        if (isNode)
        {
            foreach (var entity in Expand(targetId))
            {
                foreach (var function in Functions)
                {
                    Hold(entity, function, 0);
                }
            }

            return left;
        }

        var systems = scenario.ItSystems.Where(s => s.Id == targetId).ToList();
        if (systems.Count == 0)
        {
            systems = scenario.ItSystems.Where(s => s.Owner == targetId).ToList();
        }

        foreach (var system in systems)
        {
            foreach (var function in Functions.Where(f => system.Functions.HasFlag(f)))
            {
                foreach (var entity in system.DependentNodes.SelectMany(Expand).Concat(system.DependentLanes))
                {
                    Hold(entity, function, system.Fallback?.CapacityFraction ?? 0);
                }
            }
        }

        return left;
    }
}
