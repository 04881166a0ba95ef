using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Experiments;

/// <summary>Small scenarios with random outage lengths and transit times, for tests that need replications to differ.</summary>
internal static class StochasticScenarios
{
    /// <summary>
    /// Two lines fed by a sequenced seat maker and a kanban wheel maker; the EDI goes down at hour 10 for a random
    /// time, and the seat lane's transit is random. Three policies with more stock at each step.
    /// </summary>
    internal static ScenarioSpec TwoLinesWithRandomOutage(DistributionSpec? outage = null)
    {
        var scenario = new ScenarioBuilder()
            .Horizon(96)
            .Part("SEAT", unitCost: 400, kind: PartKind.Jis).Part("WHEEL", unitCost: 100)
            .Line("L1", "PLANT", 60, [("SEAT", 240), ("WHEEL", 480)])
            .Line("L2", "PLANT", 45, [("SEAT", 135), ("WHEEL", 360)])
            .Supplier("T1-SEATS", 1, "SEAT", capacityPerHour: 240)
            .Supplier("T1-WHEELS", 1, "WHEEL", capacityPerHour: 400, finishedUnits: 600)
            .Lane("SEAT-1", "T1-SEATS", "L1", "SEAT", Sequence(2), transitHours: 0.5)
            .Lane("SEAT-2", "T1-SEATS", "L2", "SEAT", Sequence(2), transitHours: 0.5)
            .Lane("WHEEL-1", "T1-WHEELS", "L1", "WHEEL", Kanban(360, 240), transitHours: 1, dispatchEveryHours: 1)
            .Lane("WHEEL-2", "T1-WHEELS", "L2", "WHEEL", Kanban(270, 180), transitHours: 1, dispatchEveryHours: 1)
            .ItSystem("EDI", ItFunction.OrderTransmission, ["PLANT"])
            .Disruption("edi", ["EDI"], startHours: 10, outage ?? new DistributionSpec(DistributionKind.Exponential, Mean: 12))
            .Policy(new PolicySpec("lean", "2 h at the line", 2, new Dictionary<int, double>(), []))
            .Policy(new PolicySpec("buffer", "6 h at the line, half a day at tier 1", 6, new Dictionary<int, double> { [1] = 0.5 }, []))
            .Policy(new PolicySpec("fortress", "12 h at the line, a day at tier 1", 12, new Dictionary<int, double> { [1] = 1 }, []))
            .Build();
        var transit = new DistributionSpec(DistributionKind.Triangular, Min: 0.25, Mode: 0.5, Max: 1.5);
        return scenario with { Lanes = scenario.Lanes.Select(l => l.PartId == "SEAT" ? l with { TransitHours = transit } : l).ToArray() };
    }
}
