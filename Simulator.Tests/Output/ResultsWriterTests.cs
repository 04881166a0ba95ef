using System.Collections;
using System.Text.Json;
using Simulator.Experiments;
using Simulator.Model;
using Simulator.Output;

namespace Simulator.Tests.Output;

public sealed class ResultsWriterTests
{
    private string _root = string.Empty;

    [SetUp]
    public void CreateRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "linesim-writer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    private static RunManifest Manifest() => SyntheticResults.Manifest();

    private static ExperimentResult WithSamples(IReadOnlyList<Sample> samples)
    {
        var run = SyntheticResults.Replication("base", 0, 1);
        var broken = run with { Disrupted = run.Disrupted with { Samples = samples } };
        return new ExperimentResult(["base"], 1, 1, SyntheticResults.HorizonHours, [broken], []);
    }

    [Test]
    public void Writes_the_whole_contract_and_leaves_no_temporary_folder()
    {
        var target = Path.Combine(_root, "out");
        var written = ResultsWriter.Write(target, SyntheticResults.Experiment(["base"], 1), SyntheticResults.Start, Manifest());
        string[] expected = ["summary.csv", "disruptions.csv", "statistics.csv", "events.csv", "timeseries.csv", "line-status.png", "buffers.png", "production.png", "line-status.svg", "buffers.svg", "production.svg", "run.json"];
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EquivalentTo(expected));
            Assert.That(Directory.GetFiles(target).Select(Path.GetFileName), Is.EquivalentTo(expected));
            Assert.That(Directory.GetFileSystemEntries(_root).Select(Path.GetFileName), Is.EqualTo(new[] { "out" }));
        });
    }

    [Test]
    public void Statistics_are_computed_when_the_experiment_did_not_supply_them()
    {
        var target = Path.Combine(_root, "out");
        ResultsWriter.Write(target, WithSamples(SyntheticResults.Replication("base", 0, 1).Disrupted.Samples), SyntheticResults.Start, Manifest());
        Assert.That(File.ReadAllLines(Path.Combine(target, "statistics.csv")), Has.Length.EqualTo(1 + (3 * 7)));
    }

    [Test]
    public void Cancellation_mid_way_leaves_no_folder()
    {
        using var cancellation = new CancellationTokenSource();
        var samples = new TrippingList(SyntheticResults.Replication("base", 0, 1).Disrupted.Samples, cancellation.Cancel);
        var target = Path.Combine(_root, "out");
        Assert.Throws<OperationCanceledException>(() =>
            ResultsWriter.Write(target, WithSamples(samples), SyntheticResults.Start, Manifest(), cancellationToken: cancellation.Token));
        Assert.That(Directory.GetFileSystemEntries(_root), Is.Empty);
    }

    [Test]
    public void A_failure_mid_way_leaves_no_folder()
    {
        var samples = new TrippingList(SyntheticResults.Replication("base", 0, 1).Disrupted.Samples, () => throw new InvalidDataException("disk gone"));
        var target = Path.Combine(_root, "out");
        Assert.Throws<InvalidDataException>(() => ResultsWriter.Write(target, WithSamples(samples), SyntheticResults.Start, Manifest()));
        Assert.That(Directory.GetFileSystemEntries(_root), Is.Empty);
    }

    [Test]
    public void A_non_empty_folder_is_refused_without_force_and_left_alone()
    {
        var target = Path.Combine(_root, "out");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "mine");
        var error = Assert.Throws<ResultsFolderNotEmptyException>(() =>
            ResultsWriter.Write(target, SyntheticResults.Experiment(["base"], 1), SyntheticResults.Start, Manifest()));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("not empty"));
            Assert.That(Directory.GetFiles(target).Select(Path.GetFileName), Is.EqualTo(new[] { "notes.txt" }));
            Assert.That(Directory.GetFileSystemEntries(_root), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Force_replaces_an_earlier_results_folder()
    {
        var target = Path.Combine(_root, "out");
        ResultsWriter.Write(target, SyntheticResults.Experiment(["base"], 1), SyntheticResults.Start, Manifest());
        File.WriteAllText(Path.Combine(target, "stale.csv"), "old");
        ResultsWriter.Write(target, SyntheticResults.Experiment(["base"], 1), SyntheticResults.Start, Manifest(), force: true);
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(target, "stale.csv")), Is.False);
            Assert.That(File.Exists(Path.Combine(target, "run.json")), Is.True);
            Assert.That(Directory.GetFileSystemEntries(_root), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void An_empty_existing_folder_is_used()
    {
        var target = Path.Combine(_root, "out");
        Directory.CreateDirectory(target);
        ResultsWriter.Write(target, SyntheticResults.Experiment(["base"], 1), SyntheticResults.Start, Manifest());
        Assert.That(File.Exists(Path.Combine(target, "summary.csv")), Is.True);
    }

    [Test]
    public void Missing_parent_folders_are_created()
    {
        var target = Path.Combine(_root, "results", "deep", "out");
        ResultsWriter.Write(target, SyntheticResults.Experiment(["base"], 1), SyntheticResults.Start, Manifest());
        Assert.That(Directory.GetFileSystemEntries(Path.Combine(_root, "results", "deep")).Select(Path.GetFileName), Is.EqualTo(new[] { "out" }));
    }

    [Test]
    public void Manifest_uses_the_contract_names()
    {
        var target = Path.Combine(_root, "out");
        ResultsWriter.Write(target, SyntheticResults.Experiment(["base"], 1), SyntheticResults.Start, Manifest());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "run.json")));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(new[]
            {
                "tool_version", "scenario_path", "scenario_sha256", "scenario_name", "policies", "seed", "replications",
                "horizon_hours", "command_line", "started_at", "wall_time_s", "processed_events",
            }));
            Assert.That(json.RootElement.GetProperty("started_at").GetString(), Is.EqualTo("2025-09-01T06:00:00+01:00"));
            Assert.That(json.RootElement.GetProperty("tool_version").GetString(), Does.StartWith("0.1.0"));
        });
    }

    [Test]
    public void Sha256_of_a_file_is_lower_case_hex()
    {
        var file = Path.Combine(_root, "abc.txt");
        File.WriteAllText(file, "abc");
        Assert.That(RunManifest.Sha256OfFile(file), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    /// <summary>A sample list that runs an action (cancel, throw) once half of it has been read.</summary>
    private sealed class TrippingList(IReadOnlyList<Sample> inner, Action trip) : IReadOnlyList<Sample>
    {
        public int Count => inner.Count;

        public Sample this[int index] => inner[index];

        public IEnumerator<Sample> GetEnumerator()
        {
            for (var i = 0; i < inner.Count; i++)
            {
                if (i == inner.Count / 2)
                {
                    trip();
                }

                yield return inner[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
