using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Experiments;

/// <summary>The time-to-survive and time-to-recover LPs under the state's demand (<c>state.demand</c>) and planned output.</summary>
public sealed class SurvivalLpStateTests
{
    private static readonly DateOnly Day1 = new(2025, 9, 1);

    /// <summary>
    /// One line L at 60 jobs an hour, round the clock, one seat a job, holding <paramref name="seats"/>; supplier T makes
    /// the seats at <paramref name="capacityPerHour"/> an hour (0: down) with no finished goods, over one free lane.
    /// </summary>
    private static SurvivalModel SeatLine(double seats, double capacityPerHour, IReadOnlyList<DayCap>? demand = null, IReadOnlyList<DayCap>? plannedOutput = null) =>
        new(
            [new SurvivalPool("T", capacityPerHour)],
            [new SurvivalProduct("T/SEAT", 0, 0, [], OutputCaps: plannedOutput)],
            [new SurvivalStock("L/SEAT", seats)],
            [new SurvivalLane("T->L", 0, 0)],
            [new SurvivalLine("L", 60, [new SurvivalUse(0, 1)], 1, JobCaps: demand)]);

    [Test]
    public void Demand_above_what_the_stock_covers_leaves_the_time_to_survive_at_the_stock()
    {
        // 600 seats, T down: 600 / 60 = 10 h. A day-1 demand of 720 (half of 24 h x 60) does not spread over the day:
        // as in the simulation the line builds at its rate until it has built 720, which it cannot before hour 12, so
        // the 600 seats still run out at hour 10.
        Assert.Multiple(() =>
        {
            Assert.That(SurvivalLp.TimeToSurviveHours(SeatLine(600, 0), 48), Is.EqualTo(10).Within(1e-6));
            Assert.That(SurvivalLp.TimeToSurviveHours(SeatLine(600, 0, [new DayCap(0, 24, 720)]), 48), Is.EqualTo(10).Within(1e-6));
        });
    }

    [Test]
    public void Demand_below_the_rate_makes_the_stock_last_until_the_next_day()
    {
        // 900 seats, T down: 15 h at the rate. With day 1's demand at 720 the line builds 720 by hour 12 and stands
        // until hour 24; the 180 left last 180 / 60 = 3 h into day 2 (no figure, the rate): 24 + 3 = 27 h.
        Assert.Multiple(() =>
        {
            Assert.That(SurvivalLp.TimeToSurviveHours(SeatLine(900, 0), 48), Is.EqualTo(15).Within(1e-6));
            Assert.That(SurvivalLp.TimeToSurviveHours(SeatLine(900, 0, [new DayCap(0, 24, 720)]), 48), Is.EqualTo(27).Within(1e-6));
        });
    }

    [Test]
    public void The_loss_counts_the_jobs_short_of_the_capped_plan()
    {
        // Over 30 h: the plan is 720 on day 1 and 6 h x 60 = 360 on day 2, 1,080 jobs; 900 seats build 900: 180 short.
        // At the rate the plan is 1,800: 900 short.
        Assert.Multiple(() =>
        {
            Assert.That(SurvivalLp.MinimumLoss(SeatLine(900, 0, [new DayCap(0, 24, 720)]), 30).LostUnits, Is.EqualTo(180).Within(1e-6));
            Assert.That(SurvivalLp.MinimumLoss(SeatLine(900, 0), 30).LostUnits, Is.EqualTo(900).Within(1e-6));
        });
    }

    [Test]
    public void Demand_met_again_while_the_line_stands_does_not_hide_the_first_shortfall()
    {
        // T makes 30 an hour, the line builds 60 from 180 seats: 60 t <= 180 + 30 t up to t = 6 h. Day 1's demand of
        // 720 is met again at hour 24 (180 + 30 x 24 = 900 >= 720) and fails again at 24 + 6 = 30; the time-to-survive
        // is the first failure, 6 h. (Bisecting over every segment end would land in the last stretch, at 30 h.)
        Assert.That(SurvivalLp.TimeToSurviveHours(SeatLine(180, 30, [new DayCap(0, 24, 720)]), 48), Is.EqualTo(6).Within(1e-6));
    }

