using CsCheck;
using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Scenarios;
using Simulator.Tests.Support;
using static Simulator.Tests.Experiments.StressTestTests;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Experiments;

/// <summary>
/// Exact early stop: an outage's run ends at the first checkpoint at which its whole state equals its baseline's, and
/// takes the rest from the baseline. Proof that it changes nothing: <c>criticality.csv</c> and
/// <c>criticality-long.csv</c> with early stop are byte for byte those of full-horizon runs on every bundled scenario
/// and on generated networks (50 per CI run, <c>LINESIM_PROPERTY_SCALE=10</c> runs 500), and every run that stopped is
/// also run to the horizon and compared row by row (<see cref="StressTestOptions.VerifyEarlyStop"/>).
/// </summary>
public sealed class StressEarlyStopTests
{
    private static readonly int Networks = PropertyRuns.Count(50);

    [Test]
    public void A_run_that_rejoins_its_baseline_stops_there_and_reports_what_the_full_run_reports()
    {
        // quickstart: T2-FOAM down 24 h from the reference time (hour 30). The seat maker's foam stock carries the
        // line through; once foam flows again the Tier-2's and the seat maker's stocks fill back to their caps, where
        // the states are again exactly the baseline's, well before the horizon of 168 h.
        var scenario = ScenarioLoader.Load(RepositoryFiles.PathOf("scenarios/quickstart.yaml")).Scenario!;
        var network = Network.Build(scenario);
        var start = scenario.ReferenceHours;
        var outage = new DisruptionSpec("stress:T2-FOAM", ["T2-FOAM"], start, DistributionSpec.Fixed(24), RecoverySpec.Default);
        var options = new RunOptions(RecordPartSeries: false, Disruptions: [outage]);
        var baseline = Simulation.RunBaseline(network, 3, new RunOptions(RecordPartSeries: false), 12, keepValues: true);

        var (stopped, hours) = Simulation.RunUntilRejoined(network, 3, options, baseline, start + 24, out var differences);
        var full = Simulation.Run(network, 3, options);

        Assert.Multiple(() =>
        {
            Assert.That(hours, Is.Not.Null.And.LessThan(network.HorizonHours), () => "the run never rejoined its baseline: " + string.Join("; ", differences));
            Assert.That(stopped.ProcessedEvents, Is.LessThan(full.ProcessedEvents));
            AssertSameOutcomes(stopped.Lines, full.Lines);
            Assert.That(stopped.Events, Is.EqualTo(full.Events));
        });
    }

    [Test]
    public void A_run_whose_line_lost_jobs_never_rejoins_its_baseline_and_reports_what_the_full_run_reports()
    {
        // T1-DOORS down 20 h from hour 0, on a line open 06:00-22:00 every day at 60 jobs/h with 600 doors: the line
        // halts at 16 h (10 open hours) and restarts after the restore. The jobs it lost are never made up, so its job
        // counter stays behind the baseline's at every later checkpoint: the run goes to the horizon.
        var scenario = new ScenarioBuilder()
            .Horizon(240)
            .Calendar("DAY", Enum.GetValues<DayOfWeek>(), new TimeOnly(6, 0), new TimeOnly(22, 0))
            .Part("DOOR")
            .Line("L1", "PLANT", 60, [("DOOR", 600)], calendar: "DAY")
            .Supplier("T1-DOORS", 1, "DOOR", capacityPerHour: 200, finishedUnits: 1000)
            .Lane("DOORS-L1", "T1-DOORS", "L1", "DOOR", Kanban(120, 1))
            .Build();
        var network = Network.Build(scenario);
        var outage = new DisruptionSpec("stress:T1-DOORS", ["T1-DOORS"], 0, DistributionSpec.Fixed(20), RecoverySpec.Default);
        var options = new RunOptions(RecordPartSeries: false, Disruptions: [outage]);
        var baseline = Simulation.RunBaseline(network, 3, new RunOptions(RecordPartSeries: false), 12, keepValues: true);

        var (stopped, hours) = Simulation.RunUntilRejoined(network, 3, options, baseline, 20, out var differences);
        var full = Simulation.Run(network, 3, options);

        Assert.Multiple(() =>
        {
            Assert.That(full.Lines[0].ProducedUnits, Is.LessThan(baseline.Trace!.Lines[0].ProducedUnits), "the outage costs nothing");
            Assert.That(hours, Is.Null);
            Assert.That(differences.Select(d => d.Hours), Is.EqualTo(Enumerable.Range(2, 18).Select(k => k * 12.0)));
            Assert.That(differences.Select(d => d.Difference), Is.All.EqualTo("line L1"));
            Assert.That(stopped.Lines, Is.EqualTo(full.Lines));
        });
    }

