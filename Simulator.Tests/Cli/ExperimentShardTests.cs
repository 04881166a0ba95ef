using Simulator.Cli;
using Simulator.Experiments;
using Simulator.Output;
using Simulator.Scenarios;

namespace Simulator.Tests.Cli;

/// <summary>
/// <c>run</c> and <c>compare</c> with <c>--shard</c>, then <c>merge</c>: every results file but run.json is byte for byte
/// the one-process run's; an interrupted shard resumes without redoing a finished replication.
/// </summary>
public sealed class ExperimentShardTests
{
    private string _root = string.Empty;

    [SetUp]
    public void CreateRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), $"linesim-experiment-shards-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    private string Folder(string name) => Path.Combine(_root, name);

    [TestCase("run", 3, "--replications", "5")]
    [TestCase("run", 2, "--replications", "3", "--timeseries", "all")]
    [TestCase("compare", 3, "--policies", "as-written,jis-buffer", "--replications", "4")]
    [TestCase("run", 4, "--replications", "2", "--horizon", "100")]
    public void Shards_merged_give_the_files_of_one_process_byte_for_byte(string command, int shards, params string[] options)
    {
        var scenario = BundledScenarios.PathOf("quickstart.yaml");
        var single = EndToEndCli.Run([command, scenario, "--out", Folder("single"), .. options]);
        Assert.That(single.Code, Is.EqualTo(ExitCodes.Success), single.Stderr);
        var folders = new List<string>();
        for (var i = 0; i < shards; i++)
        {
            var shard = EndToEndCli.Run([command, scenario, "--shard", $"{i}/{shards}", "--out", Folder($"shard-{i}"), .. options]);
            Assert.That(shard.Code, Is.EqualTo(ExitCodes.Success), shard.Stderr);
            folders.Add(Folder($"shard-{i}"));
        }

        var merged = EndToEndCli.Run(["merge", "--out", Folder("merged"), .. folders.AsEnumerable().Reverse()]);

        Assert.That(merged.Code, Is.EqualTo(ExitCodes.Success), merged.Stderr);
        AssertSameFiles(Folder("single"), Folder("merged"));
    }

    [TestCase("run", false)]
    [TestCase("run", true)]
    [TestCase("compare", false)]
    public void An_interrupted_run_or_shard_resumes_without_redoing_a_finished_replication(string command, bool asShard)
    {
        var scenario = BundledScenarios.PathOf("quickstart.yaml");
        string[] options = command == "compare" ? ["--replications", "2", "--policies", "as-written,jis-buffer"] : ["--replications", "4"];
        Assert.That(EndToEndCli.Run([command, scenario, "--out", Folder("single"), .. options]).Code, Is.EqualTo(ExitCodes.Success));
        var loaded = ScenarioLoader.Load(scenario).Scenario!;
        var experiment = command == "compare" ? new ExperimentOptions(["as-written", "jis-buffer"], Replications: 2) : new ExperimentOptions([], Replications: 4);
        var manifest = new ExperimentShardManifest(
            ExperimentShard.FormatName, command, RunManifest.CurrentToolVersion, scenario, RunManifest.Sha256OfFile(scenario), $"linesim {command} (interrupted)",
            Experiment.PoliciesOf(loaded, experiment), experiment.Replications, 1, null, false, 0, 1);
        var journal = ExperimentShard.Open(Folder("resumed"), manifest, loaded.Start, resume: false, force: false);
        ExperimentJobs.Run(loaded, experiment, [0, 2], journal.Accept);
        var jobs = Path.Combine(StressJournal.FolderFor(Folder("resumed")), "jobs");
        var before = Directory.GetFiles(jobs).ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc);

        // The shard keeps its job files, so it shows that finished jobs are not redone; the plain run takes the same path.
        var resumed = asShard
            ? EndToEndCli.Run([command, scenario, "--shard", "0/1", "--resume", Folder("resumed"), .. options])
            : EndToEndCli.Run([command, scenario, "--resume", Folder("resumed"), .. options]);
        var merged = asShard ? EndToEndCli.Run("merge", "--out", Folder("merged"), Folder("resumed")) : resumed;

        Assert.Multiple(() =>
        {
            Assert.That(resumed.Code, Is.EqualTo(ExitCodes.Success), resumed.Stderr);
            Assert.That(merged.Code, Is.EqualTo(ExitCodes.Success), merged.Stderr);
            if (asShard)
            {
                Assert.That(resumed.Stdout, Does.Contain($"{experiment.Replications * manifest.Policies.Count} of {experiment.Replications * manifest.Policies.Count} replications"));
                foreach (var (file, written) in before)
                {
                    Assert.That(File.GetLastWriteTimeUtc(Path.Combine(Folder("resumed"), "jobs", file)), Is.EqualTo(written), file);
                }
            }
            else
            {
                Assert.That(Directory.Exists(StressJournal.FolderFor(Folder("resumed"))), Is.False, "the journal is deleted once the results are in place");
            }
        });
        AssertSameFiles(Folder("single"), asShard ? Folder("merged") : Folder("resumed"));
    }

    [Test]
    public void A_run_process_killed_mid_run_resumes_to_the_files_of_an_uninterrupted_run()
    {
        var scenario = BundledScenarios.PathOf("quickstart.yaml");
        string[] options = ["--replications", "120", "--policy", "jis-buffer"];
        var killed = Folder("killed");
        var jobs = Path.Combine(StressJournal.FolderFor(killed), "jobs");
        var cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "Simulator.Cli");
        using (var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(cli, ["run", scenario, "--out", killed, .. options])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!process.HasExited && (!Directory.Exists(jobs) || Directory.GetFiles(jobs, "*.record.json").Length < 5) && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(5);
            }

            Assume.That(process.HasExited, Is.False, "the run finished before it could be killed: nothing to resume");
            process.Kill();
            process.WaitForExit();
        }

        Assert.That(Directory.Exists(killed), Is.False, "a killed run leaves no results folder");
        var resumed = EndToEndCli.Run(["run", scenario, "--resume", killed, .. options]);
        var single = EndToEndCli.Run(["run", scenario, "--out", Folder("uninterrupted"), .. options]);

        Assert.Multiple(() =>
        {
            Assert.That(resumed.Code, Is.EqualTo(ExitCodes.Success), resumed.Stderr);
            Assert.That(single.Code, Is.EqualTo(ExitCodes.Success), single.Stderr);
        });
        AssertSameFiles(Folder("uninterrupted"), killed);
    }

    [Test]
    public void A_precision_target_can_be_neither_sharded_nor_resumed_and_resume_needs_a_journal()
    {
        var scenario = BundledScenarios.PathOf("quickstart.yaml");

        var precision = EndToEndCli.Run("run", scenario, "--shard", "0/2", "--until-precision", "5", "--out", Folder("p"));
        var precisionResume = EndToEndCli.Run("run", scenario, "--resume", Folder("p"), "--until-precision", "5");
        var resume = EndToEndCli.Run("run", scenario, "--resume", Folder("p"));

        Assert.Multiple(() =>
        {
            Assert.That(precision.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(precision.Stderr, Does.Contain("--until-precision cannot be sharded"));
            Assert.That(precisionResume.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(precisionResume.Stderr, Does.Contain("--until-precision cannot be resumed"));
            Assert.That(resume.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(resume.Stderr, Does.Contain("nothing to resume"));
            Assert.That(Directory.GetFileSystemEntries(_root), Is.Empty);
        });
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        var names = Directory.GetFiles(expected).Select(Path.GetFileName).Where(n => n != ResultsWriter.ManifestFile).Order(StringComparer.Ordinal).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(names.Append(ResultsWriter.ManifestFile).Order(StringComparer.Ordinal)));
            foreach (var name in names)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(actual, name!)), Is.EqualTo(File.ReadAllBytes(Path.Combine(expected, name!))), name);
            }
        });
    }
}
