using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Simulator.Model.Specs;
using Simulator.Scenarios;

namespace Simulator.Tests.Cli;

/// <summary>
/// Every command end to end, in-process, against the real library and the bundled scenarios: exit codes, the results
/// contract of docs/architecture.md (Contracts) (file names, exact CSV columns), charts that decode, reproducibility, and
/// that bad input leaves nothing behind.
/// </summary>
public sealed class EndToEndTests
{
    // The contract, written out here rather than taken from the writers' constants, so a change to either side shows.
    private const int Success = 0;
    private const int InvalidInput = 2;
    private const string Horizon = "72";
    private const int ChartWidth = 1600;
    private const int ChartHeight = 900;

    private static readonly string[] SummaryColumns =
    [
        "policy", "replication", "seed", "plant", "line", "time_to_halt_h", "downtime_h", "time_to_restart_h", "time_to_recover_h",
        "lost_units", "planned_units", "produced_units", "halt_cause", "baseline_units", "stop_length_h",
    ];

    private static readonly string[] DisruptionsColumns =
    [
        "policy", "replication", "seed", "disruption", "plant", "line", "start_h", "end_h", "window_end_h", "time_to_halt_h",
        "time_to_restart_h", "time_to_recover_h", "downtime_h", "lost_units", "halt_cause",
    ];

    private static readonly string[] StatisticsColumns =
        ["policy", "plant", "line", "metric", "n", "mean", "std", "ci95_low", "ci95_high", "p05", "p50", "p95", "censored"];

    private static readonly string[] TimeseriesColumns = ["policy", "replication", "time_h", "timestamp", "kind", "entity", "part", "metric", "value", "state", "local_timestamp"];

    private static readonly string[] EventsColumns = ["policy", "replication", "time_h", "timestamp", "entity", "event", "detail", "local_timestamp"];

    // docs/stress-test.md, "The ranking".
    private static readonly string[] CriticalityColumns =
    [
        "rank", "node", "kind", "tier", "duration_h", "time_to_halt_h", "lines_halted", "plants_halted", "lost_units",
        "time_to_recover_h", "needs_mitigation", "risk_exposure_index",
    ];

    private static readonly string[] RunCharts = ["line-status.png", "buffers.png", "production.png"];

    private static readonly string[] ComparedCsvs = ["summary.csv", "statistics.csv", "events.csv", "timeseries.csv"];

    private string _root = string.Empty;

    private static string Quickstart => BundledScenarios.PathOf("quickstart.yaml");

