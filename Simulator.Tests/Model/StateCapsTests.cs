using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Model;

/// <summary>The state's planned output (per supplier, part and day) and demand (per line, part and day) in the runtime.</summary>
public sealed class StateCapsTests
{
    private static readonly DateOnly Day1 = new(2025, 9, 1);

    /// <summary>L1 builds 60/h round the clock from Monday 00:00 with 2 h of seats; T1 makes 60/h; sequence lead 2 h.</summary>
    private static ScenarioSpec SeatLine(StateSpec state) => SeatLineBuilder(120).Build() with { State = state };

    private static ScenarioBuilder SeatLineBuilder(double stock) => new ScenarioBuilder()
        .Horizon(48)
        .Part("SEAT")
        .Line("L1", "PLANT", 60, [("SEAT", stock)])
        .Supplier("T1", 1, "SEAT", capacityPerHour: 60)
        .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 0.5);

    private static RunTrace Run(ScenarioSpec scenario) =>
        Simulation.Run(Network.Build(scenario), 1, new RunOptions(WithDisruptions: false));

    private static List<double> Halts(RunTrace run, string kind = EventKinds.Halt) =>
        run.Events.Where(e => e.Entity == "L1" && e.Kind == kind).Select(e => e.TimeHours).ToList();

    [Test]
    public void Planned_output_of_half_the_capacity_on_day_one_halts_the_line_after_sixteen_hours()
    {
        // T1 plans 720 seats for Monday (completing at 10:00), half of its 24 x 60. It builds the call-offs at 60/h
        // and has made its 720 at hour 12; the line then has its 120, the 120 called off before hour 0 and the 720:
        // 960 jobs at 60/h, it halts at hour 16. Tuesday is not capped: T1 builds again from hour 24, and the line
        // restarts once the first lot has come (next truck and 0.5 h of transit: by hour 24.75).
        var run = Run(SeatLine(new StateSpec([], [], [new PlannedOutputSpec("SEAT", "T1", 720, 10)])));
        var halts = Halts(run);
        Assert.Multiple(() =>
        {
            Assert.That(halts, Is.Not.Empty);
            Assert.That(halts[0], Is.EqualTo(16).Within(1e-9));
            Assert.That(Halts(run, EventKinds.Restart)[0], Is.InRange(24, 24.75 + 1e-9));
        });
    }

    [Test]
    public void Planned_output_bounds_production_and_never_raises_it()
    {
        // 2,000 planned for Monday is more than 24 x 60: the capacity still decides, and nothing halts; without a
        // planned output for the day nothing changes either.
        Assert.Multiple(() =>
        {
            Assert.That(Halts(Run(SeatLine(new StateSpec([], [], [new PlannedOutputSpec("SEAT", "T1", 2000, 20)])))), Is.Empty);
            Assert.That(Halts(Run(SeatLine(StateSpec.Empty))), Is.Empty);
        });
    }

    [Test]
    public void Planned_output_is_summed_per_calendar_day_of_its_completion()
    {
        // Two records of 360 complete on Monday (hours 3 and 23): 720 for the day, the same halt at hour 16. One at
        // hour 30 is Tuesday's and does not count on Monday.
        var run = Run(SeatLine(new StateSpec([], [], [
            new PlannedOutputSpec("SEAT", "T1", 360, 3),
            new PlannedOutputSpec("SEAT", "T1", 360, 23),
            new PlannedOutputSpec("SEAT", "T1", 5000, 30),
        ])));
        Assert.That(Halts(run)[0], Is.EqualTo(16).Within(1e-9));
    }

    [Test]
    public void Demand_below_the_rate_is_all_the_line_builds_that_day()
    {
        // Monday's demand is 720 seats, half of 24 h x 60: the line builds 720 jobs by hour 12 and stands (a planned
        // stop, not a halt) until Tuesday, which has no demand figures and runs at the rate: 720 + 24 x 60 = 2,160
        // over the 48 h, which is also what the line plans.
        var run = Run(SeatLine(new StateSpec([], [new DemandSpec("SEAT", "L1", null, Day1, 720)], [])));
        var line = run.Lines.Single();
        double Produced(double hours) => run.Samples.Single(s => s.Entity == "L1" && s.Metric == SampleMetrics.ProducedUnits && s.TimeHours == hours).Value;
        double State(double hours) => run.Samples.Single(s => s.Entity == "L1" && s.Metric == "state" && s.TimeHours == hours).Value;
        Assert.Multiple(() =>
        {
            Assert.That(Halts(run), Is.Empty);
            Assert.That(Produced(12), Is.EqualTo(720).Within(1));
            Assert.That(Produced(23), Is.EqualTo(720).Within(1));
            Assert.That(State(18), Is.EqualTo(LineStateCode.PlannedStop));
            Assert.That(line.ProducedUnits, Is.EqualTo(2160).Within(1));
            Assert.That(line.PlannedUnits, Is.EqualTo(2160).Within(1e-9));
        });
    }

    [Test]
    public void Demand_below_the_rate_makes_the_stock_last_longer_in_an_outage()
    {
        // The EDI goes down at hour 10 for 30 h: the line has 240 seats and 2 h (120) called off, 360 jobs. At the
        // rate it halts at hour 16 (6 h). With Monday's demand at 720 it builds 120 of them by hour 12 (jobs 601 to
        // 720), stands until Tuesday and builds the other 240 from hour 24: it halts at hour 28, 18 h after the EDI.
        var withEdi = SeatLineBuilder(240)
            .ItSystem("EDI", ItFunction.OrderTransmission, ["PLANT"])
            .Disruption("edi", ["EDI"], startHours: 10, durationHours: 30)
            .Build();
        double? HaltAfter(StateSpec state) =>
            Experiment.RunReplication(Network.Build(withEdi with { State = state }), "as-written", 0, 1).Lines.Single().TimeToHaltHours;
        Assert.Multiple(() =>
        {
            Assert.That(HaltAfter(StateSpec.Empty), Is.EqualTo(6).Within(1e-9));
            Assert.That(HaltAfter(new StateSpec([], [new DemandSpec("SEAT", "L1", null, Day1, 720)], [])), Is.EqualTo(18).Within(1e-9));
        });
    }

    [Test]
    public void A_plants_demand_goes_to_its_lines_by_their_planned_use()
    {
        // PLANT's Monday demand of 900 seats goes to L1 (60/h) and L2 (30/h) as 600 and 300: each builds that much
        // on Monday (at 60/h and 30/h, so both have by hour 10) and stands until Tuesday.
        var scenario = new ScenarioBuilder()
            .Horizon(48)
            .Part("SEAT")
            .Line("L1", "PLANT", 60, [("SEAT", 120)])
            .Line("L2", "PLANT", 30, [("SEAT", 60)])
            .Supplier("T1", 1, "SEAT", capacityPerHour: 200)
            .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 0.5)
            .Lane("T1-L2", "T1", "L2", "SEAT", Sequence(2), transitHours: 0.5)
            .Build() with { State = new StateSpec([], [new DemandSpec("SEAT", "PLANT", null, Day1, 900)], []) };
        var run = Run(scenario);
        double Produced(string line) => run.Samples.Single(s => s.Entity == line && s.Metric == SampleMetrics.ProducedUnits && s.TimeHours == 20).Value;
        Assert.That(new[] { Produced("L1"), Produced("L2") }, Is.EqualTo(new[] { 600.0, 300 }).Within(1));
    }
}
