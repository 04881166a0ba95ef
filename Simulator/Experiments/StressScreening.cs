using System.Globalization;
using System.Text;
using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>
/// What a stress target's outage switches off, read from the resolved network alone: the (entity, function, fallback)
/// gates it holds, and whether any of them can reach a line at all. Two targets with the same gates run the same
/// simulation; a target none of whose gates can reach a line runs the same simulation as any other such target.
/// </summary>
/// <remarks>
/// This mirrors how a disruption resolves its targets at run time (a node holds every function of itself, a plant of
/// each of its lines; an IT system, or a provider's systems, hold their functions on their dependent nodes and lanes).
/// A gate can reach a line only through material: an entity is <em>inert</em> when the lane graph, taken undirected,
/// does not connect it with any line. Undirected on purpose: a supplier that feeds nothing the lines use can still
/// compete with them for a shared upstream supplier's capacity, so only a component without lines is truly apart.
/// The exactness tests compare screened with unscreened results on every bundled scenario and generated networks.
/// </remarks>
internal static class StressScreening
{
    private static readonly ItFunction[] Functions = [ItFunction.ProductionControl, ItFunction.OrderTransmission, ItFunction.Logistics];

    /// <summary>The gates each target holds as one canonical key, or null when the outage cannot affect a line.</summary>
    public static IReadOnlyList<string?> Footprints(Network network, IReadOnlyList<StressTarget> targets)
    {
        var scenario = network.Scenario;
        var linesOfPlant = scenario.Plants.ToDictionary(p => p.Id, p => p.Lines.Select(l => l.Id).ToArray(), StringComparer.Ordinal);
        var nodes = scenario.Plants.Select(p => p.Id)
            .Concat(scenario.Plants.SelectMany(p => p.Lines).Select(l => l.Id))
            .Concat(scenario.Suppliers.Select(s => s.Id))
            .ToHashSet(StringComparer.Ordinal);
        var live = LiveEntities(scenario);

        IEnumerable<string> Expand(string node) =>
            linesOfPlant.TryGetValue(node, out var lines) && lines.Length > 0 ? lines : [node];

        var keys = new List<string?>(targets.Count);
        foreach (var target in targets)
        {
            var gates = new SortedSet<string>(StringComparer.Ordinal);
            if (nodes.Contains(target.Id))
            {
                foreach (var entity in Expand(target.Id))
                {
                    foreach (var function in Functions)
                    {
                        gates.Add(Gate(entity, function, null));
                    }
                }
            }
            else
            {
                var systems = scenario.ItSystems.Where(s => s.Id == target.Id).ToList();
                if (systems.Count == 0)
                {
                    systems = scenario.ItSystems.Where(s => s.Owner == target.Id).ToList();
                }

                foreach (var system in systems)
                {
                    foreach (var function in Functions.Where(f => system.Functions.HasFlag(f)))
                    {
                        foreach (var entity in system.DependentNodes.SelectMany(Expand).Concat(system.DependentLanes))
                        {
                            gates.Add(Gate(entity, function, system.Fallback));
                        }
                    }
                }
            }

            var reachesLine = gates.Any(g => live.Contains(g[..g.IndexOf('\u001f', StringComparison.Ordinal)]));
            keys.Add(reachesLine ? string.Join('\u001e', gates) : null);
        }

        return keys;
    }

    /// <summary>Lines, plants, suppliers and lanes in a component of the undirected lane graph that holds a line.</summary>
    private static HashSet<string> LiveEntities(ScenarioSpec scenario)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            if (!parent.TryGetValue(x, out var p))
            {
                parent[x] = x;
                return x;
            }

            while (p != x)
            {
                var up = parent[p];
                parent[x] = up;
                x = p;
                p = up;
            }

            return x;
        }

        void Union(string a, string b) => parent[Find(a)] = Find(b);

        foreach (var plant in scenario.Plants)
        {
            Find(plant.Id);
            foreach (var line in plant.Lines)
            {
                Union(line.Id, plant.Id);
            }
        }

        foreach (var supplier in scenario.Suppliers)
        {
            Find(supplier.Id);
        }

        foreach (var lane in scenario.Lanes)
        {
            Union(lane.Id, lane.From);
            Union(lane.From, lane.To);
        }

        var liveRoots = scenario.Plants.SelectMany(p => p.Lines).Select(l => Find(l.Id)).ToHashSet(StringComparer.Ordinal);
        return parent.Keys.Where(k => liveRoots.Contains(Find(k))).ToHashSet(StringComparer.Ordinal);
    }

    private static string Gate(string entity, ItFunction function, FallbackSpec? fallback)
    {
        var text = new StringBuilder(entity).Append('\u001f').Append((int)function);
        if (fallback is not null)
        {
            text.Append('\u001f').Append(fallback.ActivationHours.ToString("R", CultureInfo.InvariantCulture))
                .Append('\u001f').Append(fallback.CapacityFraction.ToString("R", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
