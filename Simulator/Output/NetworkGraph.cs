using System.Globalization;
using System.Text;
using Simulator.Model.Specs;

namespace Simulator.Output;

/// <summary>
/// The multi-tier map of a scenario as Graphviz DOT or Mermaid text: plants with their lines, suppliers grouped by
/// tier, lanes as edges labelled with part and trigger, and IT systems with dashed edges to what depends on them.
/// </summary>
/// <remarks>
/// A lane that depends on an IT system is drawn through a small junction node, so the system's dashed edge has
/// something to point at. Systems run by a shared provider (an owner that is not a plant, line or supplier) are
/// grouped under that provider, which is a box around them, not a node.
/// </remarks>
public static class NetworkGraph
{
    /// <summary>Colour of the outline that marks critical nodes.</summary>
    private const string CriticalColor = "#d62728";

    /// <summary>Graphviz DOT text of the map (<c>dot -Tsvg</c> renders it).</summary>
    public static string ToDot(ScenarioSpec scenario) => ToDot(scenario, []);

    /// <summary>
    /// Graphviz DOT text of the map with the suppliers, IT systems or providers in <paramref name="critical"/> (most
    /// critical first) outlined in red and labelled <c>critical #rank</c>.
    /// </summary>
    public static string ToDot(ScenarioSpec scenario, IReadOnlyList<string> critical) => Render(NetworkMap.From(scenario, critical), new DotSyntax());

    /// <summary>Mermaid flowchart text of the map (renders in GitHub and GitLab markdown).</summary>
    public static string ToMermaid(ScenarioSpec scenario) => ToMermaid(scenario, []);

    /// <summary>Mermaid flowchart text of the map with the targets in <paramref name="critical"/> (most critical first) marked as in <see cref="ToDot(ScenarioSpec, IReadOnlyList{string})"/>.</summary>
    public static string ToMermaid(ScenarioSpec scenario, IReadOnlyList<string> critical) => Render(NetworkMap.From(scenario, critical), new MermaidSyntax());

    private static string Render(NetworkMap map, IGraphSyntax syntax)
    {
        var text = new StringBuilder();
        syntax.Begin(text, map.Title);
        foreach (var group in map.Groups)
        {
            syntax.BeginGroup(text, group);
            foreach (var node in map.Nodes.Where(n => n.Group == group.Key))
            {
                syntax.Node(text, node, "    ");
            }

            syntax.EndGroup(text);
        }

        foreach (var node in map.Nodes.Where(n => n.Group is null))
        {
            syntax.Node(text, node, string.Empty);
        }

        foreach (var edge in map.Edges)
        {
            syntax.Edge(text, map, edge);
        }

        syntax.End(text);
        return text.ToString();
    }

    /// <summary>How the same map is spelled in one text format.</summary>
    private interface IGraphSyntax
    {
        void Begin(StringBuilder text, string title);

        void BeginGroup(StringBuilder text, MapGroup group);

        void EndGroup(StringBuilder text);

        void Node(StringBuilder text, MapNode node, string indent);

        void Edge(StringBuilder text, NetworkMap map, MapEdge edge);

        void End(StringBuilder text);
    }

    private sealed class DotSyntax : IGraphSyntax
    {
        public void Begin(StringBuilder text, string title)
        {
            text.Append("digraph network {\n");
            // Lane labels are nodes, not external labels, so that the layout makes room for them and nothing overlaps.
            text.Append("  graph [rankdir=LR, compound=true, newrank=true, nodesep=0.25, ranksep=1.1, fontname=\"Helvetica\", label=").Append(Quote(title)).Append(", labelloc=t];\n");
            text.Append("  node [fontname=\"Helvetica\"];\n");
            text.Append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        }

