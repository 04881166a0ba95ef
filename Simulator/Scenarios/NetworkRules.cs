using System.Globalization;
using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Rules on the network as a whole: no supply cycles, plausible tiers, IT systems that matter, events within the horizon.</summary>
internal static class NetworkRules
{
    public static void Check(Validation v)
    {
        CheckCycles(v);
        CheckTiers(v);
        CheckItSystems(v);
        CheckTimes(v);
    }

    /// <summary>A supplier that (indirectly) feeds itself could never start: each cycle is reported once, at the lane closing it.</summary>
    private static void CheckCycles(Validation v)
    {
        var edges = v.Spec.Lanes
            .Where(l => v.Suppliers.ContainsKey(l.From) && v.Suppliers.ContainsKey(l.To))
            .ToLookup(l => l.From);
        var state = new Dictionary<string, int>(); // absent: unvisited, 1: on the current path, 2: done
        var path = new List<string>();

        void Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var lane in edges[node])
            {
                if (!state.TryGetValue(lane.To, out var s))
                {
                    Visit(lane.To);
                }
                else if (s == 1)
                {
                    var cycle = path.Skip(path.IndexOf(lane.To)).Append(lane.To);
                    var named = string.Join(" -> ", cycle);
                    v.Error(lane, "to", lane.Id, $"supply cycle: {named}", "a supplier cannot depend on its own output; remove or redirect one lane of the cycle");
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
        }

        foreach (var supplier in v.Spec.Suppliers.Where(s => s.Id.Length > 0 && !state.ContainsKey(s.Id)))
        {
            Visit(supplier.Id);
        }
    }

    /// <summary>Tier N+1 supplies tier N, and tier 1 supplies the lines; anything else is likely a mislabelled tier.</summary>
    private static void CheckTiers(Validation v)
    {
        foreach (var lane in v.Spec.Lanes)
        {
            if (!v.Suppliers.TryGetValue(lane.From, out var from) || from.Tier < 1)
            {
                continue;
            }

            if (v.Lines.ContainsKey(lane.To) && from.Tier != 1)
            {
                v.Warning(lane, "from", from.Id, $"tier-{from.Tier} supplier '{from.Id}' ships {lane.PartId} straight to line '{lane.To}'", "suppliers delivering to lines are tier 1: set tier: 1, or route the part through a tier-1 supplier");
            }
            else if (v.Suppliers.TryGetValue(lane.To, out var to) && to.Tier >= 1 && from.Tier != to.Tier + 1)
            {
                v.Warning(lane, "from", from.Id, $"tier-{from.Tier} supplier '{from.Id}' ships {lane.PartId} to tier-{to.Tier} supplier '{to.Id}'", $"a supplier of a tier-{to.Tier} supplier is tier {to.Tier + 1}");
            }
        }
    }

    private static void CheckItSystems(Validation v)
    {
        foreach (var system in v.Spec.ItSystems.Where(s => s.DependentNodes.Count == 0 && s.DependentLanes.Count == 0))
        {
            v.Warning(system, "id", system.Id, $"nothing depends on IT system '{system.Id}', so its outage has no effect", "list the plants, lines, suppliers (nodes) or lanes that depend on it");
        }
    }

    private static void CheckTimes(Validation v)
    {
        var horizon = v.Spec.HorizonHours;
        if (!double.IsFinite(horizon))
        {
            return;
        }

        foreach (var disruption in v.Spec.Disruptions.Where(d => double.IsFinite(d.StartHours)))
        {
            if (disruption.StartHours < 0 || disruption.StartHours >= horizon)
            {
                v.Error(disruption, "start", disruption.Id, $"disruption starts at hour {Format(disruption.StartHours)}, outside the horizon [0, {Format(horizon)})", $"start it between hour 0 and {Format(horizon)}, or lengthen horizon_hours");
            }
        }

        // A default taken from a disruption's start is reported with that disruption, not twice.
        if (v.Spec.ReferenceHours >= horizon && v.Sources.Wrote(v.Spec, "reference_hours"))
        {
            v.Error(v.Spec, "reference_hours", null, $"reference_hours {Format(v.Spec.ReferenceHours)} is outside the horizon [0, {Format(horizon)})", $"use an hour below {Format(horizon)}");
        }
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
