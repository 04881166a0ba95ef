using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Scenarios;

namespace Simulator.Tests.Model;

/// <summary>Properties every run must have, checked over small generated networks of varied shape and disruption.</summary>
public sealed class InvariantTests
{
    private const int NetworkCount = 20;

    private static IEnumerable<TestCaseData> Networks() =>
        Enumerable.Range(0, NetworkCount).Select(i => new TestCaseData(i).SetArgDisplayNames(Describe(i)));

    /// <summary>Network <paramref name="i"/>: 1-2 plants, 1-2 lines each, 6-25 parts, 1-3 tiers, 72-168 h, one of five disruptions.</summary>
    private static ScenarioSpec Scenario(int i)
    {
        var scenario = NetworkGenerator.Generate(Options(i));
        return scenario with { Disruptions = [Disruption(scenario, i % 5)] };
    }

    private static GeneratorOptions Options(int i) => new(
        Plants: 1 + (i % 2),
        LinesPerPlant: 1 + (i / 2 % 2),
        Parts: 6 + (i * 7 % 20),
        Tiers: 1 + (i % 3),
        Seed: 100 + (ulong)i,
        HorizonHours: 72 + (24 * (i % 5)));

    private static string Describe(int i)
    {
        var o = Options(i);
        var kind = new[] { "edi", "mes", "provider", "supplier", "wms" }[i % 5];
        return $"seed {o.Seed}: {o.Plants}x{o.LinesPerPlant}, {o.Parts} parts, {o.Tiers} tiers, {o.HorizonHours} h, {kind}";
    }

    private static DisruptionSpec Disruption(ScenarioSpec scenario, int kind)
    {
        const double start = 28;
        switch (kind)
        {
            case 0:
                return scenario.Disruptions.Single();
            case 1:
                return new DisruptionSpec("mes", ["PL1-MES"], start, DistributionSpec.Fixed(12), RecoverySpec.Default);
            case 2:
                var provider = scenario.ItSystems.First(s => s.Owner.StartsWith("cloud-", StringComparison.Ordinal)).Owner;
                return new DisruptionSpec("provider", [provider], start, new DistributionSpec(DistributionKind.Exponential, Mean: 24), RecoverySpec.Default);
            case 3:
                // A tier-1 supplier down, preferably one with a second source (failover), with a phased restart.
                var dual = scenario.Lanes.GroupBy(l => (l.To, l.PartId)).FirstOrDefault(g => g.Count() > 1)?.First().From;
                var supplier = dual ?? scenario.Suppliers.First(s => s.Tier == 1).Id;
                return new DisruptionSpec(
                    "supplier",
                    [supplier],
                    start,
                    new DistributionSpec(DistributionKind.LogNormal, Mean: 30, Std: 10),
                    new RecoverySpec(4, [new RecoveryPhase([supplier], 6)]));
            default:
                return new DisruptionSpec("wms", ["PL1-WMS"], start, DistributionSpec.Fixed(8), RecoverySpec.Default);
        }
    }

    [TestCaseSource(nameof(Networks))]
    public void Material_is_conserved(int i)
    {
        var network = Network.Build(Scenario(i));
        foreach (var withDisruptions in new[] { true, false })
        {
            var (_, balance) = Simulation.RunDetailed(network, 1, new RunOptions(RecordPartSeries: false, WithDisruptions: withDisruptions));
            var broken = balance
                .Where(b => Math.Abs(b.Imbalance) > 1e-6 * Math.Max(1, Math.Max(b.Initial + b.Produced, b.Consumed + b.InStock + b.InTransit)))
                .Select(b => $"{b}: imbalance {b.Imbalance}");

            Assert.That(broken, Is.Empty, withDisruptions ? "disrupted run" : "baseline run");
        }
    }

    [TestCaseSource(nameof(Networks))]
    public void Same_seed_gives_the_same_run(int i)
    {
        var network = Network.Build(Scenario(i));
        var first = Simulation.Run(network, 42);
        var second = Simulation.Run(network, 42);

        Assert.Multiple(() =>
        {
            Assert.That(second.Lines, Is.EqualTo(first.Lines));
            Assert.That(second.Windows, Is.EqualTo(first.Windows));
            Assert.That(second.Events, Is.EqualTo(first.Events));
            Assert.That(second.Samples, Is.EqualTo(first.Samples));
            Assert.That(second.AverageInventoryValue, Is.EqualTo(first.AverageInventoryValue));
            Assert.That(second.ProcessedEvents, Is.EqualTo(first.ProcessedEvents));
        });
    }

