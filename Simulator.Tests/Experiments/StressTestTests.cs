using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Output;
using Simulator.Tests.Scenarios;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Experiments;

/// <summary>Stress tests of tiny networks whose answers are computed by hand in the comments.</summary>
public sealed class StressTestTests
{
    /// <summary>
    /// One line L1 (60 jobs/h, round the clock) builds with a seat and a door. Seats come in sequence from T1-SEATS,
    /// which moulds nothing itself: it needs one FOAM per seat from T2-FOAM, and holds only 3 h of foam. Doors come by
    /// kanban from T1-DOORS, with 10 h of doors at the line. T3-SPARE makes a part nobody uses. Every outage starts at
    /// hour 0 (the builder's reference time).
    /// </summary>
    internal static ScenarioBuilder ThinTier2DeepTier1() => new ScenarioBuilder()
        .Horizon(48)
        .Part("SEAT").Part("FOAM").Part("DOOR").Part("SPARE")
        .Line("L1", "PLANT", 60, [("SEAT", 120), ("DOOR", 600)])
        .Supplier("T1-SEATS", 1, "SEAT", capacityPerHour: 120, finishedUnits: 60, inputs: [("FOAM", 1, 180)])
        .Supplier("T2-FOAM", 2, "FOAM", capacityPerHour: 200)
        .Supplier("T1-DOORS", 1, "DOOR", capacityPerHour: 200, finishedUnits: 1000)
        .Supplier("T3-SPARE", 3, "SPARE", capacityPerHour: 10, finishedUnits: 10)
        .Lane("T1-L1", "T1-SEATS", "L1", "SEAT", Sequence(1))
        .Lane("T2-T1", "T2-FOAM", "T1-SEATS", "FOAM", Kanban(180, 60))
        .Lane("DOORS-L1", "T1-DOORS", "L1", "DOOR", Kanban(120, 120));

    private static StressTestResult Stress(ScenarioSpec scenario, StressTestOptions options) => StressTest.Run(scenario, options);

    [Test]
    public void A_tier2_with_thin_stock_downstream_ranks_above_a_tier1_with_deep_stock()
    {
        // Every target down 0..20 h.
        // T2-FOAM: what is left for the line is 120 seats at the line + 60 called off before hour 0 + 60 finished at
        //   T1-SEATS + 180 foam at T1-SEATS (one per seat) = 420 seats = 7 h at 60/h: halt at 7 h, and no seat is built
        //   until foam flows again after 20 h: at least (20 - 7) h x 60 = 780 units lost.
        // T1-DOORS: 600 doors at the line = 10 h; the kanban order raised at 120 doors (hour 8) cannot reach the
        //   supplier: halt at 10 h, restart at the first dispatch after 20 h: about (20 - 10) h x 60 = 600 units lost.
        // So the hidden Tier-2 costs more and stops the line sooner than the Tier-1 in front of it.
        var result = Stress(ThinTier2DeepTier1().Build(), new StressTestOptions(DurationsHours: [20]));
        var byId = result.Ranking.ToDictionary(e => e.Target.Id);
        var foam = byId["T2-FOAM"];
        var doors = byId["T1-DOORS"];

        Assert.Multiple(() =>
        {
            Assert.That(foam.Primary.TimeToHaltHours, Is.EqualTo(7).Within(1e-9));
            Assert.That(doors.Primary.TimeToHaltHours, Is.EqualTo(10).Within(1e-9));
            Assert.That(foam.Primary.LostUnits, Is.GreaterThanOrEqualTo(780));
            Assert.That(doors.Primary.LostUnits, Is.InRange(600, 630));
            Assert.That(foam.Rank, Is.LessThan(doors.Rank));
            Assert.That(foam.Target.IsHidden, Is.True);
            Assert.That(doors.Target.IsHidden, Is.False);
            Assert.That(foam.Primary.NeedsMitigation, Is.True, "7 h to halt < 20 h down");
            Assert.That(foam.Primary.LinesHalted, Is.EqualTo(new[] { "L1" }));
            Assert.That(foam.Primary.PlantsHalted, Is.EqualTo(new[] { "PLANT" }));
            Assert.That(result.Ranking.Select(e => e.Rank), Is.EqualTo(Enumerable.Range(1, result.Ranking.Count)));
            Assert.That(result.Ranking[0].Primary.RiskExposureIndex, Is.EqualTo(1));
        });
    }

