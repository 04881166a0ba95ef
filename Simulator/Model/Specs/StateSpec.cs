namespace Simulator.Model.Specs;

/// <summary>
/// What is known about the network at hour 0 beyond its stocks: goods on the road and the demand planned for the
/// coming days (typically imported from ERP or Catena-X data as of a time, which becomes the scenario's start).
/// Stock at hour 0 is the stocks' <c>initial</c>, not part of this record.
/// </summary>
/// <param name="InTransit">Shipments that left their origin before hour 0 and arrive after it.</param>
/// <param name="Demand">Planned demand per part, node and day.</param>
/// <param name="PlannedOutput">Production the suppliers plan to complete after hour 0.</param>
public sealed record StateSpec(IReadOnlyList<InTransitSpec> InTransit, IReadOnlyList<DemandSpec> Demand, IReadOnlyList<PlannedOutputSpec> PlannedOutput)
{
    /// <summary>Nothing on the road, no planned demand or output.</summary>
    public static StateSpec Empty { get; } = new([], [], []);

    /// <summary>True when the state holds nothing.</summary>
    public bool IsEmpty => InTransit.Count == 0 && Demand.Count == 0 && PlannedOutput.Count == 0;
}

/// <summary>Output a supplier plans to complete after hour 0 (not yet on stock).</summary>
/// <param name="PartId">Part made.</param>
/// <param name="NodeId">Supplier that makes it.</param>
/// <param name="Quantity">Pieces, positive.</param>
/// <param name="CompletionHours">Planned completion in hours from the scenario start, at least 0.</param>
public sealed record PlannedOutputSpec(string PartId, string NodeId, double Quantity, double CompletionHours);

/// <summary>A shipment on the road at hour 0.</summary>
/// <param name="LaneId">Lane it travels on (its part and destination).</param>
/// <param name="Quantity">Pieces of the lane's part, positive.</param>
/// <param name="ArrivalHours">Expected arrival in hours from the scenario start, at least 0.</param>
/// <param name="Reference">Tracking or order number, for people; may be empty.</param>
public sealed record InTransitSpec(string LaneId, double Quantity, double ArrivalHours, string Reference = "");

/// <summary>Planned demand of one node for one part on one day.</summary>
/// <param name="PartId">Part demanded.</param>
/// <param name="NodeId">Line, plant or supplier that needs it.</param>
/// <param name="SupplierId">Supplier expected to deliver it, or null when any.</param>
/// <param name="Day">Calendar day (in the scenario's offset).</param>
/// <param name="Quantity">Pieces, at least 0.</param>
public sealed record DemandSpec(string PartId, string NodeId, string? SupplierId, DateOnly Day, double Quantity);