    [TestCaseSource(nameof(Networks))]
    public void Experiment_results_do_not_depend_on_parallelism(int i)
    {
        var scenario = Scenario(i);
        ExperimentResult Run(int parallelism) =>
            Experiment.Run(scenario, new ExperimentOptions(["lean"], Replications: 3, Seed: 9, HorizonHours: 72, Parallelism: parallelism));

        var one = Run(1);
        var two = Run(2);

        Assert.Multiple(() =>
        {
            Assert.That(two.Replications.Select(r => (r.Policy, r.Replication, r.Seed)), Is.EqualTo(one.Replications.Select(r => (r.Policy, r.Replication, r.Seed))));
            for (var r = 0; r < one.Replications.Count; r++)
            {
                Assert.That(two.Replications[r].Lines, Is.EqualTo(one.Replications[r].Lines), $"replication {r}");
                Assert.That(two.Replications[r].Disrupted.Events, Is.EqualTo(one.Replications[r].Disrupted.Events), $"replication {r}");
            }

            Assert.That(two.Statistics, Is.EqualTo(one.Statistics));
        });
    }

    [TestCaseSource(nameof(Networks))]
    public void More_line_side_stock_never_halts_a_line_earlier_when_every_lane_to_a_line_is_sequenced_and_the_plant_edi_fails(int i)
    {
        var scenario = Sequenced(NetworkGenerator.Generate(Options(i)));

        AssertMonotone(scenario, [1, 2, 4, 8], perLine: true);
    }

    /// <summary>
    /// With any disruption the runs are identical until the first line halts in the run with less stock, so the
    /// earliest halt cannot come earlier. Later halts of other lines can: a line that runs longer on its extra stock
    /// takes more of a constrained supplier it shares with another line (seed 102, provider outage: PL1-L2 never halts
    /// with 1 h of cover and halts at 105.4 h with 2 h).
    /// </summary>
    [TestCaseSource(nameof(Networks))]
    public void More_line_side_stock_never_brings_the_first_halt_forward_when_every_lane_to_a_line_is_sequenced(int i)
    {
        var scenario = Sequenced(Scenario(i));

        AssertMonotone(scenario, [1, 2, 4, 8], perLine: false);
    }

    [TestCaseSource(nameof(Networks))]
    public void More_line_side_stock_never_halts_earlier_under_a_production_control_outage(int i)
    {
        var scenario = Scenario(i);
        scenario = scenario with
        {
            Disruptions = [new DisruptionSpec("mes", scenario.Plants.Select(p => p.Id + "-MES").ToArray(), 28, DistributionSpec.Fixed(10), RecoverySpec.Default)],
        };

        // Covers of at least 4 days keep the daily bulk deliveries feasible.
        AssertMonotone(scenario, [96, 120, 200], perLine: true);
    }

    /// <summary>Every lane to a line becomes a sequence lane (3 h lead, dispatch every half hour, half an hour in transit).</summary>
    private static ScenarioSpec Sequenced(ScenarioSpec scenario)
    {
        var lines = scenario.Plants.SelectMany(p => p.Lines).Select(l => l.Id).ToHashSet();
        return scenario with
        {
            Lanes = scenario.Lanes.Select(l => lines.Contains(l.To)
                    ? l with { Trigger = new TriggerSpec(TriggerKind.Sequence, LeadHours: 3), DispatchEveryHours = 0.5, TransitHours = DistributionSpec.Fixed(0.5) }
                    : l)
                .ToArray(),
        };
    }

    /// <summary>
    /// Runs one policy per cover (in hours, ascending) and checks that no line's first halt (or, when not
    /// <paramref name="perLine"/>, the earliest first halt of all lines) comes earlier with more cover.
    /// </summary>
    private static void AssertMonotone(ScenarioSpec scenario, double[] covers, bool perLine)
    {
        var policies = covers.Select(c => new PolicySpec($"cover-{c}", $"{c} h at the line", c, new Dictionary<int, double>(), [])).ToArray();
        scenario = scenario with { Policies = policies };
        var halts = policies
            .Select(p => Simulation.Run(Network.Build(scenario, p.Id), 3, new RunOptions(RecordPartSeries: false)).Lines.ToDictionary(l => l.LineId, l => l.FirstHaltHours ?? double.PositiveInfinity))
            .ToArray();

        Assert.Multiple(() =>
        {
            for (var k = 1; k < halts.Length; k++)
            {
                if (!perLine)
                {
                    Assert.That(halts[k].Values.Min(), Is.GreaterThanOrEqualTo(halts[k - 1].Values.Min()), $"{covers[k]} h of cover halts a line before {covers[k - 1]} h");
                    continue;
                }

                foreach (var (line, halt) in halts[k])
                {
                    Assert.That(halt, Is.GreaterThanOrEqualTo(halts[k - 1][line]), $"{line}: {covers[k]} h of cover halts before {covers[k - 1]} h");
                }
            }
        });
    }
}
