using System.Globalization;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>What a stress test takes down on its own.</summary>
public enum StressTargetKind
{
    /// <summary>A supplier of any tier: every function of the node is down.</summary>
    Supplier,

    /// <summary>One IT system: its functions fail for everything that depends on it.</summary>
    ItSystem,

    /// <summary>A shared provider (an IT system owner that is not a node): every system it runs is down together.</summary>
    Provider,
}

/// <summary>One node, IT system or provider a stress test disrupts, with its place in the network.</summary>
/// <param name="Id">Supplier id, IT system id or provider name, as a disruption target.</param>
/// <param name="Kind">What the target is.</param>
/// <param name="Tier">
/// Supplier tier; for an IT system the lowest tier among what depends on it (plants and lines 0, a lane the tier of
/// the supplier that ships on it); for a provider the lowest tier among its systems; null when nothing depends on it.
/// </param>
/// <param name="RecoveryHours">The time it needs to be fully restored, as the scenario gives it (<c>recovery_hours</c>), or null.</param>
public sealed record StressTarget(string Id, StressTargetKind Kind, int? Tier, double? RecoveryHours)
{
    /// <summary>Beyond Tier-1: a dependency a carmaker usually does not see (tier 2 or deeper).</summary>
    public bool IsHidden => Tier >= 2;

    /// <summary>The kind as written in <c>criticality.csv</c>: <c>supplier</c>, <c>it_system</c> or <c>provider</c>.</summary>
    public string KindName => Kind switch
    {
        StressTargetKind.Supplier => "supplier",
        StressTargetKind.ItSystem => "it_system",
        _ => "provider",
    };

    /// <summary>Every supplier, every IT system and every shared provider of <paramref name="scenario"/>, in that order and in scenario order within each.</summary>
    public static IReadOnlyList<StressTarget> AllOf(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var tierOfNode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var plant in scenario.Plants)
        {
            tierOfNode.TryAdd(plant.Id, 0);
            foreach (var line in plant.Lines)
            {
                tierOfNode.TryAdd(line.Id, 0);
            }
        }

        foreach (var supplier in scenario.Suppliers)
        {
            tierOfNode.TryAdd(supplier.Id, supplier.Tier);
        }

        var tierOfLane = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var lane in scenario.Lanes)
        {
            if (tierOfNode.TryGetValue(lane.From, out var tier))
            {
                tierOfLane.TryAdd(lane.Id, tier);
            }
        }

        var targets = new List<StressTarget>();
        targets.AddRange(scenario.Suppliers.Select(s => new StressTarget(s.Id, StressTargetKind.Supplier, s.Tier, s.RecoveryHours)));

        var systemTargets = new List<(ItSystemSpec Spec, StressTarget Target)>();
        foreach (var system in scenario.ItSystems)
        {
            var tiers = system.DependentNodes.Select(n => tierOfNode.TryGetValue(n, out var t) ? t : (int?)null)
                .Concat(system.DependentLanes.Select(l => tierOfLane.TryGetValue(l, out var t) ? t : (int?)null))
                .Where(t => t.HasValue)
                .ToList();
            var tier = tiers.Count > 0 ? tiers.Min() : null;
            systemTargets.Add((system, new StressTarget(system.Id, StressTargetKind.ItSystem, tier, system.RecoveryHours)));
        }

        targets.AddRange(systemTargets.Select(s => s.Target));
        foreach (var owner in scenario.ItSystems.Select(s => s.Owner).Where(o => !tierOfNode.ContainsKey(o)).Distinct(StringComparer.Ordinal))
        {
            var owned = systemTargets.Where(s => s.Spec.Owner == owner).Select(s => s.Target).ToList();
            var tier = owned.Where(t => t.Tier.HasValue).Select(t => t.Tier).DefaultIfEmpty(null).Min();

            // A provider is fully restored when the last of its systems is.
            var recovery = owned.Where(t => t.RecoveryHours.HasValue).Select(t => t.RecoveryHours).DefaultIfEmpty(null).Max();
            targets.Add(new StressTarget(owner, StressTargetKind.Provider, tier, recovery));
        }

        return targets;
    }

    /// <summary>The tier as text for tables: a number, or empty when nothing depends on the target.</summary>
    internal string TierText => Tier is { } tier ? tier.ToString(CultureInfo.InvariantCulture) : string.Empty;
}
