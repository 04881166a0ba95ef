using System.Globalization;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>How <see cref="Sensitivity.Run"/> perturbs the network.</summary>
/// <param name="Top">How many of the most critical targets (the stress ranking's first) are studied.</param>
/// <param name="Percent">Each parameter is moved down and up by this many percent.</param>
/// <param name="Policy">Policy to resolve the network under; null: the scenario's first.</param>
/// <param name="DurationHours">Hours every target is down; null: 72, or with <paramref name="OwnRecovery"/> its own recovery time.</param>
/// <param name="OwnRecovery">Each target is down for its own <c>recovery_hours</c> (72 h without one).</param>
/// <param name="Seed">Root seed; every run uses replication 0 of it, as <c>stress</c> does.</param>
/// <param name="MaxParameters">Parameters per target at most, nearest the target first.</param>
/// <param name="Parallelism">Simulations at once; null uses every core.</param>
public sealed record SensitivityOptions(
    int Top = Sensitivity.DefaultTop,
    double Percent = Sensitivity.DefaultPercent,
    string? Policy = null,
    double? DurationHours = null,
    bool OwnRecovery = false,
    ulong Seed = 1,
    int MaxParameters = Sensitivity.DefaultMaxParameters,
    int? Parallelism = null);

/// <summary>What a sensitivity parameter is.</summary>
public enum SensitivityParameterKind
{
    /// <summary>A stock at hour 0: line side, a supplier's input stock or its finished goods (initial and target).</summary>
    Stock,

    /// <summary>A lane's time on the road (every parameter of its distribution), and a sequence lane's call-off lead with it.</summary>
    LeadTime,

    /// <summary>A supplier product's capacity per hour.</summary>
    Capacity,
}

/// <summary>One parameter in front of a target and what moving it did.</summary>
/// <param name="Target">The target whose outage was run.</param>
/// <param name="Kind">Stock, lead time or capacity.</param>
/// <param name="Entity">The line or supplier holding the stock, the lane, or the supplier.</param>
/// <param name="Part">The part of the stock, lane or product.</param>
/// <param name="Holder">For a stock: <c>line</c>, <c>input</c> or <c>finished</c>; <c>shared</c> for a supplier's capacity shared by its products (no part); else empty.</param>
/// <param name="BaseValue">The parameter as resolved: units, hours on the road (mean) or pieces per hour.</param>
/// <param name="Base">The outage's outcome with the network as it is.</param>
/// <param name="Low">With the parameter lowered by the percentage.</param>
/// <param name="High">With the parameter raised by the percentage.</param>
public sealed record SensitivityRow(
    StressTarget Target,
    SensitivityParameterKind Kind,
    string Entity,
    string Part,
    string Holder,
    double BaseValue,
    SensitivityOutcome Base,
    SensitivityOutcome Low,
    SensitivityOutcome High)
{
    /// <summary>The parameter's kind as written in <c>sensitivity.csv</c>.</summary>
    public string KindName => Kind switch
    {
        SensitivityParameterKind.Stock => "stock",
        SensitivityParameterKind.LeadTime => "lead_time",
        _ => "capacity",
    };

    /// <summary>How far lost units move between the low and the high value.</summary>
    public double LostUnitsSwing => Math.Abs(High.LostUnits - Low.LostUnits);

    /// <summary>How far time-to-halt moves between the low and the high value, a never-halting run counting as the hours left in the horizon.</summary>
    public double TimeToHaltSwingHours => Math.Abs(High.TimeToHaltOrHorizon - Low.TimeToHaltOrHorizon);
}

/// <summary>Time-to-halt and lost units of one outage simulation.</summary>
/// <param name="TimeToHaltHours">Hours from the outage's start to the first halt of any line, or null.</param>
/// <param name="LostUnits">Units lost over every line against the undisrupted run of the same network and seed.</param>
/// <param name="HoursLeft">Hours from the outage's start to the horizon, what a run without a halt counts as on a chart.</param>
public sealed record SensitivityOutcome(double? TimeToHaltHours, double LostUnits, double HoursLeft)
{
    /// <summary>Time-to-halt, or the hours left in the horizon when no line halted.</summary>
    public double TimeToHaltOrHorizon => TimeToHaltHours ?? HoursLeft;
}

