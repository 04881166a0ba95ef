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
    private static ScenarioSpec SeatLine(StateSpec state) => new ScenarioBuilder()
        .Horizon(48)
        .Part("SEAT")
        .Line("L1", "PLANT", 60, [("SEAT", 120)])
        .Supplier("T1", 1, "SEAT", capacityPerHour: 60)
        .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 0.5)
        .Build() with { State = state };

    private static RunTrace Run(ScenarioSpec scenario) =>
        Simulation.Run(Network.Build(scenario), 1, new RunOptions(WithDisruptions: false));

    private static List<double> Halts(RunTrace run, string kind = "halt") =>
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
            Assert.That(Halts(run, "restart")[0], Is.InRange(24, 24.75 + 1e-9));
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
}
