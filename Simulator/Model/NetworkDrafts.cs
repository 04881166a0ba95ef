using Simulator.Model.Specs;

namespace Simulator.Model;

// The network is resolved in steps (demand before stocks, stocks before triggers), so the builder fills in these
// mutable drafts and then freezes them into the immutable plans; only NetworkBuilder ever sees a draft.

/// <summary>A line while the network is built (<see cref="LinePlan"/> once built).</summary>
internal sealed class LineDraft(LineSpec spec, Calendar calendar, double plannedUnits)
{
    public LineSpec Spec { get; } = spec;

    public Calendar Calendar { get; } = calendar;

    /// <summary>Jobs the calendar, the rate and the state's demand per day plan over the horizon.</summary>
    public double PlannedUnits { get; set; } = plannedUnits;

    public List<FeedDraft> Feeds { get; } = [];

    /// <summary>Days on which the state's demand caps the jobs the line builds, in time order (Units: jobs).</summary>
    public List<DayCap> JobCaps { get; } = [];
}

/// <summary>A supplier while the network is built (<see cref="SupplierPlan"/> once built).</summary>
internal sealed class SupplierDraft(SupplierSpec spec, Calendar calendar, double averageOpenHoursPerDay)
{
    public SupplierSpec Spec { get; } = spec;

    public Calendar Calendar { get; } = calendar;

    /// <summary>Open hours per calendar day, averaged over the horizon.</summary>
    public double AverageOpenHoursPerDay { get; } = averageOpenHoursPerDay;

    public List<ProductDraft> Products { get; } = [];

    public List<FeedDraft> InputFeeds { get; } = [];
}

/// <summary>A product while the network is built (<see cref="ProductPlan"/> once built).</summary>
internal sealed class ProductDraft(ProductSpec spec)
{
    public ProductSpec Spec { get; } = spec;

    /// <summary>Value of one piece (resolved once: the sampler values every stock at every sample).</summary>
    public double UnitCost { get; set; }

    /// <summary>Demand per working day of the supplier.</summary>
    public double DemandPerDay { get; set; }

    /// <summary>Demand per calendar hour, averaged over closed time too.</summary>
    public double AveragePerHour { get; set; }

    public double InitialUnits { get; set; }

    public double TargetUnits { get; set; }

    public List<LaneDraft> Outgoing { get; } = [];

    /// <summary>Index into the supplier's input feeds for each input, in <see cref="ProductSpec.Inputs"/> order.</summary>
    public List<int> InputFeedIndex { get; } = [];

    /// <summary>Days on which the state's planned output caps what the product makes, in time order.</summary>
    public List<DayCap> OutputCaps { get; } = [];
}

/// <summary>A stock while the network is built (<see cref="FeedPlan"/> once built).</summary>
internal sealed class FeedDraft(int index, string destinationId, bool toLine, string partId)
{
    public int Index { get; } = index;

    public string DestinationId { get; } = destinationId;

    public bool ToLine { get; } = toLine;

    public string PartId { get; } = partId;

    /// <summary>Value of one piece (resolved once: the sampler values every stock at every sample).</summary>
    public double UnitCost { get; set; }

    /// <summary>Line feeds: pieces per job. Supplier feeds: unused (1).</summary>
    public double QuantityPerJob { get; set; } = 1;

    public double InitialUnits { get; set; }

    public double? MaximumUnits { get; set; }

    /// <summary>Line feeds: initial stock the policy adds to (or takes from) the network as written.</summary>
    public double PolicyExtraUnits { get; set; }

    public double DemandPerOpenHour { get; set; }

    /// <summary>Demand per working day of the consumer.</summary>
    public double DemandPerDay { get; set; }

    /// <summary>Demand per calendar hour, averaged over closed time too (what a schedule must release).</summary>
    public double AveragePerHour { get; set; }

    public TriggerKind Trigger { get; set; }

    public long LeadJobs { get; set; }

    public double ReorderPointUnits { get; set; }

    public double OrderQuantityUnits { get; set; }

    public double ReviewHours { get; set; }

    public double OrderUpToUnits { get; set; }

    public List<LaneDraft> Lanes { get; } = [];
}

/// <summary>A lane while the network is built (<see cref="LanePlan"/> once built).</summary>
internal sealed class LaneDraft(int index, LaneSpec spec)
{
    public int Index { get; } = index;

    public LaneSpec Spec { get; } = spec;

    public FeedDraft Feed { get; set; } = null!;

    public SupplierDraft Origin { get; set; } = null!;

    public int ProductIndex { get; set; }

