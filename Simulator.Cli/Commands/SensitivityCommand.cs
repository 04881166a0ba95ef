using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Simulator.Experiments;
using Simulator.Output;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary><c>sensitivity SCENARIO --top K</c>: a tornado of time-to-halt and lost units for each parameter in front of the K most critical targets.</summary>
internal sealed class SensitivityCommand(CliSession session, ISimulatorBackend backend) : Command<SensitivityCommand.Settings>
{
    /// <summary>Rows of the console table.</summary>
    private const int TableRows = 15;

    /// <summary>Arguments of <c>sensitivity</c>.</summary>
    public sealed class Settings : FormatSettings
    {
        /// <summary>Scenario file.</summary>
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario file (YAML); its own disruptions are ignored")]
        public string Scenario { get; set; } = string.Empty;

        /// <summary>Targets studied.</summary>
        [CommandOption("--top <K>")]
        [Description("How many of the stress test's most critical targets are studied")]
        [DefaultValue(Sensitivity.DefaultTop)]
        public int Top { get; set; } = Sensitivity.DefaultTop;

        /// <summary>Percentage each parameter moves by.</summary>
        [CommandOption("--percent <X>")]
        [Description("Each stock, lead time and capacity is moved down and up by X %")]
        [DefaultValue(Sensitivity.DefaultPercent)]
        public double Percent { get; set; } = Sensitivity.DefaultPercent;

        /// <summary>Outage hours.</summary>
        [CommandOption("-d|--duration <HOURS>")]
        [Description("Hours every target is down (default: 72)")]
        public double? Duration { get; set; }

        /// <summary>Each target for its own recovery time.</summary>
        [CommandOption("--own-recovery")]
        [Description("Each target is down for its own recovery_hours (72 h without)")]
        public bool OwnRecovery { get; set; }

        /// <summary>Policy to resolve the network under.</summary>
        [CommandOption("-p|--policy <POLICY>")]
        [Description("Policy (default: the scenario's first)")]
        public string? Policy { get; set; }

        /// <summary>Policies to add to the scenario's.</summary>
        [CommandOption("--policy-file <FILE>")]
        [Description("YAML file with a 'policies:' list (as 'linesim size-buffers' writes it) added after the scenario's; pick one with --policy")]
        public string? PolicyFile { get; set; }

        /// <summary>Parameters per target.</summary>
        [CommandOption("--max-parameters <N>")]
        [Description("Parameters per target at most, nearest the target first")]
        [DefaultValue(Sensitivity.DefaultMaxParameters)]
        public int MaxParameters { get; set; } = Sensitivity.DefaultMaxParameters;

        /// <summary>Root seed.</summary>
        [CommandOption("-s|--seed <SEED>")]
        [Description("Root seed: the same seed gives the same result, bit for bit")]
        [DefaultValue(typeof(ulong), "1")]
        public ulong Seed { get; set; } = 1;

        /// <summary>Results folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Results folder (default: results/<scenario>-sensitivity-<yyyyMMdd-HHmmss>)")]
        public string? Out { get; set; }

        /// <summary>Replace a non-empty results folder.</summary>
        [CommandOption("-f|--force")]
        [Description("Replace the results folder if it already holds files")]
        public bool Force { get; set; }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(backend, session, settings.Scenario, cancellationToken: cancellationToken, policyFile: settings.PolicyFile);
        var options = new SensitivityOptions(settings.Top, settings.Percent, settings.Policy, settings.Duration, settings.OwnRecovery, settings.Seed, settings.MaxParameters);
        var output = settings.Out ?? Path.Combine(
            "results", $"{Path.GetFileNameWithoutExtension(settings.Scenario)}-sensitivity-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        using var claim = StressOutput.Claim(output, settings.Force);
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var result = LibraryCall.Run(session, progress => Sensitivity.Run(scenario, options, progress, cancellationToken));
        ExperimentExecution.Render(session, "sensitivity", SensitivityTable.Build(result, TableRows));
        var manifest = new RunManifest(
            RunManifest.CurrentToolVersion, settings.Scenario, RunManifest.Sha256OfFile(settings.Scenario), scenario.Name, [result.Policy],
            settings.Seed, 1, scenario.HorizonHours, ExperimentExecution.CommandLine(session.Arguments), startedAt, clock.Elapsed.TotalSeconds, result.ProcessedEvents);
        SensitivityWriter.Write(claim, result, manifest, cancellationToken);
        session.WroteResults(output);
        return ExitCodes.Success;
    }
}