    [Test]
    public void Risk_exposure_weighs_lost_units_by_line_margin_where_the_scenario_gives_one()
    {
        // Both suppliers down 0..20 h with 2 h of seats at their line: CHEAP (120/h, margin 100) loses about twice the
        // units of PREMIUM (60/h, margin 5,000), but PREMIUM's loss is worth 25 times as much per unit.
        var scenario = new ScenarioBuilder()
            .Horizon(48)
            .Part("SEAT")
            .Line("CHEAP", "P1", 120, [("SEAT", 240)])
            .Line("PREMIUM", "P2", 60, [("SEAT", 120)])
            .Supplier("T1-A", 1, "SEAT", capacityPerHour: 300)
            .Supplier("T1-B", 1, "SEAT", capacityPerHour: 300)
            .Lane("A-CHEAP", "T1-A", "CHEAP", "SEAT", Sequence(1))
            .Lane("B-PREMIUM", "T1-B", "PREMIUM", "SEAT", Sequence(1))
            .Build();
        double Margin(string line) => line == "CHEAP" ? 100 : 5000;
        scenario = scenario with
        {
            Plants = scenario.Plants.Select(p => p with { Lines = p.Lines.Select(l => l with { MarginPerUnit = Margin(l.Id) }).ToList() }).ToList(),
        };

        var result = Stress(scenario, new StressTestOptions(DurationsHours: [20]));
        var a = result.Ranking.Single(e => e.Target.Id == "T1-A").Primary;
        var b = result.Ranking.Single(e => e.Target.Id == "T1-B").Primary;

        Assert.Multiple(() =>
        {
            Assert.That(a.LostUnits, Is.GreaterThan(b.LostUnits));
            Assert.That(a.LostMargin, Is.EqualTo(a.LostUnits * 100).Within(1e-6));
            Assert.That(b.LostMargin, Is.EqualTo(b.LostUnits * 5000).Within(1e-6));
            Assert.That(b.RiskExposureIndex, Is.EqualTo(1));
            Assert.That(a.RiskExposureIndex, Is.EqualTo(a.LostMargin / b.LostMargin).Within(1e-12));
            Assert.That(CriticalityCsv.Columns(result), Does.Contain("lost_margin"));
        });
    }

    [Test]
    public void Ranking_is_by_lost_units_then_time_to_halt_then_id()
    {
        var result = Stress(ThinTier2DeepTier1().Build(), new StressTestOptions(DurationsHours: [20]));

        for (var i = 1; i < result.Ranking.Count; i++)
        {
            var (before, after) = (result.Ranking[i - 1], result.Ranking[i]);
            var halt = (before.Primary.TimeToHaltHours ?? double.PositiveInfinity, after.Primary.TimeToHaltHours ?? double.PositiveInfinity);
            var inOrder = before.Primary.LostUnits > after.Primary.LostUnits
                || (before.Primary.LostUnits == after.Primary.LostUnits && (halt.Item1 < halt.Item2
                    || (halt.Item1 == halt.Item2 && string.CompareOrdinal(before.Target.Id, after.Target.Id) < 0)));
            Assert.That(inOrder, Is.True, $"{before.Target.Id} before {after.Target.Id}");
        }
    }

    [Test]
    public void A_node_with_no_downstream_line_is_listed_with_zero_loss()
    {
        // T3-SPARE's part is used by nobody: its outage stops nothing, and it still has a row.
        var result = Stress(ThinTier2DeepTier1().Build(), new StressTestOptions(DurationsHours: [20]));
        var spare = result.Ranking.Single(e => e.Target.Id == "T3-SPARE");

        Assert.Multiple(() =>
        {
            Assert.That(spare.Primary.LostUnits, Is.Zero);
            Assert.That(spare.Primary.TimeToHaltHours, Is.Null);
            Assert.That(spare.Primary.LinesHalted, Is.Empty);
            Assert.That(spare.Primary.NeedsMitigation, Is.False);
            Assert.That(spare.Primary.RiskExposureIndex, Is.Zero);
            Assert.That(spare.Primary.TimeToRecoverHours, Is.Null);
            Assert.That(spare.Rank, Is.EqualTo(result.Ranking.Count));
        });
    }

