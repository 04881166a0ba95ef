using Simulator.Model.Specs;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Simulator.Experiments;

namespace Simulator.Tests.Experiments;

/// <summary><c>--until-precision</c>: add replications until the interval of mean lost units is narrow enough, with a cap.</summary>
public sealed class UntilPrecisionTests
{
    private static readonly string[] Policies = ["lean", "buffer"];

    /// <summary>Half-width of the 95 % interval of the mean as a percentage of the mean, from MathNet directly.</summary>
    private static double RelativeHalfWidthPercent(IReadOnlyList<double> values)
    {
        var std = values.StandardDeviation();
        var halfWidth = StudentT.InvCDF(0, 1, values.Count - 1, 0.975) * std / Math.Sqrt(values.Count);
        return std == 0 ? 0 : 100 * halfWidth / Math.Abs(values.Mean());
    }

    private static double WorstAfter(ExperimentResult result, int replications) =>
        result.Lines
            .Where(l => l.Replication < replications)
            .GroupBy(l => (l.Policy, l.Line))
            .Max(g => RelativeHalfWidthPercent(g.Select(l => l.LostUnits).ToArray()));

    [Test]
    public void Stops_at_the_first_replication_count_where_every_line_meets_the_target()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var result = Experiment.Stream(scenario, new ExperimentOptions(Policies, Seed: 2, UntilPrecisionPercent: 25, MaxReplications: 400), sink: null);
        var n = result.ReplicationCount;

        Assert.Multiple(() =>
        {
            Assert.That(result.Precision, Is.Not.Null);
            Assert.That(result.Precision!.Reached, Is.True);
            Assert.That(result.Precision.Replications, Is.EqualTo(n));
            Assert.That(n, Is.GreaterThan(ExperimentOptions.MinimumPilotReplications), "the target must need more than the pilot, or the test proves little");
            Assert.That(result.Records, Has.Count.EqualTo(n * Policies.Length));
            Assert.That(WorstAfter(result, n), Is.LessThan(25));
            Assert.That(WorstAfter(result, n - 1), Is.GreaterThanOrEqualTo(25), "one replication fewer would not have been enough");
            Assert.That(result.Precision.WorstHalfWidthPercent, Is.EqualTo(WorstAfter(result, n)).Within(1e-9));
        });
    }

    [Test]
    public void The_count_it_takes_does_not_depend_on_the_thread_count()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var options = new ExperimentOptions(Policies, Seed: 4, UntilPrecisionPercent: 25, MaxReplications: 400);
        var one = Experiment.Stream(scenario, options with { Parallelism = 1 }, sink: null);
        var many = Experiment.Stream(scenario, options with { Parallelism = 3 }, sink: null);

        Assert.Multiple(() =>
        {
            Assert.That(many.ReplicationCount, Is.EqualTo(one.ReplicationCount));
            Assert.That(many.Lines, Is.EqualTo(one.Lines));
        });
    }

    [Test]
    public void The_cap_stops_an_unreachable_target_and_says_so()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var result = Experiment.Stream(scenario, new ExperimentOptions(Policies, Seed: 2, UntilPrecisionPercent: 0.001, MaxReplications: 12), sink: null);

        Assert.Multiple(() =>
        {
            Assert.That(result.ReplicationCount, Is.EqualTo(12));
            Assert.That(result.Precision!.Reached, Is.False);
            Assert.That(result.Precision.WorstHalfWidthPercent, Is.GreaterThan(0.001));
            Assert.That(Policies, Does.Contain(result.Precision.WorstPolicy));
        });
    }

    [Test]
    public void The_given_replications_are_the_minimum()
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        var result = Experiment.Stream(scenario, new ExperimentOptions(Policies, Replications: 30, Seed: 2, UntilPrecisionPercent: 50), sink: null);
        Assert.That(result.ReplicationCount, Is.EqualTo(30));
    }

    [Test]
    public void Lines_without_spread_meet_any_target_at_the_pilot()
    {
        // A fixed outage and fixed transit: every replication is the same, the interval has zero width.
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage(Simulator.Model.Specs.DistributionSpec.Fixed(12));
        scenario = scenario with { Lanes = scenario.Lanes.Select(l => l with { TransitHours = Simulator.Model.Specs.DistributionSpec.Fixed(0.5) }).ToArray() };
        var result = Experiment.Stream(scenario, new ExperimentOptions(Policies, UntilPrecisionPercent: 1), sink: null);
        Assert.That((result.ReplicationCount, result.Precision!.Reached), Is.EqualTo((ExperimentOptions.MinimumPilotReplications, true)));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    public void A_non_positive_target_is_rejected(double percent)
    {
        var scenario = StochasticScenarios.TwoLinesWithRandomOutage();
        Assert.That(() => Experiment.Stream(scenario, new ExperimentOptions(Policies, UntilPrecisionPercent: percent), sink: null), Throws.TypeOf<InvalidOptionsException>());
    }
}
