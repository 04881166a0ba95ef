using System.Diagnostics;
using Simulator.Tests.Scenarios;

namespace Simulator.Tests.Cli;

/// <summary>
/// A scenario that names a time zone on a machine without zone data (no tzdata package; here: TZDIR pointing at an
/// empty folder) is invalid input: the zone id is named, the fix is said, the exit code is 2 and nothing is run.
/// </summary>
[Platform("Linux")]
public sealed class TimeZoneDataTests
{
    private const string Scenario = """
        start: 2025-09-01T06:00:00+01:00
        horizon_hours: 24
        parts: [ { id: P } ]
        plants:
          - id: PL
            time_zone: Europe/Bratislava
            lines: [ { id: L, rate_per_hour: 10, bom: [ { part: P, quantity: 1 } ], stock: [ { part: P, initial: 1000 } ] } ]
        suppliers:
          - { id: S, tier: 1, products: [ { part: P, capacity_per_hour: 20 } ] }
        lanes:
          - { id: S-L, from: S, to: L, part: P, transit_hours: 2, trigger: { kind: schedule, review_hours: 8 } }
        """;

    [Test]
    public void Without_zone_data_a_named_zone_is_a_located_error_with_exit_code_2()
    {
        var root = Path.Combine(Path.GetTempPath(), "linesim-tz-" + Guid.NewGuid().ToString("N"));
        var empty = Directory.CreateDirectory(Path.Combine(root, "zoneinfo")).FullName;
        var scenario = Path.Combine(root, "bratislava.yaml");
        File.WriteAllText(scenario, Scenario);
        try
        {
            var (code, stderr) = Validate(scenario, empty);

            Assert.That(code, Is.EqualTo(2), stderr);
            Assert.That(stderr, Does.Contain("bratislava.yaml:6:16: error [PL]: unknown time zone 'Europe/Bratislava' (hint: this machine has no time zone data: install it (Debian/Ubuntu: apt-get install tzdata) or point TZDIR at a zoneinfo folder)"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (int Code, string Stderr) Validate(string scenario, string zoneFolder)
    {
        var cli = RepositoryFiles.PathOf("Simulator.Cli", "bin", "Release", "net10.0", "Simulator.Cli.dll");
        if (!File.Exists(cli))
        {
            Assert.Inconclusive($"build the command line first: {cli} is missing");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "validate", scenario })
        {
            start.ArgumentList.Add(argument);
        }

        // .NET on Linux reads zone rules from TZDIR when it is set, else from /usr/share/zoneinfo.
        start.Environment["TZDIR"] = zoneFolder;
        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        child.StandardOutput.ReadToEnd();
        Assert.That(child.WaitForExit(TimeSpan.FromSeconds(60)), Is.True, "validate did not finish");
        return (child.ExitCode, stderr.Result);
    }
}
