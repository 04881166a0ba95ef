using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Tests.Support;

namespace Simulator.Tests.Metrics;

public sealed class PartSeriesSelectionTests
{
    // One 60/h line, seven parts with 100..700 pieces and no replenishment: A runs out at 100 / 60 h and halts the line,
    // which then consumes nothing more, so the minimum covers are A 0, B 100/60, C 200/60, ... G 600/60 hours.
    private static ScenarioBuilder SevenParts()
    {
        var builder = new ScenarioBuilder().Horizon(24);
        var parts = new[] { "A", "B", "C", "D", "E", "F", "G" };
        foreach (var part in parts)
        {
            builder.Part(part);
        }

        return builder.Line("L1", "PLANT", 60, parts.Select((p, i) => (p, 100.0 * (i + 1))).ToArray());
    }

    [Test]
    public void Keeps_the_part_that_halted_the_line_and_the_five_that_ran_lowest()
    {
        var run = Simulation.Run(Network.Build(SevenParts().Build()), 1, new RunOptions(PartSeriesAsSamples: false));

        var kept = PartSeriesSelection.Of(run);

        Assert.That(kept.Select(k => k.PartId).Order(), Is.EqualTo(new[] { "A", "B", "C", "D", "E" }));
        Assert.That(kept.All(k => k.Holder == StockHolder.Line && k.HolderId == "L1"), Is.True);
    }

    [Test]
    public void A_replication_writes_only_the_kept_stocks_unless_every_part_is_asked_for()
    {
        var network = Network.Build(SevenParts().Build());

        var selected = Experiment.RunReplication(network, "as-written", 0, 1, keepPartSeries: true, everyPart: false);
        var every = Experiment.RunReplication(network, "as-written", 0, 1, keepPartSeries: true, everyPart: true);

        string[] Stocks(ReplicationResult r) => r.Disrupted.Samples.Where(s => s.Metric == SampleMetrics.StockUnits).Select(s => s.Entity).Distinct().Order().ToArray();
        Assert.That(Stocks(selected), Is.EqualTo(new[] { "L1/A", "L1/B", "L1/C", "L1/D", "L1/E" }));
        Assert.That(Stocks(every), Has.Length.EqualTo(7));
        var f = every.Disrupted.Samples.Where(s => s.Entity == "L1/F" && s.Metric == SampleMetrics.StockUnits).ToArray();
        Assert.That(f[^1].Value, Is.EqualTo(600 - 100), "F loses exactly the 100 pieces of A's 100 jobs");
        Assert.That(selected.Disrupted.Samples.Where(s => s.Entity == "L1/A"), Is.EqualTo(every.Disrupted.Samples.Where(s => s.Entity == "L1/A")));
    }
}
