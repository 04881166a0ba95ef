using CsCheck;
using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Scenarios;
using Simulator.Tests.Support;

namespace Simulator.Tests.Experiments;

public sealed class SurvivalLpTests
{
    /// <summary>
    /// Simchi-Levi et al.'s single-tier example: S1/S2/S3 with capacity 30/45/60 per period, each able to make either
    /// product; P1/P2 with demand 75/50 per period and inventory 20/25; losses 5,000/6,500 per unit.
    /// </summary>
    private static SurvivalModel Published(int failed)
    {
        double[] capacity = [30, 45, 60];
        var pools = capacity.Select((c, i) => new SurvivalPool($"S{i + 1}", i == failed ? 0 : c)).ToList();
        var products = new List<SurvivalProduct>();
        var lanes = new List<SurvivalLane>();
        for (var s = 0; s < 3; s++)
        {
            for (var p = 0; p < 2; p++)
            {
                lanes.Add(new SurvivalLane($"S{s + 1}->P{p + 1}", products.Count, p, s == failed ? 0 : null));
                products.Add(new SurvivalProduct($"S{s + 1}/P{p + 1}", s, 0, []));
            }
        }

        return new SurvivalModel(
            pools,
            products,
            [new SurvivalStock("P1", 20), new SurvivalStock("P2", 25)],
            lanes,
            [new SurvivalLine("P1", 75, [new SurvivalUse(0, 1)], 5000), new SurvivalLine("P2", 50, [new SurvivalUse(1, 1)], 6500)]);
    }