    [SetUp]
    public void CreateWorkspace()
    {
        _root = Path.Combine(Path.GetTempPath(), "linesim-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void DeleteWorkspace() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Run_writes_the_results_contract()
    {
        var output = Path.Combine(_root, "results", "quickstart");
        var (code, stdout, stderr) = EndToEndCli.Run("run", Quickstart, "--horizon", Horizon, "--seed", "7", "--out", output);

        Assert.That(code, Is.EqualTo(Success), stderr);
        Assert.That(
            Directory.GetFiles(output).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "summary.csv", "disruptions.csv", "statistics.csv", "timeseries.csv", "events.csv", "run.json", "report.html" }
                .Concat(RunCharts).Concat(RunCharts.Select(c => Path.ChangeExtension(c, ".svg")))));
        Assert.That(stdout, Does.Contain($"results written to {output}"));
        AssertNoTemporaryFolders(Path.Combine(_root, "results"));

        var lines = Lines(Load(Quickstart));
        var summary = ReadCsv(output, "summary.csv", SummaryColumns);
        Assert.Multiple(() =>
        {
            Assert.That(summary.Rows.Select(r => (r[3], r[4])), Is.EquivalentTo(lines), "one summary row per line");
            Assert.That(summary.Column("replication"), Is.All.EqualTo("0"));
            Assert.That(summary.Column("seed"), Has.All.Not.Empty);
            Assert.That(summary.Column("policy"), Is.All.EqualTo("as-written"), "default policy is the scenario's first");
        });

        // One disruption: its row per line carries the whole run's lost units.
        var disruptions = ReadCsv(output, "disruptions.csv", DisruptionsColumns);
        Assert.That(
            disruptions.Rows.Select(r => (r[3], r[5], r[13])),
            Is.EquivalentTo(summary.Rows.Select(r => ("edi-outage", r[4], r[9]))));

        var statistics = ReadCsv(output, "statistics.csv", StatisticsColumns);
        var timeseries = ReadCsv(output, "timeseries.csv", TimeseriesColumns);
        var events = ReadCsv(output, "events.csv", EventsColumns);
        Assert.Multiple(() =>
        {
            Assert.That(statistics.Rows.Select(r => (r[1], r[2])).Distinct(), Is.EquivalentTo(lines));
            Assert.That(timeseries.Rows, Is.Not.Empty);
            Assert.That(events.Rows, Is.Not.Empty);

            // The state is named beside its code; the entity is an id, never "holder/part".
            string[] names = ["closed", "running", "reduced", "halted", "planned_stop"];
            Assert.That(
                timeseries.Rows.Where(r => r[7] == "state").Select(r => r[9] == names[int.Parse(r[8], System.Globalization.CultureInfo.InvariantCulture)]),
                Is.Not.Empty.And.All.True);
            Assert.That(timeseries.Rows.Where(r => r[7] != "state").Select(r => r[9]), Is.All.Empty);
            Assert.That(timeseries.Column("kind"), Is.All.AnyOf("line", "supplier"));
            Assert.That(timeseries.Column("entity"), Has.None.Contains("/"));

            // The disruption starts at hour 28 (Tuesday 10:00 +01:00), within the 72 h horizon.
            Assert.That(events.Rows.Any(r => r[4] == "edi-outage"), Is.True, "events name the disruption");
            foreach (var csv in new[] { timeseries, events })
            {
                Assert.That(csv.Column("time_h").Select(ParsesAsInvariantNumber), Is.All.True, "time_h is an invariant number");
                Assert.That(csv.Column("time_h").Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).Max(), Is.LessThanOrEqualTo(72.0));
                Assert.That(csv.Column("timestamp").Select(t => DateTimeOffset.TryParse(t, null, System.Globalization.DateTimeStyles.RoundtripKind, out _)), Is.All.True);

                // The quickstart names no time zone: the local time is the same instant in the same offset.
                Assert.That(csv.Column("local_timestamp"), Is.EqualTo(csv.Column("timestamp")));
            }
        });

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        var json = manifest.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("scenario_sha256").GetString(), Is.EqualTo(Sha256(Quickstart)));
            Assert.That(json.GetProperty("scenario_path").GetString(), Is.EqualTo(Quickstart));
            Assert.That(json.GetProperty("seed").GetUInt64(), Is.EqualTo(7UL));
            Assert.That(json.GetProperty("replications").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("horizon_hours").GetDouble(), Is.EqualTo(72.0));
            Assert.That(json.GetProperty("policies").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "as-written" }));
            Assert.That(json.GetProperty("tool_version").GetString(), Is.Not.Empty);
            Assert.That(json.GetProperty("command_line").GetString(), Does.StartWith("linesim run "));
            Assert.That(json.GetProperty("wall_time_s").GetDouble(), Is.GreaterThanOrEqualTo(0));
        });

        AssertCharts(output, RunCharts);
    }

    [Test]
    public void Run_with_replications_adds_the_time_to_halt_chart_and_a_row_per_replication_and_line()
    {
        var output = Path.Combine(_root, "reps");
        var (code, _, stderr) = EndToEndCli.Run("run", Quickstart, "--horizon", Horizon, "--replications", "3", "--out", output);

        Assert.That(code, Is.EqualTo(Success), stderr);
        AssertCharts(output, [.. RunCharts, "time-to-halt.png"]);
        var lines = Lines(Load(Quickstart));
        var summary = ReadCsv(output, "summary.csv", SummaryColumns);
        Assert.Multiple(() =>
        {
            Assert.That(summary.Rows, Has.Count.EqualTo(3 * lines.Count));
            Assert.That(
                summary.Rows.Select(r => (r[1], r[3], r[4])),
                Is.EquivalentTo(new[] { "0", "1", "2" }.SelectMany(rep => lines.Select(l => (rep, l.Plant, l.Line)))));
            Assert.That(summary.Column("seed").Distinct().Count(), Is.EqualTo(3), "each replication has its own seed");
        });

        var statistics = ReadCsv(output, "statistics.csv", StatisticsColumns);
        Assert.That(statistics.Rows.Where(r => r[3] == "lost_units").Select(r => r[4]), Is.All.EqualTo("3"), "n counts the replications");
    }

    [Test]
    public void Two_runs_with_the_same_seed_write_identical_csvs_on_any_thread_count()
    {
        var first = Path.Combine(_root, "first");
        var second = Path.Combine(_root, "second");
        var a = EndToEndCli.Run("run", Quickstart, "--horizon", Horizon, "--replications", "3", "--seed", "42", "--parallel", "1", "--out", first);
        var b = EndToEndCli.Run("run", Quickstart, "--horizon", Horizon, "--replications", "3", "--seed", "42", "--parallel", "2", "--out", second);

        Assert.That((a.Code, b.Code), Is.EqualTo((Success, Success)), a.Stderr + b.Stderr);
        Assert.Multiple(() =>
        {
            foreach (var file in ComparedCsvs)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(second, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(first, file))), file);
            }
        });
    }

    [Test]
    public void A_different_seed_gives_a_different_summary_when_durations_are_random()
    {
        // Quick start with an outage of random length: the seed decides when EDI comes back, hence the recovery.
        var text = File.ReadAllText(Quickstart);
        Assert.That(text, Does.Contain("    duration_hours: 24\n"), "quickstart.yaml changed: adapt this test");
        var scenario = Path.Combine(_root, "random-outage.yaml");
        File.WriteAllText(scenario, text.Replace("    duration_hours: 24\n", "    duration_hours: { dist: uniform, min: 6, max: 36 }\n", StringComparison.Ordinal));

        var outputs = new[] { "1", "2", "1" }.Select((seed, i) =>
        {
            var output = Path.Combine(_root, $"seed{seed}-{i}");
            var (code, _, stderr) = EndToEndCli.Run("run", scenario, "--horizon", Horizon, "--seed", seed, "--out", output);
            Assert.That(code, Is.EqualTo(Success), stderr);
            return ReadCsv(output, "summary.csv", SummaryColumns).RowsWithout("seed");
        }).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(outputs[1], Is.Not.EqualTo(outputs[0]), "seeds 1 and 2 give the same metrics");
            Assert.That(outputs[2], Is.EqualTo(outputs[0]), "seed 1 twice");
        });
    }

    [TestCase("run")]
    [TestCase("compare")]
    [TestCase("stress")]
    [TestCase("graph")]
    [TestCase("validate")]
    public void A_broken_yaml_file_is_invalid_input_located_by_line_and_column_and_writes_nothing(string command)
    {
        var scenario = Path.Combine(_root, "broken.yaml");
        File.WriteAllText(scenario, "plants: [unclosed\n  - : :\n");
        var results = Path.Combine(_root, "results");
        string[] args = command == "validate" ? [command, scenario] : [command, scenario, "--out", Path.Combine(results, "broken")];

        var (code, stdout, stderr) = EndToEndCli.Run(args);

        var problems = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(InvalidInput), stderr);
            Assert.That(problems, Is.Not.Empty);
            Assert.That(problems, Has.All.Match("^" + Regex.Escape(scenario) + @":[1-9]\d*:[1-9]\d*: "), "file:line:col on every line");
            AssertNoStackTrace(stderr);
            Assert.That(stdout, Does.Not.Contain("valid").And.Not.Contain("written"));
            Assert.That(Directory.Exists(results), Is.False, "--out (or its parent) was created");
        });
    }

    [Test]
    public void A_parseable_but_invalid_scenario_is_invalid_input_naming_the_id()
    {
        var scenario = Path.Combine(_root, "negative-rate.yaml");
        var text = File.ReadAllText(Quickstart);
        Assert.That(text, Does.Contain("rate_per_hour: 45\n"), "quickstart.yaml changed: adapt this test");
        File.WriteAllText(scenario, text.Replace("rate_per_hour: 45\n", "rate_per_hour: -45\n", StringComparison.Ordinal));
        var output = Path.Combine(_root, "results", "negative");

        var (code, _, stderr) = EndToEndCli.Run("run", scenario, "--horizon", Horizon, "--out", output);

        var lineOfRate = Array.FindIndex(File.ReadAllLines(scenario), l => l.Contains("rate_per_hour: -45", StringComparison.Ordinal)) + 1;
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(InvalidInput), stderr);
            Assert.That(stderr, Does.Match("(?m)^" + Regex.Escape(scenario) + ":" + lineOfRate + @":\d+: error \[MID-B\]: "));
            AssertNoStackTrace(stderr);
            Assert.That(Directory.Exists(Path.Combine(_root, "results")), Is.False);
        });
    }

    [Test]
    public void A_missing_scenario_file_is_invalid_input()
    {
        var scenario = Path.Combine(_root, "no-such.yaml");
        var (code, _, stderr) = EndToEndCli.Run("run", scenario, "--out", Path.Combine(_root, "results", "x"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(InvalidInput), stderr);
            Assert.That(stderr, Does.StartWith(scenario + ":"));
            AssertNoStackTrace(stderr);
            Assert.That(Directory.Exists(Path.Combine(_root, "results")), Is.False);
        });
    }

    [TestCaseSource(typeof(BundledScenarios), nameof(BundledScenarios.FileNames))]
    public void Validate_accepts_every_bundled_scenario(string fileName)
    {
        var (code, stdout, stderr) = EndToEndCli.Run("validate", BundledScenarios.PathOf(fileName));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(Success), stderr);
            Assert.That(stdout, Does.Contain(": valid"));
        });
    }

    [Test]
    public void Validate_reports_every_problem_located_and_exits_2()
    {
        var scenario = Path.Combine(_root, "two-problems.yaml");
        var text = File.ReadAllText(Quickstart)
            .Replace("rate_per_hour: 60\n", "rate_per_hour: -60\n", StringComparison.Ordinal)
            .Replace("from: T1-GLASS, to: MID-A", "from: T1-NOWHERE, to: MID-A", StringComparison.Ordinal);
        File.WriteAllText(scenario, text);

        var (code, stdout, stderr) = EndToEndCli.Run("validate", scenario);

        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains(": error", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(InvalidInput), stderr);
            Assert.That(stdout, Does.Not.Contain("valid"));
            Assert.That(errors, Has.All.Match("^" + Regex.Escape(scenario) + @":[1-9]\d*:[1-9]\d*: error"));
            Assert.That(errors, Has.Some.Contains("[MID-A]"));
            Assert.That(errors, Has.Some.Contains("T1-NOWHERE"));
            AssertNoStackTrace(stderr);
        });
    }

    [TestCase("dot")]
    [TestCase("mermaid")]
    public void Graph_names_every_plant_line_supplier_and_it_system(string format)
    {
        var (code, stdout, stderr) = EndToEndCli.Run("graph", Quickstart, "--format", format);

        var scenario = Load(Quickstart);
        var ids = scenario.Plants.Select(p => p.Id)
            .Concat(scenario.Plants.SelectMany(p => p.Lines).Select(l => l.Id))
            .Concat(scenario.Suppliers.Select(s => s.Id))
            .Concat(scenario.ItSystems.Select(s => s.Id))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(Success), stderr);
            Assert.That(stdout, format == "dot" ? Does.StartWith("digraph ") : Does.Match("(?m)^flowchart "));
            foreach (var id in ids)
            {
                Assert.That(stdout, Does.Contain(id), $"{format} output lacks {id}");
            }
        });
    }

    [Test]
    public void Graph_creates_the_missing_folder_of_its_output_file()
    {
        var file = Path.Combine(_root, "maps", "network.dot");

        var (code, _, stderr) = EndToEndCli.Run("graph", Quickstart, "--out", file);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(Success), stderr);
            Assert.That(File.ReadAllText(file), Does.StartWith("digraph "));
        });
    }

    [Test]
    public void Compare_writes_a_row_per_policy_and_the_comparison_chart()
    {
        var scenarioPath = BundledScenarios.PathOf("buffer-policies.yaml");
        var output = Path.Combine(_root, "compare");
        var (code, _, stderr) = EndToEndCli.Run("compare", scenarioPath, "--replications", "3", "--out", output);

        Assert.That(code, Is.EqualTo(Success), stderr);
        var scenario = Load(scenarioPath);
        var policies = scenario.Policies.Select(p => p.Id).ToList();
        var comparison = EndToEndCsv.Read(Path.Combine(output, "comparison.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(policies, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(comparison.Column("policy").Distinct(), Is.EquivalentTo(policies));
            Assert.That(comparison.Rows, Has.Count.EqualTo(policies.Count * Lines(scenario).Count));
            Assert.That(comparison.Rows, Has.All.Count.EqualTo(comparison.Header.Count));
            Assert.That(File.Exists(Path.Combine(output, "comparison-paired.csv")), Is.True);
            Assert.That(ReadCsv(output, "summary.csv", SummaryColumns).Rows, Has.Count.EqualTo(policies.Count * 3 * Lines(scenario).Count));
        });
        AssertCharts(output, ["policy-comparison.png"]);
    }

    [Test]
    public void Stress_ranks_every_supplier_it_system_and_provider()
    {
        var output = Path.Combine(_root, "stress");
        var (code, _, stderr) = EndToEndCli.Run("stress", Quickstart, "--duration", "24", "--out", output);

        Assert.That(code, Is.EqualTo(Success), stderr);
        var scenario = Load(Quickstart);
        var nodes = scenario.Plants.Select(p => p.Id)
            .Concat(scenario.Plants.SelectMany(p => p.Lines).Select(l => l.Id))
            .Concat(scenario.Suppliers.Select(s => s.Id))
            .ToHashSet(StringComparer.Ordinal);
        var expected = scenario.Suppliers.Select(s => (s.Id, "supplier"))
            .Concat(scenario.ItSystems.Select(s => (s.Id, "it_system")))
            .Concat(scenario.ItSystems.Select(s => s.Owner).Where(o => !nodes.Contains(o)).Distinct().Select(o => (o, "provider")))
            .ToList();

        var criticality = ReadCsv(output, "criticality.csv", CriticalityColumns);
        Assert.Multiple(() =>
        {
            Assert.That(expected.Select(e => e.Item2), Does.Contain("provider"), "quickstart has shared providers");
            Assert.That(criticality.Rows.Select(r => (r[1], r[2])), Is.EquivalentTo(expected));
            Assert.That(criticality.Column("rank"), Is.EqualTo(Enumerable.Range(1, expected.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.That(criticality.Column("duration_h"), Is.All.EqualTo("24"));
            Assert.That(File.Exists(Path.Combine(output, "run.json")), Is.True);
        });
        AssertCharts(output, ["criticality.png"]);
    }

    [TestCase("run")]
    [TestCase("compare")]
    [TestCase("stress")]
    public void A_non_empty_out_folder_without_force_is_refused_and_left_untouched(string command)
    {
        var output = Path.Combine(_root, "previous");
        Directory.CreateDirectory(Path.Combine(output, "nested"));
        File.WriteAllText(Path.Combine(output, "summary.csv"), "an earlier result\n");
        File.WriteAllText(Path.Combine(output, "nested", "notes.txt"), "keep me\n");
        var before = Snapshot(output);

        var (code, _, stderr) = EndToEndCli.Run(command, Quickstart, "--out", output);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(InvalidInput), stderr);
            Assert.That(stderr, Does.Contain("--force"));
            AssertNoStackTrace(stderr);
            Assert.That(Snapshot(output), Is.EqualTo(before));
            Assert.That(Directory.GetFileSystemEntries(_root).Select(Path.GetFileName), Is.EqualTo(new[] { "previous" }), "no temporary folder left next to it");
        });
    }

    [TestCase("run")]
    [TestCase("compare")]
    [TestCase("stress")]
    public void An_out_path_that_is_a_file_is_invalid_input_and_the_file_is_untouched(string command)
    {
        var output = Path.Combine(_root, "results.txt");
        File.WriteAllText(output, "not a folder\n");

        var (code, _, stderr) = EndToEndCli.Run(command, Quickstart, "--out", output);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(InvalidInput), stderr);
            Assert.That(stderr.Trim(), Does.StartWith("error: ").And.Contain("is a file, not a folder").And.Not.Contain("unexpected"));
            AssertNoStackTrace(stderr);
            Assert.That(File.ReadAllText(output), Is.EqualTo("not a folder\n"));
            Assert.That(Directory.GetFileSystemEntries(_root).Select(Path.GetFileName), Is.EqualTo(new[] { "results.txt" }));
        });
    }

    private static ScenarioSpec Load(string path)
    {
        var load = ScenarioLoader.Load(path);
        Assert.That(load.Scenario, Is.Not.Null, string.Join('\n', load.Problems));
        return load.Scenario!;
    }

    private static List<(string Plant, string Line)> Lines(ScenarioSpec scenario) =>
        scenario.Plants.SelectMany(p => p.Lines.Select(l => (p.Id, l.Id))).ToList();

    private static EndToEndCsv ReadCsv(string folder, string file, string[] columns)
    {
        var csv = EndToEndCsv.Read(Path.Combine(folder, file));
        Assert.That(csv.Header, Is.EqualTo(columns), $"{file} header");
        Assert.That(csv.Rows, Has.All.Count.EqualTo(columns.Length), $"{file}: every row has {columns.Length} fields");
        return csv;
    }

    private static void AssertCharts(string folder, IEnumerable<string> charts)
    {
        Assert.Multiple(() =>
        {
            foreach (var chart in charts)
            {
                var path = Path.Combine(folder, chart);
                Assert.That(File.Exists(path), Is.True, $"{chart} missing");
                if (!File.Exists(path))
                {
                    continue;
                }

                var image = EndToEndPng.Decode(path);
                Assert.That((image.Width, image.Height), Is.EqualTo((ChartWidth, ChartHeight)), chart);
                Assert.That(image.DistinctPixels, Is.GreaterThan(2), $"{chart} is blank");
            }
        });
    }

    private static void AssertNoStackTrace(string stderr)
    {
        Assert.That(stderr, Does.Not.Match(@"(?m)^\s+at \S+\("), "stack trace on stderr");
        Assert.That(stderr, Does.Not.Contain("Exception"));
    }

    private static void AssertNoTemporaryFolders(string parent) =>
        Assert.That(Directory.GetDirectories(parent).Select(Path.GetFileName), Has.None.StartWith("."), "a temporary folder was left behind");

    private static bool ParsesAsInvariantNumber(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(
                p => Path.GetRelativePath(folder, p),
                p => File.Exists(p) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))) : "<dir>",
                StringComparer.Ordinal);
}
