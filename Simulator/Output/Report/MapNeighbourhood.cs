using Simulator.Model.Specs;

namespace Simulator.Output.Report;

/// <summary>
/// The part of a network a report's map draws when the whole is too large to read: the marked nodes, everything they
/// supply downstream to the lines (through lanes and, for IT systems, the nodes and lanes that depend on them), and
/// the plants of those lines.
/// </summary>
internal static class MapNeighbourhood
{
    public static ScenarioSpec Of(ScenarioSpec scenario, IReadOnlyCollection<string> marked)
    {
        var kept = new HashSet<string>(marked, StringComparer.Ordinal);
        var systems = scenario.ItSystems.Where(s => kept.Contains(s.Id) || kept.Contains(s.Owner)).ToList();
        var pending = new Queue<string>(kept.Concat(systems.SelectMany(s => s.DependentNodes)));
        var keptLanes = new HashSet<string>(systems.SelectMany(s => s.DependentLanes), StringComparer.Ordinal);
        var lanesFrom = scenario.Lanes.ToLookup(l => l.From, StringComparer.Ordinal);
        foreach (var lane in scenario.Lanes.Where(l => keptLanes.Contains(l.Id)))
        {
            pending.Enqueue(lane.From);
            pending.Enqueue(lane.To);
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var node))
        {
            if (!visited.Add(node))
            {
                continue;
            }

            kept.Add(node);
            foreach (var lane in lanesFrom[node])
            {
                keptLanes.Add(lane.Id);
                pending.Enqueue(lane.To);
            }
        }

        var plants = scenario.Plants
            .Select(p => p with { Lines = p.Lines.Where(l => kept.Contains(l.Id) || kept.Contains(p.Id)).ToList() })
            .Where(p => p.Lines.Count > 0)
            .ToList();
        return scenario with
        {
            Plants = plants,
            Suppliers = scenario.Suppliers.Where(s => kept.Contains(s.Id)).ToList(),
            Lanes = scenario.Lanes.Where(l => keptLanes.Contains(l.Id) && (kept.Contains(l.From) && kept.Contains(l.To))).ToList(),
            ItSystems = systems
                .Select(s => s with
                {
                    DependentNodes = s.DependentNodes.Where(kept.Contains).ToList(),
                    DependentLanes = s.DependentLanes.Where(keptLanes.Contains).ToList(),
                })
                .ToList(),
        };
    }
}
