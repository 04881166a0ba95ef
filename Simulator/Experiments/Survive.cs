using System.Globalization;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>How <see cref="Survive"/> runs.</summary>
/// <param name="AsOf">The moment every target fails; null is the scenario's start (which <c>import</c> sets to the as-of time of the data).</param>
/// <param name="Policy">Policy to resolve the network under; null uses the scenario's first.</param>
/// <param name="Seed">Root seed (random transit times and outage lengths draw from it).</param>
/// <param name="Parallelism">Runs at once; null uses every core.</param>
/// <param name="TopRisks">How many of the first-ranked targets that halt a line get days of supply under their outage.</param>
/// <param name="Days">Days of supply are projected for this many days from the as-of time (within the horizon).</param>
/// <param name="Method">
/// <see cref="StressMethod.Lp"/> puts beside each simulated time-to-survive the LP optimum from the same state
/// (<see cref="SurviveNode.Optimum"/>): stock and goods in transit reallocated as well as possible.
/// </param>
public sealed record SurviveOptions(
    DateTimeOffset? AsOf = null,
    string? Policy = null,
    ulong Seed = 1,
    int? Parallelism = null,
    int TopRisks = 5,
    int Days = 7,
    StressMethod Method = StressMethod.Simulation);

/// <summary>How long the network survives the failure, right now, of one supplier, IT system or provider.</summary>
/// <param name="Rank">1 for the most urgent.</param>
/// <param name="Target">The supplier, IT system or provider.</param>
/// <param name="HoursToHalt">Hours from its failure to the first line halt, or null when no line halts within the horizon.</param>
/// <param name="RecoveryHours">Hours it takes to be back: its <c>recovery_hours</c>, or <see cref="StressTest.DefaultDurationHours"/> where none is given.</param>
/// <param name="NeedsMitigation">A line halts before the target is back.</param>
/// <param name="LinesAtRisk">Lines that halt, in scenario order.</param>
/// <param name="PlantsAtRisk">Their plants, in scenario order.</param>
/// <param name="VehiclesAtRisk">Units (vehicles) the lines build fewer than without the failure, over the horizon.</param>
/// <param name="LinesBackAfterHours">Hours after the target is back until every halted line runs at full rate again, or null (none halted, or not within the horizon).</param>
/// <param name="CauseChain">Why the first line halts, from the line back to the target (e.g. part SEAT, its supplier T1, T1's supplier T2), for the targets that need mitigation; null for the others.</param>
/// <param name="Optimum">
/// With <see cref="StressMethod.Lp"/>, the LP optimum from the same state: time-to-survive (hours every line can
/// build its plan for at best: its rate, or the day's demand where the state gives one; null beyond the horizon) and the least loss over the target's recovery time; else null.
/// </param>
public sealed record SurviveNode(
    int Rank,
    StressTarget Target,
    double? HoursToHalt,
    double RecoveryHours,
    bool NeedsMitigation,
    IReadOnlyList<string> LinesAtRisk,
    IReadOnlyList<string> PlantsAtRisk,
    double VehiclesAtRisk,
    double? LinesBackAfterHours,
    CauseChain? CauseChain,
    StressOptimumOutcome? Optimum = null)
{
    /// <summary>Hours the target may be down before a line halts, less the hours it needs: negative when it needs mitigation; null when no line halts.</summary>
    public double? SlackHours => HoursToHalt is { } halt ? halt - RecoveryHours : null;

    /// <summary>This node as a row of a snapshot, for comparing with a later one.</summary>
    public SurviveSnapshotRow ToSnapshotRow() => new(Target.Id, Target.KindName, HoursToHalt, NeedsMitigation);
}

/// <summary>The days of supply of every material and site, as they are and under the outage of one top risk.</summary>
/// <param name="OutageOf">The target that fails at the as-of time, or null for the network as it is.</param>
/// <param name="Series">One series per material and site.</param>
public sealed record DaysOfSupplyScenario(StressTarget? OutageOf, IReadOnlyList<DaysOfSupplySeries> Series);