    [Test]
    public void Planned_output_below_capacity_shortens_the_time_to_survive()
    {
        // T's 60 an hour keeps the 60/h line going for ever (null up to the limit) from 240 seats. With day 1's
        // planned output at 720 it makes 720 by hour 12 and then nothing until hour 24: 240 + 720 = 960 seats last
        // until hour 16, and from then on T's 60/h never catches up. A planned output above capacity (2,000) changes
        // nothing.
        Assert.Multiple(() =>
        {
            Assert.That(SurvivalLp.TimeToSurviveHours(SeatLine(240, 60), 48), Is.Null);
            Assert.That(SurvivalLp.TimeToSurviveHours(SeatLine(240, 60, plannedOutput: [new DayCap(0, 24, 720)]), 48), Is.EqualTo(16).Within(1e-6));
            Assert.That(SurvivalLp.TimeToSurviveHours(SeatLine(240, 60, plannedOutput: [new DayCap(0, 24, 2000)]), 48), Is.Null);
        });
    }

    [Test]
    public void Production_resumed_after_a_planned_output_day_does_not_hide_the_first_shortfall()
    {
        // T makes 120 an hour, so day 1's planned 720 are made by hour 6 and then nothing until hour 24: 240 + 720 =
        // 960 seats keep the 60/h line going until hour 16. From hour 24 T's 120/h catch up again at hour 32
        // (960 + 120 (t - 24) = 60 t) and stay ahead up to the 48 h limit; the time-to-survive is the first failure,
        // 16 h, not "never" (what a check at the limit alone finds).
        Assert.That(SurvivalLp.TimeToSurviveHours(SeatLine(240, 120, plannedOutput: [new DayCap(0, 24, 720)]), 48), Is.EqualTo(16).Within(1e-6));
    }

    [Test]
    public void Planned_output_bounds_the_loss()
    {
        // Over 24 h the line plans 1,440; T makes at most 720 of its 1,440: 240 + 720 = 960 built, 480 short.
        Assert.That(SurvivalLp.MinimumLoss(SeatLine(240, 60, plannedOutput: [new DayCap(0, 24, 720)]), 24).LostUnits, Is.EqualTo(480).Within(1e-6));
    }

    [Test]
    public void Buffer_sizing_reads_the_same_caps()
    {
        // T down for a 30 h window: at the rate the line needs 1,800 seats and holds 900 (900 more); with day 1's demand
        // at 720 it needs 720 + 6 x 60 = 1,080 (180 more).
        SizingCandidate[] seats = [new SizingCandidate("L/SEAT", IsProduct: false, CostPerUnit: 1)];
        Assert.Multiple(() =>
        {
            Assert.That(BufferSizingLp.Solve(seats, [new SizingOutage(SeatLine(900, 0), 30)])[0], Is.EqualTo(900).Within(1e-6));
            Assert.That(BufferSizingLp.Solve(seats, [new SizingOutage(SeatLine(900, 0, [new DayCap(0, 24, 720)]), 30)])[0], Is.EqualTo(180).Within(1e-6));
        });
    }

    [Test]
    public void A_day_begun_before_the_start_counts_the_jobs_built_in_it_at_the_planned_rate()
    {
        // The outage starts at hour 6 of a day capped at 720: the line has built 360, 360 are left. 900 seats build
        // them by hour 12 and stand until hour 24, and the 540 left last 9 h: 24 + 9 - 6 = 27 h after the start.
        var model = SeatLine(900, 0, [new DayCap(0, 24, 720)]) with { StartHours = 6 };
        Assert.That(SurvivalLp.TimeToSurviveHours(model, 42), Is.EqualTo(27).Within(1e-6));
    }

