using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;
using Simulator.Output;

namespace Simulator.Tests.Model;

public sealed class TimeToHaltTests
{
    private static ScenarioBuilder SequenceLine(ItFunction function) => new ScenarioBuilder()
        .Horizon(48)
        .Part("SEAT")
        .Line("L1", "PLANT", 60, [("SEAT", 240)])
        .Supplier("T1", 1, "SEAT", capacityPerHour: 120)
        .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 0.5)
        .ItSystem("SYS", function, ["PLANT"])
        .Disruption("outage", ["SYS"], startHours: 10, durationHours: 20);

    private static LineMetrics RunOnce(ScenarioSpec scenario, string line = "L1")
    {
        var result = Experiment.RunReplication(Network.Build(scenario), "as-written", 0, 1);
        return result.Lines.Single(l => l.Line == line);
    }

    [Test]
    public void Line_halts_when_call_offs_stop_after_pipeline_and_stock_run_out()
    {
        // 240 pieces at the line (4 h) plus 2 h of call-offs already sent: 6 h after the EDI goes down.
        var metrics = RunOnce(SequenceLine(ItFunction.OrderTransmission).Build());

        Assert.That(metrics.TimeToHaltHours, Is.EqualTo(6.0).Within(1e-9));
        Assert.That(metrics.HaltCause.Links, Is.EqualTo(new[]
        {
            CauseLink.Part("SEAT"), CauseLink.Supplier("T1", 1), CauseLink.ItSystem("SYS", ItFunction.OrderTransmission),
        }));
        Assert.That(HaltCause.Format(metrics.HaltCause), Is.EqualTo("part:SEAT <- supplier:T1 (tier 1) <- it:SYS (order_transmission)"));
    }

    [Test]
    public void Line_halts_at_once_when_its_production_control_goes_down()
    {
        var metrics = RunOnce(SequenceLine(ItFunction.ProductionControl).Build());

        Assert.That(metrics.TimeToHaltHours, Is.EqualTo(0.0).Within(1e-9));
        Assert.That(metrics.HaltCause, Is.EqualTo(CauseChain.Of(CauseLink.ItSystem("SYS", ItFunction.ProductionControl))));
        Assert.That(HaltCause.Format(metrics.HaltCause), Is.EqualTo("it:SYS (production_control)"));
    }

    [Test]
    public void Line_without_disruption_does_not_halt()
    {
        var scenario = SequenceLine(ItFunction.OrderTransmission).Build() with { Disruptions = [] };
        var metrics = RunOnce(scenario);

        Assert.That(metrics.TimeToHaltHours, Is.Null);
        Assert.That(metrics.ProducedUnits, Is.EqualTo(48 * 60).Within(1));
    }
}
