using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Model;

/// <summary>
/// Planned stops (<c>kind: planned_stop</c>): the carmaker stops lines, plants or suppliers on purpose. The stopped
/// lines lose their output against the baseline, and the halt is named after the plan, not a part or an IT system.
/// </summary>
public sealed class PlannedStopTests
{
    /// <summary>One line at 60 jobs/h, supplied in sequence with 4 h at the line: it never starves on its own.</summary>
    private static ScenarioBuilder SuppliedLine() => new ScenarioBuilder()
        .Horizon(48)
        .Part("SEAT")
        .Line("L1", "PLANT", 60, [("SEAT", 240)])
        .Supplier("T1", 1, "SEAT", capacityPerHour: 120)
        .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 0.5);

    private static ReplicationResult Run(ScenarioSpec scenario) =>
        Experiment.RunReplication(Network.Build(scenario), "as-written", 0, 1);

    [TestCase("L1", TestName = "A_line_planned_stopped_for_10_h_loses_600_units_to_the_plan")]
    [TestCase("PLANT", TestName = "A_plant_planned_stop_stops_its_line")]
    public void Planned_stop_of_a_line_or_its_plant(string target)
    {
        var result = Run(SuppliedLine().PlannedStop("tuesday", [target], startHours: 10, endHours: 20).Build());
        var line = result.Lines.Single();

        // 60 jobs/h x 10 h = 600 jobs not built; the stock was never short, so the line restarts at once at hour 20.
        // The baseline completes 48 x 60 - 1 jobs: the one started at 47:59 is still being built at the horizon.
        Assert.That(line.LostUnits, Is.EqualTo(600).Within(1e-9));
        Assert.That(line.BaselineUnits, Is.EqualTo((48 * 60) - 1).Within(1e-9));
        Assert.That(line.ProducedUnits, Is.EqualTo((38 * 60) - 1).Within(1e-9));
        Assert.That(line.TimeToHaltHours, Is.EqualTo(0).Within(1e-9));
        Assert.That(line.HaltCause, Is.EqualTo(CauseChain.Of(CauseLink.PlannedStop("tuesday"))));
        Assert.That(line.DowntimeHours, Is.EqualTo(10).Within(1e-9));
        Assert.That(line.TimeToRestartHours, Is.EqualTo(0).Within(1e-9));
        Assert.That(line.StopLengthHours, Is.EqualTo(10).Within(1e-9));
    }

    [Test]
    public void A_line_stopped_by_plan_is_sampled_as_stopped_by_plan_not_halted()
    {
        var result = Run(SuppliedLine().PlannedStop("tuesday", ["L1"], startHours: 10, endHours: 20).Build());
        var state = result.Disrupted.Samples.Where(s => s.Entity == "L1" && s.Metric == SampleMetrics.State).ToDictionary(s => s.TimeHours, s => s.Value);

        Assert.That(state[9], Is.EqualTo(LineStateCode.Running));
        Assert.That(state[10], Is.EqualTo(LineStateCode.PlannedStop));
        Assert.That(state[19], Is.EqualTo(LineStateCode.PlannedStop));
        Assert.That(state[21], Is.EqualTo(LineStateCode.Running));
    }

    [Test]
    public void Planned_stop_events_name_the_plan()
    {
        var result = Run(SuppliedLine().PlannedStop("tuesday", ["L1"], startHours: 10, endHours: 20).Build());
        var events = result.Disrupted.Events.Select(e => (e.TimeHours, e.Entity, e.Kind, HaltCause.EventDetail(e))).ToList();

        Assert.That(events, Does.Contain((10.0, "tuesday", EventKinds.PlannedStopStart, "L1 stopped by plan for 10 h")));
        Assert.That(events, Does.Contain((10.0, "L1", EventKinds.Halt, "planned:tuesday (planned stop)")));
        Assert.That(events, Does.Contain((20.0, "tuesday", EventKinds.PlannedStopEnd, "L1 back to work")));
        Assert.That(events.Select(e => e.Kind), Has.None.EqualTo(EventKinds.DisruptionStart));
    }

    [Test]
    public void A_supplier_planned_stop_halts_the_line_when_its_5_h_of_stock_run_out()
    {
        // 300 pieces at the line (5 h at 60/h), kanban: order 300 at 60 left. The supplier is stopped by plan from
        // hour 0 to 20, so the order placed at hour 4 is not built and the line halts at hour 5, starved of the part
        // the stopped supplier did not make; the chain ends in the plan.
        var scenario = new ScenarioBuilder()
            .Horizon(48)
            .Part("SEAT")
            .Line("L1", "PLANT", 60, [("SEAT", 300)])
            .Supplier("T1", 1, "SEAT", capacityPerHour: 600)
            .Lane("T1-L1", "T1", "L1", "SEAT", Kanban(60, 300), transitHours: 0)
            .PlannedStop("t1-stop", ["T1"], startHours: 0, endHours: 20)
            .Build();
        var result = Run(scenario);
        var line = result.Lines.Single();

        Assert.That(line.TimeToHaltHours, Is.EqualTo(5).Within(1e-9));
        Assert.That(HaltCause.Format(line.HaltCause), Is.EqualTo("part:SEAT <- supplier:T1 (tier 1) <- planned:t1-stop (planned stop)"));
        var outcome = result.Disrupted.Lines.Single();
        Assert.That(outcome.RestartHours, Is.GreaterThanOrEqualTo(20).And.LessThan(21));
    }

    [Test]
    public void A_planned_stop_does_not_stop_what_it_does_not_name()
    {
        var scenario = SuppliedLine()
            .Line("L2", "OTHER", 30, [("SEAT", 120)])
            .Lane("T1-L2", "T1", "L2", "SEAT", Sequence(2), transitHours: 0.5)
            .PlannedStop("tuesday", ["PLANT"], startHours: 10, endHours: 20)
            .Build();
        var other = Run(scenario).Lines.Single(l => l.Line == "L2");

        Assert.That(other.TimeToHaltHours, Is.Null);
        Assert.That(other.LostUnits, Is.EqualTo(0).Within(1e-9));
    }
}
