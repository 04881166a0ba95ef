using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>A line resolved for simulation.</summary>
internal sealed class LinePlan(LineSpec spec, Calendar calendar, double plannedUnits, PlanList<FeedPlan> feeds, PlanList<DayCap> jobCaps)
{
    public LineSpec Spec { get; } = spec;

    public Calendar Calendar { get; } = calendar;

    /// <summary>Jobs the calendar, the rate and the state's demand per day plan over the horizon.</summary>
    public double PlannedUnits { get; } = plannedUnits;

    public PlanList<FeedPlan> Feeds { get; } = feeds;

    /// <summary>Days on which the state's demand caps the jobs the line builds, in time order (Units: jobs).</summary>
    public PlanList<DayCap> JobCaps { get; } = jobCaps;
}

/// <summary>A supplier resolved for simulation.</summary>
internal sealed class SupplierPlan(SupplierSpec spec, Calendar calendar, double averageOpenHoursPerDay, PlanList<ProductPlan> products, PlanList<FeedPlan> inputFeeds)
{
    public SupplierSpec Spec { get; } = spec;

    public Calendar Calendar { get; } = calendar;

    /// <summary>Open hours per calendar day, averaged over the horizon.</summary>
    public double AverageOpenHoursPerDay { get; } = averageOpenHoursPerDay;

    public PlanList<ProductPlan> Products { get; } = products;

    public PlanList<FeedPlan> InputFeeds { get; } = inputFeeds;
}

/// <summary>A product of a supplier: capacity, inputs and finished-goods stock in units.</summary>
internal sealed class ProductPlan
{
    public required ProductSpec Spec { get; init; }

    /// <summary>Value of one piece (resolved once: the sampler values every stock at every sample).</summary>
    public required double UnitCost { get; init; }

    /// <summary>Demand per working day of the supplier.</summary>
    public required double DemandPerDay { get; init; }

    /// <summary>Demand per calendar hour, averaged over closed time too.</summary>
    public required double AveragePerHour { get; init; }

    public required double InitialUnits { get; init; }

    public required double TargetUnits { get; init; }

    public required PlanList<LanePlan> Outgoing { get; init; }

    /// <summary>Index into the supplier's input feeds for each input, in <see cref="ProductSpec.Inputs"/> order.</summary>
    public required PlanList<int> InputFeedIndex { get; init; }

    /// <summary>Days on which the state's planned output caps what the product makes, in time order.</summary>
    public required PlanList<DayCap> OutputCaps { get; init; }
}

/// <summary>
/// The stock of one part at one consumer (a line's line-side stock or a supplier's input stock), with the rule that
/// replenishes it and the lanes that deliver it.
/// </summary>
internal sealed class FeedPlan
{
    public required int Index { get; init; }

    public required string DestinationId { get; init; }

    public required bool ToLine { get; init; }

    public required string PartId { get; init; }

    /// <summary>Value of one piece (resolved once: the sampler values every stock at every sample).</summary>
    public required double UnitCost { get; init; }

    /// <summary>Line feeds: pieces per job. Supplier feeds: unused (1).</summary>
    public required double QuantityPerJob { get; init; }

    public required double InitialUnits { get; init; }

    public required double? MaximumUnits { get; init; }

    /// <summary>Line feeds: initial stock the policy adds to (or takes from) the network as written.</summary>
    public required double PolicyExtraUnits { get; init; }

    public required double DemandPerOpenHour { get; init; }

    /// <summary>Demand per working day of the consumer.</summary>
    public required double DemandPerDay { get; init; }

    /// <summary>Demand per calendar hour, averaged over closed time too (what a schedule must release).</summary>
    public required double AveragePerHour { get; init; }

    public required TriggerKind Trigger { get; init; }

    public required long LeadJobs { get; init; }

    public required double ReorderPointUnits { get; init; }

    public required double OrderQuantityUnits { get; init; }

    public required double ReviewHours { get; init; }

    public required double OrderUpToUnits { get; init; }

    public required PlanList<LanePlan> Lanes { get; init; }
}

/// <summary>A lane resolved for simulation.</summary>
internal sealed class LanePlan
{
    public required int Index { get; init; }

    public required LaneSpec Spec { get; init; }

    public required FeedPlan Feed { get; init; }

    public required SupplierPlan Origin { get; init; }

    public required int ProductIndex { get; init; }

    /// <summary>Pieces per hour this lane carries at plan (its share of the destination's demand per open hour).</summary>
    public required double NominalPerHour { get; init; }

    public double DemandPerDay => Feed.DemandPerDay * Spec.Share;

    /// <summary>The name of the random stream of this lane's transit times (made once, not per run).</summary>
    public required string TransitStreamName { get; init; }
}