        public void BeginGroup(StringBuilder text, MapGroup group)
        {
            var style = group.Kind == GroupKind.Provider ? "dashed" : "rounded";
            text.Append("  subgraph ").Append(Quote("cluster_" + group.Key)).Append(" {\n");
            text.Append("    label=").Append(Quote(group.Label)).Append("; style=").Append(style).Append(";\n");
            if (group.CriticalRank is not null)
            {
                text.Append("    color=").Append(Quote(CriticalColor)).Append("; fontcolor=").Append(Quote(CriticalColor)).Append("; penwidth=4;\n");
            }
        }

        public void EndGroup(StringBuilder text) => text.Append("  }\n");

        public void Node(StringBuilder text, MapNode node, string indent)
        {
            var shape = node.Kind switch
            {
                NodeKind.Line => "box, style=filled, fillcolor=\"#dbe9f6\"",
                NodeKind.Supplier => "box, style=\"rounded,filled\", fillcolor=\"#fdebd3\"",
                NodeKind.ItSystem => "cylinder, style=filled, fillcolor=\"#eadcf5\"",
                NodeKind.LaneJunction => "box, style=\"rounded,dashed\", fontsize=9, height=0.2, margin=\"0.04,0.02\"",
                NodeKind.PlantAnchor => "plaintext",
                _ => "ellipse",
            };
            text.Append("  ").Append(indent).Append(Quote(node.Key)).Append(" [label=").Append(Quote(node.Label));
            text.Append(", shape=").Append(shape);
            if (node.CriticalRank is not null)
            {
                text.Append(", color=").Append(Quote(CriticalColor)).Append(", penwidth=4");
            }

            text.Append("];\n");
        }

        public void Edge(StringBuilder text, NetworkMap map, MapEdge edge)
        {
            text.Append("  ").Append(Quote(edge.From)).Append(" -> ").Append(Quote(edge.To)).Append(" [label=").Append(Quote(edge.Label));
            if (edge.Dashed)
            {
                text.Append(", style=dashed, color=\"#7b2cbf\", fontcolor=\"#7b2cbf\"");
            }

            // A plant's own system sits inside the plant's box: clipping its edge at that box is what Graphviz warns
            // about ("tail is inside head cluster"), so that edge ends at the plant's anchor instead.
            if (edge.ToGroup is { } group && map.Nodes.FirstOrDefault(n => n.Key == edge.From)?.Group != group)
            {
                text.Append(", lhead=").Append(Quote("cluster_" + group));
            }

            if (edge.ArrowHead is false)
            {
                text.Append(", arrowhead=none");
            }

            text.Append("];\n");
        }

        public void End(StringBuilder text) => text.Append("}\n");

        private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }

    private sealed class MermaidSyntax : IGraphSyntax
    {
        public void Begin(StringBuilder text, string title)
        {
            text.Append("---\ntitle: \"").Append(title.Replace("\"", "'", StringComparison.Ordinal)).Append("\"\n---\n");
            text.Append("flowchart LR\n");
            text.Append("  classDef line fill:#dbe9f6,stroke:#1f4e79\n");
            text.Append("  classDef supplier fill:#fdebd3,stroke:#8a4b08\n");
            text.Append("  classDef it fill:#eadcf5,stroke:#7b2cbf\n");
            text.Append("  classDef critical stroke:").Append(CriticalColor).Append(",stroke-width:4px\n");
        }

        public void BeginGroup(StringBuilder text, MapGroup group)
        {
            text.Append("  subgraph ").Append(group.Key).Append("[\"").Append(Label(group.Label)).Append("\"]\n");
            if (group.CriticalRank is not null)
            {
                text.Append("    style ").Append(group.Key).Append(" stroke:").Append(CriticalColor).Append(",stroke-width:4px\n");
            }
        }

        public void EndGroup(StringBuilder text) => text.Append("  end\n");

