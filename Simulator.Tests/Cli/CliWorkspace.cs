namespace Simulator.Tests.Cli;

/// <summary>
/// A throw-away folder for command tests with a placeholder scenario file (the fake backend ignores its content)
/// and a results path that does not exist yet.
/// </summary>
internal sealed class CliWorkspace : IDisposable
{
    public CliWorkspace(string prefix, string scenarioFile, string resultsName)
    {
        Root = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        Scenario = Path.Combine(Root, scenarioFile);
        File.WriteAllText(Scenario, "name: placeholder\n");
        Out = Path.Combine(Root, "results", resultsName);
    }

    public string Root { get; }

    public string Scenario { get; }

    public string Out { get; }

    /// <summary>Asserts the command left nothing under the results folder (no result, no temporary folder).</summary>
    public void AssertNoResults()
    {
        var results = Path.Combine(Root, "results");
        Assert.That(Directory.Exists(results) ? Directory.GetFileSystemEntries(results) : [], Is.Empty);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
