using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Output;

namespace Simulator.Tests.Output;

/// <summary>
/// Hand-made runs of a two-plant network with an EDI + MES outage from hour 24 to 96, shaped like the runtime's
/// traces: line SOL-A1 starves of seats, SOL-A2 limps on a fallback, CAS-B1 loses its MES and works two shifts.
/// </summary>
internal static class SyntheticResults
{
    internal static readonly DateTimeOffset Start = new(2025, 9, 1, 6, 0, 0, TimeSpan.FromHours(1));
    internal const double HorizonHours = 168;
    internal const double SampleEveryHours = 0.5;
    internal const double DisruptionStart = 24;
    internal const double DisruptionEnd = 96;
    internal const string SeatCause = "part:SEAT <- supplier:T1-SEATS (tier 1) <- it:OEM-EDI (order_transmission)";
    internal const string MesCause = "it:CAS-MES (production_control)";

    private sealed record LinePlan(string Plant, string Line, double Rate, bool TwoShifts, double? Halt, double? Restart, double RampHours, string Cause, double? ReducedFrom);

    /// <summary>An experiment over the given policies and replications; replication 3, 7, ... of SOL-A1 never halts.</summary>
    /// <summary>A manifest of a run of the synthetic scenario, as <c>run</c> writes it.</summary>
    internal static RunManifest Manifest() => new(
        RunManifest.CurrentToolVersion, "scenarios/x.yaml", new string('a', 64), "Synthetic", ["base"], 42, 1, 168,
        "linesim run scenarios/x.yaml", Start, 1.5, 14000);

    internal static ExperimentResult Experiment(IReadOnlyList<string> policies, int replications, ulong seed = 42)
    {
        var runs = new List<ReplicationResult>();
        for (var p = 0; p < policies.Count; p++)
        {
            for (var r = 0; r < replications; r++)
            {
                runs.Add(Replication(policies[p], r, seed + (ulong)r, extraCoverHours: 3 * p));
            }
        }

        return new ExperimentResult(policies, seed, replications, HorizonHours, runs, LineStatistics.Compute(runs.SelectMany(x => x.Lines)));
    }

    /// <summary>One replication; the seed shifts halt and restart times by up to a few hours.</summary>
    internal static ReplicationResult Replication(string policy, int replication, ulong seed, double extraCoverHours = 0)
    {
        var random = new Random((int)(seed % int.MaxValue));
        var jitter = Math.Round(random.NextDouble() * 4, 1);
        var a1Halts = replication % 4 != 3;
        var plans = new[]
        {
            new LinePlan("SOL", "SOL-A1", 60, false, a1Halts ? DisruptionStart + 6 + extraCoverHours + jitter : null, a1Halts ? DisruptionEnd + 4 + jitter : null, 8, SeatCause, null),
            new LinePlan("SOL", "SOL-A2", 45, false, null, null, 0, string.Empty, DisruptionStart + 5),
            new LinePlan("CAS", "CAS-B1", 30, true, DisruptionStart + jitter / 2, DisruptionEnd + 1, 4, MesCause, null),
        };

        var disrupted = Trace(plans, disrupted: true, extraCoverHours, jitter);
        var baseline = Trace(plans, disrupted: false, extraCoverHours, jitter);
        var metrics = plans.Select(plan => Metrics(plan, policy, replication, seed, disrupted, baseline)).ToList();
        return new ReplicationResult(policy, replication, seed, metrics, disrupted, baseline);
    }

    /// <summary>
    /// One replication of a wide network: plants P01, P02, ... of <paramref name="linesPerPlant"/> lines each, every line
    /// starving of seats (its own <c>LINE/SEAT</c> cover series) a little later the higher its plant and line number,
    /// and a smaller rate the higher its plant number, so that P01 loses most.
    /// </summary>
    internal static ReplicationResult Wide(string policy, int replication, int plants, int linesPerPlant)
    {
        var plans = Enumerable.Range(1, plants)
            .SelectMany(p => Enumerable.Range(1, linesPerPlant).Select(l => new LinePlan(
                $"P{p:00}", $"P{p:00}-L{l}", 100 - p, false, DisruptionStart + p + l + (replication * 0.5), DisruptionEnd + 4, 8, SeatCause, null)))
            .ToArray();
        var disrupted = Trace(plans, disrupted: true, 0, 0, perLineCover: true);
        var baseline = Trace(plans, disrupted: false, 0, 0, perLineCover: true);
        var metrics = plans.Select(plan => Metrics(plan, policy, replication, (ulong)replication, disrupted, baseline)).ToList();
        return new ReplicationResult(policy, replication, (ulong)replication, metrics, disrupted, baseline);
    }

