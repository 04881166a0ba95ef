using System.Globalization;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>
/// Supply-chain stress test: takes down every supplier, IT system and shared provider on its own, from the scenario's
/// reference time, and ranks them by the production their outage costs and how soon it stops a line.
/// </summary>
/// <remarks>
/// The network is resolved once; each target's run replaces the scenario's disruptions by the single stress outage.
/// Every run of replication r uses the seed <see cref="Experiment.ReplicationSeed"/>(seed, r) and is compared with one
/// undisrupted baseline of that seed, so all targets share the same draws (common random numbers). The work is a
/// <see cref="StressPlan"/> of units that can run in any order, process or shard (<see cref="Execute"/>); their rows are
/// reduced in a fixed order (<see cref="Reduce"/>), so the result depends neither on the thread count nor on how the
/// units were shared out.
/// </remarks>
public static class StressTest
{
    /// <summary>Outage length of every target unless durations are given (or, with own recovery, of a target without <c>recovery_hours</c>).</summary>
    public const double DefaultDurationHours = 72;

    /// <summary>Disrupts every target of <paramref name="scenario"/> in turn and ranks them.</summary>
    /// <param name="scenario">The scenario; its own disruptions are ignored.</param>
    /// <param name="options">Policy, durations, replications, seed and parallelism.</param>
    /// <param name="completedRuns">Reports the count of runs done, out of <see cref="RunCount(ScenarioSpec, StressTestOptions)"/>.</param>
    /// <param name="cancellationToken">Stops between runs.</param>
    /// <exception cref="InvalidOptionsException">An unknown policy, a non-positive or non-finite duration, fewer than one replication, or a parallelism below 1.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static StressTestResult Run(
        ScenarioSpec scenario,
        StressTestOptions options,
        IProgress<int>? completedRuns = null,
        CancellationToken cancellationToken = default)
    {
        var plan = Plan(scenario, options);
        var sink = new CollectingSink();
        Execute(scenario, plan, options, Enumerable.Range(0, plan.UnitCount).ToArray(), sink, completedRuns, cancellationToken);
        return Reduce(plan, sink.Runs, sink.Baselines);
    }

    /// <summary>The work a stress test of <paramref name="scenario"/> makes: targets, the simulations they need and the units.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">The options.</param>
    /// <param name="solvedTargets">With <see cref="StressMethod.Lp"/>: reports the count of targets whose optimum is solved, out of every target.</param>
    /// <param name="cancellationToken">Stops between targets' optima.</param>
    /// <exception cref="InvalidOptionsException">An unknown policy or bad options (see <see cref="Run"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static StressPlan Plan(ScenarioSpec scenario, StressTestOptions options, IProgress<int>? solvedTargets = null, CancellationToken cancellationToken = default)
    {
        var (plan, network) = Layout(scenario, options);
        return options.Method == StressMethod.Lp
            ? plan.WithOptimum(Optimum(network, plan, Enumerable.Range(0, plan.Targets.Count).ToArray(), options, null, solvedTargets, cancellationToken))
            : plan;
    }

    /// <summary>
    /// The plan of a stress test of <paramref name="scenario"/> without its LP optimum: what every shard of it holds and
    /// compares, whichever method; with <see cref="StressMethod.Lp"/> the optimum is solved apart, target by target
    /// (<see cref="SolveOptimum"/>), and joined with <see cref="StressPlan.WithOptimum"/>.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="InvalidOptionsException">An unknown policy or bad options (see <see cref="Run"/>).</exception>
    public static StressPlan PlanRuns(ScenarioSpec scenario, StressTestOptions options) => Layout(scenario, options).Plan;

    /// <summary>
    /// The LP optimum (time-to-survive and least loss per duration slot) of the targets <paramref name="targets"/> of
    /// <paramref name="plan"/>, <see cref="StressTestOptions.Parallelism"/> targets at once, in the order given.
    /// </summary>
    /// <param name="scenario">The scenario the plan was made from.</param>
    /// <param name="plan">The plan (from <see cref="PlanRuns"/> or <see cref="Plan"/>).</param>
    /// <param name="options">The options the plan was made with (for the policy and parallelism).</param>
    /// <param name="targets">Indices in <see cref="StressPlan.Targets"/>, for example <see cref="StressPlan.TargetsOfShard"/>.</param>
    /// <param name="solved">Receives each target's optimum as it is solved, one call at a time (so that a journal can keep it).</param>
    /// <param name="solvedTargets">Reports the count of targets solved, out of <paramref name="targets"/>.</param>
    /// <param name="cancellationToken">Stops between targets; the optima handed to <paramref name="solved"/> stay valid.</param>
    /// <exception cref="ArgumentOutOfRangeException">A target index outside the plan.</exception>
    /// <exception cref="ArgumentException">A target given twice, or a plan made from another scenario or policy.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static IReadOnlyList<StressTargetOptimum> SolveOptimum(
        ScenarioSpec scenario,
        StressPlan plan,
        StressTestOptions options,
        IReadOnlyList<int> targets,
        Action<StressTargetOptimum>? solved = null,
        IProgress<int>? solvedTargets = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Any(t => t < 0 || t >= plan.Targets.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(targets), $"target indices must lie in [0, {plan.Targets.Count})");
        }

        if (targets.Distinct().Count() != targets.Count)
        {
            throw new ArgumentException("each target may be given once", nameof(targets));
        }

        if (targets.Count == 0)
        {
            return [];
        }

        var network = Network.Build(scenario, options.Policy);
        if (plan.Policy != network.Policy.Id || plan.ReferenceHours != scenario.ReferenceHours || plan.HorizonHours != network.HorizonHours)
        {
            throw new ArgumentException("the plan was made from another scenario or policy", nameof(plan));
        }

        return Optimum(network, plan, targets, options, solved, solvedTargets, cancellationToken);
    }

    private static (StressPlan Plan, Network Network) Layout(ScenarioSpec scenario, StressTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        Experiment.CheckPolicy(scenario, options.Policy);
        var network = Network.Build(scenario, options.Policy);
        var targets = StressTarget.AllOf(scenario);
        var durations = options.OwnRecovery ? [] : options.Durations.Count > 0 ? options.Durations.ToArray() : new[] { DefaultDurationHours };
        var durationCount = Math.Max(1, durations.Length);
        var footprints = options.Screen ? StressScreening.Footprints(network, targets) : null;

        // One simulation per distinct (gates switched off, hours): inert targets all share the key "no gate reaches a line".
        var simulations = new List<StressSimulation>();
        var byKey = new Dictionary<(string Gates, double Hours), int>();
        var slots = new List<IReadOnlyList<int>>(targets.Count);
        for (var t = 0; t < targets.Count; t++)
        {
            var row = new int[durationCount];
            for (var d = 0; d < durationCount; d++)
            {
                var hours = DurationOf(targets[t], durations, d);
                (string Gates, double Hours)? key = footprints is null ? null : (footprints[t] ?? string.Empty, hours);
                if (key is { } k && byKey.TryGetValue(k, out var shared))
                {
                    row[d] = shared;
                    continue;
                }

                row[d] = simulations.Count;
                if (key is { } added)
                {
                    byKey.Add(added, simulations.Count);
                }

                simulations.Add(new StressSimulation(t, hours));
            }

            slots.Add(row);
        }

        var lines = network.Scenario.Plants.SelectMany(p => p.Lines).Select(l => new StressPlanLine(l.Id, l.PlantId, l.MarginPerUnit)).ToArray();
        var plan = new StressPlan(
            scenario.Name, network.Policy.Id, options.Seed, options.Replications, scenario.ReferenceHours, network.HorizonHours, durations,
            options.Screen, targets, lines, slots, simulations, Warnings(scenario, network.HorizonHours, targets, durations));
        return (plan, network);
    }

    /// <summary>The LP optimum of <paramref name="targets"/> for every duration slot (see <see cref="SurvivalLp"/>), several targets at once.</summary>
    private static IReadOnlyList<StressTargetOptimum> Optimum(
        Network network,
        StressPlan plan,
        IReadOnlyList<int> targets,
        StressTestOptions options,
        Action<StressTargetOptimum>? sink,
        IProgress<int>? solvedTargets,
        CancellationToken cancellationToken)
    {
        var solved = 0;
        var gate = new Lock();
        var limit = network.HorizonHours - network.Scenario.ReferenceHours;
        var durations = plan.DurationsHours.ToArray();

        // The programs start from what the outage finds: the undisrupted run's stocks at the reference time (replication
        // 0's draws, so every shard starts from the same), or at hour 0 the network's opening stocks.
        var stocks = plan.ReferenceHours > 0 ? Simulation.StocksAt(network, Experiment.ReplicationSeed(plan.Seed, 0), plan.ReferenceHours) : null;
        var result = new StressTargetOptimum[targets.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism ?? System.Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, targets.Count, parallel, i =>
        {
            var target = plan.Targets[targets[i]];
            var model = SurvivalModelBuilder.For(network, target.Id, plan.HasMargins, stocks);
            var survive = SurvivalLp.TimeToSurviveHours(model, limit);
            var slots = Enumerable.Range(0, plan.DurationCount)
                .Select(d =>
                {
                    // Loss counts within the horizon only, as the simulated lost units do.
                    var loss = SurvivalLp.MinimumLoss(model, Math.Min(DurationOf(target, durations, d), limit));
                    return new StressOptimum(survive, loss.LostUnits, loss.LostValue);
                })
                .ToArray();
            result[i] = new StressTargetOptimum(targets[i], slots);
            lock (gate)
            {
                sink?.Invoke(result[i]);
                solvedTargets?.Report(++solved);
            }
        });

        return result;
    }

    /// <summary>
    /// Simulates <paramref name="units"/> of <paramref name="plan"/> (in parallel) and the baselines of their replications,
    /// handing each row to <paramref name="sink"/> as it finishes, one call at a time.
    /// </summary>
    /// <param name="scenario">The scenario the plan was made from.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="options">The options the plan was made with (for the policy and parallelism).</param>
    /// <param name="units">Units to run, each in [0, <see cref="StressPlan.UnitCount"/>).</param>
    /// <param name="sink">Receives every baseline and every unit's row.</param>
    /// <param name="completedRuns">Reports the runs done, baselines included.</param>
    /// <param name="cancellationToken">Stops between runs.</param>
    /// <exception cref="OperationCanceledException">Cancelled; rows already handed to the sink stay valid.</exception>
    public static void Execute(
        ScenarioSpec scenario,
        StressPlan plan,
        StressTestOptions options,
        IReadOnlyList<int> units,
        IStressRunSink sink,
        IProgress<int>? completedRuns = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(sink);
        var network = Network.Build(scenario, options.Policy);
        var replications = plan.Replications;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Parallelism ?? System.Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        var gate = new object();
        var done = 0;
        void Completed() => completedRuns?.Report(Interlocked.Increment(ref done));

        // One baseline per replication serves every target: it does not depend on what is disrupted.
        var needed = units.Select(u => u % replications).Distinct().Order().ToArray();
        var baselines = new RunTrace?[replications];
        var checkpoints = new BaselineCheckpoints?[replications];
        Parallel.ForEach(needed, parallel, r =>
        {
            var seed = Experiment.ReplicationSeed(plan.Seed, r);
            var quiet = new RunOptions(RecordPartSeries: false, WithDisruptions: false);
            RunTrace baseline;
            if (options.EarlyStop)
            {
                checkpoints[r] = Simulation.RunBaseline(network, seed, quiet, CheckpointEveryHours, keepValues: options.VerifyEarlyStop);
                baseline = checkpoints[r]!.Trace!;
            }
            else
            {
                baseline = Simulation.Run(network, seed, quiet);
            }

            baselines[r] = baseline;
            lock (gate)
            {
                sink.Accept(new StressBaselineRun(r, baseline.ProcessedEvents));
            }

            Completed();
        });

        var margins = plan.Lines.Select(l => l.MarginPerUnit ?? 0).ToArray();
        Parallel.ForEach(units, parallel, unit =>
        {
            var simulation = plan.Simulations[unit / replications];
            var r = unit % replications;
            var seed = Experiment.ReplicationSeed(plan.Seed, r);
            var target = plan.Targets[simulation.Target];
            var outage = new DisruptionSpec(
                $"stress:{target.Id}", [target.Id], plan.ReferenceHours, DistributionSpec.Fixed(simulation.DurationHours), RecoverySpec.Default);
            var disruptedOptions = new RunOptions(RecordPartSeries: false, Disruptions: [outage]);
            var (disrupted, stoppedAt) = checkpoints[r] is { } rejoin
                ? Simulation.RunUntilRejoined(network, seed, disruptedOptions, rejoin, plan.ReferenceHours + simulation.DurationHours)
                : (Simulation.Run(network, seed, disruptedOptions), null);
            var row = StressRun.Of(unit, LineMetricsCalculator.Compute(plan.Policy, r, seed, disrupted, baselines[r]!), margins, disrupted.ProcessedEvents)
                with { FirstHaltCause = FirstHaltCause(disrupted) };
            if (options.VerifyEarlyStop && stoppedAt is { } hours)
            {
                var full = Simulation.Run(network, seed, disruptedOptions);
                VerifySame(row, StressRun.Of(unit, LineMetricsCalculator.Compute(plan.Policy, r, seed, full, baselines[r]!), margins, full.ProcessedEvents), target.Id, hours);
            }

            lock (gate)
            {
                sink.Accept(row);
            }

            Completed();
        });
    }

    /// <summary>
    /// Ranks the targets of <paramref name="plan"/> from the rows of every unit and baseline, in whatever order and
    /// from whichever process they came: the means, the risk exposure index and the ranking are computed here, over
    /// all targets at once.
    /// </summary>
    /// <exception cref="InvalidOptionsException">A unit or a baseline is missing, or a row does not belong to the plan.</exception>
    public static StressTestResult Reduce(StressPlan plan, IEnumerable<StressRun> runs, IEnumerable<StressBaselineRun> baselines)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(baselines);
        var byUnit = new StressRun?[plan.UnitCount];
        foreach (var run in runs)
        {
            if (run.Unit < 0 || run.Unit >= byUnit.Length)
            {
                throw new InvalidOptionsException($"run of unit {run.Unit} is not part of the plan ({byUnit.Length} units)", nameof(runs));
            }

            byUnit[run.Unit] ??= run;
        }

        var missing = Enumerable.Range(0, byUnit.Length).Where(u => byUnit[u] is null).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOptionsException($"{missing.Count} of {byUnit.Length} runs are missing (first: unit {missing[0]})", nameof(runs));
        }

        var baselineEvents = new long?[plan.Replications];
        foreach (var baseline in baselines)
        {
            if (baseline.Replication >= 0 && baseline.Replication < baselineEvents.Length)
            {
                baselineEvents[baseline.Replication] ??= baseline.ProcessedEvents;
            }
        }

        if (plan.UnitCount > 0 && baselineEvents.Any(b => b is null))
        {
            throw new InvalidOptionsException("the baseline of a replication is missing", nameof(baselines));
        }

        var replications = plan.Replications;
        var durationCount = plan.DurationCount;
        var perSimulation = Enumerable.Range(0, plan.Simulations.Count)
            .Select(s => CriticalityStatistics.Of(Enumerable.Range(0, replications).Select(r => byUnit[(s * replications) + r]!).ToArray()))
            .ToArray();
        var targets = plan.Targets;
        var riskIndex = new IReadOnlyList<double>[durationCount];
        for (var d = 0; d < durationCount; d++)
        {
            var slot = d;
            riskIndex[d] = CriticalityStatistics.RiskExposureIndex(targets
                .Select((_, t) => perSimulation[plan.SimulationOfSlot[t][slot]])
                .Select(s => plan.HasMargins ? s.LostMargin : s.LostUnits)
                .ToArray());
        }

        var optimumIndex = new IReadOnlyList<double>[durationCount];
        for (var d = 0; d < durationCount; d++)
        {
            var slot = d;
            optimumIndex[d] = plan.Optimum is { } optima ? CriticalityStatistics.RiskExposureIndex(optima.Select(o => o[slot].LostValue).ToArray()) : [];
        }

        var entries = new List<(StressTarget Target, StressOutcome[] Outcomes)>();
        for (var t = 0; t < targets.Count; t++)
        {
            var outcomes = new StressOutcome[durationCount];
            for (var d = 0; d < durationCount; d++)
            {
                var simulation = plan.SimulationOfSlot[t][d];
                outcomes[d] = Outcome(perSimulation[simulation], plan.Simulations[simulation].DurationHours, riskIndex[d][t], plan);
                if (plan.Optimum?[t][d] is { } optimum)
                {
                    outcomes[d] = outcomes[d] with { Optimum = new StressOptimumOutcome(optimum.TimeToSurviveHours, optimum.LostUnits, optimumIndex[d][t]) };
                }
            }

            entries.Add((targets[t], outcomes));
        }

        var ranking = entries
            .OrderByDescending(e => e.Outcomes[0].LostUnits)
            .ThenBy(e => e.Outcomes[0].TimeToHaltHours ?? double.PositiveInfinity)
            .ThenBy(e => e.Target.Id, StringComparer.Ordinal)
            .Select((e, i) => new CriticalityEntry(i + 1, e.Target, e.Outcomes))
            .ToList();
        var events = baselineEvents.Sum(b => b ?? 0) + byUnit.Sum(r => r!.ProcessedEvents);
        var shared = Enumerable.Range(0, targets.Count).Count(t => plan.SimulationOfSlot[t].Any(s => plan.Simulations[s].Target != t));
        // The cause of the first halt in replication 0 of each target's own simulation at the first duration (a target
        // that took another's run is left out: the chain of that run names the other target).
        var causes = new Dictionary<string, CauseChain>(StringComparer.Ordinal);
        for (var t = 0; t < targets.Count; t++)
        {
            var simulation = plan.SimulationOfSlot[t][0];
            if (plan.Simulations[simulation].Target == t && byUnit[simulation * replications]!.FirstHaltCause is { } cause)
            {
                causes[targets[t].Id] = cause;
            }
        }

        return new StressTestResult(
            plan.Policy, plan.Seed, replications, plan.ReferenceHours, plan.HorizonHours, plan.DurationsHours, ranking, events, plan.Warnings)
        {
            Simulations = plan.Simulations.Count * replications,
            SharedTargets = shared,
            FirstHaltCauses = causes,
        };
    }

    /// <summary>The cause chain of the line of <paramref name="trace"/> that halted first, or null when none halted.</summary>
    internal static CauseChain? FirstHaltCause(RunTrace trace) =>
        trace.Lines.Where(l => l.FirstHaltHours is not null).MinBy(l => l.FirstHaltHours)?.HaltCause;

    /// <summary>Simulation runs a stress test of <paramref name="scenario"/> makes after screening: one per distinct outage and replication, plus one baseline per replication.</summary>
    public static int RunCount(ScenarioSpec scenario, StressTestOptions options) => RunCount(Plan(scenario, options));

    /// <summary>Simulation runs <paramref name="plan"/> makes: one per unit plus one baseline per replication.</summary>
    public static int RunCount(StressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.UnitCount + plan.Replications;
    }

    /// <summary>Simulated hours between two checkpoints at which an outage's run may rejoin its baseline and stop.</summary>
    internal const double CheckpointEveryHours = 12;

    private static void VerifySame(StressRun stopped, StressRun full, string target, double hours)
    {
        if (stopped.TimeToHaltHours != full.TimeToHaltHours || !stopped.HaltedLines.SequenceEqual(full.HaltedLines)
            || stopped.LostUnits != full.LostUnits || stopped.LostMargin != full.LostMargin
            || stopped.TimeToRecoverHours != full.TimeToRecoverHours || stopped.Unrecovered != full.Unrecovered)
        {
            throw new InvalidOperationException(
                $"the run of {target} stopped at hour {hours.ToString(CultureInfo.InvariantCulture)} gives {Describe(stopped)}, the full run {Describe(full)}");
        }
    }

    private static string Describe(StressRun run) => string.Create(
        CultureInfo.InvariantCulture,
        $"halt {run.TimeToHaltHours}, lines [{string.Join(';', run.HaltedLines)}], lost {run.LostUnits}, margin {run.LostMargin}, recover {run.TimeToRecoverHours}, unrecovered {run.Unrecovered}");

    /// <summary>The outage length of <paramref name="target"/> for duration slot <paramref name="index"/>.</summary>
    internal static double DurationOf(StressTarget target, IReadOnlyList<double> durations, int index) =>
        durations.Count > 0 ? durations[index] : target.RecoveryHours ?? DefaultDurationHours;

    private static void Validate(StressTestOptions options)
    {
        if (options.Replications < 1)
        {
            throw new InvalidOptionsException($"replications must be at least 1, got {options.Replications}", nameof(options));
        }

        if (options.Parallelism is < 1)
        {
            throw new InvalidOptionsException($"parallelism must be at least 1, got {options.Parallelism}", nameof(options));
        }

        if (options.OwnRecovery && options.Durations.Count > 0)
        {
            throw new InvalidOptionsException("own recovery times and given durations cannot be combined", nameof(options));
        }

        foreach (var hours in options.Durations)
        {
            if (!(hours > 0 && double.IsFinite(hours)))
            {
                throw new InvalidOptionsException($"durations must be positive hours, got {hours.ToString(CultureInfo.InvariantCulture)}", nameof(options));
            }
        }
    }

    private static StressOutcome Outcome(StressSlotStatistics statistics, double durationHours, double riskIndex, StressPlan plan)
    {
        var lines = plan.Lines;
        return new StressOutcome(
            durationHours,
            statistics.TimeToHaltHours,
            statistics.HaltedLines.Select(i => lines[i].Id).ToList(),
            statistics.HaltedLines.Select(i => lines[i].PlantId).Distinct(StringComparer.Ordinal).ToList(),
            statistics.LostUnits,
            statistics.TimeToRecoverHours,
            statistics.TimeToHaltHours < durationHours,
            riskIndex,
            statistics.Runs,
            statistics.HaltedRuns,
            statistics.UnrecoveredRuns,
            plan.HasMargins ? statistics.LostMargin : null);
    }

    private static IReadOnlyList<string> Warnings(ScenarioSpec scenario, double horizon, IReadOnlyList<StressTarget> targets, IReadOnlyList<double> durations)
    {
        var longest = Enumerable.Range(0, Math.Max(1, durations.Count)).SelectMany(d => targets.Select(t => DurationOf(t, durations, d))).DefaultIfEmpty(0).Max();
        return scenario.ReferenceHours + longest >= horizon
            ? [$"outages of up to {longest.ToString(CultureInfo.InvariantCulture)} h from hour {scenario.ReferenceHours.ToString(CultureInfo.InvariantCulture)} reach the horizon (hour {horizon.ToString(CultureInfo.InvariantCulture)}): lost units and recovery after it are not counted"]
            : [];
    }

    /// <summary>Keeps every row in memory, for a one-process run.</summary>
    private sealed class CollectingSink : IStressRunSink
    {
        public List<StressRun> Runs { get; } = [];

        public List<StressBaselineRun> Baselines { get; } = [];

        public void Accept(StressRun run) => Runs.Add(run);

        public void Accept(StressBaselineRun baseline) => Baselines.Add(baseline);
    }
}

/// <summary>Receives the rows of a stress test as units finish, one call at a time, in no fixed order.</summary>
public interface IStressRunSink
{
    /// <summary>Takes the row of one unit.</summary>
    void Accept(StressRun run);

    /// <summary>Takes one replication's baseline.</summary>
    void Accept(StressBaselineRun baseline);
}
