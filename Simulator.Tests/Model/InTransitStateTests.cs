using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Model;

/// <summary>Shipments the scenario's <c>state.in_transit</c> puts on the road at hour 0.</summary>
public sealed class InTransitStateTests
{
    private static ScenarioSpec WithShipments(ScenarioBuilder builder, params InTransitSpec[] shipments) =>
        builder.Build() with { State = new StateSpec(shipments, [], []) };

    private static ScenarioBuilder SequenceLine() => new ScenarioBuilder()
        .Horizon(24)
        .Part("SEAT")
        .Line("L1", "PLANT", 60, [("SEAT", 240)])
        .Supplier("T1", 1, "SEAT", capacityPerHour: 120)
        .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 1)
        .Disruption("t1-down", ["T1"], startHours: 0, durationHours: 1000);

    private static LineMetrics Line(ScenarioSpec scenario) =>
        Experiment.RunReplication(Network.Build(scenario), "as-written", 0, 7).Lines.Single();

    [Test]
    public void A_sequence_line_runs_on_its_stock_plus_the_imported_shipments_instead_of_the_seeded_pipeline()
    {
        // Supplier down from hour 0. Seeded: 240 at the line + 2 h x 60 on the road = 6 h. Imported: 240 + 180
        // arriving at hour 3 (before the stock runs out at 4) = 420 seats = 7 h; the seeded 120 are not added.
        var seeded = Line(SequenceLine().Build());
        var imported = Line(WithShipments(SequenceLine(), new InTransitSpec("T1-L1", 180, 3)));

        Assert.Multiple(() =>
        {
            Assert.That(seeded.TimeToHaltHours, Is.EqualTo(6).Within(1e-9));
            Assert.That(imported.TimeToHaltHours, Is.EqualTo(7).Within(1e-9));
        });
    }

    [Test]
    public void A_shipment_arriving_after_the_stock_ran_out_restarts_the_line_at_its_arrival()
    {
        // 240 seats last 4 h; 120 more arrive at hour 5: the line halts at 4 and builds again from 5 to 7.
        var scenario = WithShipments(SequenceLine(), new InTransitSpec("T1-L1", 120, 5));
        var result = Experiment.RunReplication(Network.Build(scenario), "as-written", 0, 7);

        Assert.Multiple(() =>
        {
            Assert.That(result.Lines.Single().TimeToHaltHours, Is.EqualTo(4).Within(1e-9));
            Assert.That(result.Disrupted.Lines.Single().ProducedUnits, Is.EqualTo(360));
        });
    }

    [Test]
    public void Imported_shipments_count_as_ordered_so_a_kanban_does_not_order_them_again()
    {
        // 60 seats at the line, 120 on the road (arriving at 0.5 h), reorder point 100: the position is 180, so the
        // first order falls due only after 80 seats are used (hour 1.33). Over the first hour the supplier builds nothing.
        var builder = new ScenarioBuilder()
            .Horizon(1)
            .Part("SEAT")
            .Line("L1", "PLANT", 60, [("SEAT", 60)])
            .Supplier("T1", 1, "SEAT", capacityPerHour: 1000)
            .Lane("T1-L1", "T1", "L1", "SEAT", Kanban(100, 60), transitHours: 1);
        var counted = Simulation.RunDetailed(Network.Build(WithShipments(builder, new InTransitSpec("T1-L1", 120, 0.5))), 7);
        var without = Simulation.RunDetailed(Network.Build(builder.Build()), 7);

        Assert.Multiple(() =>
        {
            Assert.That(counted.Balance.Single(b => b.PartId == "SEAT").Produced, Is.EqualTo(0));
            Assert.That(without.Balance.Single(b => b.PartId == "SEAT").Produced, Is.GreaterThan(0));
        });
    }

    [Test]
    public void The_material_balance_holds_with_imported_shipments_on_every_trigger()
    {
        var builder = new ScenarioBuilder()
            .Horizon(48)
            .Part("SEAT")
            .Part("FOAM")
            .Part("CLIP")
            .Line("L1", "PLANT", 60, [("SEAT", 120), ("CLIP", 100)])
            .Supplier("T1", 1, "SEAT", capacityPerHour: 90, inputs: [("FOAM", 1, 50)])
            .Supplier("T2", 2, "FOAM", capacityPerHour: 200)
            .Supplier("T3", 1, "CLIP", capacityPerHour: 200)
            .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 1)
            .Lane("T2-T1", "T2", "T1", "FOAM", Kanban(120, 60), transitHours: 2)
            .Lane("T3-L1", "T3", "L1", "CLIP", BaseStock(4, 400), transitHours: 3)
            .Disruption("t1-down", ["T1"], startHours: 5, durationHours: 10);
        var scenario = WithShipments(
            builder,
            new InTransitSpec("T1-L1", 90, 0.5),
            new InTransitSpec("T1-L1", 45, 1.5),
            new InTransitSpec("T2-T1", 70, 1),
            new InTransitSpec("T3-L1", 150, 2));
        var (_, balance) = Simulation.RunDetailed(Network.Build(scenario), 11);

        Assert.That(balance.Select(b => (b.PartId, Math.Round(b.Imbalance, 6))), Is.All.Matches<(string, double)>(b => b.Item2 == 0));
    }
}