    [Test]
    public void Every_target_is_down_72_hours_unless_a_duration_is_given_or_its_own_recovery_time_is_asked_for()
    {
        var scenario = ThinTier2DeepTier1().Horizon(120).Build();
        scenario = scenario with { Suppliers = scenario.Suppliers.Select(s => s.Id == "T2-FOAM" ? s with { RecoveryHours = 30 } : s).ToList() };

        var standard = Stress(scenario, new StressTestOptions());
        var own = Stress(scenario, new StressTestOptions(OwnRecovery: true));
        var given = Stress(scenario, new StressTestOptions(DurationsHours: [12]));

        Assert.Multiple(() =>
        {
            Assert.That(standard.Ranking.Select(e => e.Primary.DurationHours), Is.All.EqualTo(StressTest.DefaultDurationHours));
            Assert.That(standard.DurationsHours, Is.EqualTo(new[] { StressTest.DefaultDurationHours }));
            Assert.That(own.DurationsHours, Is.Empty);
            Assert.That(() => Stress(scenario, new StressTestOptions(DurationsHours: [12], OwnRecovery: true)), Throws.TypeOf<InvalidOptionsException>());
            Assert.That(own.Ranking.Single(e => e.Target.Id == "T2-FOAM").Primary.DurationHours, Is.EqualTo(30));
            Assert.That(own.Ranking.Single(e => e.Target.Id == "T1-DOORS").Primary.DurationHours, Is.EqualTo(StressTest.DefaultDurationHours));
            Assert.That(given.Ranking.Select(e => e.Primary.DurationHours), Is.All.EqualTo(12));
        });
    }

    [Test]
    public void Time_to_halt_against_the_outage_length_decides_mitigation()
    {
        // T1-DOORS halts the line 10 h into its outage: a 6 h outage is over before that, a 12 h one is not.
        var result = Stress(ThinTier2DeepTier1().Build(), new StressTestOptions(DurationsHours: [6, 12]));
        var doors = result.Ranking.Single(e => e.Target.Id == "T1-DOORS");

        Assert.Multiple(() =>
        {
            Assert.That(doors.Outcomes.Select(o => o.DurationHours), Is.EqualTo(new[] { 6.0, 12.0 }));
            Assert.That(doors.Outcomes[0].TimeToHaltHours, Is.Null);
            Assert.That(doors.Outcomes[0].NeedsMitigation, Is.False);
            Assert.That(doors.Outcomes[1].TimeToHaltHours, Is.EqualTo(10).Within(1e-9));
            Assert.That(doors.Outcomes[1].NeedsMitigation, Is.True);
        });
    }

    [Test]
    public void Targets_are_suppliers_it_systems_and_providers_with_the_lowest_dependent_tier()
    {
        var scenario = ThinTier2DeepTier1()
            .ItSystem("FOAM-ERP", ItFunction.OrderTransmission, ["T2-FOAM"], owner: "CLOUDCO")
            .ItSystem("TMS", ItFunction.Logistics, [], owner: "CLOUDCO", lanes: ["T2-T1", "DOORS-L1"])
            .ItSystem("MES", ItFunction.ProductionControl, ["PLANT"], owner: "PLANT")
            .Build();

        var targets = StressTarget.AllOf(scenario).ToDictionary(t => t.Id);

        Assert.Multiple(() =>
        {
            Assert.That(targets.Keys, Is.EquivalentTo(new[] { "T1-SEATS", "T2-FOAM", "T1-DOORS", "T3-SPARE", "FOAM-ERP", "TMS", "MES", "CLOUDCO" }));
            Assert.That(targets["FOAM-ERP"].Tier, Is.EqualTo(2));
            Assert.That(targets["TMS"].Tier, Is.EqualTo(1), "lanes count as the tier of the supplier that ships");
            Assert.That(targets["MES"].Tier, Is.EqualTo(0));
            Assert.That(targets["CLOUDCO"].Kind, Is.EqualTo(StressTargetKind.Provider));
            Assert.That(targets["CLOUDCO"].Tier, Is.EqualTo(1));
            Assert.That(targets["MES"].KindName, Is.EqualTo("it_system"));
        });
    }

