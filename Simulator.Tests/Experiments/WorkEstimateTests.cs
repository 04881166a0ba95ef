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