        public void Node(StringBuilder text, MapNode node, string indent)
        {
            var (open, close, cssClass) = node.Kind switch
            {
                NodeKind.Line => ("[\"", "\"]", "line"),
                NodeKind.Supplier => ("(\"", "\")", "supplier"),
                NodeKind.ItSystem => ("[(\"", "\")]", "it"),
                NodeKind.LaneJunction => ("((\"", "\"))", string.Empty),
                _ => ("[\"", "\"]", string.Empty),
            };
            text.Append("  ").Append(indent).Append(node.Key).Append(open).Append(Label(node.Label)).Append(close);
            if (cssClass.Length > 0)
            {
                text.Append(":::").Append(cssClass);
            }

            text.Append('\n');
            if (node.CriticalRank is not null)
            {
                text.Append("  ").Append(indent).Append("class ").Append(node.Key).Append(" critical\n");
            }
        }

        public void Edge(StringBuilder text, NetworkMap map, MapEdge edge)
        {
            var arrow = (edge.Dashed, edge.ArrowHead) switch
            {
                (true, _) => "-.->",
                (false, false) => "---",
                _ => "-->",
            };
            var to = edge.ToGroup ?? edge.To;
            text.Append("  ").Append(edge.From).Append(' ').Append(arrow);
            if (edge.Label.Length > 0)
            {
                text.Append("|\"").Append(Label(edge.Label)).Append("\"|");
            }

            text.Append(' ').Append(to).Append('\n');
        }

        public void End(StringBuilder text)
        {
        }

        private static string Label(string value) =>
            value.Replace("\"", "#quot;", StringComparison.Ordinal).Replace("\n", "<br/>", StringComparison.Ordinal);
    }

    private enum NodeKind
    {
        Line,
        Supplier,
        ItSystem,
        LaneJunction,
        PlantAnchor,
    }

    private enum GroupKind
    {
        Plant,
        Tier,
        Provider,
    }

    private sealed record MapGroup(string Key, string Label, GroupKind Kind, int? CriticalRank = null);

    private sealed record MapNode(string Key, string Label, NodeKind Kind, string? Group, int? CriticalRank = null);

    private sealed record MapEdge(string From, string To, string Label, bool Dashed, string? ToGroup = null, bool ArrowHead = true);

    /// <summary>The scenario reduced to groups, nodes and edges with identifiers safe in both formats.</summary>
    private sealed class NetworkMap
    {
        private readonly Dictionary<string, string> _nodeKeyById = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _plantGroupById = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _plantAnchorById = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _laneKeyById = new(StringComparer.Ordinal);

        private readonly Dictionary<string, int> _criticalRankById = new(StringComparer.Ordinal);

        private NetworkMap(string title, IReadOnlyList<string> critical)
        {
            Title = title;
            for (var i = 0; i < critical.Count; i++)
            {
                _criticalRankById.TryAdd(critical[i], i + 1);
            }
        }

        public string Title { get; }

        public List<MapGroup> Groups { get; } = [];

        public List<MapNode> Nodes { get; } = [];

        public List<MapEdge> Edges { get; } = [];

        public static NetworkMap From(ScenarioSpec scenario, IReadOnlyList<string> critical)
        {
            ArgumentNullException.ThrowIfNull(scenario);
            ArgumentNullException.ThrowIfNull(critical);
            var title = critical.Count == 0
                ? $"{scenario.Name}: supply network and IT dependencies"
                : $"{scenario.Name}: supply network and IT dependencies, the {critical.Count.ToString(CultureInfo.InvariantCulture)} most critical marked (stress test)";
            var map = new NetworkMap(title, critical);
            map.AddPlants(scenario.Plants);
            map.AddSuppliers(scenario.Suppliers);
            var dependentLanes = scenario.ItSystems.SelectMany(s => s.DependentLanes).ToHashSet(StringComparer.Ordinal);
            map.AddLanes(scenario.Lanes, dependentLanes);
            map.AddItSystems(scenario.ItSystems, scenario.Suppliers);
            return map;
        }

        private static string Key(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);

