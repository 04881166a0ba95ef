namespace Simulator.Model.Specs;

/// <summary>How orders are raised on a lane.</summary>
public enum TriggerKind
{
    /// <summary>Call-off per job, sent a lead time before the line consumes it.</summary>
    Sequence,

    /// <summary>Order a fixed quantity when the inventory position falls to the reorder point.</summary>
    Kanban,

    /// <summary>Review periodically and order up to a level.</summary>
    BaseStock,

    /// <summary>A fixed quantity released periodically.</summary>
    Schedule,
}

/// <summary>The ordering rule of a lane.</summary>
/// <param name="Kind">Rule kind.</param>
/// <param name="LeadHours">Sequence: hours of line running between call-off and consumption.</param>
/// <param name="ReorderPoint">Kanban: reorder when the inventory position is at or below this.</param>
/// <param name="Quantity">Kanban: pieces per order; schedule: pieces per release (null: planned consumption of the period).</param>
/// <param name="ReviewHours">Base stock and schedule: hours between reviews or releases.</param>
/// <param name="OrderUpTo">Base stock: order-up-to level (null: the destination's maximum or target).</param>
public sealed record TriggerSpec(
    TriggerKind Kind,
    double LeadHours = 0,
    StockAmount? ReorderPoint = null,
    StockAmount? Quantity = null,
    double ReviewHours = 0,
    StockAmount? OrderUpTo = null);

/// <summary>A supply link for one part from a supplier to a line or to another supplier.</summary>
/// <param name="Id">Lane id.</param>
/// <param name="From">Supplier that ships.</param>
/// <param name="To">Line or supplier that receives.</param>
/// <param name="PartId">Part carried.</param>
/// <param name="TransitHours">Transit time distribution.</param>
/// <param name="DispatchEveryHours">Hours between dispatches (truck cadence).</param>
/// <param name="Trigger">Ordering rule.</param>
/// <param name="Share">Share of the destination's demand for this part (multi-sourcing), in (0, 1].</param>
/// <param name="QualificationHours">Hours before this lane may take over demand of a failed sibling lane.</param>
public sealed record LaneSpec(
    string Id,
    string From,
    string To,
    string PartId,
    DistributionSpec TransitHours,
    double DispatchEveryHours,
    TriggerSpec Trigger,
    double Share = 1,
    double QualificationHours = 0);
