using Simulator.Metrics;
using Simulator.Model;

namespace Simulator.Tests.Metrics;

/// <summary>The numbers the charts and the report draw, computed here and checked by hand: Output only formats them.</summary>
public sealed class ChartMetricsTests
{
    private static LineMetrics Run(string plant, string line, int replication, double? timeToHalt, double lost = 0, CauseChain? cause = null, string policy = "base") =>
        new(policy, replication, (ulong)replication, plant, line, timeToHalt, 1, null, null, lost, 100, 100 - lost, cause ?? CauseChain.None, 100);

    [Test]
    public void Box_summary_of_four_values_has_R7_quartiles()
    {
        // position h = (n - 1) p from 0: Q1 at 0.75 -> 1 + 0.75 (2 - 1), median at 1.5, Q3 at 2.25 -> 3 + 0.25 (5 - 3).
        var box = BoxSummary.Of([5, 1, 3, 2]);

        Assert.That(box, Is.EqualTo(new BoxSummary(1, 1.75, 2.5, 3.5, 5)));
        Assert.That(BoxSummary.Of([]), Is.Null);
        Assert.That(BoxSummary.Of([7]), Is.EqualTo(new BoxSummary(7, 7, 7, 7, 7)));
    }

    [Test]
    public void Time_to_halt_rows_keep_scenario_order_when_every_line_fits()
    {
        LineMetrics[] lines = [Run("P", "A", 0, 9), Run("P", "B", 0, 3), Run("P", "B", 1, null)];

        var rows = TimeToHaltDistribution.Of(lines, ["base"], 2);

        Assert.That(rows.Select(r => r.Lines.Single().Line), Is.EqualTo(new[] { "A", "B" }));
        var b = rows[1].ByPolicy.Single();
        Assert.That((b.Runs, b.CensoredRuns, b.TimesToHaltHours.Single()), Is.EqualTo((2, 1, 3.0)));
    }

    [Test]
    public void Time_to_halt_rows_beyond_the_limit_keep_the_soonest_and_pool_the_rest()
    {
        // Medians: A 10, B 2 (of 1 and 3), C never halts, D 2 under the second policy only: B and D tie, B comes first in the scenario.
        LineMetrics[] lines =
        [
            Run("P", "A", 0, 10), Run("P", "B", 0, 1), Run("P", "B", 1, 3), Run("P", "C", 0, null), Run("Q", "D", 0, 8),
            Run("P", "A", 0, 10, policy: "alt"), Run("P", "B", 0, 9, policy: "alt"), Run("P", "C", 0, null, policy: "alt"), Run("Q", "D", 0, 2, policy: "alt"),
        ];

        var rows = TimeToHaltDistribution.Of(lines, ["base", "alt"], 3);

        Assert.That(rows.Select(r => r.IsRest), Is.EqualTo(new[] { false, false, true }));
        Assert.That(rows[0].Lines.Single().Line, Is.EqualTo("B"));
        Assert.That(rows[1].Lines.Single(), Is.EqualTo(("Q", "D")));
        Assert.That(rows[2].Lines, Is.EqualTo(new[] { ("P", "A"), ("P", "C") }));
        var pooled = rows[2].ByPolicy[0];
        Assert.That((pooled.Policy, pooled.Runs, pooled.CensoredRuns), Is.EqualTo(("base", 2, 1)));
        Assert.That(pooled.Box, Is.EqualTo(new BoxSummary(10, 10, 10, 10, 10)));
    }

    [Test]
    public void Plant_groups_keep_the_largest_losses_and_sum_the_rest()
    {
        // Plant losses: A 2 + 4 = 6, B 5, C 6 + 0 = 6, D 1; A and C tie, A appears first.
        LineMetrics[] lines = [Run("A", "A1", 0, null, 2), Run("B", "B1", 0, null, 5), Run("A", "A2", 0, null, 4), Run("C", "C1", 0, null, 6), Run("C", "C2", 0, null, 0), Run("D", "D1", 0, null, 1)];

        var three = PlantProduction.Groups(lines, 3);
        var four = PlantProduction.Groups(lines, 4);

        Assert.That(three, Has.Count.EqualTo(3));
        Assert.That(three[0], Is.EqualTo(new PlantGroup(["A"], 6)).Using<PlantGroup>(SameGroup));
        Assert.That(three[1], Is.EqualTo(new PlantGroup(["C"], 6)).Using<PlantGroup>(SameGroup));
        Assert.That(three[2], Is.EqualTo(new PlantGroup(["B", "D"], 6)).Using<PlantGroup>(SameGroup));
        Assert.That(three[2].IsRest, Is.True);
        Assert.That(four.Select(g => g.Plants.Single()), Is.EqualTo(new[] { "A", "C", "B", "D" }));
    }

