using System.Diagnostics;
using Simulator.Cli;
using Simulator.Output;
using Simulator.Scenarios;
using Simulator.Tests.Scenarios;

namespace Simulator.Tests.Cli;

/// <summary>
/// The real thing: a stress test of a generated medium network as a 4-task Slurm job array plus the merge job
/// (deploy/slurm/submit.sh), against the same stress test in one process. Needs a Slurm cluster: <c>.ci/run</c> starts
/// a one-node one with <c>deploy/slurm/local-cluster.sh</c>; elsewhere the test is skipped, except under <c>CI=true</c>,
/// where a missing cluster fails it.
/// </summary>
[Category("Slurm")]
public sealed class SlurmClusterTests
{
    private string _root = string.Empty;

    [SetUp]
    public void RequireCluster()
    {
        var problem = ClusterProblem();
        if (problem is null)
        {
            _root = Path.Combine(Path.GetTempPath(), $"linesim-slurm-test-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_root);
            return;
        }

        var message = $"no Slurm cluster: {problem} (start one with `sudo deploy/slurm/local-cluster.sh start` and export the SLURM_CONF it prints)";
        if (System.Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(message + "; CI=true requires it (.ci/run starts one)");
        }

        Assert.Ignore(message);
    }

    [TearDown]
    public void DeleteRoot()
    {
        if (_root.Length > 0 && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public void A_stress_test_as_a_4_task_array_plus_merge_equals_the_one_process_criticality_csv_byte_for_byte()
    {
        var scenario = Path.Combine(_root, "medium.yaml");
        File.WriteAllText(scenario, ScenarioWriter.ToYaml(NetworkGenerator.Generate(GeneratorOptions.Medium)));
        var single = EndToEndCli.Run("stress", scenario, "--out", Path.Combine(_root, "single"));
        Assert.That(single.Code, Is.EqualTo(ExitCodes.Success), single.Stderr);

        var submit = new ProcessStartInfo("bash", [RepositoryFiles.PathOf("deploy", "slurm", "submit.sh"), scenario, Path.Combine(_root, "array")])
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        submit.Environment["SHARDS"] = "4";
        submit.Environment["WAIT"] = "1";
        submit.Environment["LINESIM"] = Path.Combine(TestContext.CurrentContext.TestDirectory, "Simulator.Cli");
        var (code, output) = Run(submit, TimeSpan.FromMinutes(10));

        var merged = Path.Combine(_root, "array", "merged");
        Assert.That(code, Is.Zero, () => output + Logs(Path.Combine(_root, "array")));
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetDirectories(Path.Combine(_root, "array"), "shard-*"), Has.Length.EqualTo(4));
            foreach (var file in new[] { CriticalityCsv.FileName, CriticalityCsv.LongFileName, CriticalityWriter.ChartFile })
            {
                Assert.That(File.ReadAllBytes(Path.Combine(merged, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_root, "single", file))), file);
            }
        });
    }

    /// <summary>Why no cluster can take jobs, or null when one can.</summary>
    private static string? ClusterProblem()
    {
        try
        {
            var (code, output) = Run(new ProcessStartInfo("sinfo", ["-h", "-o", "%a %t"]) { RedirectStandardOutput = true, RedirectStandardError = true }, TimeSpan.FromSeconds(20));
            return code != 0 ? $"sinfo failed: {output.Trim()}"
                : !output.Contains("up", StringComparison.Ordinal) ? $"no partition is up ({output.Trim()})"
                : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "sinfo is not installed";
        }
    }

    private static (int Code, string Output) Run(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Logs(string folder) =>
        Directory.Exists(folder)
            ? string.Concat(Directory.GetFiles(folder, "*.out").Select(f => $"\n--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
            : string.Empty;
}
