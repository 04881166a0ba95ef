using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Model;

public sealed class RecoveryAndPolicyTests
{
    private static ScenarioBuilder TwoLinePlant() => new ScenarioBuilder()
        .Horizon(96)
        .Part("SEAT")
        .Line("L1", "PLANT", 60, [("SEAT", 600)])
        .Line("L2", "PLANT", 60, [("SEAT", 600)])
        .Supplier("T1", 1, "SEAT", capacityPerHour: 300)
        .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 0.5)
        .Lane("T1-L2", "T1", "L2", "SEAT", Sequence(2), transitHours: 0.5);

    [Test]
    public void A_phase_naming_one_line_restores_it_later_than_the_rest_of_a_plant_target()
    {
        // The whole plant is down 10..20; L2 is restored 24 h after the others: it restarts at 44, L1 at 20.
        var builder = TwoLinePlant()
            .Disruption("plant-down", ["PLANT"], 10, 10, new RecoverySpec(null, [new RecoveryPhase(["L2"], 24)]));

        var result = Experiment.RunReplication(Network.Build(builder.Build()), "as-written", 0, 1);
        var restarts = result.Disrupted.Events.Where(e => e.Kind == EventKinds.Restart).ToDictionary(e => e.Entity, e => e.TimeHours);

        Assert.Multiple(() =>
        {
            Assert.That(restarts["L1"], Is.EqualTo(20).Within(1e-9));
            Assert.That(restarts["L2"], Is.EqualTo(44).Within(1e-9));
            Assert.That(result.Lines.Select(l => l.TimeToRestartHours), Is.EqualTo(new double?[] { 0, 0 }));
        });
    }

    [Test]
    public void A_phase_naming_functions_restores_them_on_their_own_date_and_the_rest_at_the_end()
    {
        // The whole plant is down 10..20. L1 gets production control back 4 h after the end (its logistics and order
        // transmission at 20, when no phase names them), L2 everything 8 h after: L1 restarts at 24, L2 at 28, and each
        // line's restore (for the restart metrics) is its last function's: 24 and 28.
        var builder = TwoLinePlant()
            .Disruption("plant-down", ["PLANT"], 10, 10, new RecoverySpec(null,
            [
                new RecoveryPhase(["L1"], 4, ItFunction.ProductionControl),
                new RecoveryPhase(["L2"], 8),
            ]));

        var result = Experiment.RunReplication(Network.Build(builder.Build()), "as-written", 0, 1);
        var restarts = result.Disrupted.Events.Where(e => e.Kind == EventKinds.Restart).ToDictionary(e => e.Entity, e => e.TimeHours);
        var phases = result.Disrupted.Events.Where(e => e.Kind == EventKinds.PhaseRestored).Select(e => (e.TimeHours, e.Detail));
        var window = result.Disrupted.Windows.Single();

        Assert.Multiple(() =>
        {
            Assert.That(restarts["L1"], Is.EqualTo(24).Within(1e-9));
            Assert.That(restarts["L2"], Is.EqualTo(28).Within(1e-9));
            Assert.That(phases, Is.EqualTo(new[] { (24.0, "L1"), (28.0, "L2") }));
            Assert.That(window.EndFor("L1"), Is.EqualTo(24));
            Assert.That(window.EndFor("L2"), Is.EqualTo(28));
        });
    }

    [Test]
    public void A_disruption_ramp_up_applies_to_the_restart_after_it_not_to_later_halts()
    {
        // MES down 10..20 with an 8 h ramp: full rate at 28. A second, rampless MES outage 40..45: full rate at 45.
        var builder = TwoLinePlant()
            .ItSystem("MES", ItFunction.ProductionControl, ["L1"])
            .Disruption("first", ["MES"], 10, 10, new RecoverySpec(8, []))
            .Disruption("second", ["MES"], 40, 5);

        var result = Experiment.RunReplication(Network.Build(builder.Build()), "as-written", 0, 1);
        var fullRate = result.Disrupted.Events.Where(e => e.Kind == EventKinds.FullRate && e.Entity == "L1").Select(e => e.TimeHours);

        Assert.That(fullRate, Is.EqualTo(new[] { 28.0, 45.0 }).Within(1e-9));
    }

    [Test]
    public void A_policy_with_more_line_side_stock_keeps_it_under_kanban_replenishment()
    {
        // Kanban r = 120, Q = 120 at 60/h. The buffered policy starts with 8 h (480) instead of 2 h (120); its extra
        // 360 pieces are safety stock, so two days later the line still holds about 360 more than as written.
        var builder = new ScenarioBuilder()
            .Horizon(48)
            .Part("WHEEL")
            .Line("L1", "PLANT", 60, [("WHEEL", 120)])
            .Supplier("T1", 1, "WHEEL", capacityPerHour: 200, finishedUnits: 1000)
            .Lane("T1-L1", "T1", "L1", "WHEEL", Kanban(120, 120), transitHours: 1, dispatchEveryHours: 0.5)
            .Policy(PolicySpec.AsWritten)
            .Policy(PolicySpec.AsWritten with { Id = "buffered", LineSideCoverHours = 8 });
        var scenario = builder.Build();

        double StockAt48(string policy) => Simulation.Run(Network.Build(scenario, policy), 1)
            .Samples.Single(s => s.Entity == "L1/WHEEL" && s.Metric == SampleMetrics.StockUnits && s.TimeHours == 47).Value;

        Assert.That(StockAt48("buffered") - StockAt48("as-written"), Is.EqualTo(360).Within(1e-9));
    }

    [Test]
    public void A_short_supplier_rations_its_output_evenly_between_its_lanes()
    {
        // One supplier at 60/h for two 60/h lines: orders are served first come, first served, so both lines get
        // 30/h; the first lane in the file does not starve the second.
        var builder = new ScenarioBuilder()
            .Horizon(48)
            .Part("SEAT")
            .Line("L1", "PLANT", 60, [("SEAT", 60)])
            .Line("L2", "PLANT", 60, [("SEAT", 60)])
            .Supplier("T1", 1, "SEAT", capacityPerHour: 60)
            .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 0.5)
            .Lane("T1-L2", "T1", "L2", "SEAT", Sequence(2), transitHours: 0.5);

        var produced = Simulation.Run(Network.Build(builder.Build()), 1).Lines.Select(l => l.ProducedUnits).ToArray();

        Assert.That(produced[0], Is.EqualTo(produced[1]).Within(0.02 * produced[1]));
    }
}