    private static bool SameGroup(PlantGroup a, PlantGroup b) => a.Plants.SequenceEqual(b.Plants) && a.LostUnits == b.LostUnits;

    [Test]
    public void Plant_total_adds_the_lines_of_the_plants_at_each_sample_time()
    {
        Sample[] samples =
        [
            new(0, "A1", SampleMetrics.ProducedUnits, 1), new(0, "A2", SampleMetrics.ProducedUnits, 2), new(0, "B1", SampleMetrics.ProducedUnits, 40),
            new(1, "A2", SampleMetrics.ProducedUnits, 5), new(1, "A1", SampleMetrics.ProducedUnits, 3), new(1, "A1", SampleMetrics.State, 9), new(1, "X", SampleMetrics.ProducedUnits, 100),
        ];
        var plantOf = new Dictionary<string, string> { ["A1"] = "A", ["A2"] = "A", ["B1"] = "B" };

        Assert.That(PlantProduction.Total(samples, SampleMetrics.ProducedUnits, plantOf, ["A"]), Is.EqualTo(new[] { new TimedValue(0, 3), new TimedValue(1, 8) }));
        Assert.That(PlantProduction.Total(samples, SampleMetrics.ProducedUnits, plantOf, ["A", "B"]), Is.EqualTo(new[] { new TimedValue(0, 43), new TimedValue(1, 8) }));
        Assert.That(PlantProduction.Total(samples, SampleMetrics.ProducedUnits, plantOf, ["C"]), Is.Empty);
    }

    [Test]
    public void Cover_series_rank_by_lowest_cover_then_by_when_it_was_reached_and_the_rest_gives_an_envelope()
    {
        IReadOnlyList<Sample> Series(string id, params double[] values) => values.Select((v, t) => new Sample(t, id, SampleMetrics.CoverHours, v)).ToList();
        var series = new Dictionary<string, IReadOnlyList<Sample>>
        {
            ["L1/LATE"] = Series("L1/LATE", 4, 2, 0),
            ["L1/EARLY"] = Series("L1/EARLY", 4, 0, 3),
            ["L2/LOW"] = Series("L2/LOW", 1, 1, 1),
            ["L0/SAME"] = Series("L0/SAME", 4, 0, 5),
        };

        Assert.That(CoverSeries.ByLowestCover(series), Is.EqualTo(new[] { "L0/SAME", "L1/EARLY", "L1/LATE", "L2/LOW" }));
        Assert.That(
            CoverSeries.Envelope([series["L1/LATE"], series["L2/LOW"]]),
            Is.EqualTo(new[] { new EnvelopePoint(0, 1, 4), new EnvelopePoint(1, 1, 2), new EnvelopePoint(2, 0, 1) }));
    }

    [Test]
    public void Halting_series_rank_by_their_first_halt_then_by_id()
    {
        (string, double)[] halts = [("L2/B", 30), ("L1/A", 12), ("L2/B", 9), ("L3/C", 12), ("L4/D", double.PositiveInfinity)];

        Assert.That(CoverSeries.BySoonestHalt(halts), Is.EqualTo(new[] { "L2/B", "L1/A", "L3/C", "L4/D" }));
    }