/// <summary>The result of <see cref="Survive.Run"/>: every target's time-to-survive, ranked, and the days of supply.</summary>
/// <param name="ScenarioName">Scenario name.</param>
/// <param name="AsOf">The moment every target fails.</param>
/// <param name="AsOfHours">That moment in hours from the scenario's start.</param>
/// <param name="Policy">Policy the network was resolved under.</param>
/// <param name="Seed">Root seed.</param>
/// <param name="HorizonHours">Simulated hours of every run.</param>
/// <param name="Nodes">
/// Every target, most urgent first: those that need mitigation, then the others that halt a line, then those that
/// halt none; within each by hours to halt (ascending), then vehicles at risk (descending), then id.
/// </param>
/// <param name="DaysOfSupply">As is first, then under the outage of each top risk.</param>
/// <param name="Stress">The stress test the time-to-survive comes from (every target down from the as-of time for its own recovery time).</param>
public sealed record SurviveResult(
    string ScenarioName,
    DateTimeOffset AsOf,
    double AsOfHours,
    string Policy,
    ulong Seed,
    double HorizonHours,
    IReadOnlyList<SurviveNode> Nodes,
    IReadOnlyList<DaysOfSupplyScenario> DaysOfSupply,
    StressTestResult Stress)
{
    /// <summary>How many of the nodes need mitigation now (and how many cost production, how many are hidden).</summary>
    public Metrics.CriticalitySummary Summary =>
        Metrics.CriticalitySummary.Of(Nodes.Select(n => new Metrics.CriticalitySummary.Target(n.NeedsMitigation, n.Target.IsHidden, n.VehiclesAtRisk)));

    /// <summary>How each target was measured: with <see cref="StressMethod.Lp"/> every node carries the LP optimum beside the simulation.</summary>
    public StressMethod Method { get; init; }

    /// <summary>Where risks are forming since a previous snapshot (see <see cref="Survive.Since"/>), or null when none was given.</summary>
    public IReadOnlyList<RiskChange>? Changes { get; init; }

    /// <summary>The wall-clock time <paramref name="hours"/> after the as-of time.</summary>
    public DateTimeOffset At(double hours) => AsOf.AddHours(hours);
}

/// <summary>
/// Time-to-survive right now: from the current state (stock, goods in transit, demand as of a time), every supplier,
/// IT system and provider fails at that time for its own recovery time; how long until the first line halts, whether
/// that is before it is back, which lines and vehicles are at risk and why.
/// </summary>
/// <remarks>
/// It is a stress test with every target down from the as-of time for its own <c>recovery_hours</c>
/// (<see cref="StressTest"/> with own recovery, one replication); the cause chains come from one more run of each
/// target that needs mitigation, and the days of supply from the recorded stocks of an undisrupted run and of the top
/// risks' outages. Every run uses the seed of replication 0, so the result is the same on any thread count.
/// </remarks>
public static class Survive
{
    /// <summary>Runs the analysis.</summary>
    /// <exception cref="InvalidOptionsException">An unknown policy, an as-of time outside the horizon, or bad counts.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static SurviveResult Run(ScenarioSpec scenario, SurviveOptions options, IProgress<int>? completedRuns = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var asOf = options.AsOf ?? scenario.Start;
        var asOfHours = (asOf - scenario.Start).TotalHours;
        if (!(asOfHours >= 0 && asOfHours < scenario.HorizonHours))
        {
            throw new InvalidOptionsException(
                $"as-of {asOf.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)} is outside the scenario's horizon "
                + $"({scenario.Start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)} + {scenario.HorizonHours.ToString(CultureInfo.InvariantCulture)} h)",
                nameof(options));
        }

        if (options.TopRisks < 0 || options.Days < 1)
        {
            throw new InvalidOptionsException($"top risks must be at least 0 and days at least 1, got {options.TopRisks} and {options.Days}", nameof(options));
        }

