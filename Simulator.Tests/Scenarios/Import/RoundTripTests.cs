using Simulator.Cli;
using Simulator.Scenarios;
using Simulator.Scenarios.Import;
using Simulator.Tests.Cli;

namespace Simulator.Tests.Scenarios.Import;

/// <summary>A generated network written as import tables and imported again is the same scenario, with the same results.</summary>
public sealed class RoundTripTests
{
    private string _root = string.Empty;

    [SetUp]
    public void Create()
    {
        _root = Path.Combine(Path.GetTempPath(), "linesim-roundtrip-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, recursive: true);

    [TestCase(1UL, 1, 2, 50, 3)]
    [TestCase(7UL, 2, 3, 80, 2)]
    [TestCase(42UL, 3, 1, 30, 4)]
    public void Tables_import_back_into_the_same_scenario_file(ulong seed, int plants, int lines, int parts, int tiers)
    {
        var generated = NetworkGenerator.Generate(new GeneratorOptions(plants, lines, parts, tiers, Seed: seed, HorizonHours: 96));
        foreach (var (file, text) in ScenarioTables.Write(generated))
        {
            File.WriteAllText(Path.Combine(_root, file), text);
        }

        var result = NetworkImport.Import(new ImportRequest(_root, Path.Combine(_root, ScenarioTables.OverlayFile)));

        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        Assert.That(result.Yaml, Is.EqualTo(ScenarioWriter.ToYaml(generated)));
    }

    [Test]
    public void Imported_tables_give_the_same_summary_as_the_generated_yaml_for_the_same_seed()
    {
        var yaml = Path.Combine(_root, "generated.yaml");
        var tables = Path.Combine(_root, "tables");
        var imported = Path.Combine(_root, "imported.yaml");
        string[] network = ["--plants", "1", "--lines-per-plant", "2", "--parts", "30", "--tiers", "2", "--seed", "5", "--horizon", "72"];

        var codes = new[]
        {
            EndToEndCli.Run(["generate", .. network, "--out", yaml]).Code,
            EndToEndCli.Run(["generate", .. network, "--format", "csv", "--out", tables]).Code,
            EndToEndCli.Run(["import", tables, "--overlay", Path.Combine(tables, "overlay.yaml"), "--out", imported]).Code,
            EndToEndCli.Run(["run", yaml, "-n", "3", "--seed", "9", "--out", Path.Combine(_root, "r1")]).Code,
            EndToEndCli.Run(["run", imported, "-n", "3", "--seed", "9", "--out", Path.Combine(_root, "r2")]).Code,
        };

        Assert.That(codes, Is.All.EqualTo(ExitCodes.Success));
        var first = File.ReadAllText(Path.Combine(_root, "r1", "summary.csv"));
        Assert.That(first.Split('\n'), Has.Length.GreaterThan(3), "one row per line and replication");
        Assert.That(File.ReadAllText(Path.Combine(_root, "r2", "summary.csv")), Is.EqualTo(first));
    }
}