    [Test]
    public void Series_by_plant_keep_their_rank_and_the_plants_beyond_the_limit_share_the_last_group()
    {
        string[] ranked = ["B1/X", "A1/X", "B2/X", "C1/X", "D1/X", "Q/X", "C1/Y"];
        string? PlantOf(string id) => id[0] == 'Q' ? null : id[..1];

        var three = CoverSeries.ByPlant(ranked, PlantOf, 3);
        var four = CoverSeries.ByPlant(ranked, PlantOf, 4);

        Assert.That(three.Select(g => (string.Join(",", g.Plants), string.Join(",", g.Series))), Is.EqualTo(new[]
        {
            ("B", "B1/X,B2/X"), ("A", "A1/X"), ("C,D", "C1/X,D1/X,C1/Y"),
        }));
        Assert.That(three[2].IsRest, Is.True);
        Assert.That(four.Select(g => g.Plants.Single()), Is.EqualTo(new[] { "B", "A", "C", "D" }));
    }

    [Test]
    public void Criticality_summary_counts_mitigation_costly_and_hidden_targets()
    {
        CriticalitySummary.Target[] targets = [new(true, false, 50), new(true, true, 20), new(false, true, 0), new(false, true, 5), new(false, false, -3)];

        Assert.That(CriticalitySummary.Of(targets), Is.EqualTo(new CriticalitySummary(5, 2, 3, 2, 50)));
        Assert.That(CriticalitySummary.Of([]), Is.EqualTo(new CriticalitySummary(0, 0, 0, 0, 0)));
    }

    [Test]
    public void Line_headline_names_the_most_frequent_halt_cause()
    {
        LineMetrics[] lines = [Run("P", "L", 0, 1, cause: CauseChain.Of(CauseLink.Part("B"))), Run("P", "L", 1, 1, cause: CauseChain.Of(CauseLink.Part("A"))), Run("P", "L", 2, 1, cause: CauseChain.Of(CauseLink.Part("B"))), Run("P", "L", 3, null), Run("P", "M", 0, null)];

        var headline = Headline.Compute(lines).Single();

        Assert.That(headline.Lines[0].MostFrequentCause, Is.EqualTo(new CauseCount(CauseChain.Of(CauseLink.Part("B")), 2, 4)));
        Assert.That(headline.Lines[1].MostFrequentCause, Is.Null);
    }

    [Test]
    public void Status_rows_beyond_the_limit_keep_the_lines_that_stood_still_longest_in_scenario_order()
    {
        LineMetrics Line(string id, double downtime, double? halt) =>
            new("base", 0, 0, "P", id, halt, downtime, null, null, 0, 100, 100, CauseChain.None, 100);
        LineMetrics[] lines = [Line("A", 2, 5), Line("B", 8, 1), Line("C", 2, 3), Line("D", 0, null), Line("E", 8, 1)];

        var three = LineStatusRows.Select(lines, 3);
        var four = LineStatusRows.Select(lines, 4);
        var all = LineStatusRows.Select(lines, 5);

        // B and E stood still 8 h; of A and C (2 h each) C halted first.
        Assert.That(three.Shown.Select(l => l.Line), Is.EqualTo(new[] { "B", "E" }));
        Assert.That(three.Others.Select(l => l.Line), Is.EqualTo(new[] { "A", "C", "D" }));
        Assert.That(four.Shown.Select(l => l.Line), Is.EqualTo(new[] { "B", "C", "E" }));
        Assert.That(four.Others.Select(l => l.Line), Is.EqualTo(new[] { "A", "D" }));
        Assert.That(all.Shown, Is.EqualTo(lines));
        Assert.That(all.Others, Is.Empty);
    }

    [Test]
    public void The_shared_status_row_shows_the_worst_state_at_each_time()
    {
        IReadOnlyList<Sample> States(params double[] codes) => codes.Select((c, t) => new Sample(t, "L", SampleMetrics.State, c)).ToList();

        var worst = LineStatusRows.Worst([
            States(LineStateCode.Closed, LineStateCode.Running, LineStateCode.Running, LineStateCode.Reduced),
            States(LineStateCode.Closed, LineStateCode.Halted, LineStateCode.Reduced, LineStateCode.Running),
        ]);

        Assert.That(worst.Select(w => w.Value), Is.EqualTo(new[] { LineStateCode.Closed, LineStateCode.Halted, LineStateCode.Reduced, LineStateCode.Reduced }));
        Assert.That(worst.Select(w => w.TimeHours), Is.EqualTo(new[] { 0.0, 1, 2, 3 }));
    }
}
