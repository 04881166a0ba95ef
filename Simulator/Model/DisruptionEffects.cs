using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>Resolves a disruption's targets (IT systems, providers, nodes) into the gates they hold.</summary>
internal sealed class DisruptionEffects(Network network, RunContext ctx)
{
    private static readonly ItFunction[] Functions = [ItFunction.ProductionControl, ItFunction.OrderTransmission, ItFunction.Logistics];
    private static readonly ItFunction[] LineStopFunctions = [ItFunction.ProductionControl];
    private static readonly ItFunction[] SupplierStopFunctions = [ItFunction.ProductionControl, ItFunction.Logistics];

    private readonly Dictionary<string, string> _plantOfLine = network.Scenario.Plants
        .SelectMany(p => p.Lines.Select(l => (l.Id, p.Id)))
        .ToDictionary(x => x.Item1, x => x.Item2);

    private readonly Dictionary<string, string[]> _linesOfPlant = network.Scenario.Plants
        .ToDictionary(p => p.Id, p => p.Lines.Select(l => l.Id).ToArray());

    private readonly HashSet<string> _nodes = network.Scenario.Plants.Select(p => p.Id)
        .Concat(network.Scenario.Plants.SelectMany(p => p.Lines).Select(l => l.Id))
        .Concat(network.Scenario.Suppliers.Select(s => s.Id))
        .ToHashSet();

    public IReadOnlyList<DisruptionEffect> For(DisruptionSpec spec)
    {
        if (spec.Kind == DisruptionKind.PlannedStop)
        {
            return PlannedStop(spec);
        }

        var effects = new List<DisruptionEffect>();
        foreach (var target in spec.Targets)
        {
            if (_nodes.Contains(target))
            {
                foreach (var entity in Expand(target))
                {
                    foreach (var function in Functions)
                    {
                        effects.Add(new DisruptionEffect(ctx.Gate(entity, function), CauseLink.Node(target), null, Delay(spec, entity, function)));
                    }
                }

                continue;
            }

            var systems = network.Scenario.ItSystems.Where(s => s.Id == target).ToList();
            if (systems.Count == 0)
            {
                systems = network.Scenario.ItSystems.Where(s => s.Owner == target).ToList();
            }

            foreach (var system in systems)
            {
                foreach (var function in Functions.Where(f => system.Functions.HasFlag(f)))
                {
                    var label = CauseLink.ItSystem(system.Id, function);
                    foreach (var entity in system.DependentNodes.SelectMany(Expand).Concat(system.DependentLanes))
                    {
                        effects.Add(new DisruptionEffect(ctx.Gate(entity, function), label, system.Fallback, Delay(spec, entity, function)));
                    }
                }
            }
        }

        return effects;
    }

    /// <summary>Link of a planned stop in cause chains: the plan, not a failed system or a missing part.</summary>
    public static CauseLink PlannedStopLabel(DisruptionSpec spec) => CauseLink.PlannedStop(spec.Id);

    /// <summary>
    /// A stopped line does not build (its call-offs, placed per job, stop with it; deliveries already on the road are
    /// still received); a stopped supplier neither builds nor ships nor receives, but still takes in orders, which it
    /// builds by need date after the stop.
    /// </summary>
    private List<DisruptionEffect> PlannedStop(DisruptionSpec spec)
    {
        var label = PlannedStopLabel(spec);
        var effects = new List<DisruptionEffect>();
        foreach (var target in spec.Targets.Where(_nodes.Contains))
        {
            foreach (var entity in Expand(target))
            {
                foreach (var function in _plantOfLine.ContainsKey(entity) ? LineStopFunctions : SupplierStopFunctions)
                {
                    effects.Add(new DisruptionEffect(ctx.Gate(entity, function), label, null, Delay(spec, entity, function), Planned: true));
                }
            }
        }

        return effects;
    }

    /// <summary>Hours after the disruption's end at which <paramref name="line"/> is restored: when its last function is.</summary>
    public double LineDelay(DisruptionSpec spec, LineSpec line) => Functions.Max(f => Delay(spec, line.Id, f));

    /// <summary>A plant stands for its lines, so that a recovery phase can restore one line of a plant before another.</summary>
    private IEnumerable<string> Expand(string node) =>
        _linesOfPlant.TryGetValue(node, out var lines) && lines.Length > 0 ? lines : [node];

    /// <summary>The first phase naming the entity (or its plant) and the function decides; none: restored at the end.</summary>
    private double Delay(DisruptionSpec spec, string entity, ItFunction function)
    {
        _plantOfLine.TryGetValue(entity, out var plant);
        foreach (var phase in spec.Recovery.Phases)
        {
            if ((phase.Functions & function) != 0 && (phase.Nodes.Contains(entity) || (plant is not null && phase.Nodes.Contains(plant))))
            {
                return phase.AfterHours;
            }
        }

        return 0;
    }
}