    /// <summary>Pieces per hour this lane carries at plan (its share of the destination's demand per open hour).</summary>
    public double NominalPerHour { get; set; }

    public double DemandPerDay => Feed.DemandPerDay * Spec.Share;
}

/// <summary>Turns the drafts into the immutable plans, wiring the references between them (lanes and their stocks).</summary>
internal static class DraftFreezer
{
    public static (LinePlan[] Lines, SupplierPlan[] Suppliers, FeedPlan[] Feeds, LanePlan[] Lanes) Freeze(
        IReadOnlyList<LineDraft> lines, IReadOnlyList<SupplierDraft> suppliers, IReadOnlyList<FeedDraft> feeds, IReadOnlyList<LaneDraft> lanes)
    {
        // A stock lists its lanes and a lane names its stock: the lane arrays are handed to the plans empty and filled
        // once the lanes exist, before anything outside the builder can see them.
        var feedLanes = feeds.Select(f => new LanePlan[f.Lanes.Count]).ToArray();
        var feedPlans = feeds.Select((f, i) => new FeedPlan
        {
            Index = f.Index,
            DestinationId = f.DestinationId,
            ToLine = f.ToLine,
            PartId = f.PartId,
            UnitCost = f.UnitCost,
            QuantityPerJob = f.QuantityPerJob,
            InitialUnits = f.InitialUnits,
            MaximumUnits = f.MaximumUnits,
            PolicyExtraUnits = f.PolicyExtraUnits,
            DemandPerOpenHour = f.DemandPerOpenHour,
            DemandPerDay = f.DemandPerDay,
            AveragePerHour = f.AveragePerHour,
            Trigger = f.Trigger,
            LeadJobs = f.LeadJobs,
            ReorderPointUnits = f.ReorderPointUnits,
            OrderQuantityUnits = f.OrderQuantityUnits,
            ReviewHours = f.ReviewHours,
            OrderUpToUnits = f.OrderUpToUnits,
            Lanes = new PlanList<LanePlan>(feedLanes[i]),
        }).ToArray();
        FeedPlan Feed(FeedDraft draft) => feedPlans[draft.Index];

        var outgoing = new Dictionary<ProductDraft, LanePlan[]>();
        var supplierPlans = new Dictionary<SupplierDraft, SupplierPlan>();
        foreach (var s in suppliers)
        {
            var products = s.Products.Select(p =>
            {
                var lanesOut = new LanePlan[p.Outgoing.Count];
                outgoing[p] = lanesOut;
                return new ProductPlan
                {
                    Spec = p.Spec,
                    UnitCost = p.UnitCost,
                    DemandPerDay = p.DemandPerDay,
                    AveragePerHour = p.AveragePerHour,
                    InitialUnits = p.InitialUnits,
                    TargetUnits = p.TargetUnits,
                    Outgoing = new PlanList<LanePlan>(lanesOut),
                    InputFeedIndex = new PlanList<int>([.. p.InputFeedIndex]),
                    OutputCaps = new PlanList<DayCap>([.. p.OutputCaps]),
                };
            }).ToArray();
            supplierPlans[s] = new SupplierPlan(s.Spec, s.Calendar, s.AverageOpenHoursPerDay, new PlanList<ProductPlan>(products), new PlanList<FeedPlan>(s.InputFeeds.Select(Feed).ToArray()));
        }

        var lanePlans = lanes.Select(l => new LanePlan
        {
            Index = l.Index,
            Spec = l.Spec,
            Feed = Feed(l.Feed),
            Origin = supplierPlans[l.Origin],
            ProductIndex = l.ProductIndex,
            NominalPerHour = l.NominalPerHour,
            TransitStreamName = $"lane:{l.Spec.Id}/transit",
        }).ToArray();
        foreach (var f in feeds)
        {
            for (var k = 0; k < f.Lanes.Count; k++)
            {
                feedLanes[f.Index][k] = lanePlans[f.Lanes[k].Index];
            }
        }

        foreach (var (product, lanesOut) in outgoing)
        {
            for (var k = 0; k < product.Outgoing.Count; k++)
            {
                lanesOut[k] = lanePlans[product.Outgoing[k].Index];
            }
        }

        var linePlans = lines.Select(l => new LinePlan(l.Spec, l.Calendar, l.PlannedUnits, new PlanList<FeedPlan>(l.Feeds.Select(Feed).ToArray()), new PlanList<DayCap>([.. l.JobCaps]))).ToArray();
        return (linePlans, suppliers.Select(s => supplierPlans[s]).ToArray(), feedPlans, lanePlans);
    }
}