    private static LineMetrics Metrics(LinePlan plan, string policy, int replication, ulong seed, RunTrace disrupted, RunTrace baseline)
    {
        double Produced(RunTrace trace) => trace.Samples.Last(s => s.Entity == plan.Line && s.Metric == SampleMetrics.ProducedUnits).Value;
        double Planned() => Produced(baseline);
        var downtime = disrupted.Samples.Count(s => s.Entity == plan.Line && s.Metric == SampleMetrics.State && s.Value == LineStateCode.Halted) * SampleEveryHours;
        double? recover = plan.Restart is { } restart ? restart + plan.RampHours - DisruptionEnd : plan.ReducedFrom is not null ? 0 : null;
        return new LineMetrics(
            policy, replication, seed, plan.Plant, plan.Line,
            plan.Halt - DisruptionStart, downtime, plan.Restart - DisruptionEnd, recover,
            Produced(baseline) - Produced(disrupted), Planned(), Produced(disrupted), plan.Halt is null ? CauseChain.None : HaltCause.Parse(plan.Cause), Produced(baseline));
    }

    private static RunTrace Trace(LinePlan[] plans, bool disrupted, double extraCoverHours, double jitter, bool perLineCover = false)
    {
        var samples = new List<Sample>();
        var produced = new double[plans.Length];
        for (var t = 0.0; t <= HorizonHours; t += SampleEveryHours)
        {
            for (var i = 0; i < plans.Length; i++)
            {
                var plan = plans[i];
                var state = State(plan, t, disrupted);
                samples.Add(new Sample(t, plan.Line, SampleMetrics.State, state));
                samples.Add(new Sample(t, plan.Line, SampleMetrics.ProducedUnits, produced[i]));
                produced[i] += SampleEveryHours * plan.Rate * (state == LineStateCode.Running ? 1 : state == LineStateCode.Reduced ? 0.5 : 0);
                if (perLineCover)
                {
                    samples.Add(new Sample(t, $"{plan.Line}/SEAT", SampleMetrics.CoverHours, state == LineStateCode.Halted ? 0 : disrupted && plan.Halt is { } halt && t > halt - 4 && t < halt ? halt - t : 4));
                }
            }

            var seatCover = !disrupted || t < DisruptionStart ? 4 + extraCoverHours - (t % 2)
                : t < DisruptionEnd + jitter ? Math.Max(0, 6 + extraCoverHours - (t - DisruptionStart))
                : Math.Min(4 + extraCoverHours, (t - DisruptionEnd - jitter) * 1.5);
            samples.Add(new Sample(t, "SOL-A1/SEAT", SampleMetrics.CoverHours, seatCover, new StockSeriesKey(StockHolder.Line, "SOL-A1", "SEAT")));
            samples.Add(new Sample(t, "SOL-A1/DOOR", SampleMetrics.CoverHours, 8 - (t % 4), new StockSeriesKey(StockHolder.Line, "SOL-A1", "DOOR")));
            samples.Add(new Sample(t, "SOL-A2/SEAT", SampleMetrics.CoverHours, disrupted && t is >= DisruptionStart and < DisruptionEnd ? 2.5 : 5 - (t % 2), new StockSeriesKey(StockHolder.Line, "SOL-A2", "SEAT")));
            samples.Add(new Sample(t, "CAS-B1/ENGINE", SampleMetrics.CoverHours, 48 - (t % 24), new StockSeriesKey(StockHolder.Line, "CAS-B1", "ENGINE")));
            samples.Add(new Sample(t, "T1-SEATS/SEAT", SampleMetrics.CoverHours, 0.5, new StockSeriesKey(StockHolder.Supplier, "T1-SEATS", "SEAT")));
        }

        if (!disrupted)
        {
            return new RunTrace([], [], [], samples, 1000, 5000);
        }

        var events = new List<EventRecord>
        {
            new(DisruptionStart, "cyber-edi", EventKinds.DisruptionStart, "it:OEM-EDI it:CAS-MES"),
            new(DisruptionEnd, "cyber-edi", EventKinds.DisruptionEnd, "it:OEM-EDI it:CAS-MES"),
        };
        foreach (var plan in plans.Where(p => p.Halt is not null))
        {
            events.Add(new EventRecord(plan.Halt!.Value, plan.Line, EventKinds.Halt, string.Empty, HaltCause.Parse(plan.Cause)));
            events.Add(new EventRecord(plan.Restart!.Value, plan.Line, EventKinds.Restart, string.Empty));
            events.Add(new EventRecord(plan.Restart!.Value + plan.RampHours, plan.Line, EventKinds.FullRate, string.Empty));
        }

        events.Sort((a, b) => a.TimeHours.CompareTo(b.TimeHours));
        var windows = new[] { new DisruptionWindow("cyber-edi", DisruptionStart, DisruptionEnd, ["OEM-EDI", "CAS-MES"]) };
        var outcomes = plans.Select(p => new LineOutcome(p.Plant, p.Line, p.Halt, p.Halt is null ? null : HaltCause.Parse(p.Cause), 0, p.Restart, p.Restart + p.RampHours, 0, 0)).ToList();
        return new RunTrace(outcomes, windows, events, samples, 1200, 9000);
    }

