using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model.Specs;

namespace Simulator.Tests.Experiments;

/// <summary>More stock everywhere never makes a line halt earlier, on the same seeds.</summary>
public sealed class PolicyMonotonicityTests
{
    // Each policy holds more line-side cover and more tier-1 finished goods than the one before.
    private static readonly string[] Ascending = ["lean", "buffer", "fortress"];

    // Outages of 30 to 60 h outlast every policy's cover, so every run halts and the means compare like with like.
    private static ExperimentResult Run() => Experiment.Stream(
        StochasticScenarios.TwoLinesWithRandomOutage(new DistributionSpec(DistributionKind.Uniform, Min: 30, Max: 60)),
        new ExperimentOptions(Ascending, Replications: 40, Seed: 17),
        sink: null);

    [Test]
    public void A_policy_with_more_stock_everywhere_never_has_a_lower_mean_time_to_halt()
    {
        var result = Run();
        var statistics = result.Statistics.Where(s => s.Metric == MetricNames.TimeToHalt).ToArray();
        Assert.Multiple(() =>
        {
            foreach (var line in new[] { "L1", "L2" })
            {
                var means = Ascending.Select(p => statistics.Single(s => s.Policy == p && s.Line == line)).ToArray();
                Assert.That(means.Select(s => s.Censored), Is.All.Zero, $"{line}: every run halts");
                Assert.That(means.Select(s => s.Mean), Is.Ordered.Ascending, line);
                Assert.That(means[2].Mean, Is.GreaterThan(means[0].Mean), $"{line}: the stock must matter, or the test proves nothing");
            }
        });
    }

    [Test]
    public void More_stock_never_halts_earlier_in_any_replication()
    {
        var result = Run();
        var halts = result.Lines.ToDictionary(l => (l.Policy, l.Line, l.Replication), l => l.TimeToHaltHours);
        Assert.Multiple(() =>
        {
            foreach (var ((policy, line, replication), halt) in halts.Where(h => h.Key.Policy != Ascending[^1]))
            {
                var more = Ascending[Array.IndexOf(Ascending, policy) + 1];
                var next = halts[(more, line, replication)];
                Assert.That(next is null || next >= halt, Is.True, $"{line} replication {replication}: {more} halts at {next}, {policy} at {halt}");
            }
        });
    }

    [Test]
    public void The_paired_difference_of_more_stock_is_a_later_halt_and_costs_more_to_hold()
    {
        var result = Run();
        var comparison = Comparison.Compute(result, holdingCostRatePerYear: 0.25);
        var halt = comparison.Paired.Single(p => p.PolicyA == "lean" && p.PolicyB == "fortress" && p.Line == "L1" && p.Metric == MetricNames.TimeToHalt);
        var totals = comparison.Totals.ToDictionary(t => t.Policy);
        Assert.Multiple(() =>
        {
            Assert.That(halt.N, Is.EqualTo(40));
            Assert.That(halt.Ci95Low, Is.GreaterThan(0), "fortress halts later, and the paired interval shows it is no accident");
            Assert.That(Ascending.Select(p => totals[p].AverageInventoryValue), Is.Ordered.Ascending);
            Assert.That(totals["fortress"].HoldingCost, Is.EqualTo(totals["fortress"].AverageInventoryValue * 0.25 * 96 / 8760).Within(1e-9));
        });
    }
}
