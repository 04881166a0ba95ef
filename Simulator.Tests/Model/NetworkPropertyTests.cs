using CsCheck;
using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Scenarios;
using Simulator.Tests.Support;

namespace Simulator.Tests.Model;

/// <summary>
/// Invariants of every run over generated networks (CsCheck, which shrinks a failing network to the smallest options and
/// disruption that still fail): 100 networks per CI run, 1,000 with <c>LINESIM_PROPERTY_SCALE=10</c>.
/// </summary>
public sealed class NetworkPropertyTests
{
    private static readonly int Networks = PropertyRuns.Count(100);

    /// <summary>Small networks of every shape the generator makes, each with one disruption of a random target and length.</summary>
    private static readonly Gen<Case> Cases =
        from plants in Gen.Int[1, 2]
        from lines in Gen.Int[1, 2]
        from parts in Gen.Int[4, 24]
        from tiers in Gen.Int[1, 3]
        from seed in Gen.ULong[1, 100_000]
        from horizon in Gen.Int[24, 120]
        from target in Gen.Int[0, 1000]
        from start in Gen.Double[0, 48]
        from hours in Gen.Double[1, 72]
        from random in Gen.Bool
        select new Case(new GeneratorOptions(plants, lines, Math.Max(parts, plants * lines), tiers, Seed: seed, HorizonHours: horizon), target, start, hours, random);

    [Test]
    public void Material_is_conserved_and_lost_units_are_baseline_minus_produced()
    {
        Cases.Sample(
            c =>
            {
                var scenario = c.Scenario();
                var network = Network.Build(scenario);
                foreach (var withDisruptions in new[] { true, false })
                {
                    var (_, balance) = Simulation.RunDetailed(network, 7, new RunOptions(RecordPartSeries: false, WithDisruptions: withDisruptions));
                    foreach (var part in balance)
                    {
                        var scale = Math.Max(1, Math.Max(part.Initial + part.Produced, part.Consumed + part.InStock + part.InTransit));
                        if (Math.Abs(part.Imbalance) > 1e-6 * scale)
                        {
                            throw new AssertionException($"{(withDisruptions ? "disrupted" : "baseline")} run: {part} is off by {part.Imbalance}");
                        }
                    }
                }

                var replication = Experiment.RunReplication(network, network.Policy.Id, 0, 7, keepPartSeries: false);
                for (var i = 0; i < replication.Lines.Count; i++)
                {
                    var line = replication.Lines[i];
                    var expected = replication.Baseline.Lines[i].ProducedUnits - replication.Disrupted.Lines[i].ProducedUnits;
                    if (line.LostUnits != expected || line.ProducedUnits != replication.Disrupted.Lines[i].ProducedUnits)
                    {
                        throw new AssertionException($"line {line.Line}: lost {line.LostUnits}, but the baseline made {replication.Baseline.Lines[i].ProducedUnits} and the run {replication.Disrupted.Lines[i].ProducedUnits}");
                    }
                }
            },
            iter: Networks,
            threads: 1,
            print: c => c.ToString());
    }

    /// <summary>One generated network and its disruption.</summary>
    private sealed record Case(GeneratorOptions Options, int Target, double StartHours, double DurationHours, bool RandomDuration)
    {
        public ScenarioSpec Scenario()
        {
            var scenario = NetworkGenerator.Generate(Options);
            var targets = scenario.ItSystems.Select(s => s.Id)
                .Concat(scenario.ItSystems.Select(s => s.Owner).Where(o => o.StartsWith("cloud-", StringComparison.Ordinal)).Distinct())
                .Concat(scenario.Suppliers.Select(s => s.Id))
                .ToList();
            var duration = RandomDuration ? new DistributionSpec(DistributionKind.Exponential, Mean: DurationHours) : DistributionSpec.Fixed(DurationHours);
            var disruption = new DisruptionSpec("property", [targets[Target % targets.Count]], StartHours, duration, RecoverySpec.Default);
            return scenario with { Disruptions = [disruption] };
        }
    }
}
