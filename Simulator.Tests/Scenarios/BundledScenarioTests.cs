using System.Collections.Concurrent;
using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Scenarios;
using Simulator.Output;

namespace Simulator.Tests.Scenarios;

/// <summary>
/// Every bundled scenario loads without problems, and each scenario modelled on an incident reproduces the headline
/// result documented in its header (and in docs/scenarios.md) within the band stated there.
/// </summary>
public sealed class BundledScenarioTests
{
    private static readonly ConcurrentDictionary<string, ScenarioSpec> Scenarios = new();
    private static readonly ConcurrentDictionary<string, ExperimentResult> Results = new();

    private static IEnumerable<TestCaseData> ScenarioFiles()
    {
        var folder = RepositoryFiles.PathOf("scenarios");
        return Directory.EnumerateFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path)));
    }

    [Test]
    public void Scenarios_folder_is_not_empty() => Assert.That(ScenarioFiles(), Is.Not.Empty);

    [TestCaseSource(nameof(ScenarioFiles))]
    public void Bundled_scenario_loads_without_problems(string path)
    {
        var result = ScenarioLoader.Load(path);

        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        Assert.That(result.IsValid, Is.True);
    }

    [TestCaseSource(nameof(ScenarioFiles))]
    public void Bundled_scenario_lines_do_not_starve_without_the_disruption(string path)
    {
        // A scenario's story only holds if the undisrupted network keeps its lines supplied.
        var scenario = Load(Path.GetFileName(path));
        foreach (var policy in PolicyIds(scenario))
        {
            var baseline = Simulation.Run(Network.Build(scenario, policy), 1, new RunOptions(RecordPartSeries: false, WithDisruptions: false));
            var halts = baseline.Events.Where(e => e.Kind == EventKinds.Halt).ToList();

            Assert.That(halts, Is.Empty, () => $"policy {policy}: " + string.Join("\n", halts.Take(5)));
        }
    }

    // ---- supplier-ransomware.yaml: Kojima Industries / Toyota, 26 Feb - 2 Mar 2022 ----

    [Test]
    public void Supplier_ransomware_loses_about_the_reported_13000_vehicles()
    {
        // Reported: about 13,000 vehicles lost to the one-day stop of 28 lines in 14 plants; band +-15 %.
        var lines = Lines("supplier-ransomware.yaml");

        Assert.That(lines, Has.Count.EqualTo(28));
        Assert.That(lines.Select(l => l.Plant).Distinct().Count(), Is.EqualTo(14));
        Assert.That(lines.Sum(l => l.LostUnits), Is.InRange(11_050, 14_950));
    }

    [Test]
    public void Supplier_ransomware_stops_every_line_by_plan_on_Tuesday_and_restarts_it_on_Wednesday_morning()
    {
        var scenario = Load("supplier-ransomware.yaml");
        var result = Result("supplier-ransomware.yaml");
        var start = result.Replications[0].Disrupted.Windows.Min(w => w.StartHours);
        foreach (var line in result.Replications[0].Lines)
        {
            var halt = Local(scenario, start + line.TimeToHaltHours!.Value);
            var outcome = result.Replications[0].Disrupted.Lines.Single(l => l.LineId == line.Line);
            var restart = Local(scenario, outcome.RestartHours!.Value);

            // Stopped by the carmaker's decision at the start of Tuesday's early shift (06:25), not by a shortage.
            Assert.That(halt, Is.EqualTo(At(2022, 3, 1, 6, 25)), line.Line);
            Assert.That(line.HaltCause, Is.EqualTo(CauseChain.Of(CauseLink.PlannedStop("tuesday-stop"))), line.Line);
            // Wednesday 2 March, at the start of the early shift.
            Assert.That(restart, Is.InRange(At(2022, 3, 2, 6, 25), At(2022, 3, 2, 7, 0)), line.Line);
        }
    }

    [Test]
    public void Supplier_ransomware_without_the_planned_stop_would_starve_the_lines_early_on_Tuesday()
    {
        // The counterfactual the carmaker pre-empted: the parts at the lines run out 20 minutes into Tuesday.
        var scenario = Load("supplier-ransomware.yaml");
        var outages = scenario with { Disruptions = [.. scenario.Disruptions.Where(d => d.Kind == DisruptionKind.Outage)] };
        var result = Experiment.Run(outages, new ExperimentOptions([], Replications: 1, Seed: 1));
        var start = result.Replications[0].Disrupted.Windows.Min(w => w.StartHours);
        foreach (var line in result.Replications[0].Lines)
        {
            var halt = Local(scenario, start + line.TimeToHaltHours!.Value);

            Assert.That(halt, Is.InRange(At(2022, 3, 1, 6, 25), At(2022, 3, 1, 8, 0)), line.Line);
            Assert.That(HaltCause.Format(line.HaltCause), Does.StartWith("part:KJ-PARTS <- supplier:KOJIMA (tier 1) <- it:KOJIMA-"), line.Line);
        }
    }

    // ---- ordering-system-fault.yaml: Toyota, 29-30 Aug 2023 ----

    [Test]
    public void Ordering_fault_halts_25_lines_in_the_morning_and_the_3_remote_lines_in_the_late_shift()
    {
        var lines = Lines("ordering-system-fault.yaml");
        var remote = lines.Where(l => l.Plant is "MIYATA" or "D-KYOTO").ToList();
        var aichi = lines.Except(remote).ToList();

        Assert.That(aichi, Has.Count.EqualTo(25));
        Assert.That(aichi.Select(l => l.Plant).Distinct().Count(), Is.EqualTo(12));
        // Fault at 06:00, early shift 06:25-15:15: halted within 5 h, in the morning.
        Assert.That(aichi.Select(l => l.TimeToHaltHours), Has.All.InRange(0.5, 5.0));
        // Late shift 16:10-01:00: 10.2 h to 19 h after the fault.
        Assert.That(remote.Select(l => l.TimeToHaltHours), Has.All.InRange(10.2, 19.0));
        Assert.That(lines.Select(l => HaltCause.Format(l.HaltCause)), Has.All.EndsWith("<- it:PARTS-ORDERING (order_transmission)"));
    }

    [Test]
    public void Ordering_fault_restarts_the_25_lines_with_Wednesdays_second_shift_and_loses_about_a_day_and_a_third()
    {
        var scenario = Load("ordering-system-fault.yaml");
        var result = Result("ordering-system-fault.yaml");
        foreach (var outcome in result.Replications[0].Disrupted.Lines)
        {
            var restart = Local(scenario, outcome.RestartHours!.Value);
            var remote = outcome.PlantId is "MIYATA" or "D-KYOTO";

            // Second shift of Wednesday 30 August (16:10-01:00); the remote plants later in that shift.
            var (from, to) = remote ? (At(2023, 8, 30, 18, 0), At(2023, 8, 31, 1, 0)) : (At(2023, 8, 30, 16, 10), At(2023, 8, 30, 17, 30));
            Assert.That(restart, Is.InRange(from, to), outcome.LineId);
        }

        // No official figure: the reported halt/restart shifts at the reported 13,500 a day imply ~17,500; +-15 %.
        Assert.That(result.Replications[0].Lines.Sum(l => l.LostUnits), Is.InRange(14_900, 20_100));
    }

    // ---- oem-cyber-attack.yaml: Jaguar Land Rover, 31 Aug - mid Nov 2025 ----

    [Test]
    public void Oem_attack_halts_every_line_at_its_first_shift_after_the_shutdown()
    {
        var lines = Lines("oem-cyber-attack.yaml").ToDictionary(l => l.Line);

        // Shutdown Sunday 22:00 UK time; Monday 06:00 is 8 h later; Nitra's Monday is a public holiday and its
        // Tuesday shift starts at 06:00 Slovak time, 05:00 UK time: 31 h.
        Assert.That(lines["SOL-RR"].TimeToHaltHours, Is.EqualTo(8).Within(1e-9));
        Assert.That(lines["SOL-VEL"].TimeToHaltHours, Is.EqualTo(8).Within(1e-9));
        Assert.That(lines["HAL-1"].TimeToHaltHours, Is.EqualTo(8).Within(1e-9));
        Assert.That(lines["NIT-1"].TimeToHaltHours, Is.EqualTo(31).Within(1e-9));
        Assert.That(lines.Values.Select(l => HaltCause.Format(l.HaltCause)), Has.All.EqualTo("it:JLR-MES (production_control)"));
    }

    [Test]
    public void Oem_attack_restarts_on_the_reported_days_and_is_back_at_rate_in_mid_November()
    {
        var scenario = Load("oem-cyber-attack.yaml");
        var outcomes = Result("oem-cyber-attack.yaml").Replications[0].Disrupted.Lines.ToDictionary(l => l.LineId);

        // Local times of each line's own plant. The systems come back at 06:00 UK time on 8 October, 07:00 in Nitra,
        // an hour into its shift.
        Assert.That(SiteLocal(scenario, "NIT-1", outcomes["NIT-1"].RestartHours!.Value), Is.EqualTo(At(2025, 10, 8, 7, 0)));
        Assert.That(SiteLocal(scenario, "SOL-RR", outcomes["SOL-RR"].RestartHours!.Value), Is.EqualTo(At(2025, 10, 9, 6, 0)));
        Assert.That(SiteLocal(scenario, "SOL-VEL", outcomes["SOL-VEL"].RestartHours!.Value), Is.EqualTo(At(2025, 10, 13, 6, 0)));
        Assert.That(SiteLocal(scenario, "HAL-1", outcomes["HAL-1"].RestartHours!.Value), Is.EqualTo(At(2025, 10, 16, 6, 0)));
        foreach (var outcome in outcomes.Values)
        {
            Assert.That(outcome.FullRateHours, Is.Not.Null, outcome.LineId);
            Assert.That(SiteLocal(scenario, outcome.LineId, outcome.FullRateHours!.Value), Is.InRange(At(2025, 11, 10, 0, 0), At(2025, 11, 21, 23, 59)), outcome.LineId);
        }
    }

    [Test]
    public void Oem_attack_loses_about_1000_vehicles_a_working_day_while_stopped()
    {
        var scenario = Load("oem-cyber-attack.yaml");
        var lines = Lines("oem-cyber-attack.yaml");
        var rate = scenario.Plants.SelectMany(p => p.Lines).ToDictionary(l => l.Id, l => l.RatePerHour);
        var lostWhileStopped = lines.Sum(l => l.DowntimeHours * rate[l.Line]);

        // Reported ~1,000 a day over the 27 working days 1 Sep - 7 Oct = 27,000; +-15 %.
        Assert.That(lostWhileStopped, Is.InRange(22_950, 31_050));
        // With the assumed slow ramp-up to mid November: ~38,500, +-15 %.
        Assert.That(lines.Sum(l => l.LostUnits), Is.InRange(32_700, 44_300));
    }

    // ---- hidden-tier2.yaml ----

    [Test]
    public void Hidden_tier2_halts_the_lines_days_later_with_the_tier2_fab_at_the_root_of_the_cause_chain()
    {
        var lines = Lines("hidden-tier2.yaml");

        Assert.That(lines.Select(l => l.TimeToHaltHours), Has.All.InRange(6 * 24.0, 11 * 24.0));
        foreach (var line in lines)
        {
            Assert.That(HaltCause.Format(line.HaltCause), Does.StartWith("part:BCM <- supplier:T1-BCM (tier 1) <- part:CHIP"), line.Line);
            Assert.That(HaltCause.Format(line.HaltCause), Does.EndWith("<- supplier:T2-CHIPFAB (tier 2) <- node:T2-CHIPFAB (down)"), line.Line);
            Assert.That(line.TimeToRestartHours, Is.InRange(72.0, 96.0), line.Line);
        }
    }

    // ---- shared-provider.yaml ----

    [Test]
    public void Shared_provider_target_halts_both_plants_through_two_of_its_systems()
    {
        var scenario = Load("shared-provider.yaml");
        var lines = Lines("shared-provider.yaml").ToDictionary(l => l.Line);

        Assert.That(scenario.Disruptions.Single().Targets, Is.EqualTo(new[] { "CARGOLINK" }));
        Assert.That(lines["N1"].TimeToHaltHours, Is.LessThanOrEqualTo(6));
        Assert.That(HaltCause.Format(lines["N1"].HaltCause), Is.EqualTo("part:AXLE <- supplier:T1-AXLES (tier 1) <- it:CL-TMS (logistics)"));
        Assert.That(lines["S1"].TimeToHaltHours, Is.LessThanOrEqualTo(12));
        Assert.That(HaltCause.Format(lines["S1"].HaltCause), Is.EqualTo("part:TYRE <- supplier:T1-TYRES (tier 1) <- it:CL-PORTAL (order_transmission)"));
        Assert.That(lines.Values.Select(l => l.TimeToRestartHours), Has.All.InRange(0.0, 8.0));
    }

    // ---- buffer-policies.yaml ----

    [Test]
    public void Buffer_policies_differ_clearly_in_time_to_halt_and_inventory()
    {
        var result = Result("buffer-policies.yaml", "lean", "buffered", "strategic-stock");
        var byPolicy = result.Replications.ToDictionary(r => r.Policy);
        var lean = byPolicy["lean"];
        var buffered = byPolicy["buffered"];
        var strategic = byPolicy["strategic-stock"];

        for (var i = 0; i < lean.Lines.Count; i++)
        {
            Assert.That(lean.Lines[i].TimeToHaltHours, Is.Not.Null.And.LessThanOrEqualTo(6.0), lean.Lines[i].Line);
            Assert.That(buffered.Lines[i].TimeToHaltHours, Is.GreaterThanOrEqualTo(lean.Lines[i].TimeToHaltHours!.Value + 6), buffered.Lines[i].Line);
        }

        Assert.That(strategic.Lines.Select(l => l.TimeToHaltHours), Has.All.Null);
        Assert.That(strategic.Lines.Select(l => l.LostUnits), Has.All.EqualTo(0));
        Assert.That(lean.Disrupted.AverageInventoryValue, Is.LessThan(strategic.Disrupted.AverageInventoryValue));
        Assert.That(strategic.Disrupted.AverageInventoryValue, Is.LessThan(buffered.Disrupted.AverageInventoryValue));
    }

    private static ScenarioSpec Load(string file) => Scenarios.GetOrAdd(file, f =>
    {
        var loaded = ScenarioLoader.Load(RepositoryFiles.PathOf("scenarios", f));
        Assert.That(loaded.IsValid, Is.True, () => string.Join("\n", loaded.Problems));
        return loaded.Scenario!;
    });

    private static ExperimentResult Result(string file, params string[] policies) =>
        Results.GetOrAdd(file + "|" + string.Join(",", policies), _ =>
            Experiment.Run(Load(file), new ExperimentOptions(policies, Replications: 1, Seed: 1)));

    private static IReadOnlyList<LineMetrics> Lines(string file) => Result(file).Replications.Single().Lines;

    private static IEnumerable<string?> PolicyIds(ScenarioSpec scenario) =>
        scenario.Policies.Count == 0 ? [null] : scenario.Policies.Select(p => (string?)p.Id);

    private static DateTime Local(ScenarioSpec scenario, double hours) =>
        new DateTime((long)Math.Round(scenario.Start.AddHours(hours).DateTime.Ticks / 1e7) * 10_000_000L);

    /// <summary>Local wall-clock time of <paramref name="site"/> (its plant's <c>time_zone</c>), to the second.</summary>
    private static DateTime SiteLocal(ScenarioSpec scenario, string site, double hours) =>
        new DateTime((long)Math.Round(SiteClock.For(scenario).LocalTime(site, hours).DateTime.Ticks / 1e7) * 10_000_000L);

    /// <summary>Local wall-clock time in the scenario's offset.</summary>
    private static DateTime At(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0);
}
