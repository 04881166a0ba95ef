using Simulator.Cli;
using Simulator.Scenarios;

namespace Simulator.Tests.Cli;

/// <summary><c>generate</c> end to end: the real generator and writer, the file read back with the real loader.</summary>
public sealed class GenerateCommandTests
{
    private static readonly string[] Small =
        ["--plants", "2", "--lines-per-plant", "3", "--parts", "40", "--tiers", "2", "--suppliers-per-tier", "12,6", "--seed", "9"];

    private CliHarness _cli = null!;
    private string _root = string.Empty;
    private string _out = string.Empty;

    [SetUp]
    public void CreateWorkspace()
    {
        _cli = new CliHarness();
        _root = Path.Combine(Path.GetTempPath(), "linesim-generate-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        _out = Path.Combine(_root, "networks", "small.yaml");
    }

    [TearDown]
    public void DeleteWorkspace() => Directory.Delete(_root, recursive: true);

    private void AssertNothingWritten() =>
        Assert.That(Directory.Exists(Path.Combine(_root, "networks")) ? Directory.GetFileSystemEntries(Path.Combine(_root, "networks")) : [], Is.Empty);

    [Test]
    public void Written_file_loads_without_errors_and_has_the_requested_counts()
    {
        var (code, stdout, stderr) = _cli.Run(["generate", .. Small, "--horizon", "72", "--out", _out]);
        var load = ScenarioLoader.Load(_out);

        Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
        Assert.That(load.Errors.Select(p => p.ToString()), Is.Empty);
        var scenario = load.Scenario!;
        var lineParts = scenario.Plants.SelectMany(p => p.Lines).SelectMany(l => l.Bom).Select(b => b.PartId).ToHashSet();
        var tiers = scenario.Suppliers.GroupBy(s => s.Tier).OrderBy(g => g.Key).Select(g => g.Count()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Plants, Has.Count.EqualTo(2));
            Assert.That(scenario.Plants.Select(p => p.Lines.Count), Is.All.EqualTo(3));
            Assert.That(lineParts, Has.Count.EqualTo(40));
            Assert.That(tiers, Is.EqualTo(new[] { 12, 6 }));
            Assert.That(scenario.HorizonHours, Is.EqualTo(72));
            Assert.That(scenario.Disruptions, Has.Count.EqualTo(1));
            Assert.That(scenario.ItSystems, Is.Not.Empty);
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(stderr, Does.StartWith($"wrote {_out}: 2 plant(s), 6 line(s), 40 line parts (")
                .And.Contain("suppliers per tier 12/6").And.Contain($"{scenario.ItSystems.Count} IT systems").And.Contain($"{scenario.Lanes.Count} lanes"));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(_out)!), Is.EqualTo(new[] { _out }), "no temporary file is left behind");
        });
    }

    [Test]
    public void Same_seed_writes_identical_bytes_and_stdout_gets_the_same_text()
    {
        var second = Path.Combine(_root, "networks", "again.yaml");
        Assert.That(_cli.Run(["generate", .. Small, "--out", _out]).Code, Is.EqualTo(ExitCodes.Success));
        Assert.That(_cli.Run(["generate", .. Small, "--out", second]).Code, Is.EqualTo(ExitCodes.Success));
        var (code, stdout, stderr) = _cli.Run(["generate", .. Small]);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(second), Is.EqualTo(File.ReadAllBytes(_out)));
            Assert.That(File.ReadAllBytes(_out).Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte order mark");
            Assert.That(code, Is.EqualTo(ExitCodes.Success));
            Assert.That(stdout, Is.EqualTo(File.ReadAllText(_out)));
            Assert.That(stderr, Does.StartWith("generated: 2 plant(s)"));
        });
    }

    [Test]
    public void Another_seed_writes_another_network()
    {
        var other = Path.Combine(_root, "networks", "other.yaml");
        _cli.Run(["generate", .. Small, "--out", _out]);
        _cli.Run(["generate", .. Small, "--seed", "10", "--out", other]);

        Assert.That(File.ReadAllText(other), Is.Not.EqualTo(File.ReadAllText(_out)));
    }

    [Test]
    public void An_existing_file_is_refused_without_force_and_replaced_with_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_out)!);
        File.WriteAllText(_out, "keep me\n");

        var (code, _, stderr) = _cli.Run(["generate", .. Small, "--out", _out]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr.Trim(), Is.EqualTo($"error: '{_out}' already exists (hint: use --force to overwrite it, or choose another --out)"));
            Assert.That(File.ReadAllText(_out), Is.EqualTo("keep me\n"));
        });

        var (forced, _, forcedErr) = _cli.Run(["generate", .. Small, "--out", _out, "--force"]);
        Assert.Multiple(() =>
        {
            Assert.That(forced, Is.EqualTo(ExitCodes.Success), forcedErr);
            Assert.That(ScenarioLoader.Load(_out).IsValid, Is.True);
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(_out)!), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void A_folder_as_out_is_refused()
    {
        var folder = Path.Combine(_root, "networks");
        Directory.CreateDirectory(folder);

        var (code, _, stderr) = _cli.Run(["generate", .. Small, "--out", folder, "--force"]);
        Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, $"error: --out '{folder}' is a folder; give a file name")));
        AssertNothingWritten();
    }

    [TestCase("--plants", "0")]
    [TestCase("--lines-per-plant", "0")]
    [TestCase("--parts", "-5")]
    [TestCase("--parts", "0")]
    [TestCase("--parts", "1", "--plants", "2")]
    [TestCase("--tiers", "0")]
    [TestCase("--tiers", "2", "--suppliers-per-tier", "12,6,3")]
    [TestCase("--suppliers-per-tier", "12,6")]
    [TestCase("--suppliers-per-tier", "12,0,3")]
    [TestCase("--suppliers-per-tier", "12,x,3")]
    [TestCase("--suppliers-per-tier", "")]
    [TestCase("--parts", "10", "--suppliers-per-tier", "11,6,3")]
    [TestCase("--preset", "huge")]
    [TestCase("--horizon", "0")]
    [TestCase("--horizon", "-1")]
    [TestCase("--seed", "-1")]
    [TestCase("--plants", "many")]
    public void Invalid_options_exit_2_with_one_line_and_write_nothing(params string[] options)
    {
        var (code, stdout, stderr) = _cli.Run(["generate", "--out", _out, .. options]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(stderr, Does.StartWith("error: "));
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(stdout, Is.Empty);
        });
        AssertNothingWritten();
    }

    [TestCase(new[] { "--plants", "0" }, "error: --plants must be at least 1, got 0")]
    [TestCase(new[] { "--tiers", "2", "--suppliers-per-tier", "12,6,3" }, "error: --suppliers-per-tier needs one entry per tier (2), got 3 in '12,6,3'")]
    [TestCase(new[] { "--preset", "large", "--suppliers-per-tier", "12,6" }, "error: --suppliers-per-tier needs one entry per tier (3), got 2 in '12,6'")]
    [TestCase(new[] { "--preset", "huge" }, "error: --preset must be medium, large or oem, got 'huge'")]
    [TestCase(new[] { "--plants", "3", "--parts", "2" }, "error: parts must be at least the number of plants (3), got 2")]
    public void Invalid_options_say_what_is_wrong(string[] options, string message)
    {
        var (_, _, stderr) = _cli.Run(["generate", .. options]);
        Assert.That(stderr.Trim(), Is.EqualTo(message));
    }

    [Test]
    public void Options_override_the_preset()
    {
        var (code, _, stderr) = _cli.Run("generate", "--preset", "large", "--plants", "1", "--lines-per-plant", "1", "--parts", "30", "--no-disruption", "--out", _out);
        var scenario = ScenarioLoader.Load(_out).Scenario!;

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(scenario.Plants.SelectMany(p => p.Lines).Count(), Is.EqualTo(1));
            Assert.That(scenario.HorizonHours, Is.EqualTo(GeneratorOptions.Large.HorizonHours), "the preset's horizon stays");
            Assert.That(scenario.Suppliers.Select(s => s.Tier).Distinct().Count(), Is.EqualTo(GeneratorOptions.Large.Tiers));
            Assert.That(scenario.Disruptions, Is.Empty);
        });
    }

    [Test]
    public void Help_shows_the_examples()
    {
        var (code, stdout, _) = _cli.Run("generate", "--help");
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("linesim generate --preset medium --out scenarios/medium.yaml").And.Contain("--suppliers-per-tier 70,35,15"));
    }
}
