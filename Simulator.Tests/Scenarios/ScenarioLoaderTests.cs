using Simulator.Model.Specs;
using Simulator.Scenarios;

namespace Simulator.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    private const string Complete = """
        name: Complete
        description: Every construct once
        start: 2025-09-01T06:00:00+01:00
        horizon_hours: 168
        sample_every_hours: 0.5
        holding_cost_rate_per_year: 0.2
        calendars:
          - id: two-shift
            shifts:
              - { days: [mon, Tuesday, WED, thu, fri], start: "06:00", end: "22:00" }
              - { days: [sat], start: "22:00", end: "24:00" }
            holidays: [2025-12-25, 2025-12-26]
        parts:
          - { id: SEAT, description: Front seat set, unit_cost: 850, kind: jis }
          - { id: FOAM, unit_cost: 12.5, kind: jit }
          - { id: CLIPS, kind: bulk }
          - { id: GLASS }
        plants:
          - id: SOL
            name: Solihull
            lines:
              - id: SOL-A
                rate_per_hour: 30
                calendar: two-shift
                restart: { stock_hours: 1, ramp_up_hours: 8 }
                bom:
                  - { part: SEAT, quantity: 1 }
                  - { part: CLIPS, quantity: 40 }
                  - { part: GLASS, quantity: 1 }
                stock:
                  - { part: SEAT, initial: 4h, maximum: 8h }
                  - { part: CLIPS, initial: 2 days }
                  - { part: GLASS, initial: 240u, maximum: 300 }
          - id: CAS
            lines:
              - { id: CAS-A, rate_per_hour: 20, bom: [ { part: GLASS, quantity: 2 } ] }
        suppliers:
          - id: T1-SEATS
            name: Seat maker
            tier: 1
            calendar: two-shift
            recovery_hours: 72
            products:
              - part: SEAT
                capacity_per_hour: 40
                inputs: [ { part: FOAM, quantity: 2 } ]
                finished: { initial: 10 }
            input_stock:
              - { part: FOAM, initial: 2d, target: 3d }
          - id: T2-FOAM
            tier: 2
            products:
              - { part: FOAM, capacity_per_hour: 100, finished: { initial: 1d, target: 2d } }
          - id: T1-MISC
            tier: 1
            products:
              - { part: CLIPS, capacity_per_hour: 5000 }
              - { part: GLASS, capacity_per_hour: 100 }
        lanes:
          - id: SEATS-TO-SOL-A
            from: T1-SEATS
            to: SOL-A
            part: SEAT
            transit_hours: 1.5
            dispatch_every_hours: 0.5
            trigger: { kind: sequence, lead_hours: 2 }
          - { id: FOAM-IN, from: T2-FOAM, to: T1-SEATS, part: FOAM, transit_hours: { dist: normal, mean: 6, std: 1 }, trigger: { kind: base_stock, review_hours: 8, order_up_to: 2d } }
          - { id: CLIPS-IN, from: T1-MISC, to: SOL-A, part: CLIPS, transit_hours: { dist: fixed, value: 24 }, dispatch_every_hours: 24, trigger: { kind: schedule, review_hours: 24, quantity: 500 } }
          - { id: GLASS-1, from: T1-MISC, to: SOL-A, part: GLASS, transit_hours: 2, trigger: { kind: kanban, reorder_point: 2h, quantity: 100u }, share: 0.7 }
          - { id: GLASS-2, from: T1-MISC, to: SOL-A, part: GLASS, transit_hours: 3, trigger: { kind: kanban, reorder_point: 2h, quantity: 100u }, share: 0.3, qualification_hours: 48 }
          - { id: GLASS-CAS, from: T1-MISC, to: CAS-A, part: GLASS, transit_hours: 2, trigger: { kind: schedule, review_hours: 12 } }
        it_systems:
          - id: OEM-EDI
            owner: OEM-IT
            functions: [order_transmission, logistics]
            nodes: [SOL]
            lanes: [GLASS-1]
            fallback: { activation_hours: 24, capacity_fraction: 0.3 }
            recovery_hours: 48
          - { id: MES, owner: SOL, functions: [production_control], nodes: [SOL-A] }
        disruptions:
          - id: late
            targets: [T1-SEATS]
            start: 30
            duration_hours: { dist: triangular, min: 10, mode: 20, max: 40 }
          - id: edi-outage
            targets: [OEM-IT]
            start: 2025-09-01T16:30:00+01:00
            duration_hours: 120
            recovery:
              ramp_up_hours: 8
              phases: [ { nodes: [SOL], after_hours: 24, functions: [order_transmission, logistics] } ]
        policies:
          - id: lean
            description: Two hours at the line
            line_side_cover_hours: { set: 2 }
            supplier_stock_days_by_tier: { 1: { set: 0.5 }, 2: { at_least: 2 } }
            parts: [ { part: SEAT, line_side: { at_least: 8h }, supplier_finished: { set: 1d } } ]
            fallback: false
          - { id: plain }

        """;

    private static ScenarioSpec LoadComplete()
    {
        var result = ScenarioLoader.Parse(Complete, "complete.yaml");
        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        Assert.That(result.IsValid, Is.True);
        return result.Scenario!;
    }

    [Test]
    public void Complete_example_reads_scenario_settings_and_defaults()
    {
        var s = LoadComplete();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Name, Is.EqualTo("Complete"));
            Assert.That(s.Description, Is.EqualTo("Every construct once"));
            Assert.That(s.Start, Is.EqualTo(new DateTimeOffset(2025, 9, 1, 6, 0, 0, TimeSpan.FromHours(1))));
            Assert.That(s.HorizonHours, Is.EqualTo(168));
            Assert.That(s.SampleEveryHours, Is.EqualTo(0.5));
            Assert.That(s.HoldingCostRatePerYear, Is.EqualTo(0.2));
            Assert.That(s.ReferenceHours, Is.EqualTo(10.5), "earliest disruption start when reference_hours is absent");
            Assert.That(s.SourcePath, Is.Null);
        }
    }

    [Test]
    public void Complete_example_reads_calendars_with_day_names_and_end_of_day()
    {
        var calendar = LoadComplete().Calendars.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calendar.Id, Is.EqualTo("two-shift"));
            Assert.That(calendar.Shifts[0].Days, Is.EqualTo(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }));
            Assert.That(calendar.Shifts[0].Start, Is.EqualTo(new TimeOnly(6, 0)));
            Assert.That(calendar.Shifts[0].End, Is.EqualTo(new TimeOnly(22, 0)));
            Assert.That(calendar.Shifts[1].End, Is.EqualTo(TimeOnly.MinValue), "24:00 is midnight, crossing into the next day");
            Assert.That(calendar.Holidays, Is.EqualTo(new[] { new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26) }));
        }
    }

    [Test]
    public void Complete_example_reads_parts_with_defaults()
    {
        var parts = LoadComplete().Parts;

        Assert.That(parts, Is.EqualTo(new[]
        {
            new PartSpec("SEAT", "Front seat set", 850, PartKind.Jis),
            new PartSpec("FOAM", string.Empty, 12.5, PartKind.Jit),
            new PartSpec("CLIPS", string.Empty, 0, PartKind.Bulk),
            new PartSpec("GLASS", string.Empty, 0, PartKind.Jit),
        }));
    }

    [Test]
    public void Complete_example_reads_lines_stocks_and_restart_rules()
    {
        var s = LoadComplete();
        var line = s.Plants[0].Lines[0];
        var other = s.Plants[1].Lines[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Plants[0].Name, Is.EqualTo("Solihull"));
            Assert.That(s.Plants[1].Name, Is.EqualTo("CAS"), "name defaults to the id");
            Assert.That(line.PlantId, Is.EqualTo("SOL"));
            Assert.That(line.RatePerHour, Is.EqualTo(30));
            Assert.That(line.CalendarId, Is.EqualTo("two-shift"));
            Assert.That(line.Restart, Is.EqualTo(new RestartRule(1, 8, 0.5)), "ramp_start_fraction defaults to 0.5");
            Assert.That(line.Bom, Is.EqualTo(new[] { new BomItem("SEAT", 1), new BomItem("CLIPS", 40), new BomItem("GLASS", 1) }));
            Assert.That(line.Stocks[0], Is.EqualTo(new LineStockSpec("SEAT", StockAmount.InHours(4), StockAmount.InHours(8))));
            Assert.That(line.Stocks[1], Is.EqualTo(new LineStockSpec("CLIPS", StockAmount.InDays(2), null)));
            Assert.That(line.Stocks[2], Is.EqualTo(new LineStockSpec("GLASS", StockAmount.InUnits(240), StockAmount.InUnits(300))));
            Assert.That(other.CalendarId, Is.EqualTo(CalendarSpec.AlwaysOpenId));
            Assert.That(other.Restart, Is.SameAs(RestartRule.Immediate));
            Assert.That(other.Stocks, Is.Empty);
        }
    }

    [Test]
    public void Complete_example_reads_suppliers_products_and_stocks()
    {
        var suppliers = LoadComplete().Suppliers;
        var seats = suppliers[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seats.Name, Is.EqualTo("Seat maker"));
            Assert.That(seats.Tier, Is.EqualTo(1));
            Assert.That(seats.CalendarId, Is.EqualTo("two-shift"));
            Assert.That(seats.RecoveryHours, Is.EqualTo(72));
            Assert.That(seats.Products[0].CapacityPerHour, Is.EqualTo(40));
            Assert.That(seats.Products[0].Inputs, Is.EqualTo(new[] { new BomItem("FOAM", 2) }));
            Assert.That(seats.Products[0].FinishedInitial, Is.EqualTo(StockAmount.InUnits(10)));
            Assert.That(seats.Products[0].FinishedTarget, Is.EqualTo(StockAmount.InUnits(10)), "target defaults to initial");
            Assert.That(seats.InputStocks, Is.EqualTo(new[] { new InputStockSpec("FOAM", StockAmount.InDays(2), StockAmount.InDays(3)) }));
            Assert.That(suppliers[1].Products[0].FinishedTarget, Is.EqualTo(StockAmount.InDays(2)));
            Assert.That(suppliers[1].Name, Is.EqualTo("T2-FOAM"));
            Assert.That(suppliers[1].CalendarId, Is.EqualTo(CalendarSpec.AlwaysOpenId));
            Assert.That(suppliers[1].RecoveryHours, Is.Null);
            Assert.That(suppliers[2].Products[0].FinishedInitial, Is.EqualTo(StockAmount.Zero));
            Assert.That(suppliers[2].Products[0].FinishedTarget, Is.EqualTo(StockAmount.Zero));
        }
    }

    [Test]
    public void Complete_example_reads_lanes_triggers_and_distributions()
    {
        var lanes = LoadComplete().Lanes.ToDictionary(l => l.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lanes["SEATS-TO-SOL-A"], Is.EqualTo(new LaneSpec(
                "SEATS-TO-SOL-A", "T1-SEATS", "SOL-A", "SEAT", DistributionSpec.Fixed(1.5), 0.5, new TriggerSpec(TriggerKind.Sequence, LeadHours: 2))));
            Assert.That(lanes["FOAM-IN"].TransitHours, Is.EqualTo(new DistributionSpec(DistributionKind.Normal, Mean: 6, Std: 1)));
            Assert.That(lanes["FOAM-IN"].DispatchEveryHours, Is.EqualTo(1), "dispatch cadence defaults to 1 h");
            Assert.That(lanes["FOAM-IN"].Trigger, Is.EqualTo(new TriggerSpec(TriggerKind.BaseStock, ReviewHours: 8, OrderUpTo: StockAmount.InDays(2))));
            Assert.That(lanes["CLIPS-IN"].TransitHours, Is.EqualTo(DistributionSpec.Fixed(24)));
            Assert.That(lanes["CLIPS-IN"].Trigger, Is.EqualTo(new TriggerSpec(TriggerKind.Schedule, ReviewHours: 24, Quantity: StockAmount.InUnits(500))));
            Assert.That(lanes["GLASS-CAS"].Trigger, Is.EqualTo(new TriggerSpec(TriggerKind.Schedule, ReviewHours: 12)));
            Assert.That(lanes["GLASS-1"].Trigger, Is.EqualTo(new TriggerSpec(TriggerKind.Kanban, ReorderPoint: StockAmount.InHours(2), Quantity: StockAmount.InUnits(100))));
            Assert.That(lanes["GLASS-1"].Share, Is.EqualTo(0.7));
            Assert.That(lanes["GLASS-1"].QualificationHours, Is.EqualTo(0));
            Assert.That(lanes["GLASS-2"].QualificationHours, Is.EqualTo(48));
            Assert.That(lanes["SEATS-TO-SOL-A"].Share, Is.EqualTo(1));
        }
    }

    [Test]
    public void Complete_example_reads_it_systems_disruptions_and_policies()
    {
        var s = LoadComplete();
        var edi = s.ItSystems[0];
        var outage = s.Disruptions[1];
        var lean = s.Policies[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(edi.Functions, Is.EqualTo(ItFunction.OrderTransmission | ItFunction.Logistics));
            Assert.That(edi.Owner, Is.EqualTo("OEM-IT"));
            Assert.That(edi.DependentNodes, Is.EqualTo(new[] { "SOL" }));
            Assert.That(edi.DependentLanes, Is.EqualTo(new[] { "GLASS-1" }));
            Assert.That(edi.Fallback, Is.EqualTo(new FallbackSpec(24, 0.3)));
            Assert.That(edi.RecoveryHours, Is.EqualTo(48));
            Assert.That(s.ItSystems[1].Fallback, Is.Null);
            Assert.That(s.ItSystems[1].DependentLanes, Is.Empty);

            Assert.That(s.Disruptions[0].StartHours, Is.EqualTo(30));
            Assert.That(s.Disruptions[0].Duration, Is.EqualTo(new DistributionSpec(DistributionKind.Triangular, Min: 10, Mode: 20, Max: 40)));
            Assert.That(s.Disruptions[0].Recovery, Is.SameAs(RecoverySpec.Default));
            Assert.That(outage.Targets, Is.EqualTo(new[] { "OEM-IT" }));
            Assert.That(outage.StartHours, Is.EqualTo(10.5), "timestamps become hours from start");
            Assert.That(outage.Duration, Is.EqualTo(DistributionSpec.Fixed(120)));
            Assert.That(outage.Recovery.RampUpHours, Is.EqualTo(8));
            Assert.That(outage.Recovery.Phases.Single(), Is.EqualTo(new RecoveryPhase(["SOL"], 24, ItFunction.OrderTransmission | ItFunction.Logistics)).Using<RecoveryPhase>(SamePhase));

            Assert.That(lean.Description, Is.EqualTo("Two hours at the line"));
            Assert.That(lean.LineSideCoverHours, Is.EqualTo(2));
            Assert.That(lean.SupplierStockDaysByTier, Is.EqualTo(new Dictionary<int, double> { [1] = 0.5, [2] = 2 }));
            Assert.That((lean.LineSideCoverMode, lean.SupplierStockModeOf(1), lean.SupplierStockModeOf(2)), Is.EqualTo((LevelMode.Set, LevelMode.Set, LevelMode.AtLeast)));
            Assert.That((lean.PartOverrides[0].LineSideMode, lean.PartOverrides[0].SupplierFinishedMode), Is.EqualTo((LevelMode.AtLeast, LevelMode.Set)));
            Assert.That(lean.PartOverrides.Single(), Is.EqualTo(new PartOverride("SEAT", StockAmount.InHours(8), StockAmount.InDays(1), LevelMode.AtLeast, LevelMode.Set)));
            Assert.That(lean.FallbackEnabled, Is.False);
            Assert.That(s.Policies[1], Is.EqualTo(new PolicySpec("plain", string.Empty, null, new Dictionary<int, double>(), [])).Using<PolicySpec>(SamePolicy));
            Assert.That(s.Policies[1].FallbackEnabled, Is.True);
        }
    }

    [Test]
    public void Policies_default_to_the_network_as_written()
    {
        var result = ScenarioText.Load(ScenarioText.Minimal);

        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        Assert.That(result.Scenario!.Policies, Is.EqualTo(new[] { PolicySpec.AsWritten }));
    }

    [Test]
    public void Scenario_defaults_apply_when_keys_are_absent()
    {
        var s = ScenarioText.Load(ScenarioText.Minimal.Replace("name: Test\n", string.Empty, StringComparison.Ordinal)).Scenario!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Name, Is.EqualTo("test"), "the file name without extension");
            Assert.That(s.Description, Is.Empty);
            Assert.That(s.SampleEveryHours, Is.EqualTo(1));
            Assert.That(s.HoldingCostRatePerYear, Is.EqualTo(0.25));
            Assert.That(s.ReferenceHours, Is.EqualTo(10));
        }
    }

    [Test]
    public void Reference_hours_default_to_zero_without_disruptions_and_can_be_set()
    {
        var none = ScenarioText.With("disruptions:\n  - { id: D1, targets: [EDI], start: 10, duration_hours: 5 }\n", string.Empty);
        var set = ScenarioText.With("horizon_hours: 100", "horizon_hours: 100\nreference_hours: 42");

        Assert.That(ScenarioText.Load(none).Scenario!.ReferenceHours, Is.Zero);
        Assert.That(ScenarioText.Load(set).Scenario!.ReferenceHours, Is.EqualTo(42));
    }

    [TestCase("{ dist: exponential, mean: 3 }", DistributionKind.Exponential, 3, double.NaN)]
    [TestCase("{ dist: lognormal, mean: 24, std: 12 }", DistributionKind.LogNormal, 24, 12)]
    [TestCase("{ dist: gamma, shape: 2, scale: 5 }", DistributionKind.Gamma, 2, 5)]
    [TestCase("{ dist: weibull, shape: 1.5, scale: 30 }", DistributionKind.Weibull, 1.5, 30)]
    [TestCase("{ dist: uniform, min: 2, max: 6 }", DistributionKind.Uniform, 2, 6)]
    public void Distributions_map_their_parameters(string yaml, DistributionKind kind, double first, double second)
    {
        var result = ScenarioText.Load(ScenarioText.With("duration_hours: 5", $"duration_hours: {yaml}"));
        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        var d = result.Scenario!.Disruptions[0].Duration;

        var (a, b) = kind switch
        {
            DistributionKind.Exponential or DistributionKind.LogNormal => (d.Mean, d.Std),
            DistributionKind.Gamma or DistributionKind.Weibull => (d.Shape, d.Scale),
            _ => (d.Min, d.Max),
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Kind, Is.EqualTo(kind));
            Assert.That(a, Is.EqualTo(first));
            Assert.That(b, Is.EqualTo(second));
        }
    }

    [Test]
    public void Empirical_distribution_keeps_its_values()
    {
        var result = ScenarioText.Load(ScenarioText.With("duration_hours: 5", "duration_hours: { dist: empirical, values: [12, 24, 72] }"));

        Assert.That(result.Scenario!.Disruptions[0].Duration.Values, Is.EqualTo(new[] { 12.0, 24, 72 }));
    }

    [TestCase("240", 240, StockUnit.Units)]
    [TestCase("240u", 240, StockUnit.Units)]
    [TestCase("240 units", 240, StockUnit.Units)]
    [TestCase("1.5h", 1.5, StockUnit.Hours)]
    [TestCase("4 hours", 4, StockUnit.Hours)]
    [TestCase("2d", 2, StockUnit.Days)]
    [TestCase("2 days", 2, StockUnit.Days)]
    [TestCase("1 day", 1, StockUnit.Days)]
    public void Stock_amounts_accept_units_hours_and_days(string text, double value, StockUnit unit)
    {
        var result = ScenarioText.Load(ScenarioText.With("initial: 2h", $"initial: {text}"));

        Assert.That(result.Scenario!.Plants[0].Lines[0].Stocks[0].Initial, Is.EqualTo(new StockAmount(value, unit)));
    }

    [Test]
    public void Load_reports_a_missing_file_as_a_problem_not_an_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-scenario-{Guid.NewGuid():N}.yaml");

        var result = ScenarioLoader.Load(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.Scenario, Is.Null);
            Assert.That(result.Problems.Single().File, Is.EqualTo(path));
            Assert.That((result.Problems.Single().Line, result.Problems.Single().Column), Is.EqualTo((0, 0)));
            Assert.That(result.Problems.Single().Message, Does.Contain("cannot read the file"));
            Assert.That(result.Problems.Single().ToString(), Does.StartWith(path + ": error: cannot read the file"), "no made-up position 0:0");
        }
    }

    [Test]
    public void Load_reports_a_folder_as_a_problem()
    {
        var result = ScenarioLoader.Load(Path.GetTempPath());

        Assert.That(result.Problems.Single().Message, Does.Contain("is a folder"));
    }

    [Test]
    public void Load_records_the_full_source_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, ScenarioText.Minimal);
        try
        {
            var result = ScenarioLoader.Load(path);

            Assert.That(result.Scenario!.SourcePath, Is.EqualTo(Path.GetFullPath(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Problem_prints_in_compiler_style()
    {
        var problem = new ScenarioProblem("quickstart.yaml", 12, 5, "SOL-A", "rate_per_hour must be positive", "use jobs per hour, e.g. 60");
        var warning = new ScenarioProblem("q.yaml", 3, 1, null, "nothing depends on it", null, ProblemSeverity.Warning);

        Assert.That(problem.ToString(), Is.EqualTo("quickstart.yaml:12:5: error [SOL-A]: rate_per_hour must be positive (hint: use jobs per hour, e.g. 60)"));
        Assert.That(warning.ToString(), Is.EqualTo("q.yaml:3:1: warning: nothing depends on it"));
    }

    [Test]
    public void Warnings_alone_keep_the_scenario_valid()
    {
        var result = ScenarioText.Load(ScenarioText.With("nodes: [PL] }", "nodes: [] }"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Problems.Single().Severity, Is.EqualTo(ProblemSeverity.Warning));
            Assert.That(result.IsValid, Is.True);
            Assert.That(result.Scenario, Is.Not.Null);
        }
    }

    private static bool SamePhase(RecoveryPhase a, RecoveryPhase b) => a.Nodes.SequenceEqual(b.Nodes) && a.AfterHours == b.AfterHours && a.Functions == b.Functions;

    private static bool SamePolicy(PolicySpec a, PolicySpec b) =>
        a.Id == b.Id && a.Description == b.Description && a.LineSideCoverHours == b.LineSideCoverHours
        && a.SupplierStockDaysByTier.Count == b.SupplierStockDaysByTier.Count && a.PartOverrides.Count == b.PartOverrides.Count
        && a.FallbackEnabled == b.FallbackEnabled;
}