/// <summary>The result of a sensitivity study: every parameter of every studied target, largest lost-units swing first.</summary>
/// <param name="Policy">Policy the network was resolved under.</param>
/// <param name="Percent">The percentage each parameter was moved by.</param>
/// <param name="Targets">The targets studied, most critical first, with the outage hours each was run with.</param>
/// <param name="Rows">Every parameter, by lost-units swing (largest first), then time-to-halt swing, then target rank and parameter.</param>
/// <param name="LeftOut">Per target, parameters in front of it that were not studied (past <see cref="SensitivityOptions.MaxParameters"/>).</param>
/// <param name="Simulations">Simulations run, the stress test's and the baselines included.</param>
/// <param name="ProcessedEvents">Kernel events over them.</param>
public sealed record SensitivityResult(
    string Policy,
    double Percent,
    IReadOnlyList<(CriticalityEntry Entry, double Hours)> Targets,
    IReadOnlyList<SensitivityRow> Rows,
    IReadOnlyDictionary<string, int> LeftOut,
    int Simulations,
    long ProcessedEvents);

/// <summary>
/// Tornado analysis: for the most critical targets of the stress test, each stock, lead time and capacity in front of
/// the target (between it and the lines) is moved down and up by a percentage, and the target's outage is simulated
/// again; the swing in time-to-halt and lost units shows which parameter the outcome hinges on.
/// </summary>
/// <remarks>
/// In front of a target are the lanes from it (a supplier), or the lanes that depend on it and the lanes into the nodes
/// that depend on it (an IT system or a provider), and every lane downstream of those, to the lines: each lane's lead time, the stock it delivers into (line
/// side or a supplier's input stock), the finished goods and the capacity of the product it carries at its origin.
/// Every perturbed scenario is resolved again and compared with its own undisrupted run, so a change that costs units
/// without any outage is not counted as the outage's.
/// </remarks>
public static class Sensitivity
{
    /// <summary>Targets studied unless the options say otherwise.</summary>
    public const int DefaultTop = 5;

    /// <summary>Percentage unless the options say otherwise.</summary>
    public const double DefaultPercent = 20;

    /// <summary>Parameters per target unless the options say otherwise.</summary>
    public const int DefaultMaxParameters = 40;

    /// <summary>Ranks the targets by a stress test and studies the first <see cref="SensitivityOptions.Top"/>.</summary>
    /// <exception cref="InvalidOptionsException">An unknown policy, a top, percentage, duration or parameter count out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static SensitivityResult Run(ScenarioSpec scenario, SensitivityOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        Experiment.CheckPolicy(scenario, options.Policy);
        progress?.Report("sensitivity: ranking the targets");
        var stress = StressTest.Run(
            scenario,
            new StressTestOptions(options.Policy, options.DurationHours is { } d ? [d] : null, Seed: options.Seed, Parallelism: options.Parallelism, OwnRecovery: options.OwnRecovery),
            null,
            cancellationToken);
        var network = Network.Build(scenario, options.Policy);
        var studied = stress.Ranking.Take(options.Top).Select(e => (Entry: e, Hours: e.Primary.DurationHours)).ToList();
        var jobs = new List<(int Target, Parameter Parameter, double Factor)>();
        var leftOut = new Dictionary<string, int>(StringComparer.Ordinal);
        var parameters = new List<List<Parameter>>();
        for (var t = 0; t < studied.Count; t++)
        {
            var all = InFrontOf(network, studied[t].Entry.Target.Id);
            var kept = all.Take(options.MaxParameters).ToList();
            leftOut[studied[t].Entry.Target.Id] = all.Count - kept.Count;
            parameters.Add(kept);
            foreach (var p in kept)
            {
                jobs.Add((t, p, 1 - (options.Percent / 100)));
                jobs.Add((t, p, 1 + (options.Percent / 100)));
            }
        }

