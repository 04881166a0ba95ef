using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Simulator.Experiments;
using Simulator.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary><c>stress SCENARIO</c>: take down every supplier, IT system and provider on its own and rank them by the production lost.</summary>
internal sealed class StressCommand(CliSession session, ISimulatorBackend backend) : Command<StressCommand.Settings>
{
    /// <summary>Arguments of <c>stress</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Scenario file to stress.</summary>
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario file (YAML) to stress; its own disruptions are ignored")]
        public string Scenario { get; set; } = string.Empty;

        /// <summary>Policy to resolve the network under.</summary>
        [CommandOption("-p|--policy <POLICY>")]
        [Description("Policy (default: the scenario's first)")]
        public string? Policy { get; set; }

        /// <summary>One outage duration for every target.</summary>
        [CommandOption("-d|--duration <HOURS>")]
        [Description("Outage hours for every target (default: each target's recovery_hours, else 72)")]
        public double? Duration { get; set; }

        /// <summary>Several outage durations, comma-separated; the first ranks.</summary>
        [CommandOption("--durations <HOURS,...>")]
        [Description("Several outage durations, e.g. 24,72,168: one column set each; the ranking follows the first")]
        public string? Durations { get; set; }

        /// <summary>Runs per target and duration.</summary>
        [CommandOption("-n|--replications <N>")]
        [Description("Runs per target and duration, at least 1; results are means")]
        [DefaultValue(1)]
        public int Replications { get; set; } = 1;

        /// <summary>Root seed.</summary>
        [CommandOption("-s|--seed <SEED>")]
        [Description("Root seed: the same seed gives the same ranking, bit for bit")]
        [DefaultValue(typeof(ulong), "1")]
        public ulong Seed { get; set; } = 1;

        /// <summary>Results folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Results folder (default: results/<scenario>-stress-<yyyyMMdd-HHmmss>)")]
        public string? Out { get; set; }

        /// <summary>Rows of the console table.</summary>
        [CommandOption("--top <K>")]
        [Description("Rows of the console table")]
        [DefaultValue(15)]
        public int Top { get; set; } = 15;

        /// <summary>Replace a non-empty results folder.</summary>
        [CommandOption("-f|--force")]
        [Description("Replace the results folder if it already holds files")]
        public bool Force { get; set; }

        /// <summary>The durations given, parsed; empty when neither option was given.</summary>
        public IReadOnlyList<double> DurationList =>
            Duration is { } single ? [single]
            : Durations is null ? []
            : Durations.Split(',', StringSplitOptions.TrimEntries).Select(d => double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToList();

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (Duration is not null && Durations is not null)
            {
                return ValidationResult.Error("--duration and --durations cannot be used together");
            }

            var bad = DurationList.Where(d => !(d > 0 && double.IsFinite(d))).ToList();
            if (bad.Count > 0 || (Durations is not null && DurationList.Count == 0))
            {
                var given = Duration is { } d ? d.ToString(CultureInfo.InvariantCulture) : Durations;
                return ValidationResult.Error($"durations must be positive numbers of hours, got '{given}'");
            }

            if (Replications < 1)
            {
                return ValidationResult.Error($"--replications must be at least 1, got {Replications.ToString(CultureInfo.InvariantCulture)}");
            }

            return Top < 1
                ? ValidationResult.Error($"--top must be at least 1, got {Top.ToString(CultureInfo.InvariantCulture)}")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(backend, session, settings.Scenario);
        var scenarioHash = RunManifest.Sha256OfFile(settings.Scenario);
        var output = settings.Out ?? Path.Combine(
            "results",
            $"{Path.GetFileNameWithoutExtension(settings.Scenario)}-stress-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        try
        {
            ResultsWriter.EnsureWritable(output, settings.Force);
        }
        catch (ResultsFolderNotEmptyException error)
        {
            throw new InvalidInputException($"error: {error.Message} (hint: use --force to replace it, or choose another --out)");
        }
        catch (IOException error) when (File.Exists(output))
        {
            // --out names a file: the user's argument, not a failure of the machine.
            throw new InvalidInputException($"error: {error.Message} (hint: --out takes a folder; choose another path)");
        }

        var options = new StressTestOptions(settings.Policy, settings.DurationList, settings.Replications, settings.Seed);
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        StressTestResult result;
        try
        {
            result = StressTest.Run(scenario, options, new RunProgress(session, StressTest.RunCount(scenario, options)), cancellationToken);
        }
        catch (ArgumentException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }
        finally
        {
            session.EndProgress();
        }

        var wallTime = clock.Elapsed.TotalSeconds;
        cancellationToken.ThrowIfCancellationRequested();
        Render(CriticalityTable.Build(result, settings.Top));

        var manifest = new RunManifest(
            RunManifest.CurrentToolVersion, settings.Scenario, scenarioHash, scenario.Name, [result.Policy], result.Seed,
            result.Replications, result.HorizonHours, CommandLine(session.Arguments), startedAt, wallTime, result.ProcessedEvents);
        CriticalityWriter.Write(output, result, manifest, settings.Force, cancellationToken);
        session.Stdout.WriteLine($"results written to {output}");
        return ExitCodes.Success;
    }

    private void Render(TextTable table)
    {
        var grid = new Table().Border(TableBorder.Rounded);
        foreach (var column in table.Columns)
        {
            grid.AddColumn(new TableColumn(new Text(column)));
        }

        foreach (var row in table.Rows)
        {
            grid.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());
        }

        session.Console.Write(grid);
        foreach (var note in table.Notes)
        {
            session.Stdout.WriteLine(note);
        }
    }

    private static string CommandLine(IReadOnlyList<string> arguments) =>
        string.Join(' ', new[] { "linesim" }.Concat(arguments.Select(a => a.Length > 0 && !a.Any(char.IsWhiteSpace) && !a.Contains('"') ? a : "\"" + a.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")));

    /// <summary>Reports completed runs on the progress line.</summary>
    private sealed class RunProgress(CliSession session, int total) : IProgress<int>
    {
        public void Report(int value) =>
            session.Progress($"stress test: {value.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)} runs");
    }
}