    private static double State(LinePlan plan, double t, bool disrupted)
    {
        // CAS works 06:00-22:00; hour 0 is 06:00 local.
        if (plan.TwoShifts && t % 24 >= 16)
        {
            return LineStateCode.Closed;
        }

        if (!disrupted)
        {
            return LineStateCode.Running;
        }

        if (plan.Halt is { } halt && t >= halt && t < plan.Restart)
        {
            return LineStateCode.Halted;
        }

        if (plan.Restart is { } restart && t >= restart && t < restart + plan.RampHours)
        {
            return LineStateCode.Reduced;
        }

        return plan.ReducedFrom is { } from && t >= from && t < DisruptionEnd ? LineStateCode.Reduced : LineStateCode.Running;
    }

    /// <summary>A small three-tier scenario with plant, supplier and shared-provider IT systems.</summary>
    internal static ScenarioSpec Scenario(string? sourcePath = null)
    {
        var restart = new RestartRule(1, 8);
        var sol = new PlantSpec("SOL", "Solihull", [
            new LineSpec("SOL-A1", "SOL", 60, "24x7", [new BomItem("SEAT", 1), new BomItem("DOOR", 4)], [], restart),
            new LineSpec("SOL-A2", "SOL", 45, "24x7", [new BomItem("SEAT", 1)], [], restart),
        ]);
        var cas = new PlantSpec("CAS", "Castle", [new LineSpec("CAS-B1", "CAS", 30, "2-shift", [new BomItem("ENGINE", 1)], [], restart)]);
        StockAmount Days(double d) => StockAmount.InDays(d);
        var suppliers = new[]
        {
            new SupplierSpec("T1-SEATS", "Seat Systems", 1, "24x7", [new ProductSpec("SEAT", 120, [new BomItem("FOAM", 1)], Days(0.5), Days(0.5))], []),
            new SupplierSpec("T1-DOORS", "Door Modules", 1, "24x7", [new ProductSpec("DOOR", 300, [], Days(1), Days(1))], []),
            new SupplierSpec("T1-ENG", "Engines", 1, "24x7", [new ProductSpec("ENGINE", 40, [], Days(2), Days(2))], []),
            new SupplierSpec("T2-FOAM", "Foam Co", 2, "24x7", [new ProductSpec("FOAM", 150, [new BomItem("POLYOL", 1)], Days(2), Days(2))], []),
            new SupplierSpec("T3-CHEM", "Chem Works", 3, "24x7", [new ProductSpec("POLYOL", 500, [], Days(5), Days(5))], []),
        };
        var transit = DistributionSpec.Fixed(2);
        var lanes = new[]
        {
            new LaneSpec("L-SEAT-A1", "T1-SEATS", "SOL-A1", "SEAT", transit, 1, new TriggerSpec(TriggerKind.Sequence, LeadHours: 4)),
            new LaneSpec("L-SEAT-A2", "T1-SEATS", "SOL-A2", "SEAT", transit, 1, new TriggerSpec(TriggerKind.Sequence, LeadHours: 4)),
            new LaneSpec("L-DOOR", "T1-DOORS", "SOL-A1", "DOOR", transit, 4, new TriggerSpec(TriggerKind.Kanban)),
            new LaneSpec("L-ENG", "T1-ENG", "CAS-B1", "ENGINE", transit, 8, new TriggerSpec(TriggerKind.Schedule, ReviewHours: 8)),
            new LaneSpec("L-FOAM", "T2-FOAM", "T1-SEATS", "FOAM", transit, 8, new TriggerSpec(TriggerKind.BaseStock, ReviewHours: 8)),
            new LaneSpec("L-POLYOL", "T3-CHEM", "T2-FOAM", "POLYOL", transit, 24, new TriggerSpec(TriggerKind.Schedule, ReviewHours: 24)),
        };
        var systems = new[]
        {
            new ItSystemSpec("OEM-EDI", "SOL", ItFunction.OrderTransmission, [], ["L-SEAT-A1", "L-SEAT-A2"], new FallbackSpec(12, 0.5)),
            new ItSystemSpec("CAS-MES", "CAS", ItFunction.ProductionControl, ["CAS"], [], null),
            new ItSystemSpec("CLOUD-ERP", "CloudCo", ItFunction.OrderTransmission | ItFunction.Logistics, ["T1-SEATS", "T2-FOAM"], [], null),
        };
        var disruptions = new[] { new DisruptionSpec("cyber-edi", ["OEM-EDI", "CAS-MES"], 24, DistributionSpec.Fixed(72), RecoverySpec.Default) };
        return new ScenarioSpec(
            "Synthetic two-plant outage", "Test network", Start, HorizonHours, SampleEveryHours, 0.25, 24,
            [], [new PartSpec("SEAT", "Seat set", 400, PartKind.Jis), new PartSpec("DOOR", "Door", 150, PartKind.Jit), new PartSpec("ENGINE", "Engine", 3000, PartKind.Jit), new PartSpec("FOAM", "Foam", 10, PartKind.Bulk), new PartSpec("POLYOL", "Polyol", 2, PartKind.Bulk)],
            [sol, cas], suppliers, lanes, systems, disruptions, [PolicySpec.AsWritten], sourcePath);
    }
}
