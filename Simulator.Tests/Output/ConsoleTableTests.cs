using Simulator.Experiments;
using Simulator.Output;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Output;

/// <summary>Console tables stay readable at a real network's size: a list of lines is cut to its first two.</summary>
public sealed class ConsoleTableTests
{
    [TestCase(new string[0], "-")]
    [TestCase(new[] { "L1" }, "L1")]
    [TestCase(new[] { "L1", "L2" }, "L1, L2")]
    [TestCase(new[] { "L1", "L2", "L3", "L4", "L5", "L6" }, "L1, L2 +4")]
    public void A_list_of_names_shows_the_first_two_and_how_many_more(string[] names, string expected) =>
        Assert.That(ListText.FirstTwo(names), Is.EqualTo(expected));

    [Test]
    public void The_stress_table_names_the_first_two_of_three_halted_lines_and_counts_the_third()
    {
        // One Tier-1 supplier delivers the only part of three lines, each with 2 h of stock at 60/h: its 10 h outage
        // halts all three after 2 h.
        var scenario = new ScenarioBuilder()
            .Horizon(24)
            .Part("SEAT")
            .Line("L1", "PLANT", 60, [("SEAT", 120)])
            .Line("L2", "PLANT", 60, [("SEAT", 120)])
            .Line("L3", "PLANT", 60, [("SEAT", 120)])
            .Supplier("T1", 1, "SEAT", capacityPerHour: 400, finishedUnits: 0)
            .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(1))
            .Lane("T1-L2", "T1", "L2", "SEAT", Sequence(1))
            .Lane("T1-L3", "T1", "L3", "SEAT", Sequence(1))
            .Build();

        var result = StressTest.Run(scenario, new StressTestOptions(DurationsHours: [10]));
        var table = CriticalityTable.Build(result);
        var column = table.Columns.ToList().IndexOf("lines halted");
        var row = table.Rows.Single(r => r[1] == "T1");

        Assert.That(result.Ranking.Single(e => e.Target.Id == "T1").Primary.LinesHalted, Is.EquivalentTo(new[] { "L1", "L2", "L3" }));
        Assert.That(row[column], Is.EqualTo("L1, L2 +1"));
    }
}
