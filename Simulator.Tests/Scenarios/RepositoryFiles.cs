namespace Simulator.Tests.Scenarios;

/// <summary>Locates files of the repository from the test assembly's folder.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding Simulation.sln, found by walking up from the test assembly.</summary>
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Simulation.sln")))
            {
                folder = folder.Parent;
            }

            Assert.That(folder, Is.Not.Null, "Simulation.sln not found above the test assembly");
            return folder!.FullName;
        }
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
