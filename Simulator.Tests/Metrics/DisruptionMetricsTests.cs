using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Metrics;

public sealed class DisruptionMetricsTests
{
    // 60 jobs an hour, round the clock, with a supplier twice as fast: only the control system can stop the line.
    private static ScenarioBuilder Plant(double horizonHours = 48) => new ScenarioBuilder()
        .Horizon(horizonHours)
        .Part("SEAT")
        .Line("L1", "PLANT", 60, [("SEAT", 240)])
        .Supplier("T1", 1, "SEAT", capacityPerHour: 120)
        .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 0.5)
        .ItSystem("MES", ItFunction.ProductionControl, ["PLANT"])
        .ItSystem("EDI", ItFunction.OrderTransmission, ["PLANT"]);

    private static ReplicationResult Run(ScenarioSpec scenario) =>
        Experiment.RunReplication(Network.Build(scenario), "as-written", 0, 1);

    [Test]
    public void Each_of_two_control_outages_is_measured_from_its_own_start_and_end()
    {
        var run = Run(Plant()
            .Disruption("first", ["MES"], startHours: 10, durationHours: 4)
            .Disruption("second", ["MES"], startHours: 30, durationHours: 3)
            .Build());

        var first = run.Disruptions.Single(d => d.Disruption == "first");
        var second = run.Disruptions.Single(d => d.Disruption == "second");
        Assert.Multiple(() =>
        {
            // Halted from 10 to 14 and from 30 to 33: 4 h and 3 h at 60 jobs an hour.
            Assert.That((first.StartHours, first.EndHours, first.WindowEndHours), Is.EqualTo((10.0, 14.0, 30.0)));
            Assert.That((second.StartHours, second.EndHours, second.WindowEndHours), Is.EqualTo((30.0, 33.0, 48.0)));
            Assert.That(first.TimeToHaltHours, Is.EqualTo(0).Within(1e-9));
            Assert.That(second.TimeToHaltHours, Is.EqualTo(0).Within(1e-9));
            Assert.That(first.TimeToRestartHours, Is.EqualTo(0).Within(1e-9));
            Assert.That(first.DowntimeHours, Is.EqualTo(4).Within(1e-9));
            Assert.That(second.DowntimeHours, Is.EqualTo(3).Within(1e-9));
            Assert.That(first.LostUnits, Is.EqualTo(240));
            Assert.That(second.LostUnits, Is.EqualTo(180));
            Assert.That(first.HaltCause, Is.EqualTo(CauseChain.Of(CauseLink.ItSystem("MES", ItFunction.ProductionControl))));
            Assert.That(run.Lines[0].LostUnits, Is.EqualTo(420));
            Assert.That(run.Lines[0].BaselineUnits, Is.EqualTo(48 * 60).Within(1), "a job ending exactly at the horizon may not count");
            Assert.That(run.Lines[0].BaselineUnits - run.Lines[0].ProducedUnits, Is.EqualTo(run.Lines[0].LostUnits));
        });
    }

    [Test]
    public void A_supply_outage_restart_is_measured_from_that_outage_not_from_a_later_one()
    {
        // The EDI outage halts the line 6 h in (4 h of stock, 2 h of call-offs already sent); the line restarts
        // only after call-offs resume and the sequenced seats arrive, i.e. after hour 30. The MES outage a day later
        // must not swallow that restart: measured from its end (hour 60), the restart would read 0.
        var run = Run(Plant(96)
            .Disruption("edi", ["EDI"], startHours: 10, durationHours: 20)
            .Disruption("mes", ["MES"], startHours: 54, durationHours: 6)
            .Build());

        var edi = run.Disruptions.Single(d => d.Disruption == "edi");
        var mes = run.Disruptions.Single(d => d.Disruption == "mes");
        var restart = run.Disrupted.Events.First(e => e.Entity == "L1" && e.Kind == EventKinds.Restart).TimeHours;
        Assert.Multiple(() =>
        {
            Assert.That(edi.TimeToHaltHours, Is.EqualTo(6).Within(1e-9));
            Assert.That(restart, Is.GreaterThan(30));
            Assert.That(edi.TimeToRestartHours, Is.EqualTo(restart - 30).Within(1e-9));
            Assert.That(run.Lines[0].TimeToRestartHours, Is.EqualTo(0), "the whole-run metric is measured from the last end");
            Assert.That(mes.TimeToHaltHours, Is.EqualTo(0).Within(1e-9));
            Assert.That(mes.DowntimeHours, Is.EqualTo(6).Within(1e-9));
            Assert.That(mes.LostUnits, Is.EqualTo(360));
        });
    }

    [Test]
    public void Windows_add_up_to_the_whole_run()
    {
        var run = Run(Plant(96)
            .Disruption("edi", ["EDI"], startHours: 10, durationHours: 20)
            .Disruption("mes", ["MES"], startHours: 54, durationHours: 6)
            .Build());

        Assert.Multiple(() =>
        {
            Assert.That(run.Disruptions.Sum(d => d.LostUnits), Is.EqualTo(run.Lines[0].LostUnits));
            Assert.That(run.Disruptions.Sum(d => d.DowntimeHours), Is.EqualTo(run.Lines[0].DowntimeHours).Within(1e-9));
        });
    }

    [Test]
    public void Overlapping_disruptions_are_measured_together_as_one_incident()
    {
        var run = Run(Plant()
            .Disruption("a", ["MES"], startHours: 10, durationHours: 4)
            .Disruption("b", ["EDI"], startHours: 12, durationHours: 2)
            .Build());

        var row = run.Disruptions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Disruption, Is.EqualTo("a+b"));
            Assert.That((row.StartHours, row.EndHours, row.WindowEndHours), Is.EqualTo((10.0, 14.0, 48.0)));
            Assert.That(row.DowntimeHours, Is.GreaterThanOrEqualTo(4 - 1e-9));
            Assert.That(row.LostUnits, Is.EqualTo(run.Lines[0].LostUnits));
        });
    }

    [Test]
    public void A_run_without_disruptions_has_no_rows()
    {
        Assert.That(Run(Plant().Build()).Disruptions, Is.Empty);
    }

    [Test]
    public void Most_frequent_cause_breaks_ties_ordinally_and_ignores_runs_without_a_halt()
    {
        var a = CauseChain.Of(CauseLink.Part("A"));
        var b = CauseChain.Of(CauseLink.Part("B"));
        var top = DisruptionStatistics.MostFrequent([b, CauseChain.None, a, b, a, CauseChain.None], 6);
        Assert.That(top, Is.EqualTo(new CauseCount(a, 2, 6)));
        Assert.That(DisruptionStatistics.MostFrequent([CauseChain.None, CauseChain.None], 2), Is.Null);
    }
}
