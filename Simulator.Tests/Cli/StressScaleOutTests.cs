using System.Diagnostics;
using Simulator.Cli;
using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Experiments;
using Simulator.Tests.Scenarios;

namespace Simulator.Tests.Cli;

/// <summary>
/// <c>stress --shard</c> with <c>merge</c>, and <c>stress --resume</c>: the files they end with are byte for byte those
/// of one uninterrupted process (run.json aside: command line, start and wall time differ by nature).
/// </summary>
public sealed class StressScaleOutTests
{
    private static readonly string[] ComparedFiles = [CriticalityCsv.FileName, CriticalityCsv.LongFileName, CriticalityWriter.ChartFile];

    private CliHarness _cli = null!;
    private CliWorkspace _workspace = null!;

    [SetUp]
    public void CreateWorkspace()
    {
        _cli = new CliHarness();
        _cli.Backend.LoadResult = new LoadResult(StressTestTests.ThinTier2DeepTier1()
            .ItSystem("FOAM-ERP", ItFunction.OrderTransmission, ["T2-FOAM"], owner: "CLOUDCO")
            .ItSystem("DOORS-ERP", ItFunction.All, ["T1-DOORS"], owner: "DOORSCO")
            .Build(), []);
        _workspace = new CliWorkspace("linesim-scale-out", "tiny.yaml", "single");
    }

    [TearDown]
    public void DeleteWorkspace() => _workspace.Dispose();

    private string Folder(string name) => Path.Combine(_workspace.Root, "results", name);

