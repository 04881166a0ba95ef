using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>
/// A scenario resolved under one policy: stocks in units, demand rates, calendars unrolled, lanes wired to the
/// stocks they feed. Immutable and shared by every replication of that policy.
/// </summary>
public sealed class Network
{
    private Network(
        ScenarioSpec scenario,
        PolicySpec policy,
        double horizonHours,
        IReadOnlyList<LinePlan> lines,
        IReadOnlyList<SupplierPlan> suppliers,
        IReadOnlyList<FeedPlan> feeds,
        IReadOnlyList<LanePlan> lanes,
        IReadOnlyDictionary<string, PartSpec> parts,
        SiteClock clock)
    {
        Clock = clock;
        Scenario = scenario;
        Policy = policy;
        HorizonHours = horizonHours;
        Lines = lines;
        Suppliers = suppliers;
        Feeds = feeds;
        Lanes = lanes;
        Parts = parts;
    }

    /// <summary>The scenario as loaded.</summary>
    public ScenarioSpec Scenario { get; }

    /// <summary>The time zone of every site: the local time of its shifts and of its rows in the results.</summary>
    public SiteClock Clock { get; }

    /// <summary>The policy applied.</summary>
    public PolicySpec Policy { get; }

    /// <summary>Simulated hours.</summary>
    public double HorizonHours { get; }

    internal IReadOnlyList<LinePlan> Lines { get; }

    internal IReadOnlyList<SupplierPlan> Suppliers { get; }

    internal IReadOnlyList<FeedPlan> Feeds { get; }

    internal IReadOnlyList<LanePlan> Lanes { get; }

    internal IReadOnlyDictionary<string, PartSpec> Parts { get; }

    /// <summary>Resolves <paramref name="scenario"/> under a policy (null: the first) and an optional horizon override.</summary>
    /// <exception cref="ArgumentException">The policy is unknown, the horizon is not positive, or a time zone is unknown on this machine.</exception>
    public static Network Build(ScenarioSpec scenario, string? policyId = null, double? horizonHours = null)
    {
        var policy = policyId is null
            ? scenario.Policies.FirstOrDefault() ?? PolicySpec.AsWritten
            : scenario.Policies.FirstOrDefault(p => p.Id == policyId)
              ?? throw new ArgumentException(
                  $"unknown policy '{policyId}'; the scenario has: {string.Join(", ", scenario.Policies.Select(p => p.Id))}",
                  nameof(policyId));
        var horizon = horizonHours ?? scenario.HorizonHours;
        if (!(horizon > 0))
        {
            throw new ArgumentException($"the horizon must be positive hours, got {horizon}", nameof(horizonHours));
        }

        var clock = SiteClock.For(scenario);
        return new NetworkBuilder(scenario, policy, horizon, clock).Build(
            (lines, suppliers, feeds, lanes, parts) => new Network(scenario, policy, horizon, lines, suppliers, feeds, lanes, parts, clock));
    }
}