        var seed = Experiment.ReplicationSeed(options.Seed, 0);
        var hoursLeft = network.HorizonHours - scenario.ReferenceHours;
        long events = stress.ProcessedEvents;
        var simulations = stress.Simulations + stress.Replications;
        SensitivityOutcome Simulate(Network perturbed, int target)
        {
            var id = studied[target].Entry.Target.Id;
            var outage = new DisruptionSpec($"sensitivity:{id}", [id], scenario.ReferenceHours, DistributionSpec.Fixed(studied[target].Hours), RecoverySpec.Default);
            var baseline = Simulation.Run(perturbed, seed, new RunOptions(RecordPartSeries: false, WithDisruptions: false));
            var run = Simulation.Run(perturbed, seed, new RunOptions(RecordPartSeries: false, Disruptions: [outage]));
            Interlocked.Add(ref events, baseline.ProcessedEvents + run.ProcessedEvents);
            Interlocked.Add(ref simulations, 2);
            var metrics = LineMetricsCalculator.Compute(perturbed.Policy.Id, 0, seed, run, baseline);
            return new SensitivityOutcome(metrics.Where(m => m.TimeToHaltHours is not null).Select(m => m.TimeToHaltHours).Min(), metrics.Sum(m => m.LostUnits), hoursLeft);
        }

        var bases = new SensitivityOutcome[studied.Count];
        var outcomes = new SensitivityOutcome[jobs.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism ?? System.Environment.ProcessorCount, CancellationToken = cancellationToken };
        var done = 0;
        Parallel.For(0, studied.Count + jobs.Count, parallel, i =>
        {
            if (i < studied.Count)
            {
                bases[i] = Simulate(network, i);
            }
            else
            {
                var (target, parameter, factor) = jobs[i - studied.Count];
                outcomes[i - studied.Count] = Simulate(Perturbed(scenario, network, parameter, factor), target);
            }

            progress?.Report($"sensitivity: {Interlocked.Increment(ref done).ToString(CultureInfo.InvariantCulture)} of {(studied.Count + jobs.Count).ToString(CultureInfo.InvariantCulture)} runs");
        });

        var rows = new List<SensitivityRow>();
        for (var j = 0; j < jobs.Count; j += 2)
        {
            var (target, p, _) = jobs[j];
            rows.Add(new SensitivityRow(studied[target].Entry.Target, p.Kind, p.Entity, p.Part, p.Holder, p.BaseValue, bases[target], outcomes[j], outcomes[j + 1]));
        }

