using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;
using Simulator.Output;

namespace Simulator.Tests.Model;

/// <summary>Deterministic networks whose answers are computed by hand in each test's comment.</summary>
public sealed class DisruptionScenarioTests
{
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static ReplicationResult Run(ScenarioBuilder builder, string? policy = null) =>
        Experiment.RunReplication(Network.Build(builder.Build(), policy), policy ?? "as-written", 0, 7);

    private static ScenarioBuilder EdiLine(double lineStock = 240) => new ScenarioBuilder()
        .Horizon(48)
        .Part("SEAT")
        .Line("L1", "PLANT", 60, [("SEAT", lineStock)])
        .Supplier("T1", 1, "SEAT", capacityPerHour: 120)
        .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 0.5)
        .ItSystem("EDI", ItFunction.OrderTransmission, ["PLANT"]);

    [Test]
    public void Tier2_outage_halts_the_line_when_tier1_inputs_finished_goods_and_line_stock_are_used_up()
    {
        // From hour 0: 120 seats at the line + 60 on the road (the 1 h of call-offs made before hour 0) + 60 finished
        // at T1 + 180 foam at T1 (one per seat) = 420 seats = 7 h at 60/h.
        var builder = new ScenarioBuilder()
            .Horizon(24)
            .Part("SEAT").Part("FOAM")
            .Line("L1", "PLANT", 60, [("SEAT", 120)])
            .Supplier("T1", 1, "SEAT", capacityPerHour: 120, finishedUnits: 60, inputs: [("FOAM", 1, 180)])
            .Supplier("T2", 2, "FOAM", capacityPerHour: 200)
            .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(1))
            .Lane("T2-T1", "T2", "T1", "FOAM", Kanban(180, 60))
            .Disruption("t2-down", ["T2"], startHours: 0, durationHours: 100);

        var line = Run(builder).Lines.Single();

        Assert.That(line.TimeToHaltHours, Is.EqualTo(7.0).Within(1e-9));
        Assert.That(HaltCause.Format(line.HaltCause), Is.EqualTo("part:SEAT <- supplier:T1 (tier 1) <- part:FOAM <- supplier:T2 (tier 2) <- node:T2 (down)"));
    }

    [Test]
    public void Manual_fallback_runs_the_line_at_its_capacity_fraction_after_the_activation_delay()
    {
        // MES down 10..110 with a 30 % fallback after 24 h: nothing for 24 h, then 18 jobs/h for 76 h.
        // Lost = 24 * 60 + 76 * (60 - 18) = 4632.
        var builder = EdiLine(lineStock: 600)
            .Horizon(150)
            .ItSystem("MES", ItFunction.ProductionControl, ["PLANT"], new FallbackSpec(24, 0.3))
            .Disruption("mes", ["MES"], startHours: 10, durationHours: 100);

        var result = Run(builder);
        var line = result.Lines.Single();
        var rate = result.Disrupted.Samples.Where(s => s.Entity == "L1" && s.Metric == SampleMetrics.RatePerHour && s.TimeHours > 40 && s.TimeHours <= 100);

        Assert.That(line.TimeToHaltHours, Is.EqualTo(0).Within(1e-9));
        Assert.That(rate.Select(s => s.Value), Is.All.EqualTo(18).Within(1));
        Assert.That(line.LostUnits, Is.EqualTo(4632).Within(1));
        Assert.That(line.TimeToRestartHours, Is.EqualTo(0));
        Assert.That(line.TimeToRecoverHours, Is.EqualTo(0).Within(1e-9));
    }

    [Test]
    public void A_restart_on_a_manual_workaround_reports_how_long_the_line_stood()
    {
        // MES down 10..110, its 30 % fallback active after 24 h: the line halts at 10 and restarts on the fallback at
        // 34, long before the outage formally ends, so time_to_restart_h is 0 while the stop itself lasted 34 - 10 = 24 h.
        var builder = EdiLine(lineStock: 600)
            .Horizon(150)
            .ItSystem("MES", ItFunction.ProductionControl, ["PLANT"], new FallbackSpec(24, 0.3))
            .Disruption("mes", ["MES"], startHours: 10, durationHours: 100);

        var line = Run(builder).Lines.Single();

        Assert.Multiple(() =>
        {
            Assert.That(line.TimeToRestartHours, Is.EqualTo(0));
            Assert.That(line.StopLengthHours, Is.EqualTo(24).Within(1e-9));
            Assert.That(MetricNames.ValueOf(line, MetricNames.StopLength), Is.EqualTo(24).Within(1e-9));
        });
    }

    [Test]
    public void A_line_that_never_restarts_has_no_stop_length()
    {
        // The EDI is down from hour 0 to beyond the 48 h horizon: the line halts (240 seats + the 2 h pipeline = 6 h)
        // and never restarts, so the stop's length is censored like time_to_restart_h.
        var line = Run(EdiLine().Disruption("edi", ["EDI"], startHours: 0, durationHours: 100)).Lines.Single();

        Assert.Multiple(() =>
        {
            Assert.That(line.TimeToHaltHours, Is.Not.Null);
            Assert.That(line.StopLengthHours, Is.Null);
        });
    }

    [Test]
    public void Weekend_adds_to_time_to_halt_but_not_to_downtime()
    {
        // Monday 1 September 2025 00:00 is hour 0; shifts 06:00-22:00 on weekdays. The EDI fails on Friday 22:00
        // (hour 118): 6 open hours of stock and pipeline last until Monday 12:00 (hour 180), 62 h later.
        // Restored at hour 188: T1 builds 30 seats per quarter hour, the first arrive 0.5 h after the 188.25 dispatch,
        // so the line restarts at 188.75; downtime is 180 -> 188.75 = 8.75 open hours, restart 0.75 h after the end.
        var builder = EdiLine()
            .Horizon(220)
            .Calendar("two-shift", Weekdays, new TimeOnly(6, 0), new TimeOnly(22, 0))
            .Disruption("edi", ["EDI"], startHours: 118, durationHours: 70);
        var scenario = builder.Build();
        scenario = scenario with
        {
            Plants = [scenario.Plants[0] with { Lines = [scenario.Plants[0].Lines[0] with { CalendarId = "two-shift" }] }],
        };

        var result = Experiment.RunReplication(Network.Build(scenario), "as-written", 0, 7);
        var line = result.Lines.Single();

        Assert.That(line.TimeToHaltHours, Is.EqualTo(62).Within(1e-9));
        Assert.That(line.DowntimeHours, Is.EqualTo(8.75).Within(1e-9));
        Assert.That(line.TimeToRestartHours, Is.EqualTo(0.75).Within(1e-9));
    }

    [Test]
    public void Time_to_recover_is_restore_plus_refill_plus_ramp_up()
    {
        // EDI down 10..20: halt at 16. At 20 the held call-offs go out; T1 ships 30 seats per quarter hour from 20.25,
        // each arriving 0.5 h later: the 60 seats (1 h of cover) the restart rule asks for are there at 21.0.
        // Then an 8 h ramp: full rate at 29.0, 9 h after the restore.
        var builder = new ScenarioBuilder()
            .Horizon(48)
            .Part("SEAT")
            .Line("L1", "PLANT", 60, [("SEAT", 240)], restart: new RestartRule(StockHours: 1, RampUpHours: 8, RampStartFraction: 0.5))
            .Supplier("T1", 1, "SEAT", capacityPerHour: 120)
            .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 0.5)
            .ItSystem("EDI", ItFunction.OrderTransmission, ["PLANT"])
            .Disruption("edi", ["EDI"], startHours: 10, durationHours: 10);

        var line = Run(builder).Lines.Single();

        Assert.That(line.TimeToHaltHours, Is.EqualTo(6).Within(1e-9));
        Assert.That(line.TimeToRestartHours, Is.EqualTo(1).Within(1e-9));
        Assert.That(line.TimeToRecoverHours, Is.EqualTo(9).Within(1e-9));
        Assert.That(line.DowntimeHours, Is.EqualTo(5).Within(1e-9));
    }

    [Test]
    public void Lost_units_are_baseline_output_minus_disrupted_output()
    {
        // MES down 10..20 with no ramp: exactly 10 h x 60 jobs are lost.
        var builder = EdiLine()
            .ItSystem("MES", ItFunction.ProductionControl, ["L1"])
            .Disruption("mes", ["MES"], startHours: 10, durationHours: 10);

        var result = Run(builder);
        var line = result.Lines.Single();

        Assert.That(line.LostUnits, Is.EqualTo(result.Baseline.Lines[0].ProducedUnits - result.Disrupted.Lines[0].ProducedUnits));
        Assert.That(line.LostUnits, Is.EqualTo(600));
        Assert.That(line.DowntimeHours, Is.EqualTo(10).Within(1e-9));
    }

    [Test]
    public void Goods_in_transit_wait_at_the_gate_while_receipt_is_down()
    {
        // WMS down 0..10: the 120 seats on the road at hour 0 arrive but are not received; the 240 at the line last 4 h.
        // At 10 everything waiting at the gate is received at once and the line restarts immediately.
        var builder = new ScenarioBuilder()
            .Horizon(24)
            .Part("SEAT")
            .Line("L1", "PLANT", 60, [("SEAT", 240)])
            .Supplier("T1", 1, "SEAT", capacityPerHour: 120, finishedUnits: 120)
            .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 1)
            .ItSystem("WMS", ItFunction.Logistics, ["PLANT"])
            .Disruption("wms", ["WMS"], startHours: 0, durationHours: 10);

        var line = Run(builder).Lines.Single();

        Assert.That(line.TimeToHaltHours, Is.EqualTo(4).Within(1e-9));
        Assert.That(HaltCause.Format(line.HaltCause), Is.EqualTo("part:SEAT <- it:WMS (logistics)"));
        Assert.That(line.TimeToRestartHours, Is.EqualTo(0).Within(1e-9));
    }

    [Test]
    public void Second_source_takes_over_up_to_its_spare_capacity_after_qualification()
    {
        // Two sources at 50 % with 40/h capacity each for a 60/h line. A fails at hour 0 for good; after 24 h of
        // qualification B takes all orders, and the line runs at B's capacity: 40 jobs/h.
        var builder = new ScenarioBuilder()
            .Horizon(120)
            .Part("SEAT")
            .Line("L1", "PLANT", 60, [("SEAT", 120)])
            .Supplier("A", 1, "SEAT", capacityPerHour: 40)
            .Supplier("B", 1, "SEAT", capacityPerHour: 40)
            .Lane("A-L1", "A", "L1", "SEAT", Sequence(2), share: 0.5, qualificationHours: 24)
            .Lane("B-L1", "B", "L1", "SEAT", Sequence(2), share: 0.5, qualificationHours: 24)
            .Disruption("a-down", ["A"], startHours: 0, durationHours: 1000);

        var result = Run(builder);
        var produced = result.Disrupted.Samples.Where(s => s.Entity == "L1" && s.Metric == SampleMetrics.ProducedUnits).ToDictionary(s => s.TimeHours, s => s.Value);

        var rate = (produced[110] - produced[50]) / 60;
        Assert.That(rate, Is.EqualTo(40).Within(0.5));
        Assert.That(result.Disrupted.Events.Any(e => e.Kind == EventKinds.Failover && e.Entity == "A-L1" && e.TimeHours == 24), Is.True);
    }

    [Test]
    public void Each_sibling_takes_over_after_its_own_qualification_not_the_slowest()
    {
        // S1 (share 0.5) is down from hour 0 for 100 h; S2 (0.25) needs no qualification, S3 (0.25) needs 48 h; each
        // can make 60/h, the line builds 60/h with 5 h (300) of seats and a 2 h sequence lead.
        // S2 takes S1's share at once: S2 gets 0.25 + 0.5 = 0.75 of the call-offs (45/h), S3 its 0.25 (15/h), so the
        // 60/h keep coming and the line never halts, nothing is lost. After 48 h S3 qualified too and S1's share is
        // split between them by their shares: 30/h each. (Waiting for the slowest, 48 h, would have left 30/h against
        // 60/h: the 300 seats would be gone after 10 h.)
        var builder = new ScenarioBuilder()
            .Horizon(120)
            .Part("SEAT")
            .Line("L1", "PLANT", 60, [("SEAT", 300)])
            .Supplier("S1", 1, "SEAT", capacityPerHour: 60)
            .Supplier("S2", 1, "SEAT", capacityPerHour: 60)
            .Supplier("S3", 1, "SEAT", capacityPerHour: 60)
            .Lane("S1-L1", "S1", "L1", "SEAT", Sequence(2), share: 0.5, qualificationHours: 0)
            .Lane("S2-L1", "S2", "L1", "SEAT", Sequence(2), share: 0.25, qualificationHours: 0)
            .Lane("S3-L1", "S3", "L1", "SEAT", Sequence(2), share: 0.25, qualificationHours: 48)
            .Disruption("s1-down", ["S1"], startHours: 0, durationHours: 100);

        var result = Run(builder);
        var line = result.Lines.Single();
        double Produced(RunTrace run, double hours) => run.Samples.Single(s => s.Entity == "L1" && s.Metric == SampleMetrics.ProducedUnits && s.TimeHours == hours).Value;
        Assert.Multiple(() =>
        {
            Assert.That(line.TimeToHaltHours, Is.Null);
            Assert.That(line.LostUnits, Is.EqualTo(0).Within(1e-9));
            Assert.That(result.Disrupted.Events.Any(e => e.Kind == EventKinds.Failover && e.Entity == "S1-L1" && e.TimeHours == 0), Is.True);
            Assert.That(Produced(result.Disrupted, 48), Is.EqualTo(Produced(result.Baseline, 48)), "S3 joins at 48 h without a dip");
            Assert.That(Produced(result.Disrupted, 110), Is.EqualTo(Produced(result.Baseline, 110)));
        });
    }

    [Test]
    public void More_line_side_stock_never_halts_earlier()
    {
        var halts = new[] { 60.0, 120, 240, 480 }.Select(stock =>
            Run(EdiLine(stock).Disruption("edi", ["EDI"], startHours: 10, durationHours: 20)).Lines.Single().TimeToHaltHours).ToArray();

        // Each halt is (stock / 60 + 2) h after hour 10.
        Assert.That(halts, Is.EqualTo(new double?[] { 3, 4, 6, 10 }).Within(1e-9));
    }
}
