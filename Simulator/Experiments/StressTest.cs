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
/// undisrupted baseline of that seed, so all targets share the same draws (common random numbers). Runs go in parallel
/// and are reduced in a fixed order: the result does not depend on the thread count.
/// </remarks>
public static class StressTest
{
    /// <summary>Outage length of a target that has no <c>recovery_hours</c>, when no duration is given.</summary>
    public const double DefaultDurationHours = 72;

    /// <summary>Disrupts every target of <paramref name="scenario"/> in turn and ranks them.</summary>
    /// <param name="scenario">The scenario; its own disruptions are ignored.</param>
    /// <param name="options">Policy, durations, replications, seed and parallelism.</param>
    /// <param name="completedRuns">Reports the count of runs done, out of <see cref="RunCount"/>.</param>
    /// <param name="cancellationToken">Stops between runs.</param>
    /// <exception cref="ArgumentException">An unknown policy, a non-positive or non-finite duration, fewer than one replication, or a parallelism below 1.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static StressTestResult Run(
        ScenarioSpec scenario,
        StressTestOptions options,
        IProgress<int>? completedRuns = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var network = Network.Build(scenario, options.Policy);
        var policy = network.Policy.Id;
        var targets = StressTarget.AllOf(scenario);
        var durationCount = Math.Max(1, options.Durations.Count);
        var replications = options.Replications;
        var seeds = Enumerable.Range(0, replications).Select(r => Experiment.ReplicationSeed(options.Seed, r)).ToArray();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Parallelism ?? System.Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };

        var done = 0;
        void Completed() => completedRuns?.Report(Interlocked.Increment(ref done));

        // One baseline per replication serves every target: it does not depend on what is disrupted.
        var baselines = new RunTrace[replications];
        Parallel.For(0, replications, parallel, r =>
        {
            baselines[r] = Simulation.Run(network, seeds[r], new RunOptions(RecordPartSeries: false, WithDisruptions: false));
            Completed();
        });

        var lineSpecs = network.Scenario.Plants.SelectMany(p => p.Lines).ToArray();
        var margins = lineSpecs.Select(l => l.MarginPerUnit ?? 0).ToArray();
        var hasMargins = lineSpecs.Any(l => l.MarginPerUnit is not null);
        var runs = new TargetRun[targets.Count * durationCount * replications];
        Parallel.For(0, runs.Length, parallel, i =>
        {
            var r = i % replications;
            var d = (i / replications) % durationCount;
            var target = targets[i / (replications * durationCount)];
            var hours = DurationOf(target, options.Durations, d);
            var outage = new DisruptionSpec(
                $"stress:{target.Id}", [target.Id], scenario.ReferenceHours, DistributionSpec.Fixed(hours), RecoverySpec.Default);
            var disrupted = Simulation.Run(network, seeds[r], new RunOptions(RecordPartSeries: false, Disruptions: [outage]));
            runs[i] = TargetRun.Of(LineMetricsCalculator.Compute(policy, r, seeds[r], disrupted, baselines[r]), margins, disrupted.ProcessedEvents);
            Completed();
        });

        var lineIds = network.Scenario.Plants.SelectMany(p => p.Lines).Select(l => (l.Id, l.PlantId)).ToArray();
        var lost = new double[targets.Count, durationCount];
        var lostMargin = new double[targets.Count, durationCount];
        for (var t = 0; t < targets.Count; t++)
        {
            for (var d = 0; d < durationCount; d++)
            {
                lost[t, d] = Slice(runs, t, d, durationCount, replications).Average(x => x.LostUnits);
                lostMargin[t, d] = Slice(runs, t, d, durationCount, replications).Average(x => x.LostMargin);
            }
        }

        // The risk exposure index weighs losses by margin where the scenario gives margins, else by units.
        var exposure = hasMargins ? lostMargin : lost;
        var largest = Enumerable.Range(0, durationCount).Select(d => Enumerable.Range(0, targets.Count).Select(t => exposure[t, d]).DefaultIfEmpty(0).Max()).ToArray();
        var entries = new List<(StressTarget Target, StressOutcome[] Outcomes)>();
        for (var t = 0; t < targets.Count; t++)
        {
            var outcomes = new StressOutcome[durationCount];
            for (var d = 0; d < durationCount; d++)
            {
                outcomes[d] = Outcome(
                    Slice(runs, t, d, durationCount, replications), DurationOf(targets[t], options.Durations, d), lost[t, d], largest[d], lineIds)
                    with
                    {
                        RiskExposureIndex = largest[d] > 0 ? Math.Max(0, exposure[t, d]) / largest[d] : 0,
                        LostMargin = hasMargins ? lostMargin[t, d] : null,
                    };
            }

            entries.Add((targets[t], outcomes));
        }

        var ranking = entries
            .OrderByDescending(e => e.Outcomes[0].LostUnits)
            .ThenBy(e => e.Outcomes[0].TimeToHaltHours ?? double.PositiveInfinity)
            .ThenBy(e => e.Target.Id, StringComparer.Ordinal)
            .Select((e, i) => new CriticalityEntry(i + 1, e.Target, e.Outcomes))
            .ToList();
        var events = baselines.Sum(b => b.ProcessedEvents) + runs.Sum(r => r.ProcessedEvents);
        return new StressTestResult(
            policy, options.Seed, replications, scenario.ReferenceHours, network.HorizonHours, options.Durations, ranking, events,
            Warnings(scenario, network.HorizonHours, targets, options.Durations));
    }

    /// <summary>Simulation runs a stress test of <paramref name="scenario"/> makes: one per target, duration and replication, plus one baseline per replication.</summary>
    public static int RunCount(ScenarioSpec scenario, StressTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        return (StressTarget.AllOf(scenario).Count * Math.Max(1, options.Durations.Count) * options.Replications) + options.Replications;
    }

    /// <summary>The outage length of <paramref name="target"/> for duration slot <paramref name="index"/>.</summary>
    internal static double DurationOf(StressTarget target, IReadOnlyList<double> durations, int index) =>
        durations.Count > 0 ? durations[index] : target.RecoveryHours ?? DefaultDurationHours;

    private static void Validate(StressTestOptions options)
    {
        if (options.Replications < 1)
        {
            throw new ArgumentException($"replications must be at least 1, got {options.Replications}", nameof(options));
        }

        if (options.Parallelism is < 1)
        {
            throw new ArgumentException($"parallelism must be at least 1, got {options.Parallelism}", nameof(options));
        }

        foreach (var hours in options.Durations)
        {
            if (!(hours > 0 && double.IsFinite(hours)))
            {
                throw new ArgumentException($"durations must be positive hours, got {hours.ToString(CultureInfo.InvariantCulture)}", nameof(options));
            }
        }
    }

    private static ArraySegment<TargetRun> Slice(TargetRun[] runs, int target, int duration, int durationCount, int replications) =>
        new(runs, ((target * durationCount) + duration) * replications, replications);

    private static StressOutcome Outcome(
        ArraySegment<TargetRun> runs, double durationHours, double lostUnits, double largestLostUnits, (string Id, string PlantId)[] lines)
    {
        var halts = runs.Where(r => r.TimeToHaltHours.HasValue).Select(r => r.TimeToHaltHours!.Value).ToList();
        double? timeToHalt = halts.Count > 0 ? halts.Average() : null;
        var recoveries = runs.Where(r => r.TimeToRecoverHours.HasValue).Select(r => r.TimeToRecoverHours!.Value).ToList();
        var halted = Enumerable.Range(0, lines.Length).Where(i => runs.Any(r => r.HaltedLines.Contains(i))).ToList();
        return new StressOutcome(
            durationHours,
            timeToHalt,
            halted.Select(i => lines[i].Id).ToList(),
            halted.Select(i => lines[i].PlantId).Distinct(StringComparer.Ordinal).ToList(),
            lostUnits,
            recoveries.Count > 0 && runs.All(r => !r.Unrecovered) ? recoveries.Average() : null,
            timeToHalt < durationHours,
            largestLostUnits > 0 ? Math.Max(0, lostUnits) / largestLostUnits : 0,
            runs.Count,
            halts.Count,
            runs.Count(r => r.Unrecovered));
    }

    private static IReadOnlyList<string> Warnings(ScenarioSpec scenario, double horizon, IReadOnlyList<StressTarget> targets, IReadOnlyList<double> durations)
    {
        var longest = Enumerable.Range(0, Math.Max(1, durations.Count)).SelectMany(d => targets.Select(t => DurationOf(t, durations, d))).DefaultIfEmpty(0).Max();
        return scenario.ReferenceHours + longest >= horizon
            ? [$"outages of up to {longest.ToString(CultureInfo.InvariantCulture)} h from hour {scenario.ReferenceHours.ToString(CultureInfo.InvariantCulture)} reach the horizon (hour {horizon.ToString(CultureInfo.InvariantCulture)}): lost units and recovery after it are not counted"]
            : [];
    }

    /// <summary>One target's run reduced to what the ranking needs.</summary>
    private sealed record TargetRun(double? TimeToHaltHours, IReadOnlySet<int> HaltedLines, double LostUnits, double? TimeToRecoverHours, bool Unrecovered, long ProcessedEvents)
    {
        /// <summary>Lost units weighted by each line's margin (0 for lines without one).</summary>
        public double LostMargin { get; init; }

        public static TargetRun Of(IReadOnlyList<LineMetrics> lines, double[] margins, long processedEvents) =>
            Of(lines, processedEvents) with { LostMargin = lines.Select((l, i) => l.LostUnits * margins[i]).Sum() };

        private static TargetRun Of(IReadOnlyList<LineMetrics> lines, long processedEvents)
        {
            var halted = new HashSet<int>();
            double? timeToHalt = null;
            double? timeToRecover = null;
            var unrecovered = false;
            var lost = 0.0;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                lost += line.LostUnits;
                if (line.TimeToHaltHours is { } halt)
                {
                    halted.Add(i);
                    timeToHalt = Math.Min(timeToHalt ?? double.PositiveInfinity, halt);
                    unrecovered |= line.TimeToRecoverHours is null;
                }

                if (line.TimeToRecoverHours is { } recover)
                {
                    timeToRecover = Math.Max(timeToRecover ?? 0, recover);
                }
            }

            return new TargetRun(timeToHalt, halted, lost, unrecovered ? null : timeToRecover, unrecovered, processedEvents);
        }
    }
}
