using System.Globalization;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>
/// The least-cost stock at the lines and at Tier-1 and Tier-2 suppliers such that no line runs out of a part in any of
/// the listed outages: solved on the LP model, then verified by simulation, raising where the simulation still halts.
/// </summary>
/// <remarks>
/// <para>
/// The LP (<see cref="BufferSizingLp"/>) asks every line to build its rate over each outage's window: the outage's
/// hours plus the time the restored chain needs to deliver again (the longest path of dispatch cadence and mean transit
/// from what was down to a line). Its cost is unit cost x holding rate per unit added. Outages are solved together up
/// to <see cref="LpVariableBudget"/> variables, and the groups' stocks are combined by maximum, which is feasible for
/// every outage because stock only relaxes the program.
/// </para>
/// <para>
/// The LP is aggregate (no transit times, cadences, order rules or restart rules), so every distinct outage is then
/// simulated under the sized policy with the seeds of replications 0 to N - 1. Where a line still runs out of a part
/// with any of them, that line's stock of that part is raised by its rate of use over the line's longest downtime (at
/// least one hour's use) and the halting
/// outages are simulated again; once none halts, every outage is simulated once more, and the rounds repeat up to
/// <see cref="BufferSizingOptions.MaxRounds"/>. A line that halts for its own control system is reported, not raised:
/// no stock bridges it. Outages that cannot reach a line, and outages that switch off the same gates as another, share
/// the screening of the stress test (<see cref="StressScreening"/>).
/// </para>
/// </remarks>
public static class BufferSizing
{
    /// <summary>Rounds of raising and re-simulating unless the options say otherwise.</summary>
    public const int DefaultMaxRounds = 8;

    /// <summary>Id of the written policy unless the options say otherwise.</summary>
    public const string DefaultPolicyId = "sized-buffers";

    /// <summary>Variables one LP may have before outages are solved in separate groups.</summary>
    internal const int LpVariableBudget = 400_000;

    /// <summary>Sizes the buffers of <paramref name="scenario"/> for the outages of <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOptionsException">An unknown policy or outage target, a policy id the scenario already has, a duration that is not positive, or rounds or parallelism below 1.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static BufferSizingResult Run(
        ScenarioSpec scenario, BufferSizingOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        Experiment.CheckPolicy(scenario, options.Policy);
        if (options.MaxRounds < 1 || options.Parallelism < 1 || options.Replications < 1)
        {
            throw new InvalidOptionsException("rounds, replications and parallelism must be at least 1");
        }

        if (scenario.Policies.Any(p => p.Id == options.PolicyId))
        {
            throw new InvalidOptionsException($"the scenario already has a policy '{options.PolicyId}'; choose another id for the sized policy");
        }

        var today = Network.Build(scenario, options.Policy);
        var targets = StressTarget.AllOf(scenario);
        var outages = Requested(targets, options.Outages);
        var footprints = StressScreening.Footprints(today, outages.Select(o => o.Target).ToList());
        var distinct = new List<int>();
        var sharedWith = new int?[outages.Count];
        var byKey = new Dictionary<(string, double), int>();
        for (var o = 0; o < outages.Count; o++)
        {
            if (footprints[o] is not { } footprint)
            {
                continue;
            }

            if (byKey.TryGetValue((footprint, outages[o].Hours), out var first))
            {
                sharedWith[o] = first;
                continue;
            }

            byKey.Add((footprint, outages[o].Hours), o);
            distinct.Add(o);
        }

        var limit = today.HorizonHours - scenario.ReferenceHours;
        var lags = new RestoreLags(today);
        var windows = outages.Select(o => Math.Min(limit, o.Hours + lags.Of(scenario, o.Target.Id))).ToArray();

        progress?.Report($"size-buffers: LP over {distinct.Count.ToString(CultureInfo.InvariantCulture)} outages");
        var candidates = Candidates(today);
        var (extra, groups) = SolveLp(today, candidates, distinct.Select(o => (outages[o].Target.Id, windows[o])).ToList(), cancellationToken);
        var lpUnits = candidates.Select((c, i) => c.TodayUnits + Math.Ceiling(extra[i] - 1e-6)).ToArray();
        var sized = (double[])lpUnits.Clone();