    [Test]
    public void Stress_on_one_core_writes_the_files_of_stress_on_every_core_byte_for_byte()
    {
        // A Slurm task runs --parallel with the cores it was given; the results must not depend on the count.
        var one = _cli.Run("stress", _workspace.Scenario, "--durations", "6,20", "--parallel", "1", "--out", Folder("one"));
        var all = _cli.Run("stress", _workspace.Scenario, "--durations", "6,20", "--out", Folder("all"));

        Assert.That((one.Code, all.Code), Is.EqualTo((ExitCodes.Success, ExitCodes.Success)), one.Stderr + all.Stderr);
        foreach (var file in ComparedFiles)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(Folder("one"), file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(Folder("all"), file))), file);
        }
    }

    [TestCase("stress")]
    [TestCase("survive")]
    public void A_parallel_count_below_one_is_invalid_input(string command)
    {
        var (code, _, stderr) = _cli.Run(command, _workspace.Scenario, "--parallel", "0", "--out", Folder("zero"));

        Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, "error: --parallel must be at least 1, got 0")));
        Assert.That(Directory.Exists(Folder("zero")), Is.False);
    }

    [Test]
    public void The_event_limit_is_checked_against_the_share_of_one_shard()
    {
        // The tiny network has five distinct outages (T3-SPARE reaches no line and DOORS-ERP switches off what T1-DOORS
        // does): nine durations make 45 outage runs (45 units, one replication) and one baseline. Shard 0 of 9 takes
        // units 0, 9, 18, 27 and 36 and its baseline, 6 runs: a limit of 10 runs' events lets the shard run and refuses
        // the whole stress test.
        string[] durations = ["--durations", "1,2,3,4,5,6,7,8,9"];
        var scenario = _cli.Backend.LoadResult.Scenario!;
        var options = new StressTestOptions(DurationsHours: [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var whole = WorkEstimate.OfStress(scenario, options).Events;
        var oneRun = WorkEstimate.OfStress(scenario, options, 1).Events;
        Assert.That(StressTest.RunCount(scenario, options), Is.EqualTo(46));
        Assert.That(whole, Is.EqualTo(46 * oneRun).Within(1e-6).Percent);
        var limit = (10 * oneRun).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        var shard = _cli.Run(["stress", _workspace.Scenario, .. durations, "--shard", "0/9", "--max-events", limit, "--out", Folder("shard")]);
        var all = _cli.Run(["stress", _workspace.Scenario, .. durations, "--max-events", limit, "--out", Folder("all")]);

        Assert.That(shard.Code, Is.EqualTo(ExitCodes.Success), shard.Stderr);
        Assert.That(all.Code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(all.Stderr, Does.Contain("error: this would process about").And.Contain("events; shorten the horizon"));
        Assert.That(Directory.Exists(Folder("all")), Is.False);
    }

    [TestCase(4, "--durations", "6,12,30", "--replications", "2")]
    [TestCase(3, "--duration", "20")]
    [TestCase(7, "--own-recovery", "--replications", "3")]
    [TestCase(3, "--durations", "6,20", "--method", "lp")]
    public void Shards_merged_give_the_files_of_one_process_byte_for_byte(int shards, params string[] options)
    {
        AssertShardsMergeToOneProcess(shards, options);
    }

    [Test]
    public void Shards_of_a_generated_network_merged_give_the_files_of_one_process_byte_for_byte()
    {
        _cli.Backend.LoadResult = new LoadResult(NetworkGenerator.Generate(new GeneratorOptions(Parts: 30, Seed: 3, HorizonHours: 120)), []);

        AssertShardsMergeToOneProcess(4, "--durations", "24,72");
    }

    [Test]
    public void Shards_of_runs_that_stop_early_merged_give_the_files_of_one_process_and_of_runs_to_the_horizon()
    {
        // In quickstart the outages of T2-FOAM and T2-ELECTRONICS rejoin the baseline before the horizon and stop there.
        _cli.Backend.LoadResult = ScenarioLoader.Load(RepositoryFiles.PathOf("scenarios/quickstart.yaml"));

        AssertShardsMergeToOneProcess(3, "--durations", "24,72");
        var full = _cli.Run("stress", _workspace.Scenario, "--durations", "24,72", "--no-early-stop", "--out", Folder("full"));

        Assert.That(full.Code, Is.EqualTo(ExitCodes.Success), full.Stderr);
        Assert.Multiple(() =>
        {
            foreach (var file in ComparedFiles)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(Folder("single"), file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(Folder("full"), file))), file);
            }

            // The early-stopped runs did less work: the manifest counts the kernel events actually processed.
            Assert.That(Field(File.ReadAllText(Path.Combine(Folder("single"), ResultsWriter.ManifestFile)), "processed_events"),
                Is.Not.EqualTo(Field(File.ReadAllText(Path.Combine(Folder("full"), ResultsWriter.ManifestFile)), "processed_events")));
        });
    }

    [Test]
    public void Each_lp_shard_solves_the_optimum_of_its_own_targets_only_and_merge_refuses_a_shard_without_them()
    {
        string[] options = ["--durations", "6,20", "--method", "lp"];
        var plan = StressTest.PlanRuns(_cli.Backend.LoadResult.Scenario!, new StressTestOptions(DurationsHours: [6, 20], Method: StressMethod.Lp));
        var folders = Enumerable.Range(0, 3).Select(i => Folder($"shard-{i}")).ToArray();
        for (var i = 0; i < 3; i++)
        {
            var shard = _cli.Run(["stress", _workspace.Scenario, "--shard", $"{i}/3", "--out", folders[i], .. options]);
            Assert.That(shard.Code, Is.EqualTo(ExitCodes.Success), shard.Stderr);
        }

        var manifests = folders.Select(f => StressShardManifest.Read(Path.Combine(f, StressJournal.ManifestFile))).ToArray();
        Assert.Multiple(() =>
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.That(manifests[i].Plan.Optimum, Is.Null, "the plan in shard.json is the same in every shard");
                Assert.That(manifests[i].Optima!.Select(o => o.Target).Order(), Is.EqualTo(Enumerable.Range(0, plan.Targets.Count).Where(t => t % 3 == i)));
            }
        });

        // A shard whose share of the optimum lost a target (here: written by hand) cannot be merged.
        var lost = manifests[1] with { Optima = manifests[1].Optima!.Skip(1).ToArray() };
        File.WriteAllText(Path.Combine(folders[1], StressJournal.ManifestFile), lost.ToJson());
        var merged = _cli.Run(["merge", "--out", Folder("merged"), .. folders]);

        Assert.Multiple(() =>
        {
            Assert.That(merged.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(merged.Stderr, Does.Contain($"{folders[1]}: shard 1/3 does not hold the LP optimum of exactly its {plan.TargetsOfShard(1, 3).Count} targets"));
            Assert.That(Directory.Exists(Folder("merged")), Is.False);
        });
    }

    [Test]
    public void An_lp_shard_and_a_sim_shard_of_the_same_plan_are_not_merged()
    {
        Assert.That(_cli.Run("stress", _workspace.Scenario, "--shard", "0/2", "--method", "lp", "--out", Folder("lp")).Code, Is.EqualTo(ExitCodes.Success));
        Assert.That(_cli.Run("stress", _workspace.Scenario, "--shard", "1/2", "--out", Folder("sim")).Code, Is.EqualTo(ExitCodes.Success));

        var merged = _cli.Run("merge", "--out", Folder("merged"), Folder("lp"), Folder("sim"));

        Assert.That(merged.Code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(merged.Stderr, Does.Contain("belongs to another stress test"));
    }

    [Test]
    public void A_resumed_lp_stress_test_takes_the_optima_its_journal_holds_and_solves_only_the_others()
    {
        string[] options = ["--duration", "20", "--method", "lp"];
        Assert.That(_cli.Run(["stress", _workspace.Scenario, "--out", Folder("single"), .. options]).Code, Is.EqualTo(ExitCodes.Success));
        var scenario = _cli.Backend.LoadResult.Scenario!;
        var stressOptions = new StressTestOptions(DurationsHours: [20], Method: StressMethod.Lp);
        var plan = StressTest.PlanRuns(scenario, stressOptions);
        var foam = plan.Targets.Select(t => t.Id).ToList().IndexOf("T2-FOAM");

        // The interrupted run had solved T2-FOAM's optimum (marked here with a loss no LP gives) and not T1-DOORS's.
        var marked = new StressTargetOptimum(foam, [new StressOptimum(1.25, 4321, 4321)]);
        var manifest = new StressShardManifest(
            StressJournal.FormatName, RunManifest.CurrentToolVersion, _workspace.Scenario, RunManifest.Sha256OfFile(_workspace.Scenario),
            "linesim stress (interrupted)", 0, 1, plan, Optima: []);
        using (var journal = StressJournal.Open(Folder("resumed"), manifest, resume: false, force: false))
        {
            journal.Accept(marked);
            journal.SaveProgress(1);
        }

        var (code, _, stderr) = _cli.Run(["stress", _workspace.Scenario, "--resume", Folder("resumed"), .. options]);

        var rows = CsvRows(Path.Combine(Folder("resumed"), CriticalityCsv.FileName));
        var expected = CsvRows(Path.Combine(Folder("single"), CriticalityCsv.FileName));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(rows["T2-FOAM"]["lp_lost_units"], Is.EqualTo("4321"), "taken from the journal, not solved again");
            Assert.That(rows["T2-FOAM"]["lp_time_to_survive_h"], Is.EqualTo("1.25"));
            Assert.That(rows["T1-DOORS"]["lp_lost_units"], Is.EqualTo(expected["T1-DOORS"]["lp_lost_units"]), "solved on resume");
            Assert.That(rows["T1-DOORS"]["lp_time_to_survive_h"], Is.EqualTo(expected["T1-DOORS"]["lp_time_to_survive_h"]));
        });
    }

    [Test]
    public void Resume_refuses_a_journal_whose_lp_optima_are_not_its_own_and_merge_refuses_shards_of_two_versions()
    {
        var scenario = _cli.Backend.LoadResult.Scenario!;
        var plan = StressTest.PlanRuns(scenario, new StressTestOptions(DurationsHours: [20], Method: StressMethod.Lp));
        var optimum = new StressTargetOptimum(0, [new StressOptimum(1, 2, 2)]);
        var manifest = new StressShardManifest(
            StressJournal.FormatName, RunManifest.CurrentToolVersion, _workspace.Scenario, RunManifest.Sha256OfFile(_workspace.Scenario),
            "linesim stress (interrupted)", 0, 1, plan, Optima: [optimum, optimum]);
        using (StressJournal.Open(Folder("twice"), manifest, resume: false, force: false))
        {
        }

        var resumed = _cli.Run("stress", _workspace.Scenario, "--resume", Folder("twice"), "--duration", "20", "--method", "lp");

        for (var i = 0; i < 2; i++)
        {
            Assert.That(_cli.Run("stress", _workspace.Scenario, "--shard", $"{i}/2", "--out", Folder($"v{i}")).Code, Is.EqualTo(ExitCodes.Success));
        }

        var shard1 = Path.Combine(Folder("v1"), StressJournal.ManifestFile);
        var older = StressShardManifest.Read(shard1) with { ToolVersion = "0.0.1-older" };
        File.WriteAllText(shard1, older.ToJson());
        var merged = _cli.Run("merge", "--out", Folder("merged"), Folder("v0"), Folder("v1"));

        Assert.Multiple(() =>
        {
            Assert.That(resumed.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(resumed.Stderr, Does.Contain("shard 0/1 does not hold the LP optimum of only its"));
            Assert.That(merged.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(merged.Stderr, Does.Contain("was written by linesim 0.0.1-older"));
            Assert.That(Directory.Exists(Folder("merged")), Is.False);
        });
    }

    /// <summary>The rows of a criticality file by target id, each as column name to text.</summary>
    private static Dictionary<string, Dictionary<string, string>> CsvRows(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            f => f[Array.IndexOf(header, "node")],
            f => header.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => f[c.i]));
    }

    [Test]
    public void Merge_refuses_a_missing_shard_a_shard_given_twice_and_a_shard_of_another_test()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.That(_cli.Run("stress", _workspace.Scenario, "--shard", $"{i}/3", "--out", Folder($"s{i}")).Code, Is.EqualTo(ExitCodes.Success));
        }

        Assert.That(_cli.Run("stress", _workspace.Scenario, "--shard", "2/3", "--duration", "5", "--out", Folder("other")).Code, Is.EqualTo(ExitCodes.Success));

        var missing = _cli.Run("merge", "--out", Folder("m1"), Folder("s0"), Folder("s2"));
        var twice = _cli.Run("merge", "--out", Folder("m2"), Folder("s0"), Folder("s1"), Folder("s1"));
        var other = _cli.Run("merge", "--out", Folder("m3"), Folder("s0"), Folder("s1"), Folder("other"));
        var notShard = _cli.Run("merge", "--out", Folder("m4"), _workspace.Root);

        Assert.Multiple(() =>
        {
            Assert.That(missing.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(missing.Stderr.Trim(), Is.EqualTo("error: shards missing: 1/3 (merge needs every shard's folder)"));
            Assert.That(twice.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(twice.Stderr, Does.Contain("shard 1/3 is given twice"));
            Assert.That(other.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(other.Stderr, Does.Contain("belongs to another stress test"));
            Assert.That(notShard.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(notShard.Stderr, Does.Contain("not a shard folder"));
            Assert.That(new[] { "m1", "m2", "m3", "m4" }.Select(Folder).Where(Directory.Exists), Is.Empty);
        });
    }

    [Test]
    public void A_resumed_stress_test_redoes_no_finished_run_and_ends_with_the_files_of_an_uninterrupted_one()
    {
        string[] options = ["--durations", "6,12", "--replications", "2"];
        Assert.That(_cli.Run(["stress", _workspace.Scenario, "--out", Folder("single"), .. options]).Code, Is.EqualTo(ExitCodes.Success));
        var journalRows = Interrupt(Folder("resumed"), options, shard: null);

        var (code, stdout, stderr) = _cli.Run(["stress", _workspace.Scenario, "--resume", Folder("resumed"), .. options]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(stdout, Does.Contain($"results written to {Folder("resumed")}"));
            Assert.That(Directory.Exists(StressJournal.FolderFor(Folder("resumed"))), Is.False, "the journal is deleted once the results are in place");
            Assert.That(journalRows, Is.GreaterThan(1));
        });
        AssertSameFiles(Folder("single"), Folder("resumed"));
    }

    [Test]
    public void A_resumed_shard_keeps_the_rows_it_had_and_adds_each_missing_unit_once()
    {
        var plan = StressTest.Plan(_cli.Backend.LoadResult.Scenario!, new StressTestOptions());
        var units = plan.UnitsOfShard(1, 2);
        var before = Interrupt(Folder("shard"), [], shard: new ShardSpec(1, 2));
        var kept = File.ReadAllLines(Path.Combine(StressJournal.FolderFor(Folder("shard")), StressRunsCsv.FileName)).Take(before).ToArray();

        var (code, _, stderr) = _cli.Run("stress", _workspace.Scenario, "--shard", "1/2", "--resume", Folder("shard"));

        var rows = File.ReadAllLines(Path.Combine(Folder("shard"), StressRunsCsv.FileName));
        var runUnits = rows.Skip(1).Where(r => r.StartsWith("run,", StringComparison.Ordinal)).Select(r => int.Parse(r.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(rows.Take(before), Is.EqualTo(kept));
            Assert.That(runUnits, Is.EquivalentTo(units));
            Assert.That(rows.Count(r => r.StartsWith("baseline,", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    public void Resume_refuses_a_missing_journal_and_a_journal_of_other_options_and_a_new_run_refuses_to_drop_one()
    {
        Interrupt(Folder("partial"), ["--duration", "20"], shard: null);

        var nothing = _cli.Run("stress", _workspace.Scenario, "--resume", Folder("never-started"));
        var otherOptions = _cli.Run("stress", _workspace.Scenario, "--resume", Folder("partial"), "--duration", "21");
        var fresh = _cli.Run("stress", _workspace.Scenario, "--out", Folder("partial"), "--duration", "20");
        var forced = _cli.Run("stress", _workspace.Scenario, "--out", Folder("partial"), "--duration", "20", "--force");

        Assert.Multiple(() =>
        {
            Assert.That(nothing.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(nothing.Stderr, Does.Contain("nothing to resume"));
            Assert.That(otherOptions.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(otherOptions.Stderr, Does.Contain("other options"));
            Assert.That(fresh.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(fresh.Stderr, Does.Contain("continue it with --resume"));
            Assert.That(forced.Code, Is.EqualTo(ExitCodes.Success), forced.Stderr);
        });
    }

    [Test]
    public void A_stress_process_killed_mid_run_resumes_to_the_files_of_an_uninterrupted_run()
    {
        var scenario = Path.Combine(_workspace.Root, "generated.yaml");
        File.WriteAllText(scenario, ScenarioWriter.ToYaml(NetworkGenerator.Generate(new GeneratorOptions(Parts: 120, Seed: 5, HorizonHours: 168))));
        string[] options = ["--durations", "24,72", "--replications", "2"];
        var killed = Folder("killed");
        var journalRows = Path.Combine(StressJournal.FolderFor(killed), StressRunsCsv.FileName);
        var cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "Simulator.Cli");
        using (var process = Process.Start(new ProcessStartInfo(cli, ["stress", scenario, "--out", killed, .. options]) { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            var clock = Stopwatch.StartNew();
            while (!process.HasExited && (!File.Exists(journalRows) || File.ReadAllLines(journalRows).Length < 6) && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(5);
            }

            Assume.That(process.HasExited, Is.False, "the run finished before it could be killed: nothing to resume");
            process.Kill();
            process.WaitForExit();
        }

        Assert.That(Directory.Exists(killed), Is.False, "a killed run leaves no results folder");
        var resumed = EndToEndCli.Run(["stress", scenario, "--resume", killed, .. options]);
        var single = EndToEndCli.Run(["stress", scenario, "--out", Folder("uninterrupted"), .. options]);

        Assert.Multiple(() =>
        {
            Assert.That(resumed.Code, Is.EqualTo(ExitCodes.Success), resumed.Stderr);
            Assert.That(single.Code, Is.EqualTo(ExitCodes.Success), single.Stderr);
        });
        AssertSameFiles(Folder("uninterrupted"), killed);
    }

    private void AssertShardsMergeToOneProcess(int shards, params string[] options)
    {
        var single = _cli.Run(["stress", _workspace.Scenario, "--out", Folder("single"), .. options]);
        Assert.That(single.Code, Is.EqualTo(ExitCodes.Success), single.Stderr);
        var folders = new List<string>();
        for (var i = shards - 1; i >= 0; i--)
        {
            var shard = _cli.Run(["stress", _workspace.Scenario, "--shard", $"{i}/{shards}", "--out", Folder($"shard-{i}"), .. options]);
            Assert.That(shard.Code, Is.EqualTo(ExitCodes.Success), shard.Stderr);
            Assert.That(Directory.GetFiles(Folder($"shard-{i}")).Select(Path.GetFileName), Is.EquivalentTo(new[] { StressJournal.ManifestFile, StressRunsCsv.FileName }));
            folders.Add(Folder($"shard-{i}"));
        }

        var merged = _cli.Run(["merge", "--out", Folder("merged"), .. folders]);

        Assert.That(merged.Code, Is.EqualTo(ExitCodes.Success), merged.Stderr);
        Assert.That(merged.Stdout, Does.Contain("results written to"));
        AssertSameFiles(Folder("single"), Folder("merged"));
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        Assert.Multiple(() =>
        {
            foreach (var file in ComparedFiles)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(actual, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(expected, file))), file);
            }

            var expectedManifest = File.ReadAllText(Path.Combine(expected, ResultsWriter.ManifestFile));
            var actualManifest = File.ReadAllText(Path.Combine(actual, ResultsWriter.ManifestFile));
            Assert.That(Field(actualManifest, "processed_events"), Is.EqualTo(Field(expectedManifest, "processed_events")));
            Assert.That(Field(actualManifest, "scenario_sha256"), Is.EqualTo(Field(expectedManifest, "scenario_sha256")));
            Assert.That(Field(actualManifest, "seed"), Is.EqualTo(Field(expectedManifest, "seed")));
        });
    }

    private static string Field(string json, string name) =>
        json.Split('\n').Single(l => l.TrimStart().StartsWith($"\"{name}\"", StringComparison.Ordinal)).Trim();

    /// <summary>
    /// Runs about half the units of a stress test into its journal, as a run stopped halfway would have, and leaves a
    /// torn last row; returns the complete lines the journal then holds (header included).
    /// </summary>
    private int Interrupt(string output, string[] options, ShardSpec? shard)
    {
        var scenario = _cli.Backend.LoadResult.Scenario!;
        var durations = options.Contains("--durations") ? options[Array.IndexOf(options, "--durations") + 1].Split(",").Select(d => double.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : options.Contains("--duration") ? [double.Parse(options[Array.IndexOf(options, "--duration") + 1], System.Globalization.CultureInfo.InvariantCulture)]
            : null;
        var replications = options.Contains("--replications") ? int.Parse(options[Array.IndexOf(options, "--replications") + 1], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var stressOptions = new StressTestOptions(DurationsHours: durations, Replications: replications);
        var plan = StressTest.PlanRuns(scenario, stressOptions);
        var manifest = new StressShardManifest(
            StressJournal.FormatName, RunManifest.CurrentToolVersion, _workspace.Scenario, RunManifest.Sha256OfFile(_workspace.Scenario),
            "linesim stress (interrupted)", shard?.Index ?? 0, shard?.Count ?? 1, plan);
        var units = plan.UnitsOfShard(shard?.Index ?? 0, shard?.Count ?? 1);
        using (var journal = StressJournal.Open(output, manifest, resume: false, force: false))
        {
            StressTest.Execute(scenario, plan, stressOptions, units.Take(Math.Max(1, units.Count / 2)).ToArray(), journal);
        }

        var rows = Path.Combine(StressJournal.FolderFor(output), StressRunsCsv.FileName);
        var complete = File.ReadAllLines(rows).Length;
        File.AppendAllText(rows, "run,0,0,1.5,0;");
        return complete;
    }
}
