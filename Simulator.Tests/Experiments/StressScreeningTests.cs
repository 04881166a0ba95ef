using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Scenarios;
using static Simulator.Tests.Experiments.StressTestTests;

namespace Simulator.Tests.Experiments;

/// <summary>
/// Screening and de-duplication of stress targets: which targets share a simulation, and proof that sharing changes
/// nothing: <c>criticality.csv</c> with screening is byte for byte the one without, on every bundled scenario and on
/// generated networks. A handful of generated networks run in CI; <c>LINESIM_EXHAUSTIVE=1</c> runs 50 more.
/// </summary>
public sealed class StressScreeningTests
{
    private const string ExhaustiveSwitch = "LINESIM_EXHAUSTIVE";

    /// <summary>
    /// T3-SPARE ships nothing to anyone: no lane links it with the line. IDLE-IT has no dependents. DOORS-ERP (all
    /// functions, no fallback, on T1-DOORS alone) switches off exactly the gates a T1-DOORS outage does, and the provider
    /// DOORSCO runs only DOORS-ERP. FOAM-EDI has a fallback, so it is not the same as T2-FOAM's own outage.
    /// </summary>
    private static ScenarioSpec Shared() => ThinTier2DeepTier1()
        .ItSystem("IDLE-IT", ItFunction.All, [], owner: "PLANT")
        .ItSystem("DOORS-ERP", ItFunction.All, ["T1-DOORS"], owner: "DOORSCO")
        .ItSystem("FOAM-EDI", ItFunction.All, ["T2-FOAM"], fallback: new FallbackSpec(2, 0.5), owner: "T2-FOAM")
        .Build();

    [Test]
    public void Inert_targets_share_one_run_and_targets_with_the_same_gates_share_another()
    {
        var plan = StressTest.Plan(Shared(), new StressTestOptions());
        int Simulation(string id) => plan.SimulationOfSlot[plan.Targets.ToList().FindIndex(t => t.Id == id)][0];

        Assert.Multiple(() =>
        {
            Assert.That(Simulation("IDLE-IT"), Is.EqualTo(Simulation("T3-SPARE")));
            Assert.That(Simulation("DOORS-ERP"), Is.EqualTo(Simulation("T1-DOORS")));
            Assert.That(Simulation("DOORSCO"), Is.EqualTo(Simulation("T1-DOORS")));
            Assert.That(Simulation("FOAM-EDI"), Is.Not.EqualTo(Simulation("T2-FOAM")));
            Assert.That(Simulation("T1-SEATS"), Is.Not.EqualTo(Simulation("T1-DOORS")));

            // 8 targets (4 suppliers, 3 systems, 1 provider): T3-SPARE+IDLE-IT, T1-DOORS+DOORS-ERP+DOORSCO, and 3 alone.
            Assert.That(plan.Targets, Has.Count.EqualTo(8));
            Assert.That(plan.Simulations, Has.Count.EqualTo(5));
        });
    }

    [Test]
    public void Without_screening_every_target_is_simulated_itself()
    {
        var plan = StressTest.Plan(Shared(), new StressTestOptions(Screen: false));

        Assert.That(plan.Simulations.Select(s => s.Target), Is.EqualTo(Enumerable.Range(0, plan.Targets.Count)));
    }

    [Test]
    public void With_own_recovery_times_targets_share_a_run_only_when_they_are_down_equally_long()
    {
        var scenario = Shared();
        scenario = scenario with { ItSystems = scenario.ItSystems.Select(s => s.Id == "DOORS-ERP" ? s with { RecoveryHours = 10 } : s).ToList() };
        var plan = StressTest.Plan(scenario, new StressTestOptions(OwnRecovery: true));
        int Simulation(string id) => plan.SimulationOfSlot[plan.Targets.ToList().FindIndex(t => t.Id == id)][0];

        Assert.Multiple(() =>
        {
            Assert.That(Simulation("DOORS-ERP"), Is.Not.EqualTo(Simulation("T1-DOORS")));

            // The provider lasts as long as its slowest system: 10 h, like DOORS-ERP, whose gates it holds.
            Assert.That(Simulation("DOORSCO"), Is.EqualTo(Simulation("DOORS-ERP")));
        });
    }

    [Test]
    public void Screening_changes_no_byte_of_the_tiny_network_with_several_durations_and_replications()
    {
        var options = new StressTestOptions(DurationsHours: [6, 12, 30], Replications: 2);

        AssertScreeningExact(Shared(), options);
    }

    internal static IEnumerable<TestCaseData> BundledScenarios() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf("scenarios"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path)));

    [TestCaseSource(nameof(BundledScenarios))]
    public void Screening_changes_no_byte_of_criticality_csv_of_a_bundled_scenario(string path)
    {
        var loaded = ScenarioLoader.Load(path);
        Assert.That(loaded.IsValid, Is.True, () => string.Join("\n", loaded.Problems));

        AssertScreeningExact(loaded.Scenario!, new StressTestOptions());
    }

    private static IEnumerable<TestCaseData> GeneratedNetworks()
    {
        var exhaustive = System.Environment.GetEnvironmentVariable(ExhaustiveSwitch) == "1";
        var count = exhaustive ? 55 : 5;
        for (var seed = 1UL; seed <= (ulong)count; seed++)
        {
            var tiers = 2 + (int)(seed % 3);
            yield return new TestCaseData(seed, tiers).SetArgDisplayNames($"seed {seed}, {tiers} tiers");
        }
    }

    [TestCaseSource(nameof(GeneratedNetworks))]
    public void Screening_changes_no_byte_of_criticality_csv_of_a_generated_network(ulong seed, int tiers)
    {
        var generated = NetworkGenerator.Generate(new GeneratorOptions(Parts: 18 + (int)(seed % 7), Tiers: tiers, Seed: seed, HorizonHours: 120));

        // Give screening something to find: a system nobody depends on, and a twin of the first system under another provider.
        var first = generated.ItSystems[0];
        var scenario = generated with
        {
            ItSystems = [.. generated.ItSystems, first with { Id = "TWIN-" + first.Id, Owner = "TWINCO" }, new ItSystemSpec("IDLE-IT", "IDLECO", ItFunction.All, [], [], null)],
        };
        var plan = StressTest.Plan(scenario, new StressTestOptions(DurationsHours: [24]));
        Assert.That(plan.Simulations, Has.Count.LessThan(plan.Targets.Count), "screening found nothing to share");

        AssertScreeningExact(scenario, new StressTestOptions(DurationsHours: [24]));
    }

    private static void AssertScreeningExact(ScenarioSpec scenario, StressTestOptions options)
    {
        var screened = StressTest.Run(scenario, options with { Screen = true });
        var full = StressTest.Run(scenario, options with { Screen = false });

        Assert.Multiple(() =>
        {
            Assert.That(Csv(screened, CriticalityCsv.Write), Is.EqualTo(Csv(full, CriticalityCsv.Write)));
            Assert.That(Csv(screened, CriticalityCsv.WriteLong), Is.EqualTo(Csv(full, CriticalityCsv.WriteLong)));
        });
    }

    internal static string Csv(StressTestResult result, Action<TextWriter, StressTestResult, CancellationToken> write)
    {
        using var text = new StringWriter();
        write(text, result, CancellationToken.None);
        return text.ToString();
    }
}
