using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Every id a record refers to exists: calendars, parts, nodes, lanes, systems, disruption targets.</summary>
internal static class ReferenceRules
{
    public static void Check(Validation v)
    {
        var s = v.Spec;
        var calendars = v.Calendars.Keys.Append(CalendarSpec.AlwaysOpenId).ToHashSet();
        var parts = v.Parts.Keys.ToHashSet();
        foreach (var line in s.Plants.SelectMany(p => p.Lines))
        {
            v.Known(line, "calendar", -1, line.Id, line.CalendarId, "calendar", calendars);
            PartRefs(v, line.Id, line.Bom.Select(b => ((object)b, b.PartId)), parts);
            PartRefs(v, line.Id, line.Stocks.Select(b => ((object)b, b.PartId)), parts);
        }

        foreach (var supplier in s.Suppliers)
        {
            v.Known(supplier, "calendar", -1, supplier.Id, supplier.CalendarId, "calendar", calendars);
            PartRefs(v, supplier.Id, supplier.Products.Select(p => ((object)p, p.PartId)), parts);
            PartRefs(v, supplier.Id, supplier.Products.SelectMany(p => p.Inputs).Select(b => ((object)b, b.PartId)), parts);
            PartRefs(v, supplier.Id, supplier.InputStocks.Select(b => ((object)b, b.PartId)), parts);
        }

        foreach (var lane in s.Lanes)
        {
            v.Known(lane, "part", -1, lane.Id, lane.PartId, "part", parts);
        }

        foreach (var policy in s.Policies)
        {
            PartRefs(v, policy.Id, policy.PartOverrides.Select(p => ((object)p, p.PartId)), parts);
            foreach (var part in policy.PartOverrides.Where(p => p.At is not null))
            {
                NodeOfOverride(v, policy.Id, part);
            }
        }

        var lanes = v.Lanes.Keys.ToHashSet();
        foreach (var system in s.ItSystems)
        {
            for (var i = 0; i < system.DependentNodes.Count; i++)
            {
                v.Known(system, "nodes", i, system.Id, system.DependentNodes[i], "node", v.NodeIds);
            }

            for (var i = 0; i < system.DependentLanes.Count; i++)
            {
                v.Known(system, "lanes", i, system.Id, system.DependentLanes[i], "lane", lanes);
            }
        }

        var targets = v.Systems.Keys.Concat(v.Providers).Concat(v.NodeIds).ToHashSet();
        foreach (var disruption in s.Disruptions)
        {
            for (var i = 0; i < disruption.Targets.Count; i++)
            {
                var target = disruption.Targets[i];
                if (disruption.Kind == DisruptionKind.PlannedStop && target.Length > 0 && !v.NodeIds.Contains(target) && targets.Contains(target))
                {
                    // A plan stops production; an IT system does not "stop by plan" and would name a failure as the cause.
                    v.Error(disruption, "targets", disruption.Id, $"a planned stop stops plants, lines or suppliers, and '{target}' is {(v.Systems.ContainsKey(target) ? "an IT system" : "a provider")}", "name the plants, lines or suppliers that stop, or make this disruption kind: outage", i);
                    continue;
                }

                v.Known(disruption, "targets", i, disruption.Id, target, "disruption target", disruption.Kind == DisruptionKind.PlannedStop ? v.NodeIds : targets);
            }

            foreach (var phase in disruption.Recovery.Phases)
            {
                for (var i = 0; i < phase.Nodes.Count; i++)
                {
                    v.Known(phase, "nodes", i, disruption.Id, phase.Nodes[i], "node", v.NodeIds);
                }
            }
        }
    }

    /// <summary>
    /// An override <c>at</c> one node names a line using the part (for <c>line_side</c>) or a supplier making it (for
    /// <c>supplier_finished</c>), so that a level never silently applies to nothing.
    /// </summary>
    private static void NodeOfOverride(Validation v, string policyId, PartOverride part)
    {
        var at = part.At!;
        var usable = v.Lines.Values.Where(l => part.SupplierFinished is null && l.Bom.Any(b => b.PartId == part.PartId)).Select(l => l.Id)
            .Concat(v.Suppliers.Values.Where(s => part.LineSide is null && s.Products.Any(p => p.PartId == part.PartId)).Select(s => s.Id))
            .ToList();
        if (usable.Contains(at, StringComparer.Ordinal) || !v.Known(part, "at", -1, policyId, at, "line or supplier", v.Lines.Keys.Concat(v.Suppliers.Keys).ToList()))
        {
            return;
        }

        var what = part.LineSide is not null && part.SupplierFinished is not null
            ? "one entry with `at` gives either line_side (at a line) or supplier_finished (at a supplier), not both"
            : part.LineSide is not null
                ? $"line_side at '{at}' needs a line whose bom has '{part.PartId}'"
                : $"supplier_finished at '{at}' needs a supplier that makes '{part.PartId}'";
        v.Error(part, "at", policyId, what, usable.Count > 0 ? $"'{part.PartId}' is used or made at: {string.Join(", ", usable.Take(5))}" : "remove `at` to apply the level everywhere");
    }

    private static void PartRefs(Validation v, string ownerId, IEnumerable<(object Spec, string PartId)> rows, HashSet<string> parts)
    {
        foreach (var (spec, part) in rows)
        {
            v.Known(spec, "part", -1, ownerId, part, "part", parts);
        }
    }
}
