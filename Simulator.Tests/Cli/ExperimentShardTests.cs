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

    [Test]
    public void An_interrupted_shard_resumes_without_redoing_a_finished_replication()
    {
        var scenario = BundledScenarios.PathOf("quickstart.yaml");
        string[] options = ["--replications", "4"];
        Assert.That(EndToEndCli.Run(["run", scenario, "--out", Folder("single"), .. options]).Code, Is.EqualTo(ExitCodes.Success));
        var loaded = ScenarioLoader.Load(scenario).Scenario!;
        var experiment = new ExperimentOptions([], Replications: 4);
        var manifest = new ExperimentShardManifest(
            ExperimentShard.FormatName, "run", RunManifest.CurrentToolVersion, scenario, RunManifest.Sha256OfFile(scenario), "linesim run (interrupted)",
            Experiment.PoliciesOf(loaded, experiment), 4, 1, null, false, 0, 1);
        var journal = ExperimentShard.Open(Folder("resumed"), manifest, loaded.Start, resume: false, force: false);
        ExperimentJobs.Run(loaded, experiment, [0, 2], journal.Accept);
        var jobs = Path.Combine(StressJournal.FolderFor(Folder("resumed")), "jobs");
        var before = Directory.GetFiles(jobs).ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc);

        var resumed = EndToEndCli.Run(["run", scenario, "--shard", "0/1", "--resume", Folder("resumed"), .. options]);
        var merged = EndToEndCli.Run("merge", "--out", Folder("merged"), Folder("resumed"));

        Assert.Multiple(() =>
        {
            Assert.That(resumed.Code, Is.EqualTo(ExitCodes.Success), resumed.Stderr);
            Assert.That(resumed.Stdout, Does.Contain("4 of 4 replications"));
            Assert.That(merged.Code, Is.EqualTo(ExitCodes.Success), merged.Stderr);
            foreach (var (file, written) in before)
            {
                Assert.That(File.GetLastWriteTimeUtc(Path.Combine(Folder("resumed"), "jobs", file)), Is.EqualTo(written), file);
            }
        });
        AssertSameFiles(Folder("single"), Folder("merged"));
    }

    [Test]
    public void A_precision_target_cannot_be_sharded_and_resume_needs_a_shard()
    {
        var scenario = BundledScenarios.PathOf("quickstart.yaml");

        var precision = EndToEndCli.Run("run", scenario, "--shard", "0/2", "--until-precision", "5", "--out", Folder("p"));
        var resume = EndToEndCli.Run("run", scenario, "--resume", Folder("p"));

        Assert.Multiple(() =>
        {
            Assert.That(precision.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(precision.Stderr, Does.Contain("--until-precision cannot be sharded"));
            Assert.That(resume.Code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(resume.Stderr, Does.Contain("give --shard too"));
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
