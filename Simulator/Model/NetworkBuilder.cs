using System.Collections.Frozen;
using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>Resolves a scenario and a policy into plans: demand rates first, then stocks in units.</summary>
internal sealed class NetworkBuilder(ScenarioSpec scenario, PolicySpec policy, double horizonHours, SiteClock clock)
{
    private readonly Dictionary<string, CalendarSpec> _calendarSpecs = [];
    private readonly Dictionary<(string Calendar, string Zone), Calendar> _calendars = [];
    private readonly Dictionary<(string Destination, string Part), FeedDraft> _feeds = [];
    private readonly List<FeedDraft> _feedList = [];
    private readonly Dictionary<string, SupplierDraft> _suppliers = [];
    private readonly HashSet<string> _demandDone = [];

    public T Build<T>(Func<IReadOnlyList<LinePlan>, IReadOnlyList<SupplierPlan>, IReadOnlyList<FeedPlan>, IReadOnlyList<LanePlan>, IReadOnlyDictionary<string, PartSpec>, T> create)
    {
        foreach (var c in scenario.Calendars)
        {
            _calendarSpecs.TryAdd(c.Id, c);
        }

        var lines = BuildLines();
        var suppliers = BuildSuppliers();
        StateDays.ApplyPlannedOutput(scenario, suppliers, horizonHours);
        StateDays.ApplyDemand(scenario, lines, horizonHours);
        var lanes = BuildLanes();
        foreach (var supplier in suppliers)
        {
            ResolveDemand(supplier);
        }

        foreach (var line in lines)
        {
            ResolveLineStocks(line);
        }

        foreach (var supplier in suppliers)
        {
            ResolveSupplierStocks(supplier);
        }

        foreach (var feed in _feedList)
        {
            ResolveTrigger(feed);
        }

        foreach (var lane in lanes)
        {
            lane.NominalPerHour = lane.Feed.DemandPerOpenHour * lane.Spec.Share;
        }

        var cost = scenario.Parts.ToDictionary(p => p.Id, p => p.UnitCost);
        foreach (var feed in _feedList)
        {
            feed.UnitCost = cost[feed.PartId];
        }

        foreach (var product in suppliers.SelectMany(s => s.Products))
        {
            product.UnitCost = cost[product.Spec.PartId];
        }

        var plans = DraftFreezer.Freeze(lines, suppliers, _feedList, lanes);
        return create(plans.Lines, plans.Suppliers, plans.Feeds, plans.Lanes, scenario.Parts.ToFrozenDictionary(p => p.Id));
    }

    /// <summary>Calendar <paramref name="id"/> read on the wall clock of <paramref name="siteId"/>: one calendar used in two zones opens at different hours.</summary>
    private Calendar CalendarFor(string id, string siteId)
    {
        if (!_calendarSpecs.TryGetValue(id, out var spec))
        {
            return Calendar.AlwaysOpen;
        }

        var zone = clock.ZoneOf(siteId);
        if (!_calendars.TryGetValue((id, zone.Id), out var calendar))
        {
            calendar = Calendar.Build(spec, scenario.Start, horizonHours, zone);
            _calendars[(id, zone.Id)] = calendar;
        }

        return calendar;
    }

    /// <summary>Open hours per calendar day, averaged over the horizon (at least a week): converts rates to daily averages.</summary>
    private double OpenHoursPerDay(Calendar calendar)
    {
        var window = Math.Max(horizonHours, 168);
        return calendar.OpenHoursBetween(0, window) / window * 24;
    }

    /// <summary>Open hours per working day (a day with any open time): what "a day of cover" means to a planner.</summary>
    private double OpenHoursPerWorkingDay(Calendar calendar)
    {
        var days = (int)Math.Ceiling(Math.Max(horizonHours, 168) / 24);
        var open = 0.0;
        var working = 0;
        for (var d = 0; d < days; d++)
        {
            var hours = calendar.OpenHoursBetween(d * 24, (d + 1) * 24);
            open += hours;
            working += hours > 0 ? 1 : 0;
        }

        return working > 0 ? open / working : 0;
    }

    private FeedDraft Feed(string destination, bool toLine, string part)
    {
        if (!_feeds.TryGetValue((destination, part), out var feed))
        {
            feed = new FeedDraft(_feedList.Count, destination, toLine, part);
            _feeds[(destination, part)] = feed;
            _feedList.Add(feed);
        }

        return feed;
    }