        private static string CriticalLabel(int? rank) =>
            rank is { } r ? $"critical #{r.ToString(CultureInfo.InvariantCulture)}\n" : string.Empty;

        private int? CriticalRank(string id) => _criticalRankById.TryGetValue(id, out var rank) ? rank : null;

        private void AddPlants(IReadOnlyList<PlantSpec> plants)
        {
            var lineIndex = 0;
            for (var p = 0; p < plants.Count; p++)
            {
                var plant = plants[p];
                var group = Key("plant_", p);
                _plantGroupById[plant.Id] = group;
                var title = plant.Name.Length > 0 && plant.Name != plant.Id ? $"plant {plant.Id}: {plant.Name}" : $"plant {plant.Id}";
                Groups.Add(new MapGroup(group, title, GroupKind.Plant));
                if (plant.Lines.Count == 0)
                {
                    // DOT edges into a cluster need a node inside it.
                    var anchor = Key("plantnode_", p);
                    Nodes.Add(new MapNode(anchor, plant.Id, NodeKind.PlantAnchor, group));
                    _plantAnchorById[plant.Id] = anchor;
                    continue;
                }

                foreach (var line in plant.Lines)
                {
                    var key = Key("line_", lineIndex++);
                    _nodeKeyById.TryAdd(line.Id, key);
                    _plantAnchorById.TryAdd(plant.Id, key);
                    Nodes.Add(new MapNode(key, $"line {line.Id}\n{line.RatePerHour.ToString("0.##", CultureInfo.InvariantCulture)} jobs/h", NodeKind.Line, group));
                }
            }
        }

        private void AddSuppliers(IReadOnlyList<SupplierSpec> suppliers)
        {
            foreach (var tier in suppliers.Select(s => s.Tier).Distinct().Order())
            {
                Groups.Add(new MapGroup(TierGroup(tier), $"Tier {tier.ToString(CultureInfo.InvariantCulture)}", GroupKind.Tier));
            }

            for (var i = 0; i < suppliers.Count; i++)
            {
                var supplier = suppliers[i];
                var key = Key("supplier_", i);
                _nodeKeyById.TryAdd(supplier.Id, key);
                var label = supplier.Name.Length > 0 && supplier.Name != supplier.Id ? $"{supplier.Id}\n{supplier.Name}" : supplier.Id;
                var rank = CriticalRank(supplier.Id);
                Nodes.Add(new MapNode(key, CriticalLabel(rank) + label, NodeKind.Supplier, TierGroup(supplier.Tier), rank));
            }
        }

        private static string TierGroup(int tier) => "tier_" + tier.ToString(CultureInfo.InvariantCulture);

        private void AddLanes(IReadOnlyList<LaneSpec> lanes, HashSet<string> dependentLanes)
        {
            for (var i = 0; i < lanes.Count; i++)
            {
                var lane = lanes[i];
                var from = NodeKey(lane.From);
                var to = NodeKey(lane.To);
                var label = $"{lane.PartId} ({TriggerName(lane.Trigger.Kind)})";
                if (!dependentLanes.Contains(lane.Id))
                {
                    Edges.Add(new MapEdge(from, to, label, Dashed: false));
                    continue;
                }

                var junction = Key("lane_", i);
                _laneKeyById[lane.Id] = junction;
                Nodes.Add(new MapNode(junction, $"lane {lane.Id}", NodeKind.LaneJunction, null));
                Edges.Add(new MapEdge(from, junction, label, Dashed: false, ArrowHead: false));
                Edges.Add(new MapEdge(junction, to, string.Empty, Dashed: false));
            }
        }

        private void AddItSystems(IReadOnlyList<ItSystemSpec> systems, IReadOnlyList<SupplierSpec> suppliers)
        {
            var providers = new Dictionary<string, string>(StringComparer.Ordinal);
            var tierOfSupplier = suppliers.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Tier, StringComparer.Ordinal);
            var plantOfLine = Nodes.Where(n => n.Kind == NodeKind.Line).ToDictionary(n => n.Key, n => n.Group!, StringComparer.Ordinal);
            for (var i = 0; i < systems.Count; i++)
            {
                var system = systems[i];
                var key = Key("it_", i);
                string group;
                if (_plantGroupById.TryGetValue(system.Owner, out var plantGroup))
                {
                    group = plantGroup;
                }
                else if (_nodeKeyById.TryGetValue(system.Owner, out var ownerNode) && plantOfLine.TryGetValue(ownerNode, out var lineGroup))
                {
                    group = lineGroup;
                }
                else if (tierOfSupplier.TryGetValue(system.Owner, out var tier))
                {
                    group = TierGroup(tier);
                }
                else
                {
                    if (!providers.TryGetValue(system.Owner, out var providerGroup))
                    {
                        providerGroup = Key("provider_", providers.Count);
                        providers.Add(system.Owner, providerGroup);
                        var providerRank = CriticalRank(system.Owner);
                        var suffix = providerRank is { } r ? $" (critical #{r.ToString(CultureInfo.InvariantCulture)})" : string.Empty;
                        Groups.Add(new MapGroup(providerGroup, $"shared provider {system.Owner}{suffix}", GroupKind.Provider, providerRank));
                    }

                    group = providerGroup;
                }

                var fallback = system.Fallback is { } f
                    ? $"\nfallback {f.CapacityFraction.ToString("0.##", CultureInfo.InvariantCulture)} after {f.ActivationHours.ToString("0.##", CultureInfo.InvariantCulture)} h"
                    : string.Empty;
                var rank = CriticalRank(system.Id);
                Nodes.Add(new MapNode(key, $"{CriticalLabel(rank)}{system.Id}\n(owner {system.Owner}){fallback}", NodeKind.ItSystem, group, rank));

                var functions = FunctionNames(system.Functions);
                foreach (var dependent in system.DependentNodes)
                {
                    if (_plantGroupById.TryGetValue(dependent, out var dependentPlant))
                    {
                        Edges.Add(new MapEdge(key, _plantAnchorById[dependent], functions, Dashed: true, ToGroup: dependentPlant));
                    }
                    else
                    {
                        Edges.Add(new MapEdge(key, NodeKey(dependent), functions, Dashed: true));
                    }
                }

                foreach (var lane in system.DependentLanes)
                {
                    if (_laneKeyById.TryGetValue(lane, out var junction))
                    {
                        Edges.Add(new MapEdge(key, junction, functions, Dashed: true));
                    }
                }
            }
        }

        /// <summary>The key of a node id; an id the scenario does not define still gets a node, so nothing silently disappears.</summary>
        private string NodeKey(string id)
        {
            if (_nodeKeyById.TryGetValue(id, out var key))
            {
                return key;
            }

            if (_plantAnchorById.TryGetValue(id, out var anchor))
            {
                return anchor;
            }

            key = Key("node_", _nodeKeyById.Count);
            _nodeKeyById.Add(id, key);
            Nodes.Add(new MapNode(key, id, NodeKind.PlantAnchor, null));
            return key;
        }

        private static string TriggerName(TriggerKind kind) => kind switch
        {
            TriggerKind.Sequence => "sequence",
            TriggerKind.Kanban => "kanban",
            TriggerKind.BaseStock => "base-stock",
            _ => "schedule",
        };

        private static string FunctionNames(ItFunction functions)
        {
            var names = new List<string>(3);
            if (functions.HasFlag(ItFunction.ProductionControl))
            {
                names.Add("production-control");
            }

            if (functions.HasFlag(ItFunction.OrderTransmission))
            {
                names.Add("order-transmission");
            }

            if (functions.HasFlag(ItFunction.Logistics))
            {
                names.Add("logistics");
            }

            return string.Join(", ", names);
        }
    }
}