        var runner = new OutageRunner(scenario, outages, options, cancellationToken);
        var todayOutcomes = runner.RunAll(today, distinct, progress, "today");
        var sizedOutcomes = new Dictionary<int, (OutageOutcome Outcome, IReadOnlyList<(string Line, string Part, double Units)> Raises, bool Control)>();
        var pending = distinct;
        var rounds = 0;
        var raisedSinceFullPass = true;
        while (rounds < options.MaxRounds && pending.Count > 0)
        {
            rounds++;
            var network = Build(scenario, options, candidates, sized);
            var full = pending.Count == distinct.Count;
            foreach (var (o, result) in runner.RunSized(network, pending, progress, rounds))
            {
                sizedOutcomes[o] = result;
            }

            var raises = pending.SelectMany(o => sizedOutcomes[o].Raises).ToList();
            foreach (var (line, part, units) in raises)
            {
                var c = candidates.FindIndex(k => k.Holder == StockHolderKind.Line && k.Node == line && k.Part == part);
                if (c >= 0)
                {
                    sized[c] += units;
                }
            }

            if (raises.Count > 0)
            {
                raisedSinceFullPass = true;
                pending = pending.Where(o => sizedOutcomes[o].Raises.Count > 0).ToList();
            }
            else if (full || !raisedSinceFullPass)
            {
                break;
            }
            else
            {
                // Raising one stock changes the orders of others: every outage is simulated once more on the final stock.
                raisedSinceFullPass = false;
                pending = distinct;
            }
        }

