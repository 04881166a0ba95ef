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

            // The run caps a line's jobs by its demand; a figure for a part no line of the node builds with caps nothing.
            var lines = v.Lines.Values.Where(l => l.Id == demand.NodeId || l.PlantId == demand.NodeId).ToList();
            if (lines.Count > 0 && !lines.Any(l => l.Bom.Any(b => b.PartId == demand.PartId)))
            {
                v.Warning(demand, "part", demand.NodeId, $"no line of '{demand.NodeId}' uses part '{demand.PartId}': the run ignores this demand", "check the part and the node of the demand");
            }
        }

        foreach (var output in state.PlannedOutput)
        {
            v.Known(output, "part", -1, output.NodeId, output.PartId, "part", parts);
            // A missing node is reported where it is read and passes Known; it names no supplier to look at.
            if (v.Known(output, "node", -1, output.NodeId, output.NodeId, "supplier", suppliers)
                && v.Suppliers.TryGetValue(output.NodeId, out var supplier)
                && supplier.Products.All(p => p.PartId != output.PartId))
            {
                v.Warning(output, "part", output.NodeId, $"supplier '{output.NodeId}' does not make part '{output.PartId}': the run ignores this planned output", "check the part and the supplier of the planned output");
            }
        }
    }
}
