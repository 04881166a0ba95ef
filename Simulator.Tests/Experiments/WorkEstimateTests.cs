using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Scenarios;
using Simulator.Tests.Scenarios;

namespace Simulator.Tests.Experiments;

/// <summary>The estimate made before a run: close to the work the run then does, and a refusal that names its setting.</summary>
public sealed class WorkEstimateTests
{
    private static ScenarioSpec Quickstart() => ScenarioLoader.Load(RepositoryFiles.PathOf("scenarios", "quickstart.yaml")).Scenario!;

    [TestCase(168.0, 4)]
    [TestCase(1000.0, 2)]
    public void The_estimated_events_are_within_a_factor_of_two_of_the_events_the_run_processes(double horizonHours, int replications)
    {
        var scenario = Quickstart();
        var options = new ExperimentOptions([scenario.Policies[0].Id], replications, HorizonHours: horizonHours, Parallelism: 1);
        var estimate = WorkEstimate.Of(scenario, options);
        var actual = Experiment.Stream(scenario, options, sink: null).Replications.Sum(r => r.Disrupted.ProcessedEvents + r.Baseline.ProcessedEvents) / 1.0;

        // Only replication 0 is kept by Stream: scale its events up to every replication.
        var processed = actual * replications;
        Assert.That(estimate.Events / processed, Is.InRange(0.5, 2.0), $"estimated {estimate.Events}, processed {processed}");
    }

    [Test]
    public void A_long_stress_test_of_a_busy_network_is_estimated_from_its_whole_horizon_within_a_twentieth_of_its_events()
    {
        // The large preset over 10 days: the first pilot's 48 h make more than 50,000 events (about 74,000) and its
        // estimate of 1,000 runs is minutes, so a second pilot runs on warm code over the horizon until its budget of
        // 500,000 events, which covers this horizon: its events are those of the run (the first 48 h alone, which start
        // with stocks being ordered up, would overstate them).
        var scenario = NetworkGenerator.Generate(GeneratorOptions.Large with { HorizonHours = 240 });
        var options = new StressTestOptions(DurationsHours: [72]);
        var estimate = WorkEstimate.OfStress(scenario, options, runs: 1000);
        var baseline = Simulator.Model.Simulation.Run(Simulator.Model.Network.Build(scenario), 1, new Simulator.Model.RunOptions(RecordPartSeries: false, WithDisruptions: false));

        Assert.That(estimate.Events / 1000 / baseline.ProcessedEvents, Is.InRange(0.95, 1.05), $"estimated {estimate.Events / 1000} a run, processed {baseline.ProcessedEvents}");
    }

    [Test]
    public void The_pilot_is_bounded_so_even_the_largest_allowed_horizon_is_estimated_at_once()
    {
        var scenario = Quickstart() with { HorizonHours = ScenarioBounds.MaxHorizonHours };
        var estimate = WorkEstimate.Of(scenario, new ExperimentOptions([], Replications: 1000));

        // The two lines build 105 jobs an hour in 80 scheduled hours a week, about 50 an hour on average: over 100,000 h and
        // 2,000 runs (1,000 disrupted, 1,000 baselines) the jobs alone are 1e10, far past the default limit.
        Assert.That(estimate.Events, Is.GreaterThan(1e10));
        Assert.That(() => estimate.ThrowIfOver(WorkEstimate.DefaultMaxEvents, "--max-events"), Throws.TypeOf<InvalidOptionsException>().With.Message.Contains("raise the limit on purpose with --max-events"));
    }

    [Test]
    public void An_unknown_policy_is_invalid_input()
    {
        Assert.That(() => WorkEstimate.Of(Quickstart(), new ExperimentOptions(["nope"])), Throws.TypeOf<InvalidOptionsException>().With.Message.StartWith("unknown policy 'nope'; the scenario has: "));
    }
}