    [TestCase(0, 45.0 / 20)]
    [TestCase(1, 45.0 / 35)]
    [TestCase(2, 45.0 / 50)]
    public void Time_to_survive_of_the_published_single_tier_case(int failed, double expected)
    {
        // Both products can be made anywhere, so only the totals bind: inventory 45 covers demand 125 per period less
        // the capacity left (105, 90, 75 per period): TTS = 45 / (125 - capacity left).
        Assert.That(SurvivalLp.TimeToSurviveHours(Published(failed), 1000), Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void Published_time_to_survive_figures_rounded_as_the_paper_prints_them()
    {
        var figures = Enumerable.Range(0, 3).Select(s => Math.Round(SurvivalLp.TimeToSurviveHours(Published(s), 1000)!.Value, 3)).ToArray();
        Assert.That(figures, Is.EqualTo(new[] { 2.25, 1.286, 0.900 }));
    }

    [Test]
    public void Lost_units_and_risk_exposure_over_a_recovery_time_of_two_periods()
    {
        var losses = Enumerable.Range(0, 3).Select(s => SurvivalLp.MinimumLoss(Published(s), 2)).ToArray();

        // Over 2 periods demand is 250; inventory 45 plus capacity 210 / 180 / 150 leaves 0 / 25 / 55 short,
        // all of it lost on P1, whose unit loss (5,000) is the smaller.
        Assert.That(losses.Select(l => l.LostUnits), Is.EqualTo(new[] { 0.0, 25, 55 }).Within(1e-6));
        Assert.That(losses.Select(l => l.LostValue), Is.EqualTo(new[] { 0.0, 125_000, 275_000 }).Within(1e-3));
        var rei = losses.Select(l => Math.Round(l.LostValue / losses.Max(x => x.LostValue), 3));
        Assert.That(rei, Is.EqualTo(new[] { 0, 0.455, 1.0 }));
    }

    [Test]
    public void A_line_stopped_while_it_is_closed_survives_until_it_would_open()
    {
        // A line on the 06:00-14:00 shift whose control fails at 22:00 (Monday 3 March 2025): it would have built
        // nothing before Tuesday 06:00, 8 h later, so its demand fails then; with a second line whose 120 pieces last
        // 2 h at 60 an hour, that one fails first.
        SurvivalModel Model(double secondLineStock) => new(
            [new SurvivalPool("S", 0)],
            [new SurvivalProduct("S/P", 0, 0, [])],
            [new SurvivalStock("L1/P", 1000), new SurvivalStock("L2/P", secondLineStock)],
            [new SurvivalLane("S->L1", 0, 0), new SurvivalLane("S->L2", 0, 1)],
            [
                new SurvivalLine("L1", 60, [new SurvivalUse(0, 1)], 1, RunningFraction: 0, Clock: 0),
                new SurvivalLine("L2", 60, [new SurvivalUse(1, 1)], 1),
            ],
            [ShiftClock((6, 14))],
            22);

        Assert.Multiple(() =>
        {
            Assert.That(SurvivalLp.TimeToSurviveHours(Model(1e6), 48), Is.EqualTo(8).Within(1e-9));
            Assert.That(SurvivalLp.TimeToSurviveHours(Model(120), 48), Is.EqualTo(2).Within(1e-6));
            Assert.That(SurvivalLp.TimeToSurviveHours(Model(1e6), 6), Is.Null, "the line is not planned to build within 6 h");
        });
    }

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    public void On_a_generated_network_no_target_halts_a_line_in_its_outage_before_the_lp_says_it_must(ulong seed)
    {
        var scenario = NetworkGenerator.Generate(new GeneratorOptions(Parts: 80, Seed: seed, HorizonHours: 168));
        AssertLpBoundsTheSimulatedHalts(scenario);
    }

    [TestCaseSource(typeof(StressScreeningTests), nameof(StressScreeningTests.BundledScenarios))]
    public void On_a_bundled_scenario_no_target_halts_a_line_in_the_simulation_before_the_lp_says_it_must(string path) =>
        AssertLpBoundsTheSimulatedHalts(ScenarioLoader.Load(path).Scenario!);

    private static void AssertLpBoundsTheSimulatedHalts(ScenarioSpec scenario)
    {
        // The LP reallocates everything the simulated network's fixed rules allocate one way, from the same state at the
        // outage's start: while the target is down, the simulated lines can keep up as long as the optimum at most (a
        // halt after the outage ended is not bounded: the time-to-survive assumes the target stays down).
        var result = StressTest.Run(scenario, new StressTestOptions(DurationsHours: [72], Method: StressMethod.Lp));

        Assert.Multiple(() =>
        {
            foreach (var entry in result.Ranking.Where(e => e.Primary.TimeToHaltHours <= 72))
            {
                var survive = entry.Primary.Optimum!.TimeToSurviveHours;
                Assert.That(survive ?? double.PositiveInfinity, Is.GreaterThanOrEqualTo(entry.Primary.TimeToHaltHours!.Value - 1e-6), entry.Target.Id);
            }
        });
    }

    [Test]
    public void A_network_that_keeps_up_survives_the_whole_limit()
    {
        Assert.That(SurvivalLp.TimeToSurviveHours(Published(failed: -1), 1000), Is.Null);
    }

    [Test]
    public void A_stopped_line_survives_no_time()
    {
        var model = Published(failed: -1);
        model = model with { Lines = [model.Lines[0] with { RunningFraction = 0 }, model.Lines[1]] };
        Assert.That(SurvivalLp.TimeToSurviveHours(model, 1000), Is.EqualTo(0));
    }

    [Test]
    public void A_second_tier_input_bounds_the_first_tier_output()
    {
        // T1 makes the line's part from one piece of T2's part each; T2 is down, T1 holds 30 pieces of input and
        // 10 finished, the line holds 20 and builds 10 an hour: 20 + 10 + 30 = 60 pieces last 6 h.
        var model = new SurvivalModel(
            [new SurvivalPool("T1", 100), new SurvivalPool("T2", 0)],
            [new SurvivalProduct("T1/A", 0, 10, [new SurvivalUse(1, 1)]), new SurvivalProduct("T2/B", 1, 0, [])],
            [new SurvivalStock("L/A", 20), new SurvivalStock("T1/B", 30)],
            [new SurvivalLane("T1->L", 0, 0), new SurvivalLane("T2->T1", 1, 1, 0)],
            [new SurvivalLine("L", 10, [new SurvivalUse(0, 1)], 1)]);
        Assert.That(SurvivalLp.TimeToSurviveHours(model, 1000), Is.EqualTo(6).Within(1e-6));
        var loss = SurvivalLp.MinimumLoss(model, 10);
        Assert.That(loss.LostUnits, Is.EqualTo(40).Within(1e-6));
    }

    [Test]
    public void Stress_with_the_lp_method_puts_the_optimum_beside_the_simulated_outcome()
    {
        // The network of StressTestTests.ThinTier2DeepTier1, every target down 20 h from hour 0:
        // T2-FOAM: 120 seats at the line + 60 called off before hour 0 (on the road) + 60 finished at T1-SEATS + 180
        //   foam at T1-SEATS = 420 seats = 7 h at 60/h, the same as simulated; over 20 h 1,200 are needed: 780 lost.
        // T1-DOORS: 600 doors at the line = 10 h; 600 lost over 20 h.
        // T1-SEATS: 120 seats at the line + 60 on the road = 180 = 3 h; 1,020 lost over 20 h, the most of any target.
        // T3-SPARE feeds nothing: the lines keep up for the whole window (48 h horizon), nothing lost.
        var result = StressTest.Run(StressTestTests.ThinTier2DeepTier1().Build(), new StressTestOptions(DurationsHours: [20], Method: StressMethod.Lp));
        var byId = result.Ranking.ToDictionary(e => e.Target.Id, e => e.Primary);
        Assert.Multiple(() =>
        {
            Assert.That(byId["T2-FOAM"].Optimum!.TimeToSurviveHours, Is.EqualTo(7).Within(1e-6));
            Assert.That(byId["T2-FOAM"].Optimum!.LostUnits, Is.EqualTo(780).Within(1e-6));
            Assert.That(byId["T2-FOAM"].Optimum!.RiskExposureIndex, Is.EqualTo(780.0 / 1020).Within(1e-9));
            Assert.That(byId["T1-SEATS"].Optimum!.TimeToSurviveHours, Is.EqualTo(3).Within(1e-6));
            Assert.That(byId["T1-SEATS"].Optimum!.LostUnits, Is.EqualTo(1020).Within(1e-6));
            Assert.That(byId["T1-SEATS"].Optimum!.RiskExposureIndex, Is.EqualTo(1));
            Assert.That(byId["T1-DOORS"].Optimum!.TimeToSurviveHours, Is.EqualTo(10).Within(1e-6));
            Assert.That(byId["T1-DOORS"].Optimum!.LostUnits, Is.EqualTo(600).Within(1e-6));
            Assert.That(byId["T1-DOORS"].Optimum!.RiskExposureIndex, Is.EqualTo(600.0 / 1020).Within(1e-9));
            Assert.That(byId["T3-SPARE"].Optimum!.TimeToSurviveHours, Is.Null);
            Assert.That(byId["T3-SPARE"].Optimum!.LostUnits, Is.EqualTo(0).Within(1e-9));
        });

        using var csv = new StringWriter();
        CriticalityCsv.Write(csv, result);
        var header = csv.ToString().Split('\n')[0].Split(',');
        Assert.That(header[^3..], Is.EqualTo(CriticalityCsv.OptimumColumns));
        Assert.That(header, Does.Contain("time_to_halt_h"));
    }

    [Test]
    public void The_lp_optimum_of_every_target_is_the_same_on_one_thread_and_on_several()
    {
        // The optimum is solved for several targets at once; each has its own programs, so the files are the same.
        var scenario = NetworkGenerator.Generate(new GeneratorOptions(Parts: 40, Tiers: 3, Seed: 5, HorizonHours: 96));
        string Criticality(int parallel)
        {
            using var csv = new StringWriter();
            CriticalityCsv.Write(csv, StressTest.Run(scenario, new StressTestOptions(DurationsHours: [24], Method: StressMethod.Lp, Parallelism: parallel)));
            return csv.ToString();
        }

        var one = Criticality(1);
        Assert.That(one, Does.Contain("lp_time_to_survive_h"));
        Assert.That(Criticality(3), Is.EqualTo(one));
    }

    [Test]
    public void Planning_with_the_lp_method_reports_each_target_solved_and_stops_when_cancelled()
    {
        var scenario = StressTestTests.ThinTier2DeepTier1().Build();
        var reports = new System.Collections.Concurrent.ConcurrentBag<int>();
        var plan = StressTest.Plan(scenario, new StressTestOptions(DurationsHours: [20], Method: StressMethod.Lp), new Counting(reports.Add));
        Assert.That(reports.Order(), Is.EqualTo(Enumerable.Range(1, plan.Targets.Count)));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.That(
            () => StressTest.Plan(scenario, new StressTestOptions(DurationsHours: [20], Method: StressMethod.Lp), cancellationToken: cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    /// <summary>L1 builds 60 an hour round the clock from 600 seats; T1 makes them to order, 120 an hour, for a kanban of 600 at 400, shipped hourly, 1 h on the road.</summary>
    private static ScenarioBuilder OneKanbanLane() => new ScenarioBuilder()
        .Horizon(48)
        .Part("SEAT")
        .Line("L1", "PLANT", 60, [("SEAT", 600)])
        .Supplier("T1", 1, "SEAT", capacityPerHour: 120)
        .Lane("T1-L1", "T1", "L1", "SEAT", ScenarioBuilder.Kanban(400, 600), transitHours: 1, dispatchEveryHours: 1);

    [Test]
    public void From_a_later_reference_time_the_lp_starts_from_what_the_run_holds_then_and_lets_orders_placed_before_through()
    {
        // L1 builds 60 an hour round the clock from 600 seats; T1 makes seats to order at 120 an hour; the kanban orders
        // 600 when the line's position falls to 400 (job 200, at 3.317 h), shipped every hour, one hour on the road.
        // At hour 4 the line holds 600 - 240 = 360 seats and T1 has made 82 of the 600 and shipped none.
        // T1 down from hour 4: nothing more comes, and the 360 seats last 6 h, in the LP and in the simulation (from the
        //   opening stocks, 600 seats and an hour of planned flow on the road, the LP said 11 h). Least loss over
        //   20 h: 1,200 jobs planned - 360 = 840.
        // T1's order transmission down from hour 4 (its ERP, no fallback): new orders stay with the line, but the 600
        //   ordered before are still made and shipped: 960 seats last 16 h, in both.
        var scenario = OneKanbanLane()
            .ItSystem("T1-ERP", ItFunction.OrderTransmission, ["T1"], owner: "T1CO")
            .Build() with { ReferenceHours = 4 };

        var result = StressTest.Run(scenario, new StressTestOptions(DurationsHours: [20], Method: StressMethod.Lp));

        var byId = result.Ranking.ToDictionary(e => e.Target.Id, e => e.Primary);
        Assert.Multiple(() =>
        {
            Assert.That(byId["T1"].Optimum!.TimeToSurviveHours, Is.EqualTo(6).Within(1e-6));
            Assert.That(byId["T1"].TimeToHaltHours, Is.EqualTo(6).Within(1e-6));
            Assert.That(byId["T1"].Optimum!.LostUnits, Is.EqualTo(840).Within(1e-6));
            Assert.That(byId["T1-ERP"].Optimum!.TimeToSurviveHours, Is.EqualTo(16).Within(1e-6));
            Assert.That(byId["T1-ERP"].TimeToHaltHours, Is.EqualTo(16).Within(1e-6));
        });
    }

    [Test]
    public void In_the_lp_goods_on_the_road_arrive_when_only_the_lane_is_down_as_in_the_runtime()
    {
        // The network above from hour 5.5: T1 shipped the 82 it had made at hour 4 (arrived at 5) and 120 at hour 5
        // (due at 6), so the line holds 600 - 330 + 82 = 352 seats with 120 on the road. The carrier's system (the
        // lane's logistics) going down stops the trucks leaving, not the one on its way, whose goods the line's own
        // goods receipt takes in: 472 seats last 472 / 60 = 7.867 h, in the LP and in the simulation.
        var scenario = OneKanbanLane()
            .ItSystem("CARRIER-TMS", ItFunction.Logistics, [], owner: "CARRIERCO", lanes: ["T1-L1"])
            .Build() with { ReferenceHours = 5.5 };

        var result = StressTest.Run(scenario, new StressTestOptions(DurationsHours: [20], Method: StressMethod.Lp));

        var carrier = result.Ranking.Single(e => e.Target.Id == "CARRIER-TMS").Primary;
        Assert.Multiple(() =>
        {
            Assert.That(carrier.Optimum!.TimeToSurviveHours, Is.EqualTo(472.0 / 60).Within(1e-6));
            Assert.That(carrier.TimeToHaltHours, Is.EqualTo(472.0 / 60).Within(1e-6));
        });
    }

    [Test]
    public void The_optima_shards_solve_for_their_own_targets_put_together_the_optimum_of_one_plan()
    {
        var scenario = StressTestTests.ThinTier2DeepTier1().Build();
        var options = new StressTestOptions(DurationsHours: [6, 20], Method: StressMethod.Lp);
        var whole = StressTest.Plan(scenario, options);
        var plan = StressTest.PlanRuns(scenario, options);
        var handed = new List<StressTargetOptimum>();
        var shards = Enumerable.Range(0, 3)
            .Select(i => StressTest.SolveOptimum(scenario, plan, options, plan.TargetsOfShard(i, 3), handed.Add))
            .ToList();

        var joined = plan.WithOptimum(shards.SelectMany(s => s).Reverse());

        Assert.Multiple(() =>
        {
            Assert.That(plan.Optimum, Is.Null);
            Assert.That(whole.Targets, Has.Count.GreaterThan(3));
            Assert.That(shards.Select((s, i) => s.All(o => o.Target % 3 == i)), Is.All.True);
            Assert.That(handed.Select(o => o.Target).Order(), Is.EqualTo(Enumerable.Range(0, whole.Targets.Count)));
            Assert.That(joined.Optimum!.Select(o => o.ToArray()), Is.EqualTo(whole.Optimum!.Select(o => o.ToArray())));
        });
    }

    [Test]
    public void Putting_optima_together_refuses_a_missing_target_a_target_given_twice_and_a_wrong_slot_count()
    {
        var scenario = StressTestTests.ThinTier2DeepTier1().Build();
        var options = new StressTestOptions(DurationsHours: [6, 20], Method: StressMethod.Lp);
        var plan = StressTest.PlanRuns(scenario, options);
        var optima = StressTest.SolveOptimum(scenario, plan, options, Enumerable.Range(0, plan.Targets.Count).ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(() => plan.WithOptimum(optima.Skip(1)), Throws.ArgumentException.With.Message.StartsWith($"the optimum of target 0 ({plan.Targets[0].Id}) is missing"));
            Assert.That(() => plan.WithOptimum([.. optima, optima[2]]), Throws.ArgumentException.With.Message.StartsWith($"the optimum of target 2 ({plan.Targets[2].Id}) is given twice"));
            Assert.That(
                () => plan.WithOptimum([optima[0] with { Slots = [optima[0].Slots[0]] }, .. optima.Skip(1)]),
                Throws.ArgumentException.With.Message.StartsWith($"the optimum of target 0 ({plan.Targets[0].Id}) has 1 duration slots, not 2"));
            Assert.That(
                () => StressTest.SolveOptimum(scenario, plan, options, [plan.Targets.Count]),
                Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    /// <summary>Reports on the caller's thread (Progress would post them later).</summary>
    private sealed class Counting(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    [Test]
    public void Without_the_lp_method_the_criticality_columns_are_unchanged()
    {
        var result = StressTest.Run(StressTestTests.ThinTier2DeepTier1().Build(), new StressTestOptions(DurationsHours: [20]));
        Assert.That(result.Ranking.All(e => e.Primary.Optimum is null));
        Assert.That(CriticalityCsv.Columns(result), Is.EqualTo(CriticalityCsv.BaseColumns));
    }

    [Test]
    public void A_shift_calendar_counts_only_open_hours()
    {
        // The published case on a clock open 8 h of every 24 from hour 0: TTS 2.25 open hours falls inside the
        // first shift; over a TTR of 26 h the clock is open 8 + 2 = 10 h: inventory 45 + capacity 105 x 10 against
        // demand 125 x 10 leaves 1,250 - 1,095 = 155 short.
        var spec = new CalendarSpec("shift", [new ShiftSpec([.. Enum.GetValues<DayOfWeek>()], new TimeOnly(0, 0), new TimeOnly(8, 0))], []);
        var clock = Calendar.Build(spec, new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero), 200);
        var model = Published(0);
        model = model with
        {
            Pools = [.. model.Pools.Select(p => p with { Clock = 0 })],
            Lines = [.. model.Lines.Select(l => l with { Clock = 0 })],
            Clocks = [clock],
        };
        Assert.That(SurvivalLp.TimeToSurviveHours(model, 100), Is.EqualTo(2.25).Within(1e-6));
        Assert.That(SurvivalLp.MinimumLoss(model, 26).LostUnits, Is.EqualTo(155).Within(1e-6));
    }

    [Test]
    public void The_first_failure_counts_even_when_the_night_shift_would_make_the_plan_feasible_again()
    {
        // A line on two shifts (06:00-22:00) builds 60 jobs/h from 300 pieces, fed by a second source making 39/h
        // around the clock (its first source is down). From 06:00 the stock falls 21/h and runs out after 300 / 21 =
        // 14.29 h, at 20:17. Over [0, T] with T at a later morning the night's output makes up for the day (at T = 24 h
        // demand 960, supply 300 + 936), and it does every morning until the 13th (300 + 936 k >= 960 k): the
        // time-to-survive is still the first failure, not one found by halving the search range over such mornings.
        var spec = new CalendarSpec("two-shift", [new ShiftSpec([.. Enum.GetValues<DayOfWeek>()], new TimeOnly(6, 0), new TimeOnly(22, 0))], []);
        var clock = Calendar.Build(spec, new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero), 800);
        var model = new SurvivalModel(
            [new SurvivalPool("B", 39)],
            [new SurvivalProduct("B/P1", 0, 0, [])],
            [new SurvivalStock("L1/P1", 300)],
            [new SurvivalLane("B->L1", 0, 0)],
            [new SurvivalLine("L1", 60, [new SurvivalUse(0, 1)], 1, Clock: 0)],
            [clock],
            StartHours: 6);

        Assert.That(SurvivalLp.TimeToSurviveHours(model, 700), Is.EqualTo(300.0 / 21).Within(1e-6));
    }

    /// <summary>Shifts a line or a supplier may work: two shifts, the early shift, the night shift, around the clock.</summary>
    private static readonly (int From, int To)[] Shifts = [(6, 22), (6, 14), (22, 6), (0, 0)];

    [Test]
    public void The_time_to_survive_is_the_first_hour_demand_cannot_be_met_on_a_fine_grid_of_hours()
    {
        // One line fed from its stock and one supplier, on random shifts, rates in tens of pieces per hour: the LP's
        // time-to-survive must be the first failure that the least loss over [0, T] shows on a half-hour grid
        // (every T before it meets demand, T just after it does not), and none when no grid point fails.
        var cases =
            from lineRate in Gen.Int[1, 10]
            from capacity in Gen.Int[0, 15]
            from stock in Gen.Int[0, 100]
            from finished in Gen.Int[0, 50]
            from lineShift in Gen.Int[0, Shifts.Length - 1]
            from supplierShift in Gen.Int[0, Shifts.Length - 1]
            from start in Gen.Int[0, 47]
            select (LineRate: 10.0 * lineRate, Capacity: 10.0 * capacity, Stock: 10.0 * stock, Finished: 10.0 * finished, lineShift, supplierShift, Start: (double)start);
        const double limit = 72, step = 0.5;
        cases.Sample(
            c =>
            {
                var model = new SurvivalModel(
                    [new SurvivalPool("S", c.Capacity, Clock: 1)],
                    [new SurvivalProduct("S/P", 0, c.Finished, [])],
                    [new SurvivalStock("L/P", c.Stock)],
                    [new SurvivalLane("S->L", 0, 0)],
                    [new SurvivalLine("L", c.LineRate, [new SurvivalUse(0, 1)], 1, Clock: 0)],
                    [ShiftClock(Shifts[c.lineShift]), ShiftClock(Shifts[c.supplierShift])],
                    c.Start);
                bool Short(double hours) => SurvivalLp.MinimumLoss(model, hours).LostUnits > 1e-6;
                var survive = SurvivalLp.TimeToSurviveHours(model, limit);
                var firstShort = Enumerable.Range(1, (int)(limit / step)).Select(k => k * step).FirstOrDefault(Short, double.NaN);
                if (survive is null)
                {
                    if (!double.IsNaN(firstShort))
                    {
                        throw new AssertionException($"survives the limit, but demand is not met over {firstShort} h");
                    }

                    return;
                }

                if (firstShort < survive - 1e-6)
                {
                    throw new AssertionException($"survives {survive} h, but demand is not met over {firstShort} h");
                }

                if (survive + 0.05 < limit && !Short(survive.Value + 0.05))
                {
                    throw new AssertionException($"survives {survive} h, but demand is met over {survive + 0.05} h");
                }
            },
            iter: PropertyRuns.Count(40),
            print: c => c.ToString());
    }

    /// <summary>A clock open every day from one hour to another (an end at or before the start crosses midnight: 0-0 is around the clock).</summary>
    private static Calendar ShiftClock((int From, int To) shift) => Calendar.Build(
        new CalendarSpec($"{shift.From}-{shift.To}", [new ShiftSpec([.. Enum.GetValues<DayOfWeek>()], new TimeOnly(shift.From, 0), new TimeOnly(shift.To, 0))], []),
        new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero),
        200);

    [Test]
    public void The_published_case_as_a_scenario_gives_the_published_figures_and_the_simulation_stays_below_them()
    {
        // scenarios/three-sources-shared-capacity.yaml: each supplier's capacity is one constraint over P1 and P2, so
        // the LP reads the published case. The simulation keeps the written shares (P1 0.2 / 0.32 / 0.48, P2 0.24 /
        // 0.36 / 0.4) and fails over by them, each sibling only up to its spare capacity: its capacity split by planned
        // demand (S1 15 : 12, S2 24 : 18, S3 36 : 20). With S1 down, S2 gives P1 45 x 24 / 42 = 25.71 and P2 19.29,
        // S3 60 x 36 / 56 = 38.57 and 21.43: P1 gets 64.29 of 75 (10.71 short), P2 40.71 of 50 (9.29 short). S2 or S3
        // down: S1 16.67 + 13.33, and S3 38.57 + 21.43 or S2 25.71 + 19.29, so P1 is 19.76 or 32.62 short.
        // A line holds at most its 20 pieces, and at least 20 less one lot on the way (0.05 h of 75 = 3.75), less
        // what the failed source made since its last truck (at most as much) and a piece: P1 halts first, between
        // (20 - 3.75 - 3.75 - 1) / short and 20 / short after the failure, before the LP's time-to-survive.
        var scenario = ScenarioLoader.Load(RepositoryFiles.PathOf("scenarios", "three-sources-shared-capacity.yaml")).Scenario!;
        var result = StressTest.Run(scenario, new StressTestOptions(DurationsHours: [24], Method: StressMethod.Lp));
        var byId = result.Ranking.ToDictionary(e => e.Target.Id, e => e.Primary);
        (string Id, double Lp, double Short)[] expected =
        [
            ("S1", 2.25, 75 - (45.0 * 24 / 42) - (60.0 * 36 / 56)),
            ("S2", 45.0 / 35, 75 - (30.0 * 15 / 27) - (60.0 * 36 / 56)),
            ("S3", 0.9, 75 - (30.0 * 15 / 27) - (45.0 * 24 / 42)),
        ];
        Assert.Multiple(() =>
        {
            foreach (var (id, lp, shortfall) in expected)
            {
                Assert.That(byId[id].Optimum!.TimeToSurviveHours, Is.EqualTo(lp).Within(1e-6), id);
                Assert.That(byId[id].TimeToHaltHours, Is.InRange((20 - 3.75 - 3.75 - 1) / shortfall, 20 / shortfall), id);
                Assert.That(byId[id].TimeToHaltHours, Is.LessThan(lp), id);
                Assert.That(byId[id].LinesHalted, Is.EqualTo(new[] { "LINE-P1", "LINE-P2" }), id);
            }
        });
    }

    [TestCase("S1", 105.0, (45.0 * 24 / 42) + (60.0 * 36 / 56))]
    [TestCase("S2", 90.0, double.NaN)]
    [TestCase("S3", 75.0, (30.0 * 15 / 27) + (45.0 * 24 / 42))]
    public void In_the_published_case_no_capacity_idles_while_both_lines_are_short(string failed, double capacityLeft, double p1PerHour)
    {
        // Both lines are starved from about hour 12 to the end of the outage (hour 34): they build what the two
        // remaining suppliers make, which is all of their capacity. With S1 or S3 down each line gets the split above;
        // with S2 down S1 receives P1 call-offs by its share (0.29 of what LINE-P1 builds, 16.2 an hour), less than its
        // 16.67, so it lends the rest to P2: the total holds, the split does not.
        var scenario = ScenarioLoader.Load(RepositoryFiles.PathOf("scenarios", "three-sources-shared-capacity.yaml")).Scenario!;
        scenario = scenario with { Disruptions = [scenario.Disruptions[0] with { Targets = [failed] }] };
        var run = Simulation.Run(Network.Build(scenario), 1, new RunOptions());
        double Rate(string line) =>
            (run.Samples.Single(s => s.Entity == line && s.Metric == SampleMetrics.ProducedUnits && s.TimeHours == 34).Value
             - run.Samples.Single(s => s.Entity == line && s.Metric == SampleMetrics.ProducedUnits && s.TimeHours == 14).Value) / 20;

        // Whole jobs over 20 h: within 1 job a line.
        Assert.That(Rate("LINE-P1") + Rate("LINE-P2"), Is.EqualTo(capacityLeft).Within(0.1));
        if (!double.IsNaN(p1PerHour))
        {
            Assert.That(Rate("LINE-P1"), Is.EqualTo(p1PerHour).Within(0.06));
        }
    }
}
