namespace Simulator.Model.Specs;

/// <summary>How a part reaches the line.</summary>
public enum PartKind
{
    /// <summary>Built and delivered in the line's sequence on call-off.</summary>
    Jis,

    /// <summary>Kanban or scheduled replenishment of line-side stock.</summary>
    Jit,

    /// <summary>High stock, rare deliveries.</summary>
    Bulk,
}

/// <summary>A part or material.</summary>
/// <param name="Id">Part id.</param>
/// <param name="Description">Human-readable description.</param>
/// <param name="UnitCost">Value of one unit, for inventory value and holding cost.</param>
/// <param name="Kind">Delivery kind.</param>
public sealed record PartSpec(string Id, string Description, double UnitCost, PartKind Kind);
