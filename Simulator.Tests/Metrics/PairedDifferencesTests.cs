using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Simulator.Metrics;
using Simulator.Model;

namespace Simulator.Tests.Metrics;

public sealed class PairedDifferencesTests
{
    private static LineMetrics Run(string policy, int replication, double lost, double? halt = 5) =>
        new(policy, replication, (ulong)replication, "P", "L1", halt, 1, null, null, lost, 100, 100 - lost, CauseChain.None, 100);

    private static PairedDifferenceRow Lost(IReadOnlyList<PairedDifferenceRow> rows) => rows.Single(r => r.Metric == MetricNames.LostUnits);

    [Test]
    public void Known_pairs_give_the_hand_computed_mean_and_interval_of_the_differences()
    {
        // B - A = [1, 0, 2, 1]: mean 1, squared deviations 0 + 1 + 1 + 0 over n - 1 = 3; t(0.975, 3) = 3.182446305 from tables.
        double[] a = [10, 12, 14, 16];
        double[] b = [11, 12, 16, 17];
        var rows = PairedDifferences.Compute(a.Select((v, i) => Run("A", i, v)).Concat(b.Select((v, i) => Run("B", i, v))), ["A", "B"]);
        var lost = Lost(rows);

        var halfWidth = 3.182446305 * Math.Sqrt(2.0 / 3) / 2;
        Assert.Multiple(() =>
        {
            Assert.That((lost.PolicyA, lost.PolicyB, lost.N, lost.Censored), Is.EqualTo(("A", "B", 4, 0)));
            Assert.That(lost.MeanDifference, Is.EqualTo(1).Within(1e-12));
            Assert.That(lost.StdDifference, Is.EqualTo(Math.Sqrt(2.0 / 3)).Within(1e-12));
            Assert.That(lost.Ci95Low, Is.EqualTo(1 - halfWidth).Within(1e-8));
            Assert.That(lost.Ci95High, Is.EqualTo(1 + halfWidth).Within(1e-8));
            Assert.That(lost.IsSignificant, Is.False, "the interval (-0.30, 2.30) holds 0");
        });
    }

    [Test]
    public void Paired_interval_matches_MathNet_on_a_random_sample()
    {
        var random = new Random(11);
        var a = Enumerable.Range(0, 41).Select(_ => Math.Round(random.NextDouble() * 500, 2)).ToArray();
        var b = a.Select(v => v - 20 + Math.Round(random.NextDouble() * 10, 2)).ToArray();
        var lost = Lost(PairedDifferences.Compute(a.Select((v, i) => Run("A", i, v)).Concat(b.Select((v, i) => Run("B", i, v))), ["A", "B"]));

        var differences = b.Zip(a, (y, x) => y - x).ToArray();
        var t = StudentT.InvCDF(0, 1, differences.Length - 1, 0.975);
        var halfWidth = t * differences.StandardDeviation() / Math.Sqrt(differences.Length);
        Assert.Multiple(() =>
        {
            Assert.That(lost.MeanDifference, Is.EqualTo(differences.Mean()).Within(1e-9));
            Assert.That(lost.StdDifference, Is.EqualTo(differences.StandardDeviation()).Within(1e-9));
            Assert.That(lost.Ci95Low, Is.EqualTo(differences.Mean() - halfWidth).Within(1e-9));
            Assert.That(lost.Ci95High, Is.EqualTo(differences.Mean() + halfWidth).Within(1e-9));
            Assert.That(lost.IsSignificant, Is.True);
            Assert.That(lost.Ci95High, Is.LessThan(0), "B loses 15 units fewer on average");
        });
    }

    [Test]
    public void Pairing_removes_the_noise_both_policies_share()
    {
        // The common draws vary by hundreds of units, the policy effect is a steady 10: the unpaired intervals overlap,
        // the paired one excludes 0.
        var random = new Random(3);
        var shared = Enumerable.Range(0, 20).Select(_ => random.NextDouble() * 400).ToArray();
        var runs = shared.Select((v, i) => Run("A", i, v)).Concat(shared.Select((v, i) => Run("B", i, v - 10 + random.NextDouble()))).ToArray();
        var paired = Lost(PairedDifferences.Compute(runs, ["A", "B"]));
        var statistics = LineStatistics.Compute(runs).Where(s => s.Metric == MetricNames.LostUnits).ToDictionary(s => s.Policy);

        Assert.Multiple(() =>
        {
            Assert.That(statistics["B"].Ci95High, Is.GreaterThan(statistics["A"].Ci95Low), "unpaired intervals overlap");
            Assert.That(paired.IsSignificant, Is.True);
            Assert.That(paired.Ci95High - paired.Ci95Low, Is.LessThan((statistics["A"].Ci95High - statistics["A"].Ci95Low) / 20));
        });
    }

    [Test]
    public void Pairs_with_a_censored_side_are_left_out_and_counted()
    {
        LineMetrics[] runs =
        [
            Run("A", 0, 10, halt: 4), Run("A", 1, 12, halt: 5), Run("A", 2, 9, halt: null), Run("A", 3, 15, halt: 6),
            Run("B", 0, 8, halt: 7), Run("B", 1, 10, halt: null), Run("B", 2, 9, halt: null), Run("B", 3, 11, halt: 9),
        ];
        var halt = PairedDifferences.Compute(runs, ["A", "B"]).Single(r => r.Metric == MetricNames.TimeToHalt);
        Assert.Multiple(() =>
        {
            Assert.That((halt.N, halt.Censored), Is.EqualTo((2, 2)));
            Assert.That(halt.MeanDifference, Is.EqualTo(3), "(7 - 4 + 9 - 6) / 2");
        });
    }

    [Test]
    public void Every_pair_of_policies_is_compared_in_the_given_order()
    {
        var runs = new[] { "A", "B", "C" }.SelectMany(p => Enumerable.Range(0, 3).Select(r => Run(p, r, r))).ToArray();
        var pairs = PairedDifferences.Compute(runs, ["C", "A", "B"]).Select(r => (r.PolicyA, r.PolicyB)).Distinct();
        Assert.That(pairs, Is.EqualTo(new[] { ("C", "A"), ("C", "B"), ("A", "B") }));
    }
}
