using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Simulator.Experiments;
using Simulator.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary><c>run SCENARIO</c>: simulate, print the per-line answer, write the results contract and charts.</summary>
internal sealed class RunCommand(CliSession session, ISimulatorBackend backend) : Command<RunCommand.Settings>
{
    /// <summary>Arguments of <c>run</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Scenario file to run.</summary>
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario file (YAML) to run")]
        public string Scenario { get; set; } = string.Empty;

        /// <summary>Policies to run.</summary>
        [CommandOption("-p|--policy <POLICY>")]
        [Description("Policy to run; repeat it or separate by commas for several (default: the scenario's first policy)")]
        public string[] Policies { get; set; } = [];

        /// <summary>Replications per policy.</summary>
        [CommandOption("-n|--replications <N>")]
        [Description("Replications per policy, at least 1")]
        [DefaultValue(1)]
        public int Replications { get; set; } = 1;

        /// <summary>Root seed.</summary>
        [CommandOption("-s|--seed <SEED>")]
        [Description("Root seed: the same seed gives the same results, bit for bit")]
        [DefaultValue(typeof(ulong), "1")]
        public ulong Seed { get; set; } = 1;

        /// <summary>Results folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Results folder (default: results/<scenario>-<yyyyMMdd-HHmmss>)")]
        public string? Out { get; set; }

        /// <summary>Horizon override in hours.</summary>
        [CommandOption("--horizon <HOURS>")]
        [Description("Simulated hours, overriding the scenario's horizon")]
        public double? HorizonHours { get; set; }

        /// <summary>Replace a non-empty results folder.</summary>
        [CommandOption("-f|--force")]
        [Description("Replace the results folder if it already holds files")]
        public bool Force { get; set; }

        /// <summary>The policies as a list, splitting comma-separated values.</summary>
        public IReadOnlyList<string> PolicyList =>
            Policies.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (Replications < 1)
            {
                return ValidationResult.Error($"--replications must be at least 1, got {Replications.ToString(CultureInfo.InvariantCulture)}");
            }

            if (HorizonHours is { } horizon && !(horizon > 0 && double.IsFinite(horizon)))
            {
                return ValidationResult.Error($"--horizon must be a positive number of hours, got {horizon.ToString(CultureInfo.InvariantCulture)}");
            }

            return Policies.Length > 0 && PolicyList.Count == 0
                ? ValidationResult.Error("--policy needs a policy name")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(backend, session, settings.Scenario);
        var scenarioHash = RunManifest.Sha256OfFile(settings.Scenario);
        var output = settings.Out ?? DefaultOutput(settings.Scenario);
        try
        {
            // Refuse before simulating: an hour-long run must not end on "folder not empty".
            ResultsWriter.EnsureWritable(output, settings.Force);
        }
        catch (ResultsFolderNotEmptyException error)
        {
            throw new InvalidInputException($"error: {error.Message} (hint: use --force to replace it, or choose another --out)");
        }

        var options = new ExperimentOptions(settings.PolicyList, settings.Replications, settings.Seed, settings.HorizonHours);
        var total = Math.Max(1, options.Policies.Count) * options.Replications;
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        ExperimentResult result;
        try
        {
            result = backend.Run(scenario, options, new ReplicationProgress(session, total), cancellationToken);
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
        Render(LineSummaryTable.Build(result));

        session.Progress("writing results...");
        var manifest = new RunManifest(
            RunManifest.CurrentToolVersion, settings.Scenario, scenarioHash, scenario.Name, result.Policies, result.Seed,
            result.ReplicationCount, result.HorizonHours, CommandLine(session.Arguments), startedAt, wallTime,
            result.Replications.Sum(r => r.Disrupted.ProcessedEvents + r.Baseline.ProcessedEvents));
        try
        {
            ResultsWriter.Write(output, result, scenario.Start, manifest, settings.Force, cancellationToken);
        }
        finally
        {
            session.EndProgress();
        }

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
            // Text, not markup: ids and causes may hold brackets.
            grid.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());
        }

        session.Console.Write(grid);
        foreach (var note in table.Notes)
        {
            session.Stdout.WriteLine(note);
        }
    }

    private static string DefaultOutput(string scenarioPath) =>
        Path.Combine("results", $"{Path.GetFileNameWithoutExtension(scenarioPath)}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

    private static string CommandLine(IReadOnlyList<string> arguments) =>
        string.Join(' ', new[] { "linesim" }.Concat(arguments.Select(a => a.Length > 0 && !a.Any(char.IsWhiteSpace) && !a.Contains('"') ? a : "\"" + a.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")));

    /// <summary>Reports completed replications synchronously, so the line never lags behind the run.</summary>
    private sealed class ReplicationProgress(CliSession session, int total) : IProgress<int>
    {
        public void Report(int value) =>
            session.Progress($"simulating: {value.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)} replications");
    }
}
