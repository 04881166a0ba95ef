using Simulator.Experiments;
using Simulator.Model.Specs;

namespace Simulator.Tests.Experiments;

/// <summary>Telling from the model alone that every replication of a scenario gives the same results.</summary>
public sealed class ScenarioRandomnessTests
{
    private static readonly DistributionSpec FixedOutage = DistributionSpec.Fixed(12);

    [Test]
    public void A_random_outage_and_random_transit_times_are_each_named_as_a_source()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        Assert.Multiple(() =>
        {
            Assert.That(ScenarioRandomness.SourcesOf(scenario), Is.EqualTo(new[] { "disruption:edi", "lane:SEAT-1", "lane:SEAT-2" }));
            Assert.That(ScenarioRandomness.IsDeterministic(scenario), Is.False);
        });
    }

    [Test]
    public void A_scenario_whose_durations_and_transit_times_are_all_fixed_is_deterministic()
    {
        var scenario = Fixed(StochasticScenarios.TwoLinesWithRandomOutage(FixedOutage));
        Assert.Multiple(() =>
        {
            Assert.That(ScenarioRandomness.SourcesOf(scenario), Is.Empty);
            Assert.That(ScenarioRandomness.IsDeterministic(scenario), Is.True);
        });
    }

    [Test]
    public void Only_the_random_transit_is_left_when_the_outage_is_fixed() =>
        Assert.That(ScenarioRandomness.SourcesOf(StochasticScenarios.TwoLinesWithRandomOutage(FixedOutage)), Is.EqualTo(new[] { "lane:SEAT-1", "lane:SEAT-2" }));

    [Test]
    public void Replications_of_a_deterministic_scenario_are_identical_whatever_their_seeds()
    {
        // The claim the detection makes, checked by simulation: 4 replications (4 different seeds) of every policy.
        var result = Experiment.Run(Fixed(StochasticScenarios.TwoLinesWithRandomOutage(FixedOutage)), new ExperimentOptions([], Replications: 4, Seed: 11));
        var distinct = result.Lines
            .GroupBy(l => (l.Policy, l.Line))
            .Select(g => g.Select(l => (l.TimeToHaltHours, l.DowntimeHours, l.TimeToRestartHours, l.TimeToRecoverHours, l.LostUnits, l.ProducedUnits, l.HaltCause)).Distinct().Count());
        Assert.Multiple(() =>
        {
            Assert.That(result.Lines.Select(l => l.Seed).Distinct().Count(), Is.EqualTo(4), "each replication has its own seed");
            Assert.That(result.Lines.Any(l => l.TimeToHaltHours is not null), Is.True, "the outage halts a line");
            Assert.That(distinct, Is.All.EqualTo(1));
        });
    }

    [Test]
    public void Replications_of_the_random_scenario_differ_so_the_check_above_can_fail()
    {
        var result = Experiment.Run(StochasticScenarios.TwoLinesWithRandomOutage(), new ExperimentOptions([], Replications: 4, Seed: 11));
        Assert.That(result.Lines.Select(l => l.LostUnits).Distinct().Count(), Is.GreaterThan(1));
    }

    private static ScenarioSpec Fixed(ScenarioSpec scenario) =>
        scenario with { Lanes = scenario.Lanes.Select(l => l with { TransitHours = DistributionSpec.Fixed(l.TransitHours.IsDeterministic ? l.TransitHours.Mean : 0.5) }).ToArray() };
}