    [TestCase(60)]
    [TestCase(120)]
    public void The_model_of_a_scenario_reads_the_states_planned_output_and_agrees_with_the_simulation(double capacityPerHour)
    {
        // The seat line of StateCapsTests: L1 60/h from 120 seats and 120 called off before hour 0, T1 planning 720
        // seats for Monday (completing at 10:00). The simulation halts the line at hour 16 with nothing down; the LP
        // with nothing down reads the same 960 seats: (120 + 120 + 720) / 60 = 16 h. At 120/h T1 catches up after
        // Monday (hour 32) and is ahead at the 48 h limit, which must not hide the halt at 16.
        var network = Network.Build(SeatScenario(120, capacityPerHour) with { State = new StateSpec([], [], [new PlannedOutputSpec("SEAT", "T1", 720, 10)]) });
        var run = Simulation.Run(network, 1, new RunOptions(WithDisruptions: false));
        var firstHalt = run.Events.First(e => e.Entity == "L1" && e.Kind == EventKinds.Halt).TimeHours;
        Assert.Multiple(() =>
        {
            Assert.That(firstHalt, Is.EqualTo(16).Within(1e-9));
            Assert.That(SurvivalLp.TimeToSurviveHours(SurvivalModelBuilder.For(network, null, weighMargins: false), 48), Is.EqualTo(16).Within(1e-6));
        });
    }

    [Test]
    public void A_snapshot_at_midnight_allows_the_new_days_whole_planned_output()
    {
        // T1 plans 720 seats on Monday and 720 on Tuesday and makes Monday's by hour 12 (the call-offs come at 60 an
        // hour). At Tuesday 00:00 the day's start has not been processed yet (the snapshot sees every event before the
        // instant), but what T1 may make that day is Tuesday's 720, not what Monday left (nothing).
        var state = new StateSpec([], [], [new PlannedOutputSpec("SEAT", "T1", 720, 10), new PlannedOutputSpec("SEAT", "T1", 720, 34)]);
        var network = Network.Build(SeatScenario(120, 120) with { State = state });

        Assert.Multiple(() =>
        {
            Assert.That(Simulation.StocksAt(network, 1, 18).OutputLeft[0][0], Is.EqualTo(0).Within(1e-9));
            Assert.That(Simulation.StocksAt(network, 1, 24).OutputLeft[0][0], Is.EqualTo(720));
        });
    }

    [TestCase(60)]
    [TestCase(120)]
    public void From_a_later_reference_time_the_lp_counts_the_planned_output_already_made_that_day(double capacityPerHour)
    {
        // The same network looked at from hour 4: T1 has made part of Monday's 720 for the call-offs since hour 0, and
        // only the rest can still come. From the run's state at hour 4 the LP says what the simulation does, a halt 12 h
        // later (at 16). Keeping all 720 for the rest of the day, as the opening state must (what was made before is
        // not known there), it would find more seats than the network can get.
        var scenario = SeatScenario(120, capacityPerHour) with { State = new StateSpec([], [], [new PlannedOutputSpec("SEAT", "T1", 720, 10)]), ReferenceHours = 4 };
        var network = Network.Build(scenario);
        var stocks = Simulation.StocksAt(network, 1, 4);
        var made = network.Suppliers[0].Products[0].OutputCaps[0].Units - stocks.OutputLeft[0][0];

        Assert.Multiple(() =>
        {
            Assert.That(made, Is.GreaterThan(0));
            Assert.That(SurvivalLp.TimeToSurviveHours(SurvivalModelBuilder.For(network, null, weighMargins: false, stocks), 44), Is.EqualTo(12).Within(1e-6));
        });
    }