    private List<LineDraft> BuildLines()
    {
        var lines = new List<LineDraft>();
        foreach (var line in scenario.Plants.SelectMany(p => p.Lines))
        {
            var calendar = CalendarFor(line.CalendarId, line.Id);
            var plan = new LineDraft(line, calendar, line.RatePerHour * calendar.OpenHoursBetween(0, horizonHours));
            var perDayFactor = OpenHoursPerWorkingDay(calendar);
            var averageFactor = OpenHoursPerDay(calendar);
            foreach (var item in line.Bom)
            {
                var feed = Feed(line.Id, toLine: true, item.PartId);
                feed.QuantityPerJob = item.QuantityPerJob;
                feed.DemandPerOpenHour = line.RatePerHour * item.QuantityPerJob;
                feed.DemandPerDay = feed.DemandPerOpenHour * perDayFactor;
                feed.AveragePerHour = feed.DemandPerOpenHour * averageFactor / 24;
                plan.Feeds.Add(feed);
            }

            lines.Add(plan);
        }

        return lines;
    }

    private List<SupplierDraft> BuildSuppliers()
    {
        var list = new List<SupplierDraft>();
        foreach (var spec in scenario.Suppliers)
        {
            var calendar = CalendarFor(spec.CalendarId, spec.Id);
            var plan = new SupplierDraft(spec, calendar, OpenHoursPerDay(calendar));
            foreach (var product in spec.Products)
            {
                var productPlan = new ProductDraft(product);
                foreach (var input in product.Inputs)
                {
                    var feed = Feed(spec.Id, toLine: false, input.PartId);
                    if (!plan.InputFeeds.Contains(feed))
                    {
                        plan.InputFeeds.Add(feed);
                    }

                    productPlan.InputFeedIndex.Add(plan.InputFeeds.IndexOf(feed));
                }

                plan.Products.Add(productPlan);
            }

            _suppliers[spec.Id] = plan;
            list.Add(plan);
        }

        return list;
    }

    private List<LaneDraft> BuildLanes()
    {
        var lanes = new List<LaneDraft>();
        foreach (var spec in scenario.Lanes)
        {
            var lane = new LaneDraft(lanes.Count, spec)
            {
                Feed = _feeds[(spec.To, spec.PartId)],
                Origin = _suppliers[spec.From],
            };
            lane.ProductIndex = lane.Origin.Products.FindIndex(p => p.Spec.PartId == spec.PartId);
            lane.Origin.Products[lane.ProductIndex].Outgoing.Add(lane);
            lane.Feed.Lanes.Add(lane);
            lanes.Add(lane);
        }

        return lanes;
    }

    private void ResolveDemand(SupplierDraft supplier)
    {
        if (!_demandDone.Add(supplier.Spec.Id))
        {
            return;
        }

        foreach (var product in supplier.Products)
        {
            foreach (var lane in product.Outgoing.Where(l => !l.Feed.ToLine))
            {
                ResolveDemand(_suppliers[lane.Feed.DestinationId]);
            }

            product.AveragePerHour = product.Outgoing.Sum(l => l.Feed.AveragePerHour * l.Spec.Share);
            product.DemandPerDay = product.Outgoing.Sum(l => l.DemandPerDay);
        }

        for (var f = 0; f < supplier.InputFeeds.Count; f++)
        {
            var feed = supplier.InputFeeds[f];
            feed.DemandPerDay = 0;
            feed.AveragePerHour = 0;
            foreach (var product in supplier.Products)
            {
                for (var i = 0; i < product.Spec.Inputs.Count; i++)
                {
                    if (product.InputFeedIndex[i] == f)
                    {
                        feed.DemandPerDay += product.DemandPerDay * product.Spec.Inputs[i].QuantityPerJob;
                        feed.AveragePerHour += product.AveragePerHour * product.Spec.Inputs[i].QuantityPerJob;
                    }
                }
            }

            feed.DemandPerOpenHour = feed.AveragePerHour * 24 / Math.Max(supplier.AverageOpenHoursPerDay, 1e-9);
        }
    }

    private void ResolveLineStocks(LineDraft line)
    {
        foreach (var feed in line.Feeds)
        {
            var stock = line.Spec.Stocks.FirstOrDefault(s => s.PartId == feed.PartId);
            var written = Units(stock?.Initial ?? StockAmount.Zero, feed);
            feed.InitialUnits = written;
            feed.MaximumUnits = stock?.Maximum is { } max ? Units(max, feed) : null;
            if (policy.LineSideCoverHours is { } cover)
            {
                feed.InitialUnits = Level(policy.LineSideCoverMode, feed.InitialUnits, cover * feed.DemandPerOpenHour);
            }

            foreach (var part in Overrides(feed.PartId, line.Spec.Id))
            {
                if (part.LineSide is { } strategic)
                {
                    feed.InitialUnits = Level(part.LineSideMode, feed.InitialUnits, Units(strategic, feed));
                }
            }

            // A policy's extra stock is a safety stock: the replenishment rules keep it, rather than letting it drain.
            feed.PolicyExtraUnits = feed.InitialUnits - written;
            if (feed.MaximumUnits is { } m)
            {
                feed.MaximumUnits = Math.Max(m + feed.PolicyExtraUnits, feed.InitialUnits);
            }
        }
    }