    [Test]
    public void A_run_still_disrupted_at_a_checkpoint_does_not_stop_there()
    {
        // T2-FOAM down 100 of 120 h: the line is halted at every checkpoint before the restore, so no checkpoint up to
        // hour 100 may match the baseline, whose line runs.
        var network = Network.Build(ThinTier2DeepTier1().Horizon(120).Build());
        var outage = new DisruptionSpec("stress:T2-FOAM", ["T2-FOAM"], 0, DistributionSpec.Fixed(100), RecoverySpec.Default);
        var baseline = Simulation.RunBaseline(network, 3, new RunOptions(RecordPartSeries: false), 12, keepValues: true);

        var (stopped, hours) = Simulation.RunUntilRejoined(network, 3, new RunOptions(RecordPartSeries: false, Disruptions: [outage]), baseline, 0);
        var full = Simulation.Run(network, 3, new RunOptions(RecordPartSeries: false, Disruptions: [outage]));

        Assert.Multiple(() =>
        {
            Assert.That(hours ?? double.PositiveInfinity, Is.GreaterThan(100));
            AssertSameOutcomes(stopped.Lines, full.Lines);
        });
    }

    [Test]
    public void A_baseline_with_checkpoints_is_the_same_run_as_one_without()
    {
        var scenario = NetworkGenerator.Generate(new GeneratorOptions(Parts: 30, Tiers: 3, Seed: 11, HorizonHours: 96));
        var network = Network.Build(scenario);
        var options = new RunOptions(RecordPartSeries: false, WithDisruptions: false);

        var checkpointed = Simulation.RunBaseline(network, 5, options, 7).Trace!;
        var plain = Simulation.Run(network, 5, options);

        Assert.Multiple(() =>
        {
            Assert.That(checkpointed.Lines, Is.EqualTo(plain.Lines));
            Assert.That(checkpointed.Events, Is.EqualTo(plain.Events));
            Assert.That(checkpointed.Samples, Is.EqualTo(plain.Samples));
            Assert.That(checkpointed.ProcessedEvents, Is.EqualTo(plain.ProcessedEvents));
        });
    }

    [Test]
    public void Two_runs_of_the_same_seed_have_equal_digests_and_another_seed_draws_other_transit_times()
    {
        var network = Network.Build(NetworkGenerator.Generate(new GeneratorOptions(Parts: 30, Tiers: 3, Seed: 11, HorizonHours: 96)));
        var quiet = new RunOptions(RecordPartSeries: false);
        var first = Simulation.RunBaseline(network, 3, quiet, 12, keepValues: true);
        var second = Simulation.RunBaseline(network, 3, quiet, 12, keepValues: true);
        var other = Simulation.RunBaseline(network, 4, quiet, 12, keepValues: true);

        Assert.Multiple(() =>
        {
            Assert.That(first.Count, Is.EqualTo(7));
            for (var k = 1; k <= first.Count; k++)
            {
                Assert.That(second.Digest(k)!.Values, Is.EqualTo(first.Digest(k)!.Values), $"checkpoint {k}");
                Assert.That(second.Digest(k)!.Sha256, Is.EqualTo(first.Digest(k)!.Sha256), $"checkpoint {k}");
            }

            Assert.That(other.Digest(7)!.Sha256, Is.Not.EqualTo(first.Digest(7)!.Sha256));
        });
    }

    [Test]
    public void Early_stop_changes_no_byte_of_the_tiny_network_with_several_durations_and_replications()
    {
        var scenario = ThinTier2DeepTier1().Horizon(200).Build();

        AssertEarlyStopExact(scenario, new StressTestOptions(DurationsHours: [6, 20, 72], Replications: 3));
    }

    private static IEnumerable<TestCaseData> BundledScenarios() => StressScreeningTests.BundledScenarios();

    [TestCaseSource(nameof(BundledScenarios))]
    public void Early_stop_changes_no_byte_of_criticality_csv_of_a_bundled_scenario(string path)
    {
        var loaded = ScenarioLoader.Load(path);
        Assert.That(loaded.IsValid, Is.True, () => string.Join("\n", loaded.Problems));

        AssertEarlyStopExact(loaded.Scenario!, new StressTestOptions(DurationsHours: [24, 72]));
    }

    private static readonly Gen<(GeneratorOptions Options, double[] Durations, int Replications)> GeneratedCases =
        from lines in Gen.Int[1, 2]
        from parts in Gen.Int[6, 24]
        from tiers in Gen.Int[1, 3]
        from seed in Gen.ULong[1, 100_000]
        from horizon in Gen.Int[72, 240]
        from durations in Gen.Double[2, 72].Array[1, 2]
        from replications in Gen.Int[1, 2]
        select (new GeneratorOptions(1, lines, Math.Max(parts, lines), tiers, Seed: seed, HorizonHours: horizon), durations.Select(d => Math.Round(d)).Distinct().ToArray(), replications);

