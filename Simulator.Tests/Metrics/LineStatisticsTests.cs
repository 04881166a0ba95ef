using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Simulator.Metrics;
using Simulator.Model;

namespace Simulator.Tests.Metrics;

public sealed class LineStatisticsTests
{
    private static LineMetrics Run(string policy, string plant, string line, int replication, double? timeToHalt, double lost = 0) =>
        new(policy, replication, (ulong)replication, plant, line, timeToHalt, 1, timeToHalt is null ? null : 2, null, lost, 100, 100 - lost, CauseChain.None, 100);

    private static StatisticsRow Row(IReadOnlyList<StatisticsRow> rows, string metric, string line = "L1", string policy = "base") =>
        rows.Single(r => r.Metric == metric && r.Line == line && r.Policy == policy);

    [Test]
    public void Known_sample_gives_hand_computed_mean_std_interval_and_R7_quantiles()
    {
        double[] sample = [2, 4, 4, 4, 5, 5, 7, 9];
        var rows = LineStatistics.Compute(sample.Select((v, i) => Run("base", "P", "L1", i, v)));
        var halt = Row(rows, MetricNames.TimeToHalt);

        // Sum of squared deviations 32 over n - 1 = 7; t(0.975, 7) = 2.364624252 from tables.
        var std = Math.Sqrt(32.0 / 7);
        var halfWidth = 2.364624252 * std / Math.Sqrt(8);
        Assert.Multiple(() =>
        {
            Assert.That(halt.N, Is.EqualTo(8));
            Assert.That(halt.Censored, Is.Zero);
            Assert.That(halt.Mean, Is.EqualTo(5).Within(1e-12));
            Assert.That(halt.Std, Is.EqualTo(std).Within(1e-12));
            Assert.That(halt.Ci95Low, Is.EqualTo(5 - halfWidth).Within(1e-8));
            Assert.That(halt.Ci95High, Is.EqualTo(5 + halfWidth).Within(1e-8));

            // h = (n - 1) p; P05 = x1 + 0.35 (x2 - x1), P95 = x7 + 0.65 (x8 - x7), as numpy.percentile gives.
            Assert.That(halt.P05, Is.EqualTo(2.7).Within(1e-12));
            Assert.That(halt.P50, Is.EqualTo(4.5).Within(1e-12));
            Assert.That(halt.P95, Is.EqualTo(8.3).Within(1e-12));
        });
    }

    [Test]
    public void Statistics_match_MathNet_reference_on_a_random_sample()
    {
        var random = new Random(7);
        var sample = Enumerable.Range(0, 37).Select(_ => Math.Round(random.NextDouble() * 50, 3)).ToArray();
        var lost = LineStatistics.Compute(sample.Select((v, i) => Run("base", "P", "L1", i, 1, lost: v)));
        var row = Row(lost, MetricNames.LostUnits);

        var t = StudentT.InvCDF(0, 1, sample.Length - 1, 0.975);
        var std = sample.StandardDeviation();
        Assert.Multiple(() =>
        {
            Assert.That(row.Mean, Is.EqualTo(sample.Mean()).Within(1e-12));
            Assert.That(row.Std, Is.EqualTo(std).Within(1e-12));
            Assert.That(row.Ci95High - row.Mean, Is.EqualTo(t * std / Math.Sqrt(sample.Length)).Within(1e-12));
            Assert.That(row.P05, Is.EqualTo(sample.QuantileCustom(0.05, QuantileDefinition.R7)).Within(1e-12));
            Assert.That(row.P50, Is.EqualTo(sample.QuantileCustom(0.50, QuantileDefinition.R7)).Within(1e-12));
            Assert.That(row.P95, Is.EqualTo(sample.QuantileCustom(0.95, QuantileDefinition.R7)).Within(1e-12));
        });
    }

    [Test]
    public void Censored_runs_are_counted_and_left_out_of_the_mean()
    {
        var rows = LineStatistics.Compute(
        [
            Run("base", "P", "L1", 0, 10), Run("base", "P", "L1", 1, null), Run("base", "P", "L1", 2, 20), Run("base", "P", "L1", 3, null),
        ]);
        var halt = Row(rows, MetricNames.TimeToHalt);
        var restart = Row(rows, MetricNames.TimeToRestart);
        var recover = Row(rows, MetricNames.TimeToRecover);
        Assert.Multiple(() =>
        {
            Assert.That(halt.N, Is.EqualTo(2));
            Assert.That(halt.Censored, Is.EqualTo(2));
            Assert.That(halt.Mean, Is.EqualTo(15), "not (10 + 20 + 2 x horizon) / 4");
            Assert.That(halt.P50, Is.EqualTo(15));
            Assert.That(restart.Censored, Is.EqualTo(2));
            Assert.That(recover.N, Is.Zero);
            Assert.That(recover.Censored, Is.EqualTo(4));
            Assert.That(recover.Mean, Is.NaN);
            Assert.That(recover.P95, Is.NaN);
        });
    }

    [Test]
    public void A_single_run_has_no_spread_and_no_interval()
    {
        var halt = Row(LineStatistics.Compute([Run("base", "P", "L1", 0, 6)]), MetricNames.TimeToHalt);
        Assert.Multiple(() =>
        {
            Assert.That(halt.N, Is.EqualTo(1));
            Assert.That(halt.Mean, Is.EqualTo(6));
            Assert.That(halt.Std, Is.NaN);
            Assert.That(halt.Ci95Low, Is.NaN);
            Assert.That(halt.Ci95High, Is.NaN);
            Assert.That(new[] { halt.P05, halt.P50, halt.P95 }, Is.All.EqualTo(6));
        });
    }

    [Test]
    public void Identical_runs_give_a_zero_width_interval()
    {
        var halt = Row(LineStatistics.Compute(Enumerable.Range(0, 5).Select(i => Run("base", "P", "L1", i, 6))), MetricNames.TimeToHalt);
        Assert.That((halt.Std, halt.Ci95Low, halt.Ci95High), Is.EqualTo((0.0, 6.0, 6.0)));
    }

    [Test]
    public void Rows_follow_first_appearance_of_policy_plant_and_line_then_metric_order()
    {
        var rows = LineStatistics.Compute(
        [
            Run("zeta", "P2", "L9", 0, 1), Run("zeta", "P1", "L3", 0, 1), Run("alpha", "P2", "L9", 0, 1),
            Run("zeta", "P2", "L9", 1, 2), Run("alpha", "P1", "L3", 0, 1),
        ]);
        var keys = rows.Select(r => $"{r.Policy}/{r.Plant}/{r.Line}").Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(keys, Is.EqualTo(new[] { "zeta/P2/L9", "zeta/P1/L3", "alpha/P2/L9", "alpha/P1/L3" }));
            Assert.That(rows.Take(MetricNames.WithStatistics.Count).Select(r => r.Metric), Is.EqualTo(MetricNames.WithStatistics));
            Assert.That(rows, Has.Count.EqualTo(4 * MetricNames.WithStatistics.Count));
            Assert.That(rows[0].N, Is.EqualTo(2));
        });
    }

    [Test]
    public void Student_t_quantile_matches_the_table_for_ten_runs()
    {
        var (low, high) = LineStatistics.ConfidenceInterval(mean: 0, std: Math.Sqrt(10), n: 10);
        Assert.That(high, Is.EqualTo(2.262157163).Within(1e-8));
        Assert.That(low, Is.EqualTo(-high));
    }
}
