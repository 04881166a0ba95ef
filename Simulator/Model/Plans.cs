using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>A line resolved for simulation.</summary>
internal sealed class LinePlan(LineSpec spec, Calendar calendar, double plannedUnits)
{
    public LineSpec Spec { get; } = spec;

    public Calendar Calendar { get; } = calendar;

    /// <summary>Jobs the calendar, the rate and the state's demand per day plan over the horizon.</summary>
    public double PlannedUnits { get; set; } = plannedUnits;

    public List<FeedPlan> Feeds { get; } = [];

    /// <summary>Days on which the state's demand caps the jobs the line builds, in time order (Units: jobs).</summary>
    public List<DayCap> JobCaps { get; } = [];
}

/// <summary>A supplier resolved for simulation.</summary>
internal sealed class SupplierPlan(SupplierSpec spec, Calendar calendar, double averageOpenHoursPerDay)
{
    public SupplierSpec Spec { get; } = spec;

    public Calendar Calendar { get; } = calendar;

    /// <summary>Open hours per calendar day, averaged over the horizon.</summary>
    public double AverageOpenHoursPerDay { get; } = averageOpenHoursPerDay;

    public List<ProductPlan> Products { get; } = [];

    public List<FeedPlan> InputFeeds { get; } = [];
}

/// <summary>A product of a supplier: capacity, inputs and finished-goods stock in units.</summary>
internal sealed class ProductPlan(ProductSpec spec)
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

    public List<LanePlan> Outgoing { get; } = [];

    /// <summary>Index into the supplier's input feeds for each input, in <see cref="ProductSpec.Inputs"/> order.</summary>
    public List<int> InputFeedIndex { get; } = [];

    /// <summary>Days on which the state's planned output caps what the product makes, in time order.</summary>
    public List<DayCap> OutputCaps { get; } = [];
}

/// <summary>
/// The stock of one part at one consumer (a line's line-side stock or a supplier's input stock), with the rule that
/// replenishes it and the lanes that deliver it.
/// </summary>
internal sealed class FeedPlan(int index, string destinationId, bool toLine, string partId)
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

    public List<LanePlan> Lanes { get; } = [];
}

/// <summary>A lane resolved for simulation.</summary>
internal sealed class LanePlan(int index, LaneSpec spec)
{
    public int Index { get; } = index;

    public LaneSpec Spec { get; } = spec;

    public FeedPlan Feed { get; set; } = null!;

    public SupplierPlan Origin { get; set; } = null!;

    public int ProductIndex { get; set; }

    /// <summary>Pieces per hour this lane carries at plan (its share of the destination's demand per open hour).</summary>
    public double NominalPerHour { get; set; }

    public double DemandPerDay => Feed.DemandPerDay * Spec.Share;
}
