namespace Simulator.Tests.Output;

/// <summary>
/// Where a chart test writes its images: a fresh temporary folder deleted afterwards, or, when <c>LINESIM_CHART_DIR</c>
/// is set, a folder named after the test under it that is kept for a look (a chart nobody can read is a defect the
/// structure checks cannot see).
/// </summary>
internal sealed class ChartFolder
{
    private ChartFolder(string path, bool keep)
    {
        Path = path;
        Keep = keep;
    }

    internal string Path { get; }

    private bool Keep { get; }

    internal static ChartFolder ForCurrentTest(string prefix)
    {
        var keep = Environment.GetEnvironmentVariable("LINESIM_CHART_DIR");
        var folder = string.IsNullOrEmpty(keep)
            ? new ChartFolder(System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")), false)
            : new ChartFolder(System.IO.Path.Combine(keep, TestContext.CurrentContext.Test.Name), true);
        Directory.CreateDirectory(folder.Path);
        return folder;
    }

    internal void Delete()
    {
        if (!Keep)
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
