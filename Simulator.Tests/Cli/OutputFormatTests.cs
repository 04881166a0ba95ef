using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Simulator.Cli;
using Simulator.Model.Specs;
using Simulator.Scenarios;
using Simulator.Tests.Experiments;
using Simulator.Tests.Scenarios;

namespace Simulator.Tests.Cli;

/// <summary><c>--format table|csv|json</c>: with csv or json stdout holds the document and nothing else.</summary>
public sealed class OutputFormatTests
{
    private CliHarness _cli = null!;
    private CliWorkspace _workspace = null!;
    private string _scenario = string.Empty;
    private string _out = string.Empty;

    [SetUp]
    public void CreateWorkspace()
    {
        _cli = new CliHarness();
        _workspace = new CliWorkspace("linesim-format", "outage.yaml", "out1");
        (_scenario, _out) = (_workspace.Scenario, _workspace.Out);
    }

    [TearDown]
    public void DeleteWorkspace() => _workspace.Dispose();

    [Test]
    public void Run_as_csv_prints_the_line_table_rows_and_nothing_else()
    {
        var (code, stdout, stderr) = _cli.Run("run", _scenario, "--out", _out, "--format", "csv");
        var (_, table, _) = _cli.Run("run", _scenario, "--out", _out + "-table");
        var csv = Csv(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(csv[0], Is.EqualTo(new[] { "plant", "line", "halt (h)", "restart (h)", "recover (h)", "down (h)", "lost", "halt cause" }));
            Assert.That(csv.Skip(1).Select(r => r[1]), Is.EqualTo(new[] { "SOL-A1", "SOL-A2", "CAS-B1" }));
            Assert.That(csv.Skip(1).Select(r => r.Length), Is.All.EqualTo(8));
            Assert.That(stdout, Does.Not.Contain("results written"));
            Assert.That(stderr, Does.Contain($"results written to {_out}"));
            // The same rows as the table a person sees.
            Assert.That(table, Does.Contain("SOL-A1").And.Contain("results written"));
        });
    }

    [Test]
    public void Run_as_json_is_one_document_with_the_tables_notes_and_results_folder()
    {
        var (code, stdout, stderr) = _cli.Run("run", _scenario, "--out", _out, "--format", "json");
        Assert.That(code, Is.Zero, stderr);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        var lines = root.GetProperty("tables")[0];
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("format_version").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("command").GetString(), Is.EqualTo("run"));
            Assert.That(root.GetProperty("results").GetString(), Is.EqualTo(_out));
            Assert.That(root.GetProperty("deterministic").GetBoolean(), Is.True);
            Assert.That(lines.GetProperty("name").GetString(), Is.EqualTo("lines"));
            Assert.That(lines.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("line").GetString()), Is.EqualTo(new[] { "SOL-A1", "SOL-A2", "CAS-B1" }));
            Assert.That(lines.GetProperty("notes").EnumerateArray().Select(n => n.GetString()), Has.Some.StartsWith("halt: hours from"));
        });
    }

    [Test]
    public void Compare_as_json_holds_both_tables_and_the_note_on_determinism_goes_to_stderr()
    {
        var scenario = _cli.Backend.LoadResult.Scenario! with
        {
            Policies = [PolicySpec.AsWritten, new PolicySpec("buffer-8h", "8 h at the line", 8, new Dictionary<int, double>(), [])],
        };
        _cli.Backend.LoadResult = new LoadResult(scenario, []);
        var (code, stdout, stderr) = _cli.Run("compare", _scenario, "--out", _out, "--format", "json");
        Assert.That(code, Is.Zero, stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(document.RootElement.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString()), Is.EqualTo(new[] { "policies", "paired" }));
            Assert.That(stderr, Does.Contain("note: the scenario draws no random numbers"));
        });
    }

    [Test]
    public void Stress_as_csv_prints_the_ranking()
    {
        _cli.Backend.LoadResult = new LoadResult(StressTestTests.ThinTier2DeepTier1().Build(), []);
        var (code, stdout, stderr) = _cli.Run("stress", _scenario, "--duration", "20", "--out", _out, "--format", "csv");
        var csv = Csv(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(csv[0][..3], Is.EqualTo(new[] { "rank", "node", "kind" }));
            Assert.That(csv.Skip(1).Select(r => r[0]), Is.EqualTo(Enumerable.Range(1, csv.Count - 1).Select(i => i.ToString(CultureInfo.InvariantCulture))));
            Assert.That(csv.Skip(1).Select(r => r[1]), Does.Contain("T2-FOAM"));
        });
    }

    [Test]
    public void Validate_as_json_lists_every_problem_and_still_exits_2()
    {
        _cli.Backend.LoadResult = new LoadResult(null,
        [
            new ScenarioProblem("outage.yaml", 3, 7, "L1", "rate_per_hour must be positive", "write a number above 0"),
            new ScenarioProblem("outage.yaml", 9, 1, null, "sample_every_hours is large", null, ProblemSeverity.Warning),
        ]);
        var (code, stdout, stderr) = _cli.Run("validate", _scenario, "--format", "json");
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        var first = root.GetProperty("problems")[0];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(root.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("problems").GetArrayLength(), Is.EqualTo(2));
            Assert.That(
                (first.GetProperty("severity").GetString(), first.GetProperty("line").GetInt32(), first.GetProperty("column").GetInt32(), first.GetProperty("id").GetString(), first.GetProperty("hint").GetString()),
                Is.EqualTo(("error", 3, 7, "L1", "write a number above 0")));
            Assert.That(root.GetProperty("problems")[1].GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(stderr, Does.Contain("outage.yaml:3:7"));
        });
    }

    [Test]
    public void Validate_as_csv_of_a_valid_scenario_is_the_header_alone()
    {
        var (code, stdout, stderr) = _cli.Run("validate", _scenario, "--format", "csv");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout, Is.EqualTo("severity,file,line,column,id,message,hint\n"));
        });
    }

    [TestCase("run")]
    [TestCase("compare")]
    [TestCase("stress")]
    [TestCase("survive")]
    [TestCase("validate")]
    public void An_unknown_format_is_refused_with_exit_2(string command)
    {
        var (code, stdout, stderr) = _cli.Run(command, _scenario, "--format", "xml");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr, Does.Contain("--format must be 'table', 'csv' or 'json', got 'xml'"));
            Assert.That(stdout, Is.Empty);
        });
    }

    [Test]
    public void A_failed_run_prints_no_document()
    {
        _cli.Backend.Experiment = (_, _) => throw new InvalidOptionsException("unknown policy 'nope'");
        var (code, stdout, _) = _cli.Run("run", _scenario, "--out", _out, "--format", "json");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stdout, Is.Empty);
        });
    }

    [TestCase(true, null, null, false)]
    [TestCase(false, null, null, true)]
    [TestCase(false, "true", null, false)]
    [TestCase(false, "1", null, false)]
    [TestCase(false, "false", null, true)]
    [TestCase(false, null, "dumb", false)]
    [TestCase(false, null, "xterm-256color", true)]
    public void Progress_is_drawn_only_on_a_terminal_outside_CI(bool redirected, string? ci, string? term, bool shown) =>
        Assert.That(CliSession.ProgressWanted(redirected, name => name switch { "CI" => ci, "TERM" => term, _ => null }), Is.EqualTo(shown));

    /// <summary>The real process, stdout and stderr both redirected as in <c>linesim run x --format json | jq</c>, CI unset.</summary>
    [Test]
    public void Through_a_pipe_stdout_is_the_json_document_and_stderr_has_no_progress_noise()
    {
        var cli = RepositoryFiles.PathOf("Simulator.Cli", "bin", "Release", "net10.0", "Simulator.Cli.dll");
        if (!File.Exists(cli))
        {
            Assert.Inconclusive($"build the command line first: {cli} is missing");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment.Remove("CI");
        foreach (var argument in new[] { cli, "compare", RepositoryFiles.PathOf("scenarios", "quickstart.yaml"), "-n", "4", "--out", _out, "--format", "json" })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var stderrTask = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var stderr = stderrTask.Result;
        using var document = JsonDocument.Parse(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(child.ExitCode, Is.Zero, stderr);
            Assert.That(document.RootElement.GetProperty("command").GetString(), Is.EqualTo("compare"));
            Assert.That(document.RootElement.GetProperty("results").GetString(), Is.EqualTo(_out));
            Assert.That(stderr, Does.Not.Contain("\r").And.Not.Contain("\u001b").And.Not.Contain("━").And.Not.Contain("%"));
            Assert.That(stderr, Does.Not.Contain("simulating").And.Not.Contain("writing results"));
            Assert.That(stderr.TrimEnd(), Does.EndWith($"results written to {_out}"));
        });
    }

    private static List<string[]> Csv(string text)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text);
            var csv = EndToEndCsv.Read(path);
            return [csv.Header.ToArray(), .. csv.Rows.Select(r => r.ToArray())];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
