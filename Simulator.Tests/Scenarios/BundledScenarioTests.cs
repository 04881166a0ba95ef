using Simulator.Scenarios;

namespace Simulator.Tests.Scenarios;

public sealed class BundledScenarioTests
{
    private static IEnumerable<TestCaseData> ScenarioFiles()
    {
        var folder = RepositoryFiles.PathOf("scenarios");
        return Directory.EnumerateFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path)));
    }

    [Test]
    public void Scenarios_folder_is_not_empty() => Assert.That(ScenarioFiles(), Is.Not.Empty);

    [TestCaseSource(nameof(ScenarioFiles))]
    public void Bundled_scenario_loads_without_problems(string path)
    {
        var result = ScenarioLoader.Load(path);

        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        Assert.That(result.IsValid, Is.True);
    }
}
