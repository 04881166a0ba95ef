using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Scenarios;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary><c>survive SCENARIO</c>: hours until a line halts if each supplier, IT system or provider fails right now.</summary>
internal sealed class SurviveCommand(CliSession session, ISimulatorBackend backend) : Command<SurviveCommand.Settings>
{
    /// <summary>Arguments of <c>survive</c>.</summary>
    public sealed class Settings : CriticalityOutputSettings
    {
        /// <summary>Scenario file.</summary>
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario file (YAML), typically written by 'linesim import' as of a time; its own disruptions are ignored")]
        public string Scenario { get; set; } = string.Empty;

        /// <summary>The moment every target fails.</summary>
        [CommandOption("--as-of <TIME>")]
        [Description("ISO-8601 timestamp with offset at which every target fails (default: the scenario's start, which import sets to the data's as-of time)")]
        public string? AsOf { get; set; }

        /// <summary>An earlier survive results folder.</summary>
        [CommandOption("--previous <DIR>")]
        [Description("Results folder of an earlier 'linesim survive': show where risks are forming (time to survive shrank, newly needs mitigation)")]
        public string? Previous { get; set; }

        /// <summary>Policy to resolve the network under.</summary>
        [CommandOption("-p|--policy <POLICY>")]
        [Description("Policy (default: the scenario's first)")]
        public string? Policy { get; set; }

        /// <summary>Root seed.</summary>
        [CommandOption("-s|--seed <SEED>")]
        [Description("Root seed: the same seed gives the same result, bit for bit")]
        [DefaultValue(typeof(ulong), "1")]
        public ulong Seed { get; set; } = 1;

        /// <summary>Top risks with days of supply under their outage.</summary>
        [CommandOption("--top-risks <K>")]
        [Description("How many of the most urgent targets get days-of-supply payloads under their outage")]
        [DefaultValue(5)]
        public int TopRisks { get; set; } = 5;

        /// <summary>Runs at once.</summary>
        [CommandOption("--parallel <K>")]
        [Description("Runs at once (default: every core); the results do not depend on it")]
        public int? Parallel { get; set; }

        /// <summary>How each target is measured.</summary>
        [CommandOption("--method <METHOD>")]
        [Description("sim: simulate the network's own rules; lp: also solve the time-to-survive LP from the same state and show its optimum beside the simulated figure")]
        [DefaultValue("sim")]
        public string Method { get; set; } = "sim";

        /// <summary>The parsed <c>--as-of</c>.</summary>
        public DateTimeOffset? AsOfTime =>
            AsOf is null ? null : DateTimeOffset.Parse(AsOf, CultureInfo.InvariantCulture, DateTimeStyles.None);

        /// <inheritdoc/>
        public override Spectre.Console.ValidationResult Validate()
        {
            if (AsOf is not null && !ScenarioSyntax.IsTimestamp(AsOf))
            {
                return Spectre.Console.ValidationResult.Error($"--as-of must be an ISO-8601 timestamp with offset, e.g. 2025-09-01T06:00:00+02:00, got '{AsOf}'");
            }

            if (TopRisks < 0)
            {
                return Spectre.Console.ValidationResult.Error($"--top-risks must be at least 0, got {TopRisks.ToString(CultureInfo.InvariantCulture)}");
            }

            if (Method is not ("sim" or "lp"))
            {
                return Spectre.Console.ValidationResult.Error($"--method must be sim or lp, got '{Method}'");
            }

            if (Parallel is < 1)
            {
                return Spectre.Console.ValidationResult.Error($"--parallel must be at least 1, got {Parallel.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            return base.Validate();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(backend, session, settings.Scenario);
        IReadOnlyList<Metrics.SurviveSnapshotRow>? previous = null;
        if (settings.Previous is { } previousFolder)
        {
            var (rows, problem) = SurviveCsv.ReadSnapshot(Path.Combine(previousFolder, SurviveCsv.FileName));
            previous = problem is null ? rows : throw new InvalidInputException($"error: {problem}");
        }

        var output = settings.Out ?? Path.Combine(
            "results", $"{Path.GetFileNameWithoutExtension(settings.Scenario)}-survive-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        using var claim = StressOutput.Claim(output, settings.Force);
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        SurviveResult result;
        try
        {
            result = Survive.Run(scenario, new SurviveOptions(settings.AsOfTime, settings.Policy, settings.Seed, settings.Parallel, TopRisks: settings.TopRisks, Method: settings.Method == "lp" ? StressMethod.Lp : StressMethod.Simulation), session.StartProgress("survive: stress runs", null), cancellationToken);
        }
        catch (InvalidOptionsException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }
        finally
        {
            session.EndProgress();
        }

        if (previous is not null)
        {
            result = Survive.Since(result, previous);
        }

        ExperimentExecution.Render(session, "survive", SurviveTable.Build(result, settings.Top));
        if (SurviveTable.BuildChanges(result, settings.Top) is { } changes)
        {
            ExperimentExecution.Render(session, "changes", changes);
        }

        var manifest = new RunManifest(
            RunManifest.CurrentToolVersion, settings.Scenario, RunManifest.Sha256OfFile(settings.Scenario), scenario.Name, [result.Policy], result.Seed,
            1, result.HorizonHours, ExperimentExecution.CommandLine(session.Arguments), startedAt, clock.Elapsed.TotalSeconds, result.Stress.ProcessedEvents);
        SurviveWriter.Write(claim, result, manifest, cancellationToken);
        session.WroteResults(output);
        return ExitCodes.Success;
    }
}