        var rank = studied.Select((s, i) => (s.Entry.Target.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var ordered = rows
            .OrderByDescending(r => r.LostUnitsSwing)
            .ThenByDescending(r => r.TimeToHaltSwingHours)
            .ThenBy(r => rank[r.Target.Id])
            .ThenBy(r => r.Kind)
            .ThenBy(r => r.Entity, StringComparer.Ordinal)
            .ThenBy(r => r.Part, StringComparer.Ordinal)
            .ThenBy(r => r.Holder, StringComparer.Ordinal)
            .ToList();
        return new SensitivityResult(network.Policy.Id, options.Percent, studied, ordered, leftOut, simulations, events);
    }

    private static void Validate(SensitivityOptions options)
    {
        if (options.Top < 1)
        {
            throw new InvalidOptionsException($"--top must be at least 1, got {options.Top.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!(options.Percent > 0 && options.Percent < 100))
        {
            throw new InvalidOptionsException($"--percent must be above 0 and below 100, got {options.Percent.ToString(CultureInfo.InvariantCulture)}");
        }

        if (options.DurationHours is { } d && !(d > 0 && double.IsFinite(d)))
        {
            throw new InvalidOptionsException($"--duration must be a positive number of hours, got {d.ToString(CultureInfo.InvariantCulture)}");
        }

        if (options.DurationHours is not null && options.OwnRecovery)
        {
            throw new InvalidOptionsException("--duration and --own-recovery cannot be combined");
        }

        if (options.MaxParameters < 1 || options.Parallelism < 1)
        {
            throw new InvalidOptionsException("--max-parameters and the parallelism must be at least 1");
        }
    }

    /// <summary>One parameter in front of a target, as resolved in the network.</summary>
    private sealed record Parameter(SensitivityParameterKind Kind, string Entity, string Part, string Holder, double BaseValue);

    /// <summary>
    /// The lanes in front of <paramref name="targetId"/>, nearest first (breadth first towards the lines), and for each
    /// its lead time, the stock it delivers into, and its origin's finished goods and capacity of the part; every
    /// parameter once, those worth zero left out (a percentage of nothing is nothing).
    /// </summary>
    private static List<Parameter> InFrontOf(Network network, string targetId)
    {
        var scenario = network.Scenario;
        var linesOfPlant = scenario.Plants.ToDictionary(p => p.Id, p => p.Lines.Select(l => l.Id).ToList(), StringComparer.Ordinal);
        var outgoing = network.Lanes.GroupBy(l => l.Spec.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var systems = scenario.ItSystems.Where(s => s.Id == targetId || s.Owner == targetId).ToList();
        var starts = new List<string> { targetId };
        var lanes = new List<LanePlan>();
        foreach (var system in scenario.Suppliers.Any(s => s.Id == targetId) ? [] : systems)
        {
            // What depends on the system: its lanes, and the lanes into its nodes (their stocks and pipelines carry
            // the node through), then everything downstream of them.
            var nodes = system.DependentNodes.SelectMany(n => linesOfPlant.TryGetValue(n, out var l) ? l : [n]).ToHashSet(StringComparer.Ordinal);
            starts.AddRange(nodes);
            lanes.AddRange(network.Lanes.Where(l => system.DependentLanes.Contains(l.Spec.Id) || nodes.Contains(l.Spec.To)));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(starts);
        var ordered = new List<LanePlan>();
        var laneSeen = new HashSet<int>();
        foreach (var lane in lanes)
        {
            if (laneSeen.Add(lane.Index))
            {
                ordered.Add(lane);
                queue.Enqueue(lane.Spec.To);
            }
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!seen.Add(node) || !outgoing.TryGetValue(node, out var from))
            {
                continue;
            }

            foreach (var lane in from.Where(l => laneSeen.Add(l.Index)))
            {
                ordered.Add(lane);
                queue.Enqueue(lane.Spec.To);
            }
        }

        var result = new List<Parameter>();
        var keys = new HashSet<(SensitivityParameterKind, string, string, string)>();
        void Add(Parameter p)
        {
            if (p.BaseValue > 0 && keys.Add((p.Kind, p.Entity, p.Part, p.Holder)))
            {
                result.Add(p);
            }
        }

        foreach (var lane in ordered)
        {
            var part = lane.Spec.PartId;
            Add(new Parameter(SensitivityParameterKind.LeadTime, lane.Spec.Id, part, string.Empty, SurvivalModelBuilder.MeanHours(lane.Spec.TransitHours)));
            Add(new Parameter(SensitivityParameterKind.Stock, lane.Spec.To, part, lane.Feed.ToLine ? "line" : "input", lane.Feed.InitialUnits));
            var product = lane.Origin.Products[lane.ProductIndex];
            Add(new Parameter(SensitivityParameterKind.Stock, lane.Spec.From, part, "finished", product.InitialUnits));
            // A capacity shared by the supplier's products is one parameter; a product's own limit below it another.
            if (lane.Origin.Spec.CapacityPerHour is { } shared)
            {
                Add(new Parameter(SensitivityParameterKind.Capacity, lane.Spec.From, string.Empty, "shared", shared));
            }

            if (lane.Origin.Spec.CapacityPerHour is not { } limit || product.Spec.CapacityPerHour < limit)
            {
                Add(new Parameter(SensitivityParameterKind.Capacity, lane.Spec.From, part, string.Empty, product.Spec.CapacityPerHour));
            }
        }

        return result;
    }

    /// <summary>The network with one parameter times <paramref name="factor"/>, resolved again under the same policy.</summary>
    private static Network Perturbed(ScenarioSpec scenario, Network network, Parameter parameter, double factor)
    {
        var policy = network.Policy;
        var changed = scenario;
        switch (parameter.Kind, parameter.Holder)
        {
            case (SensitivityParameterKind.Stock, "line"):
                // A policy level at one node, so that the policy's own levels do not undo the change.
                policy = policy with { PartOverrides = [.. policy.PartOverrides, new PartOverride(parameter.Part, StockAmount.InUnits(parameter.BaseValue * factor), null, At: parameter.Entity)] };
                break;
            case (SensitivityParameterKind.Stock, "finished"):
                policy = policy with { PartOverrides = [.. policy.PartOverrides, new PartOverride(parameter.Part, null, StockAmount.InUnits(parameter.BaseValue * factor), At: parameter.Entity)] };
                break;
            case (SensitivityParameterKind.Stock, _):
                changed = scenario with
                {
                    Suppliers = scenario.Suppliers.Select(s => s.Id != parameter.Entity ? s : s with
                    {
                        InputStocks = s.InputStocks.Select(i => i.PartId != parameter.Part ? i : i with
                        {
                            Initial = i.Initial with { Value = i.Initial.Value * factor },
                            Target = i.Target is { } target ? target with { Value = target.Value * factor } : null,
                        }).ToList(),
                    }).ToList(),
                };
                break;
            case (SensitivityParameterKind.LeadTime, _):
                changed = scenario with
                {
                    Lanes = scenario.Lanes.Select(l => l.Id != parameter.Entity ? l : l with
                    {
                        TransitHours = Scaled(l.TransitHours, factor),
                        Trigger = l.Trigger.Kind == TriggerKind.Sequence ? l.Trigger with { LeadHours = l.Trigger.LeadHours * factor } : l.Trigger,
                    }).ToList(),
                };
                break;
            case (SensitivityParameterKind.Capacity, "shared"):
                changed = scenario with
                {
                    Suppliers = scenario.Suppliers.Select(s => s.Id != parameter.Entity ? s : s with
                    {
                        CapacityPerHour = s.CapacityPerHour * factor,

                        // Products without a limit of their own carry the shared one; they move with it.
                        Products = s.Products.Select(p => p.CapacityPerHour < s.CapacityPerHour ? p : p with { CapacityPerHour = p.CapacityPerHour * factor }).ToList(),
                    }).ToList(),
                };
                break;
            default:
                changed = scenario with
                {
                    Suppliers = scenario.Suppliers.Select(s => s.Id != parameter.Entity ? s : s with
                    {
                        Products = s.Products.Select(p => p.PartId != parameter.Part ? p : p with { CapacityPerHour = p.CapacityPerHour * factor }).ToList(),
                    }).ToList(),
                };
                break;
        }

        changed = changed with { Policies = changed.Policies.Select(p => p.Id == policy.Id ? policy : p).ToList() };
        return Network.Build(changed.Policies.Any(p => p.Id == policy.Id) ? changed : changed with { Policies = [policy] }, policy.Id, network.HorizonHours);
    }

    /// <summary>A time distribution stretched by <paramref name="factor"/>: every location and scale parameter, the shape kept.</summary>
    private static DistributionSpec Scaled(DistributionSpec d, double factor) => d with
    {
        Mean = d.Mean * factor,
        Std = d.Std * factor,
        Min = d.Min * factor,
        Mode = d.Mode * factor,
        Max = d.Max * factor,
        Scale = d.Scale * factor,
        Values = d.Values?.Select(v => v * factor).ToList(),
    };
}
