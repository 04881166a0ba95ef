using System.Diagnostics;
using Simulator.Cli;
using Simulator.Tests.Scenarios;

namespace Simulator.Tests.Cli;

/// <summary>
/// The real command line in a child process, because Skia's SVG canvas writes its complaints straight to the process's
/// stderr, past <see cref="Console.Error"/>: writing the charts must leave stderr clean and keep the dashed lines.
/// </summary>
public sealed class ChartStderrTests
{
    private string _root = string.Empty;

    [SetUp]
    public void CreateRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "linesim-stderr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_run_writes_its_charts_without_a_word_on_stderr_and_the_svgs_keep_their_dashes()
    {
        var cli = RepositoryFiles.PathOf("Simulator.Cli", "bin", "Release", "net10.0", "Simulator.Cli.dll");
        if (!File.Exists(cli))
        {
            Assert.Inconclusive($"build the command line first: {cli} is missing");
        }

        var output = Path.Combine(_root, "out");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "run", RepositoryFiles.PathOf("scenarios", "quickstart.yaml"), "--horizon", "72", "--out", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEnd();
        Assert.That(child.WaitForExit(TimeSpan.FromMinutes(2)), Is.True, "the run did not finish");
        _ = stdout.Result;

        Assert.Multiple(() =>
        {
            Assert.That(child.ExitCode, Is.EqualTo(ExitCodes.Success), stderr);
            Assert.That(stderr, Is.Empty);

            // The baseline curves and the disruption's start and end lines are dashed in the PNG and the SVG alike.
            foreach (var chart in new[] { "production.svg", "line-status.svg" })
            {
                Assert.That(File.ReadAllText(Path.Combine(output, chart)), Does.Contain("stroke-dasharray=\"10 10\""), chart);
            }
        });
    }
}
