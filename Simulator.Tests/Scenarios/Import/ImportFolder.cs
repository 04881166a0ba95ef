using Simulator.Scenarios.Import;

namespace Simulator.Tests.Scenarios.Import;

/// <summary>A throw-away copy of <c>samples/import/</c> that a test may change table by table before importing it.</summary>
internal sealed class ImportFolder : IDisposable
{
    public static readonly DateTimeOffset MondayMorning = new(2025, 9, 1, 6, 0, 0, TimeSpan.FromHours(2));

    public ImportFolder(bool withState = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "linesim-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var file in Directory.GetFiles(Sample))
        {
            var name = Path.GetFileName(file);
            if (withState || name is not ("stock.csv" or "demand.csv" or "deliveries.csv"))
            {
                File.Copy(file, Path.Combine(Root, name));
            }
        }
    }

    public static string Sample => RepositoryFiles.PathOf("samples", "import");

    public string Root { get; }

    public string Overlay => Path.Combine(Root, "overlay.yaml");

    public string PathOf(string file) => Path.Combine(Root, file);

    /// <summary>Replaces the text of a table (or the overlay).</summary>
    public void Write(string file, string text) => File.WriteAllText(PathOf(file), text);

    /// <summary>Replaces <paramref name="old"/> by <paramref name="replacement"/> in a table; the text must be there once.</summary>
    public void Replace(string file, string old, string replacement)
    {
        var text = File.ReadAllText(PathOf(file));
        Assert.That(text.Split(old).Length - 1, Is.EqualTo(1), $"'{old}' must occur once in {file}");
        File.WriteAllText(PathOf(file), text.Replace(old, replacement, StringComparison.Ordinal));
    }

    public void Append(string file, string line) => File.AppendAllText(PathOf(file), line + "\n");

    public ImportResult Import(DateTimeOffset? asOf = null, bool overlay = true) =>
        NetworkImport.Import(new ImportRequest(Root, overlay ? Overlay : null, asOf ?? MondayMorning));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