    private void ResolveSupplierStocks(SupplierDraft supplier)
    {
        foreach (var product in supplier.Products)
        {
            var perDay = product.DemandPerDay;
            var perHour = product.AveragePerHour * 24 / Math.Max(supplier.AverageOpenHoursPerDay, 1e-9);
            product.InitialUnits = product.Spec.FinishedInitial.ToUnits(perHour, perDay);
            product.TargetUnits = product.Spec.FinishedTarget.ToUnits(perHour, perDay);
            if (policy.SupplierStockDaysByTier.TryGetValue(supplier.Spec.Tier, out var days))
            {
                var mode = policy.SupplierStockModeOf(supplier.Spec.Tier);
                product.InitialUnits = Level(mode, product.InitialUnits, days * perDay);
                product.TargetUnits = Level(mode, product.TargetUnits, days * perDay);
            }

            foreach (var part in Overrides(product.Spec.PartId, supplier.Spec.Id))
            {
                if (part.SupplierFinished is { } strategic)
                {
                    var units = strategic.ToUnits(perHour, perDay);
                    product.InitialUnits = Level(part.SupplierFinishedMode, product.InitialUnits, units);
                    product.TargetUnits = Level(part.SupplierFinishedMode, product.TargetUnits, units);
                }
            }
        }

        foreach (var feed in supplier.InputFeeds)
        {
            var stock = supplier.Spec.InputStocks.FirstOrDefault(s => s.PartId == feed.PartId);
            feed.InitialUnits = Units(stock?.Initial ?? StockAmount.Zero, feed);
            feed.MaximumUnits = stock?.Target is { } target ? Units(target, feed) : null;
        }
    }

    private void ResolveTrigger(FeedDraft feed)
    {
        if (feed.Lanes.Count == 0)
        {
            return;
        }

        var trigger = feed.Lanes[0].Spec.Trigger;
        feed.Trigger = trigger.Kind;
        feed.ReviewHours = trigger.ReviewHours;
        switch (trigger.Kind)
        {
            case TriggerKind.Sequence:
                var rate = feed.DemandPerOpenHour / feed.QuantityPerJob;
                feed.LeadJobs = (long)Math.Round(trigger.LeadHours * rate);
                break;
            case TriggerKind.Kanban:
                feed.ReorderPointUnits = Math.Max(0, Units(trigger.ReorderPoint ?? StockAmount.Zero, feed) + feed.PolicyExtraUnits);
                feed.OrderQuantityUnits = Units(trigger.Quantity ?? StockAmount.InHours(1), feed);
                break;
            case TriggerKind.BaseStock:
                feed.OrderUpToUnits = trigger.OrderUpTo is { } s
                    ? Math.Max(0, Units(s, feed) + feed.PolicyExtraUnits)
                    : feed.MaximumUnits ?? Math.Max(feed.InitialUnits, 2 * trigger.ReviewHours * feed.DemandPerOpenHour);
                break;
            case TriggerKind.Schedule:
                feed.OrderQuantityUnits = trigger.Quantity is { } q
                    ? Units(q, feed)
                    : feed.AveragePerHour * trigger.ReviewHours;
                break;
        }
    }

    /// <summary>A policy's level: replaces the written one, or raises it only where it is lower.</summary>
    private static double Level(LevelMode mode, double written, double policyLevel) =>
        mode == LevelMode.AtLeast ? Math.Max(written, policyLevel) : policyLevel;

    private static double Units(StockAmount amount, FeedDraft feed) =>
        amount.ToUnits(feed.DemandPerOpenHour, feed.DemandPerDay);

    /// <summary>The part's override for every node, then its override for <paramref name="nodeId"/> alone, where given.</summary>
    private IEnumerable<PartOverride> Overrides(string partId, string nodeId) =>
        policy.PartOverrides.Where(o => o.PartId == partId && o.At is null)
            .Concat(policy.PartOverrides.Where(o => o.PartId == partId && o.At == nodeId));
}