        var policy = PolicyOf(today.Policy, options.PolicyId, candidates, sized, outages.Count);
        var sizedNetwork = Network.Build(scenario with { Policies = [.. scenario.Policies, policy] }, policy.Id);
        var rate = scenario.HoldingCostRatePerYear;
        var stocks = candidates.Select((c, i) => new SizedStock(c.Holder, c.Node, c.Part, c.Tier, c.UnitCost, c.TodayUnits, lpUnits[i], sized[i], (sized[i] - c.TodayUnits) * c.UnitCost * rate))
            .Where(s => s.AddedUnits > 0)
            .ToList();
        var rows = outages.Select((o, i) =>
        {
            var source = footprints[i] is null ? (int?)null : sharedWith[i] ?? i;
            var todayOutcome = source is { } s1 ? todayOutcomes[s1] : OutageOutcome.None;
            var sizedOutcome = source is { } s2 && sizedOutcomes.TryGetValue(s2, out var r) ? r : (OutageOutcome.None, [], false);
            return new SizedOutage(
                o.Target, o.Hours, windows[i], todayOutcome, sizedOutcome.Outcome, sizedOutcome.Control,
                sharedWith[i] is { } w ? outages[w].Target.Id : null, footprints[i] is null);
        }).ToList();
        return new BufferSizingResult(
            today.Policy.Id, policy, rate, stocks, rows, StockHolding.Of(today), StockHolding.Of(sizedNetwork), rounds, groups,
            runner.Simulations, runner.ProcessedEvents);
    }

    /// <summary>The outages asked for, each with its hours.</summary>
    private static List<(StressTarget Target, double Hours)> Requested(IReadOnlyList<StressTarget> targets, IReadOnlyList<OutageRequest>? requests)
    {
        static double Own(StressTarget t) => t.RecoveryHours is { } h && h > 0 ? h : StressTest.DefaultDurationHours;
        if (requests is null)
        {
            return targets.Select(t => (t, Own(t))).ToList();
        }

        var result = new List<(StressTarget, double)>();
        foreach (var request in requests)
        {
            var target = targets.FirstOrDefault(t => t.Id == request.Target)
                ?? throw new InvalidOptionsException(
                    $"--outages: '{request.Target}' is not a supplier, IT system or provider of the scenario (known: {string.Join(", ", targets.Take(8).Select(t => t.Id))}{(targets.Count > 8 ? ", ..." : string.Empty)})");
            if (request.Hours is { } hours && !(hours > 0 && double.IsFinite(hours)))
            {
                throw new InvalidOptionsException($"--outages: the hours of '{request.Target}' must be a positive number, got {hours.ToString(CultureInfo.InvariantCulture)}");
            }

            result.Add((target, request.Hours ?? Own(target)));
        }

        return result;
    }

    /// <summary>Parses <c>ID[:HOURS],...</c>: targets, each with its hours or its own recovery time.</summary>
    /// <exception cref="InvalidOptionsException">An empty list or hours that are not a number.</exception>
    public static IReadOnlyList<OutageRequest> ParseOutages(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<OutageRequest>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = item.LastIndexOf(':');
            if (colon < 0)
            {
                result.Add(new OutageRequest(item));
                continue;
            }

            var hoursText = item[(colon + 1)..].Trim().TrimEnd('h');
            if (!double.TryParse(hoursText, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours))
            {
                throw new InvalidOptionsException($"--outages: '{item}' is not ID or ID:HOURS (e.g. T1-SEATS:72)");
            }

            result.Add(new OutageRequest(item[..colon].Trim(), hours));
        }

        return result.Count > 0 ? result : throw new InvalidOptionsException("--outages needs at least one supplier, IT system or provider id");
    }

    /// <summary>A stock the sizing may raise, with today's level.</summary>
    private sealed record Candidate(StockHolderKind Holder, string Node, string Part, int Tier, double UnitCost, double TodayUnits)
    {
        public string Key => $"{Node}/{Part}";
    }

    /// <summary>Every line-side stock, then the finished goods of every Tier-1 and Tier-2 supplier, in scenario order.</summary>
    private static List<Candidate> Candidates(Network network) =>
        network.Feeds.Where(f => f.ToLine)
            .Select(f => new Candidate(StockHolderKind.Line, f.DestinationId, f.PartId, 0, f.UnitCost, f.InitialUnits))
            .Concat(network.Suppliers.Where(s => s.Spec.Tier is 1 or 2)
                .SelectMany(s => s.Products.Select(p => new Candidate(StockHolderKind.Supplier, s.Spec.Id, p.Spec.PartId, s.Spec.Tier, p.UnitCost, p.InitialUnits))))
            .ToList();

    /// <summary>The LP over groups of outages up to the variable budget; the groups' extra units combined by maximum.</summary>
    private static (double[] Extra, int Groups) SolveLp(
        Network network, List<Candidate> candidates, IReadOnlyList<(string Target, double Window)> outages, CancellationToken cancellationToken)
    {
        var rate = network.Scenario.HoldingCostRatePerYear;
        var lp = candidates.Select(c => new SizingCandidate(c.Key, c.Holder == StockHolderKind.Supplier, c.UnitCost * rate)).ToList();
        var extra = new double[candidates.Count];
        var groups = 0;
        var group = new List<SizingOutage>();
        var variables = 0;
        void Flush()
        {
            if (group.Count == 0)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var solved = BufferSizingLp.Solve(lp, group);
            for (var i = 0; i < extra.Length; i++)
            {
                extra[i] = Math.Max(extra[i], solved[i]);
            }

            groups++;
            group.Clear();
            variables = 0;
        }

        foreach (var (target, window) in outages.Where(o => o.Window > 0))
        {
            var model = SurvivalModelBuilder.For(network, target, weighMargins: false);
            var size = model.Products.Count + model.Lanes.Count;
            if (variables + size > LpVariableBudget)
            {
                Flush();
            }

            group.Add(new SizingOutage(model, window));
            variables += size;
        }

        Flush();
        return (extra, groups);
    }

    /// <summary>The network under today's policy with the candidates at <paramref name="units"/>.</summary>
    private static Network Build(ScenarioSpec scenario, BufferSizingOptions options, List<Candidate> candidates, double[] units)
    {
        var today = Network.Build(scenario, options.Policy).Policy;
        var policy = PolicyOf(today, options.PolicyId, candidates, units, 0);
        return Network.Build(scenario with { Policies = [.. scenario.Policies, policy] }, policy.Id);
    }

    /// <summary>Today's policy plus an <c>at</c> override raising each candidate above today's level to its units.</summary>
    private static PolicySpec PolicyOf(PolicySpec today, string id, List<Candidate> candidates, double[] units, int outages)
    {
        var overrides = new List<PartOverride>(today.PartOverrides);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (units[i] <= c.TodayUnits)
            {
                continue;
            }

            var level = StockAmount.InUnits(units[i]);
            overrides.Add(c.Holder == StockHolderKind.Line
                ? new PartOverride(c.Part, level, null, LevelMode.AtLeast, LevelMode.Set, c.Node)
                : new PartOverride(c.Part, null, level, LevelMode.Set, LevelMode.AtLeast, c.Node));
        }

        var description = $"{today.Id} with the least-cost stock that carries every line through {outages.ToString(CultureInfo.InvariantCulture)} outages (linesim size-buffers)";
        return today with { Id = id, Description = description, PartOverrides = overrides };
    }

    /// <summary>
    /// Hours from a restore until goods flow to the lines again: for a supplier the longest path of dispatch cadence plus
    /// mean transit down to a line; for an IT system or provider the longest such path from what depends on it.
    /// </summary>
    private sealed class RestoreLags
    {
        private readonly Dictionary<string, List<LanePlan>> _outgoing;
        private readonly Dictionary<string, double> _memo = new(StringComparer.Ordinal);

        public RestoreLags(Network network)
        {
            _outgoing = network.Lanes.GroupBy(l => l.Spec.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        }

        public double Of(ScenarioSpec scenario, string targetId)
        {
            var systems = scenario.ItSystems.Where(s => s.Id == targetId || s.Owner == targetId).ToList();
            if (systems.Count == 0 || scenario.Suppliers.Any(s => s.Id == targetId))
            {
                return Node(targetId);
            }

            var lanes = _outgoing.Values.SelectMany(l => l).ToDictionary(l => l.Spec.Id, StringComparer.Ordinal);
            return systems.SelectMany(s => s.DependentNodes.Select(Node)
                    .Concat(s.DependentLanes.Where(lanes.ContainsKey).Select(l => Lane(lanes[l]))))
                .DefaultIfEmpty(0)
                .Max();
        }

        private double Lane(LanePlan lane) => lane.Spec.DispatchEveryHours + SurvivalModelBuilder.MeanHours(lane.Spec.TransitHours) + Node(lane.Spec.To);

        /// <summary>Lines and plants deliver at once; the supply graph has no cycles, so the recursion ends.</summary>
        private double Node(string node)
        {
            if (_memo.TryGetValue(node, out var known))
            {
                return known;
            }

            var lag = _outgoing.TryGetValue(node, out var lanes) ? lanes.Select(Lane).DefaultIfEmpty(0).Max() : 0;
            _memo[node] = lag;
            return lag;
        }
    }

    /// <summary>
    /// Simulates outages in parallel, each with the seeds of replications 0 to N - 1 and against the undisrupted run of
    /// the same network and seed: a line starves if it starves with any seed, and is raised by the most any seed needs.
    /// </summary>
    private sealed class OutageRunner(
        ScenarioSpec scenario, List<(StressTarget Target, double Hours)> outages, BufferSizingOptions options, CancellationToken cancellationToken)
    {
        private readonly ulong[] _seeds = Enumerable.Range(0, options.Replications).Select(r => Experiment.ReplicationSeed(options.Seed, r)).ToArray();
        private long _events;
        private int _simulations;

        public long ProcessedEvents => Interlocked.Read(ref _events);

        public int Simulations => _simulations;

        public Dictionary<int, OutageOutcome> RunAll(Network network, IReadOnlyList<int> which, IProgress<string>? progress, string label) =>
            Run(network, which, progress, label).ToDictionary(r => r.Outage, r => r.Result.Outcome);

        public IEnumerable<(int Outage, (OutageOutcome Outcome, IReadOnlyList<(string Line, string Part, double Units)> Raises, bool Control) Result)> RunSized(
            Network network, IReadOnlyList<int> which, IProgress<string>? progress, int round) =>
            Run(network, which, progress, $"round {round.ToString(CultureInfo.InvariantCulture)}");

        private List<(int Outage, (OutageOutcome Outcome, IReadOnlyList<(string Line, string Part, double Units)> Raises, bool Control) Result)> Run(
            Network network, IReadOnlyList<int> which, IProgress<string>? progress, string label)
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism ?? System.Environment.ProcessorCount, CancellationToken = cancellationToken };
            var baselines = new RunTrace[_seeds.Length];
            Parallel.For(0, _seeds.Length, parallel, r =>
            {
                baselines[r] = Simulation.Run(network, _seeds[r], new RunOptions(RecordPartSeries: false, WithDisruptions: false));
                Count(baselines[r]);
            });

            var runs = new (OutageOutcome Outcome, IReadOnlyList<(string Line, string Part, double Units)> Raises, bool Control)[which.Count * _seeds.Length];
            var done = 0;
            Parallel.For(0, runs.Length, parallel, k =>
            {
                var (i, r) = (k / _seeds.Length, k % _seeds.Length);
                var (target, hours) = outages[which[i]];
                var outage = new DisruptionSpec($"size-buffers:{target.Id}", [target.Id], scenario.ReferenceHours, DistributionSpec.Fixed(hours), RecoverySpec.Default);
                var run = Simulation.Run(network, _seeds[r], new RunOptions(RecordPartSeries: false, Disruptions: [outage]));
                Count(run);
                runs[k] = Measure(network, run, baselines[r], r);
                progress?.Report($"size-buffers: {label}, {Interlocked.Increment(ref done).ToString(CultureInfo.InvariantCulture)} of {runs.Length.ToString(CultureInfo.InvariantCulture)} outage runs");
            });

            return which.Select((o, i) =>
            {
                var mine = runs.Skip(i * _seeds.Length).Take(_seeds.Length).ToList();
                var starved = mine.SelectMany(m => m.Outcome.StarvedLines).ToHashSet(StringComparer.Ordinal);
                var outcome = new OutageOutcome(
                    mine.Min(m => m.Outcome.TimeToHaltHours),
                    mine.Average(m => m.Outcome.LostUnits),
                    network.Lines.Select(l => l.Spec.Id).Where(starved.Contains).ToList());
                var raises = mine.SelectMany(m => m.Raises)
                    .GroupBy(x => (x.Line, x.Part))
                    .Select(g => (g.Key.Line, g.Key.Part, g.Max(x => x.Units)))
                    .OrderBy(x => x.Line, StringComparer.Ordinal).ThenBy(x => x.Part, StringComparer.Ordinal)
                    .ToList();
                return (o, (outcome, (IReadOnlyList<(string, string, double)>)raises, mine.Any(m => m.Control)));
            }).ToList();
        }

        private void Count(RunTrace run)
        {
            Interlocked.Add(ref _events, run.ProcessedEvents);
            Interlocked.Increment(ref _simulations);
        }

        /// <summary>The outcome, and for each line that ran out of a part its use over the line's downtime (at least an hour's).</summary>
        private (OutageOutcome, IReadOnlyList<(string, string, double)>, bool) Measure(Network network, RunTrace run, RunTrace baseline, int replication)
        {
            var metrics = LineMetricsCalculator.Compute(network.Policy.Id, replication, _seeds[replication], run, baseline);
            var halts = run.Events.Where(e => e.Kind == EventKinds.Halt && e.TimeHours >= scenario.ReferenceHours).ToList();
            var starved = halts.Select(e => (Line: e.Entity, Part: e.Cause?.StarvedPart)).Where(h => h.Part is not null).Distinct().ToList();
            var control = halts.Any(e => e.Cause?.StarvedPart is null);
            var raises = new List<(string, string, double)>();
            foreach (var (line, part) in starved)
            {
                var feed = network.Feeds.FirstOrDefault(f => f.ToLine && f.DestinationId == line && f.PartId == part);
                var downtime = run.Lines.FirstOrDefault(l => l.LineId == line)?.DowntimeHours ?? 0;
                if (feed is not null)
                {
                    raises.Add((line, part!, Math.Ceiling(Math.Max(1, downtime) * feed.DemandPerOpenHour)));
                }
            }

            var first = metrics.Where(m => m.TimeToHaltHours is not null).Select(m => m.TimeToHaltHours).Min();
            var lines = network.Lines.Select(l => l.Spec.Id).Where(id => starved.Any(s => s.Line == id)).ToList();
            return (new OutageOutcome(first, metrics.Sum(m => m.LostUnits), lines), raises, control);
        }
    }
}