    [Test]
    public void Early_stop_changes_no_byte_of_criticality_csv_of_generated_networks()
    {
        GeneratedCases.Sample(
            c =>
            {
                var scenario = NetworkGenerator.Generate(c.Options);
                var options = new StressTestOptions(DurationsHours: c.Durations, Replications: c.Replications, Parallelism: 1);
                var (early, full) = (Stress(scenario, options, earlyStop: true), Stress(scenario, options, earlyStop: false));
                if (early.Criticality != full.Criticality || early.Long != full.Long)
                {
                    throw new AssertionException($"criticality differs:\n{early.Criticality}\nfull:\n{full.Criticality}");
                }
            },
            iter: Networks,
            threads: 1,
            print: c => $"{c.Options} durations [{string.Join(", ", c.Durations)}] x {c.Replications}");
    }

    private static void AssertEarlyStopExact(ScenarioSpec scenario, StressTestOptions options)
    {
        var early = Stress(scenario, options, earlyStop: true);
        var full = Stress(scenario, options, earlyStop: false);

        Assert.Multiple(() =>
        {
            Assert.That(early.Criticality, Is.EqualTo(full.Criticality));
            Assert.That(early.Long, Is.EqualTo(full.Long));
        });
    }

    private static (string Criticality, string Long) Stress(ScenarioSpec scenario, StressTestOptions options, bool earlyStop)
    {
        var result = StressTest.Run(scenario, options with { EarlyStop = earlyStop, VerifyEarlyStop = earlyStop });
        return (StressScreeningTests.Csv(result, CriticalityCsv.Write), StressScreeningTests.Csv(result, CriticalityCsv.WriteLong));
    }

    internal static void AssertSameOutcomes(IReadOnlyList<LineOutcome> stopped, IReadOnlyList<LineOutcome> full)
    {
        Assert.That(stopped, Has.Count.EqualTo(full.Count));
        for (var i = 0; i < full.Count; i++)
        {
            // Downtime is summed in another order when joined; everything else is the full run's, bit for bit.
            Assert.That(stopped[i] with { DowntimeHours = 0 }, Is.EqualTo(full[i] with { DowntimeHours = 0 }), $"line {full[i].LineId}");
            Assert.That(stopped[i].DowntimeHours, Is.EqualTo(full[i].DowntimeHours).Within(1e-9));
        }
    }

    [Test]
    public void A_digest_has_one_section_per_runtime_object_and_an_outage_changes_the_failed_suppliers_before_the_lines()
    {
        // quickstart, T2-FOAM down 24 h from hour 30, checkpoints every 12 h: at 24 h only the pending events differ (the
        // outage waits for its start); at 36 h
        // the foam maker has made nothing for 6 h while the seat maker still builds from its foam stock, so the foam
        // maker's own section differs and the lines' do not.
        var scenario = ScenarioLoader.Load(RepositoryFiles.PathOf("scenarios/quickstart.yaml")).Scenario!;
        var network = Network.Build(scenario);
        var outage = new DisruptionSpec("stress:T2-FOAM", ["T2-FOAM"], scenario.ReferenceHours, DistributionSpec.Fixed(24), RecoverySpec.Default);
        var baseline = new SectionObserver();
        var disrupted = new SectionObserver();
        Simulation.RunObserved(network, 3, new RunOptions(RecordPartSeries: false, WithDisruptions: false), baseline);
        Simulation.RunObserved(network, 3, new RunOptions(RecordPartSeries: false, Disruptions: [outage]), disrupted);
        var dispatchers = network.Lanes.Select(l => (l.Spec.From, l.Spec.DispatchEveryHours)).Distinct().Count();
        var lines = network.Lines.Count;
        var foam = 1 + lines + network.Feeds.Count + network.Lanes.Count + network.Suppliers.ToList().FindIndex(s => s.Spec.Id == "T2-FOAM");
        var (before, during) = (2, 3);

        Assert.Multiple(() =>
        {
            // The hour, every line, stock, lane, supplier and dispatcher, the gates, the pending events.
            Assert.That(baseline.Sections[before], Has.Length.EqualTo(1 + lines + network.Feeds.Count + network.Lanes.Count + network.Suppliers.Count + dispatchers + 2));
            Assert.That(disrupted.Sections[before][..^1], Is.EqualTo(baseline.Sections[before][..^1]));
            Assert.That(disrupted.Sections[before][^1], Is.Not.EqualTo(baseline.Sections[before][^1]));
            Assert.That(disrupted.Sections[during][foam], Is.Not.EqualTo(baseline.Sections[during][foam]));
            Assert.That(disrupted.Sections[during][1..(1 + lines)], Is.EqualTo(baseline.Sections[during][1..(1 + lines)]));
        });
    }

    /// <summary>Keeps the section hashes of the state at every checkpoint (12 h apart) of a run to the horizon.</summary>
    private sealed class SectionObserver() : Checkpointing(12)
    {
        public List<ulong[]> Sections { get; } = [[]];

        protected override bool At(int index, RunRuntime runtime)
        {
            using var digest = runtime.Digest();
            Sections.Add(digest.SectionHashes());
            return false;
        }

        public override RunTrace Stopped(RunRuntime runtime) => throw new InvalidOperationException("an observed run does not stop");
    }
}