    [Test]
    public void Results_are_identical_whatever_the_thread_count()
    {
        // The bundled quick start has random transit times: replications differ, threads must not.
        var scenario = ScenarioLoader.Load(RepositoryFiles.PathOf("scenarios", "quickstart.yaml")).Scenario!;
        var options = new StressTestOptions(DurationsHours: [24, 72], Replications: 2, Seed: 11);

        var one = Csv(Stress(scenario, options with { Parallelism = 1 }));
        var two = Csv(Stress(scenario, options with { Parallelism = 2 }));

        Assert.That(two, Is.EqualTo(one));
    }

    [Test]
    public void Unknown_policy_and_bad_options_are_rejected()
    {
        var scenario = ThinTier2DeepTier1().Build();
        Assert.Multiple(() =>
        {
            Assert.That(() => Stress(scenario, new StressTestOptions(Policy: "nope")), Throws.TypeOf<InvalidOptionsException>());
            Assert.That(() => Stress(scenario, new StressTestOptions(DurationsHours: [0])), Throws.TypeOf<InvalidOptionsException>());
            Assert.That(() => Stress(scenario, new StressTestOptions(Replications: 0)), Throws.TypeOf<InvalidOptionsException>());
        });
    }

    [Test]
    public void Csv_header_is_exactly_the_contract()
    {
        var text = Csv(Stress(ThinTier2DeepTier1().Build(), new StressTestOptions(DurationsHours: [20])));

        Assert.That(
            text.Split('\n')[0],
            Is.EqualTo("rank,node,kind,tier,duration_h,time_to_halt_h,lines_halted,plants_halted,lost_units,time_to_recover_h,needs_mitigation,risk_exposure_index"));
        Assert.That(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(5));
    }

    [Test]
    public void Several_durations_add_one_column_set_each_and_replications_a_censored_count()
    {
        var result = Stress(ThinTier2DeepTier1().Build(), new StressTestOptions(DurationsHours: [6, 12], Replications: 2));
        var header = Csv(result).Split('\n')[0].Split(',');

        Assert.Multiple(() =>
        {
            Assert.That(header.Take(12), Is.EqualTo(CriticalityCsv.BaseColumns));
            Assert.That(header[12], Is.EqualTo("censored_runs"));
            Assert.That(header.Skip(13), Is.EqualTo(new[]
            {
                "time_to_halt_h_at_6h", "lines_halted_at_6h", "plants_halted_at_6h", "lost_units_at_6h", "time_to_recover_h_at_6h",
                "needs_mitigation_at_6h", "risk_exposure_index_at_6h", "censored_runs_at_6h",
                "time_to_halt_h_at_12h", "lines_halted_at_12h", "plants_halted_at_12h", "lost_units_at_12h", "time_to_recover_h_at_12h",
                "needs_mitigation_at_12h", "risk_exposure_index_at_12h", "censored_runs_at_12h",
            }));
        });
    }

    [Test]
    public void The_results_folder_holds_the_csv_a_1600_by_900_chart_and_the_manifest()
    {
        var result = Stress(ThinTier2DeepTier1().Build(), new StressTestOptions(DurationsHours: [20]));
        var folder = Path.Combine(Path.GetTempPath(), "linesim-stress-" + Guid.NewGuid().ToString("N"));
        try
        {
            var manifest = new RunManifest("test", null, null, "test", [result.Policy], result.Seed, 1, result.HorizonHours, "linesim stress", DateTimeOffset.UnixEpoch, 0, result.ProcessedEvents);
            var written = CriticalityWriter.Write(folder, result, manifest);

            Assert.Multiple(() =>
            {
                Assert.That(written, Is.EquivalentTo(new[] { CriticalityCsv.FileName, CriticalityCsv.LongFileName, CriticalityWriter.ChartFile, "criticality.svg", ResultsWriter.ManifestFile }));
                Assert.That(Directory.GetFileSystemEntries(folder).Select(Path.GetFileName), Is.EquivalentTo(written));
                Assert.That(PngHeader.Size(Path.Combine(folder, CriticalityWriter.ChartFile)), Is.EqualTo((1600, 900)));
            });
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Csv(StressTestResult result)
    {
        using var writer = new StringWriter();
        CriticalityCsv.Write(writer, result);
        return writer.ToString();
    }
}
