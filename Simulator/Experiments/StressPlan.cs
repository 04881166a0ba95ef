namespace Simulator.Experiments;

/// <summary>
/// The work of one stress test, fixed by the scenario and the options alone: every target, the simulations they need
/// after screening and de-duplication, and the work units (simulation x replication) that shards share out.
/// </summary>
/// <remarks>
/// A unit is a pure function of (scenario, policy, target, duration, replication): unit <c>u</c> runs simulation
/// <c>u / Replications</c> with the seed of replication <c>u % Replications</c>, so any process, shard or machine
/// computes the same row for it. The plan travels with every shard (in <c>shard.json</c>) so that <c>merge</c> needs
/// nothing but the shard folders.
/// </remarks>
/// <param name="ScenarioName">Scenario name.</param>
/// <param name="Policy">Policy the network was resolved under.</param>
/// <param name="Seed">Root seed.</param>
/// <param name="Replications">Runs per target and duration.</param>
/// <param name="ReferenceHours">Hour every outage starts.</param>
/// <param name="HorizonHours">Simulated hours of every run.</param>
/// <param name="DurationsHours">Outage durations applied to every target; empty when each lasts its own recovery time.</param>
/// <param name="Screened">Whether inert targets and duplicates share simulations (false simulates every target itself).</param>
/// <param name="Targets">Every target, in <see cref="StressTarget.AllOf"/> order.</param>
/// <param name="Lines">Every line, in scenario order.</param>
/// <param name="SimulationOfSlot">For each target and duration slot, the index of the simulation whose result it takes.</param>
/// <param name="Simulations">The distinct simulations: representative target and outage hours.</param>
/// <param name="Warnings">Things the reader should know, for example outages that outlast the horizon.</param>
/// <param name="Optimum">
/// With <see cref="StressMethod.Lp"/>, the LP optimum of each target and duration slot, else null. It is a pure
/// function of the scenario, policy, target and duration (and, from a reference time after hour 0, of the seed: the
/// programs start from replication 0's undisrupted state then). <see cref="StressTest.Plan"/> solves it for every target;
/// shards plan without it (<see cref="StressTest.PlanRuns"/>), each solves its share of the targets
/// (<see cref="TargetsOfShard"/>) and <c>merge</c> puts the shares together (<see cref="WithOptimum"/>).
/// </param>
public sealed record StressPlan(
    string ScenarioName,
    string Policy,
    ulong Seed,
    int Replications,
    double ReferenceHours,
    double HorizonHours,
    IReadOnlyList<double> DurationsHours,
    bool Screened,
    IReadOnlyList<StressTarget> Targets,
    IReadOnlyList<StressPlanLine> Lines,
    IReadOnlyList<IReadOnlyList<int>> SimulationOfSlot,
    IReadOnlyList<StressSimulation> Simulations,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<IReadOnlyList<StressOptimum>>? Optimum = null)
{
    /// <summary>Duration slots per target: the durations given, or one (each target's own recovery time).</summary>
    public int DurationCount => Math.Max(1, DurationsHours.Count);

    /// <summary>Work units: simulations times replications.</summary>
    public int UnitCount => Simulations.Count * Replications;

    /// <summary>Whether any line has a margin per unit (the risk index then weighs lost margin).</summary>
    public bool HasMargins => Lines.Any(l => l.MarginPerUnit is not null);

    /// <summary>
    /// The targets whose LP optimum shard <paramref name="index"/> of <paramref name="count"/> solves: every target whose
    /// index is <paramref name="index"/> modulo <paramref name="count"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1 or the index outside [0, count).</exception>
    public IReadOnlyList<int> TargetsOfShard(int index, int count)
    {
        CheckShard(index, count);
        return Enumerable.Range(0, Targets.Count).Where(t => t % count == index).ToArray();
    }

    /// <summary>This plan with the LP optimum of every target, put together from <paramref name="optima"/> (each target once, in any order).</summary>
    /// <exception cref="ArgumentException">A target is missing or given twice, outside the plan, or has not one optimum per duration slot.</exception>
    public StressPlan WithOptimum(IEnumerable<StressTargetOptimum> optima)
    {
        ArgumentNullException.ThrowIfNull(optima);
        var byTarget = new IReadOnlyList<StressOptimum>?[Targets.Count];
        foreach (var optimum in optima)
        {
            if (optimum.Target < 0 || optimum.Target >= Targets.Count)
            {
                throw new ArgumentException($"target {optimum.Target} is outside the plan's {Targets.Count} targets", nameof(optima));
            }

            if (byTarget[optimum.Target] is not null)
            {
                throw new ArgumentException($"the optimum of target {optimum.Target} ({Targets[optimum.Target].Id}) is given twice", nameof(optima));
            }

            if (optimum.Slots.Count != DurationCount)
            {
                throw new ArgumentException($"the optimum of target {optimum.Target} ({Targets[optimum.Target].Id}) has {optimum.Slots.Count} duration slots, not {DurationCount}", nameof(optima));
            }

            byTarget[optimum.Target] = optimum.Slots;
        }

        var missing = Array.FindIndex(byTarget, o => o is null);
        return missing >= 0
            ? throw new ArgumentException($"the optimum of target {missing} ({Targets[missing].Id}) is missing", nameof(optima))
            : this with { Optimum = byTarget! };
    }

    /// <summary>The units of shard <paramref name="index"/> of <paramref name="count"/>: every unit whose index is <paramref name="index"/> modulo <paramref name="count"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1 or the index outside [0, count).</exception>
    public IReadOnlyList<int> UnitsOfShard(int index, int count)
    {
        CheckShard(index, count);
        return Enumerable.Range(0, UnitCount).Where(u => u % count == index).ToArray();
    }

    private static void CheckShard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
    }
}

/// <summary>One line of the stressed network.</summary>
/// <param name="Id">Line id.</param>
/// <param name="PlantId">Its plant.</param>
/// <param name="MarginPerUnit">Margin per unit built, or null.</param>
public sealed record StressPlanLine(string Id, string PlantId, double? MarginPerUnit);

/// <summary>One distinct outage simulation of a stress test.</summary>
/// <param name="Target">Index in <see cref="StressPlan.Targets"/> of the target that is taken down.</param>
/// <param name="DurationHours">Hours it is down.</param>
public sealed record StressSimulation(int Target, double DurationHours);

/// <summary>What the time-to-survive and time-to-recover LPs give for one target and duration.</summary>
/// <param name="TimeToSurviveHours">Hours every line's demand can be met for when stock, pipeline and the capacity left are allocated as well as possible; null when beyond the horizon.</param>
/// <param name="LostUnits">Least jobs lost over the outage (ties among the least lost value broken towards fewer units).</param>
/// <param name="LostValue">The least loss: lost jobs weighted by each line's margin where the scenario gives margins, else the lost jobs.</param>
public sealed record StressOptimum(double? TimeToSurviveHours, double LostUnits, double LostValue);

/// <summary>The LP optimum of one target, for each duration slot: what a shard solves and <c>merge</c> puts together.</summary>
/// <param name="Target">Index in <see cref="StressPlan.Targets"/>.</param>
/// <param name="Slots">The optimum of each duration slot, in <see cref="StressPlan.DurationsHours"/> order.</param>
public sealed record StressTargetOptimum(int Target, IReadOnlyList<StressOptimum> Slots);