    /// <summary>
    /// L1 builds 60/h round the clock from Monday 00:00 with <paramref name="seats"/> and 120 called off before hour 0
    /// (2 h sequence lead, 1 h transit) from T1, its only source, making <paramref name="capacityPerHour"/>.
    /// </summary>
    private static ScenarioSpec SeatScenario(double seats, double capacityPerHour) => new ScenarioBuilder()
        .Horizon(48)
        .Part("SEAT")
        .Line("L1", "PLANT", 60, [("SEAT", seats)])
        .Supplier("T1", 1, "SEAT", capacityPerHour: capacityPerHour)
        .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 1)
        .Build();

    /// <summary><see cref="SeatScenario"/> from 840 seats, T1 (120/h) down for 36 h from hour 0.</summary>
    private static ScenarioSpec SingleSource(StateSpec state)
    {
        var scenario = SeatScenario(840, 120);
        return scenario with { Suppliers = [.. scenario.Suppliers.Select(s => s with { RecoveryHours = 36 })], State = state };
    }

    /// <summary>T1's row of <c>survive --method lp</c> on <see cref="SingleSource"/>.</summary>
    private static SurviveNode SurviveT1(StateSpec state) =>
        Survive.Run(SingleSource(state), new SurviveOptions(Days: 1, Method: StressMethod.Lp)).Nodes.Single(n => n.Target.Id == "T1");

    [Test]
    public void Survive_with_the_lp_method_agrees_with_the_simulation_under_demand_caps()
    {
        // 840 + 120 = 960 seats. At the rate both halt the line after 960 / 60 = 16 h. With Monday's demand at 720 the
        // line builds 720 by hour 12, stands until hour 24 (a planned stop) and the 240 left last until hour 28: the
        // simulation and the LP say 28 h. The LP loss over the 36 h down: the capped plan is 720 + 12 x 60 = 1,440
        // jobs, 960 can be built, 480 short (at the rate 36 x 60 - 960 = 1,200).
        var atRate = SurviveT1(StateSpec.Empty);
        var capped = SurviveT1(new StateSpec([], [new DemandSpec("SEAT", "L1", null, Day1, 720)], []));
        Assert.Multiple(() =>
        {
            Assert.That(atRate.HoursToHalt, Is.EqualTo(16).Within(1e-9));
            Assert.That(atRate.Optimum!.TimeToSurviveHours, Is.EqualTo(16).Within(1e-6));
            Assert.That(atRate.Optimum!.LostUnits, Is.EqualTo(1200).Within(1e-6));
            Assert.That(capped.HoursToHalt, Is.EqualTo(28).Within(1e-9));
            Assert.That(capped.Optimum!.TimeToSurviveHours, Is.EqualTo(28).Within(1e-6));
            Assert.That(capped.Optimum!.LostUnits, Is.EqualTo(480).Within(1e-6));
        });
    }

    [Test]
    public void From_a_later_as_of_time_the_lp_takes_what_the_line_built_that_day_from_the_run()
    {
        // L1 (60 an hour) starts with no seats; 540 are on the road, due at hour 2, and the kanban orders only when the
        // position reaches 0, so T1 ships nothing before hour 6. The line stands until hour 2 and by hour 6 has built
        // 240 of Monday's 600 (at the rate it would have built 360) and holds 300 seats. T1 down from hour 6: the day
        // still wants 360, the 300 seats last 5 h, in the simulation and in the LP. (Counting the morning at the rate,
        // the day would want only 240 more; 240 would last 4 h, the line would stand until midnight and the 60 left
        // would last to 01:00: 19 h.)
        var scenario = new ScenarioBuilder()
            .Horizon(48)
            .Part("SEAT")
            .Line("L1", "PLANT", 60, [("SEAT", 0)])
            .Supplier("T1", 1, "SEAT", capacityPerHour: 120)
            .Lane("T1-L1", "T1", "L1", "SEAT", Kanban(0, 100), transitHours: 1)
            .Build();
        scenario = scenario with
        {
            Suppliers = [.. scenario.Suppliers.Select(s => s with { RecoveryHours = 36 })],
            State = new StateSpec([new InTransitSpec("T1-L1", 540, 2)], [new DemandSpec("SEAT", "L1", null, Day1, 600)], []),
        };

        var t1 = Survive.Run(scenario, new SurviveOptions(AsOf: scenario.Start.AddHours(6), Days: 1, Method: StressMethod.Lp)).Nodes.Single(n => n.Target.Id == "T1");

        Assert.Multiple(() =>
        {
            Assert.That(t1.HoursToHalt, Is.EqualTo(5).Within(1e-9));
            Assert.That(t1.Optimum!.TimeToSurviveHours, Is.EqualTo(5).Within(1e-6));
        });
    }

    [Test]
    public void A_fractional_demand_caps_the_lp_at_the_whole_jobs_the_simulation_builds()
    {
        // 720.5 seats of demand let the line build 720 whole jobs, as the runtime starts a job only while one more
        // fits: the same 28 h as a demand of 720.
        var node = SurviveT1(new StateSpec([], [new DemandSpec("SEAT", "L1", null, Day1, 720.5)], []));
        Assert.Multiple(() =>
        {
            Assert.That(node.HoursToHalt, Is.EqualTo(28).Within(1e-9));
            Assert.That(node.Optimum!.TimeToSurviveHours, Is.EqualTo(28).Within(1e-6));
        });
    }
}
