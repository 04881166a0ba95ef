using System.Diagnostics;
using Simulator.Cli;
using Simulator.Output;
using Simulator.Tests.Scenarios;

namespace Simulator.Tests.Cli;

/// <summary>
/// The real command line in a child process, stopped the ways a run is stopped in practice: <c>kill</c> (SIGTERM), a
/// closed terminal (SIGHUP) and <c>kill -9</c>. Nothing half-written is left, and what a killed run leaves the next removes.
/// </summary>
[Platform("Linux,MacOsX")]
public sealed class SignalTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private string _root = string.Empty;

    [SetUp]
    public void CreateRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "linesim-signal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [TestCase("TERM")]
    [TestCase("HUP")]
    public void A_signal_stops_the_run_like_ctrl_c_and_removes_the_temporary_folder(string signal)
    {
        var output = Path.Combine(_root, "out");
        using var child = StartLongRun(output);
        WaitForTemporaryFolder(child);

        Signal(child, signal);
        Assert.That(child.WaitForExit(Patience), Is.True, "the run did not stop");
        var stderr = child.StandardError.ReadToEnd();
        Assert.Multiple(() =>
        {
            Assert.That(child.ExitCode, Is.EqualTo(ExitCodes.Cancelled), stderr);
            Assert.That(stderr, Does.Contain("cancelled: no results were written"));
            Assert.That(stderr, Does.Contain($"continue with --resume {output}"));

            // No results, no temporary folder, no lock file: only the journal of the finished replications, for --resume.
            Assert.That(Directory.GetFileSystemEntries(_root).Select(Path.GetFileName), Is.EqualTo(new[] { ".out.journal" }));
        });
    }

    [Test]
    public void A_killed_runs_leftovers_are_removed_by_the_next_run_into_the_folder()
    {
        var output = Path.Combine(_root, "out");
        using (var child = StartLongRun(output))
        {
            WaitForTemporaryFolder(child);
            child.Kill();
            child.WaitForExit();
        }

        Assert.That(Directory.GetDirectories(_root, ".out.tmp-*"), Has.Length.EqualTo(1), "a killed process cannot clean up after itself");

        using (ResultsFolderClaim.Acquire(output, force: false))
        {
            Assert.That(Directory.GetDirectories(_root, ".out.tmp-*"), Is.Empty);
        }
    }

    [Test]
    public void A_second_run_into_a_folder_being_written_is_refused_up_front()
    {
        var output = Path.Combine(_root, "out");
        using var child = StartLongRun(output);
        WaitForTemporaryFolder(child);

        var cli = new CliHarness();
        var (code, _, stderr) = cli.Run("run", RepositoryFiles.PathOf("scenarios", "quickstart.yaml"), "--out", output);
        Signal(child, "TERM");
        child.WaitForExit(Patience);
        Assert.Multiple(() =>
        {
            Assert.That((code, stderr.Trim()), Is.EqualTo((ExitCodes.InvalidInput, $"error: output folder '{output}' is being written by another run that is still going (hint: wait for it to finish, or choose another --out)")));
            Assert.That(cli.Backend.Runs, Is.Empty);
        });
    }

    private static Process StartLongRun(string output)
    {
        var cli = RepositoryFiles.PathOf("Simulator.Cli", "bin", "Release", "net10.0", "Simulator.Cli.dll");
        if (!File.Exists(cli))
        {
            Assert.Inconclusive($"build the command line first: {cli} is missing");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "run", RepositoryFiles.PathOf("scenarios", "quickstart.yaml"), "--out", output, "--replications", "1000000", "--parallel", "1", "--max-events", "1e15" })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>Waits until the run simulates: its temporary folder exists only after the scenario loaded and the estimate passed.</summary>
    private static void WaitForTemporaryFolder(Process child)
    {
        var output = child.StartInfo.ArgumentList[4];
        var pattern = "." + Path.GetFileName(output) + ".tmp-*";
        var clock = Stopwatch.StartNew();
        while (Directory.GetDirectories(Path.GetDirectoryName(output)!, pattern).Length == 0)
        {
            if (child.HasExited)
            {
                Assert.Fail($"the run ended early with exit {child.ExitCode}: {child.StandardError.ReadToEnd()}");
            }

            if (clock.Elapsed > Patience)
            {
                Assert.Fail($"no temporary folder appeared next to {output}");
            }

            Thread.Sleep(50);
        }
    }

    private static void Signal(Process child, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