        var stressed = scenario with { ReferenceHours = asOfHours };
        var stressOptions = new StressTestOptions(options.Policy, Seed: options.Seed, Parallelism: options.Parallelism, OwnRecovery: true, Method: options.Method);
        var stress = StressTest.Run(stressed, stressOptions, completedRuns, cancellationToken);
        var network = Network.Build(stressed, options.Policy);
        var seed = Experiment.ReplicationSeed(options.Seed, 0);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism ?? System.Environment.ProcessorCount, CancellationToken = cancellationToken };

        // The cause chain of each target that needs mitigation (where the notification goes out) is that of the stress
        // test's own run of it; a target that took another's run is run once more with its own outage, since the chain
        // names the node that failed.
        var halting = stress.Ranking.Where(e => e.Primary.NeedsMitigation).ToArray();
        var causes = new CauseChain?[halting.Length];
        Parallel.For(0, halting.Length, parallel, i =>
        {
            causes[i] = stress.FirstHaltCauses.TryGetValue(halting[i].Target.Id, out var cause)
                ? cause
                : StressTest.FirstHaltCause(Simulation.Run(network, seed, new RunOptions(RecordPartSeries: false, Disruptions: [Outage(halting[i], asOfHours)])));
        });
        var causeOf = halting.Select((e, i) => (e.Target.Id, Cause: causes[i])).ToDictionary(x => x.Id, x => x.Cause, StringComparer.Ordinal);

        var nodes = stress.Ranking
            .Select(e => (Entry: e, Halt: e.Primary.TimeToHaltHours))
            .OrderBy(e => e.Entry.Primary.NeedsMitigation ? 0 : e.Halt is null ? 2 : 1)
            .ThenBy(e => e.Halt ?? double.PositiveInfinity)
            .ThenByDescending(e => e.Entry.Primary.LostUnits)
            .ThenBy(e => e.Entry.Target.Id, StringComparer.Ordinal)
            .Select((e, i) => new SurviveNode(
                i + 1,
                e.Entry.Target,
                e.Halt,
                e.Entry.Primary.DurationHours,
                e.Entry.Primary.NeedsMitigation,
                e.Entry.Primary.LinesHalted,
                e.Entry.Primary.PlantsHalted,
                e.Entry.Primary.LostUnits,
                e.Entry.Primary.TimeToRecoverHours,
                causeOf.GetValueOrDefault(e.Entry.Target.Id),
                e.Entry.Primary.Optimum))
            .ToArray();

        var top = nodes.Where(n => n.HoursToHalt is not null).Take(options.TopRisks).ToArray();
        var supply = new DaysOfSupplyScenario[top.Length + 1];
        Parallel.For(0, top.Length + 1, parallel, i =>
        {
            var target = i == 0 ? null : top[i - 1];
            var outages = target is null ? [] : new[] { Outage(target.Target, target.RecoveryHours, asOfHours) };
            var trace = Simulation.Run(network, seed, new RunOptions(RecordPartSeries: true, Disruptions: outages, PartSeriesAsSamples: false));
            supply[i] = new DaysOfSupplyScenario(target?.Target, DaysOfSupplyCalculator.Of(network, trace.Parts!, asOfHours, options.Days));
        });

        return new SurviveResult(scenario.Name, asOf, asOfHours, stress.Policy, options.Seed, stress.HorizonHours, nodes, supply, stress) { Method = options.Method };
    }

    /// <summary><paramref name="result"/> with the risks forming since <paramref name="previous"/> (the nodes of an earlier snapshot).</summary>
    public static SurviveResult Since(SurviveResult result, IReadOnlyList<SurviveSnapshotRow> previous)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result with { Changes = RiskTrend.Of(result.Nodes.Select(n => n.ToSnapshotRow()).ToArray(), previous) };
    }

    private static DisruptionSpec Outage(CriticalityEntry entry, double startHours) => Outage(entry.Target, entry.Primary.DurationHours, startHours);

    private static DisruptionSpec Outage(StressTarget target, double hours, double startHours) =>
        new($"stress:{target.Id}", [target.Id], startHours, DistributionSpec.Fixed(hours), RecoverySpec.Default);
}
