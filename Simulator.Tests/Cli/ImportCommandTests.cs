using Simulator.Cli;
using Simulator.Scenarios;
using Simulator.Tests.Scenarios.Import;

namespace Simulator.Tests.Cli;

/// <summary><c>import</c> end to end: the real importer, the file read back with the real loader; bad input writes nothing.</summary>
public sealed class ImportCommandTests
{
    private ImportFolder _folder = null!;
    private string _out = string.Empty;

    [SetUp]
    public void Create()
    {
        _folder = new ImportFolder();
        _out = Path.Combine(_folder.Root, "out", "solihull.yaml");
    }

    [TearDown]
    public void Delete() => _folder.Dispose();

    [Test]
    public void Writes_a_loadable_scenario_and_one_summary_line()
    {
        var (code, stdout, stderr) = EndToEndCli.Run("import", _folder.Root, "--overlay", _folder.Overlay, "--as-of", "2025-09-01T06:00:00+02:00", "--out", _out);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(ScenarioLoader.Load(_out).IsValid, Is.True);
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr.Trim(), Is.EqualTo(
                $"wrote {_out} as of 2025-09-01T06:00:00+02:00: 3 materials, 5 partners, 5 sites, 2 lines, 6 supply relations; "
                + "4 stock positions (1 blocked, not counted), 4 shipments in transit, 3 demand entries, 0 planned outputs"));
        });
    }

    [Test]
    public void A_bad_row_is_exit_2_with_the_located_problem_and_nothing_written()
    {
        _folder.Replace("bom.csv", "SOL-B,,CLIPS,40", "SOL-B,,CLIP,40");

        var (code, _, stderr) = EndToEndCli.Run("import", _folder.Root, "--overlay", _folder.Overlay, "--out", _out);

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(stderr.Trim(), Is.EqualTo($"{_folder.PathOf("bom.csv")}:5:3: error [SOL-B]: unknown material 'CLIP' (hint: did you mean 'CLIPS'?)"));
        Assert.That(Directory.Exists(Path.GetDirectoryName(_out)), Is.False);
    }

    [Test]
    public void An_existing_file_is_not_replaced_without_force()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_out)!);
        File.WriteAllText(_out, "mine");

        var (code, _, stderr) = EndToEndCli.Run("import", _folder.Root, "--overlay", _folder.Overlay, "--out", _out);

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(stderr, Does.Contain("already exists"));
        Assert.That(File.ReadAllText(_out), Is.EqualTo("mine"));
    }

    [Test]
    public void An_as_of_time_without_offset_is_refused()
    {
        var (code, _, stderr) = EndToEndCli.Run("import", _folder.Root, "--as-of", "2025-09-01T06:00:00", "--out", _out);

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(stderr, Does.Contain("--as-of must be an ISO-8601 timestamp with offset"));
    }

    [Test]
    public void Generate_csv_does_not_overwrite_tables_without_force_and_leaves_other_files_alone()
    {
        var tables = Path.Combine(_folder.Root, "tables");
        Directory.CreateDirectory(tables);
        File.WriteAllText(Path.Combine(tables, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(tables, "supply.csv"), "mine");

        var refused = EndToEndCli.Run("generate", "--format", "csv", "--out", tables);
        var forced = EndToEndCli.Run("generate", "--format", "csv", "--out", tables, "--force");

        Assert.That(refused.Code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(forced.Code, Is.EqualTo(ExitCodes.Success), forced.Stderr);
        Assert.That(File.ReadAllText(Path.Combine(tables, "notes.txt")), Is.EqualTo("mine"));
        Assert.That(File.ReadAllText(Path.Combine(tables, "supply.csv")), Does.StartWith("relation_id,"));
    }
}
