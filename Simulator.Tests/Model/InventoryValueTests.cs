using Simulator.Model;
using Simulator.Tests.Support;

namespace Simulator.Tests.Model;

public sealed class InventoryValueTests
{
    [Test]
    public void Average_inventory_value_is_the_exact_time_average_of_the_stock_held()
    {
        // 600 pieces worth 10 each, consumed one per job at 60 jobs per hour, nothing replenished, 10 h horizon.
        // Job j (j = 0..599) starts at j / 60 h and takes one piece: the value held is 10 x (600 - j - 1) from then on, so
        // the time average is 6,000 - (10 / 10 h) x sum over j of (10 - j / 60) h = 6,000 - (6,000 - 2,995) = 2,995.
        var scenario = new ScenarioBuilder().Horizon(10).Part("P", unitCost: 10).Line("L1", "PLANT", 60, [("P", 600)]).Build();

        var run = Simulation.Run(Network.Build(scenario), 1);

        Assert.That(run.AverageInventoryValue, Is.EqualTo(2995).Within(1e-6));
    }

    [Test]
    public void Recording_part_series_changes_nothing_in_the_run()
    {
        // The sampler reads stocks without receiving the shipments due or bringing suppliers up to date: looking must
        // not change what happens (a lazy receipt at a sample would re-order ties and change halt causes).
        var scenario = Simulator.Scenarios.NetworkGenerator.Generate(new Simulator.Scenarios.GeneratorOptions(Plants: 2, LinesPerPlant: 2, Parts: 40, Tiers: 3, Seed: 11, HorizonHours: 168));
        var network = Network.Build(scenario);

        var plain = Simulation.Run(network, 3, new RunOptions(RecordPartSeries: false));
        var observed = Simulation.Run(network, 3, new RunOptions(RecordPartSeries: true));

        Assert.That(observed.Lines, Is.EqualTo(plain.Lines));
        Assert.That(observed.Events, Is.EqualTo(plain.Events));
        Assert.That(observed.AverageInventoryValue, Is.EqualTo(plain.AverageInventoryValue));
        Assert.That(observed.ProcessedEvents, Is.EqualTo(plain.ProcessedEvents));
        var lineIds = plain.Lines.Select(l => l.LineId).ToHashSet();
        Assert.That(observed.Samples.Where(s => lineIds.Contains(s.Entity)), Is.EqualTo(plain.Samples));
    }
}
