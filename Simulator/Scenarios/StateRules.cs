namespace Simulator.Scenarios;

/// <summary>The state at hour 0 refers to lanes, parts, nodes and suppliers that exist.</summary>
internal static class StateRules
{
    public static void Check(Validation v)
    {
        if (v.Spec.State is not { } state)
        {
            return;
        }

        var lanes = v.Lanes.Keys.ToHashSet();
        foreach (var shipment in state.InTransit)
        {
            v.Known(shipment, "lane", -1, shipment.LaneId, shipment.LaneId, "lane", lanes);
        }

        var parts = v.Parts.Keys.ToHashSet();
        var suppliers = v.Suppliers.Keys.ToHashSet();
        foreach (var demand in state.Demand)
        {
            v.Known(demand, "part", -1, demand.NodeId, demand.PartId, "part", parts);
            v.Known(demand, "node", -1, demand.NodeId, demand.NodeId, "node", v.NodeIds);
            if (demand.SupplierId is { } supplier)
            {
                v.Known(demand, "supplier", -1, demand.NodeId, supplier, "supplier", suppliers);
            }
        }

        foreach (var output in state.PlannedOutput)
        {
            v.Known(output, "part", -1, output.NodeId, output.PartId, "part", parts);
            v.Known(output, "node", -1, output.NodeId, output.NodeId, "supplier", suppliers);
        }
    }
}
