using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Simulator.Experiments;
using Simulator.Output;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary><c>size-buffers SCENARIO</c>: the least-cost stock at the lines and Tier-1/Tier-2 suppliers that carries every line through the listed outages.</summary>
internal sealed class SizeBuffersCommand(CliSession session, ISimulatorBackend backend) : Command<SizeBuffersCommand.Settings>
{
    /// <summary>Arguments of <c>size-buffers</c>.</summary>
    public sealed class Settings : CriticalityOutputSettings
    {
        /// <summary>Scenario file.</summary>
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario file (YAML); its own disruptions are ignored")]
        public string Scenario { get; set; } = string.Empty;

        /// <summary>Outages to size for.</summary>
        [CommandOption("--outages <IDS>")]
        [Description("Outages no line may halt in: supplier, IT system or provider ids, each optionally with its hours (T1-SEATS:72,OEM-EDI); default: every one for its own recovery_hours (72 h without)")]
        public string? Outages { get; set; }

        /// <summary>Policy whose stocks are today's.</summary>
        [CommandOption("-p|--policy <POLICY>")]
        [Description("Today's policy, the starting point (default: the scenario's first)")]
        public string? Policy { get; set; }

        /// <summary>Policies to add to the scenario's.</summary>
        [CommandOption("--policy-file <FILE>")]
        [Description("YAML file with a 'policies:' list added after the scenario's (today's policy may be one of them, with --policy)")]
        public string? PolicyFile { get; set; }

        /// <summary>Id of the sized policy.</summary>
        [CommandOption("--policy-id <ID>")]
        [Description("Id of the sized policy in policy.yaml")]
        [DefaultValue(BufferSizing.DefaultPolicyId)]
        public string PolicyId { get; set; } = BufferSizing.DefaultPolicyId;

        /// <summary>Root seed of the verifying simulations.</summary>
        [CommandOption("-s|--seed <SEED>")]
        [Description("Root seed of the verifying simulations: the same seed gives the same result, bit for bit")]
        [DefaultValue(typeof(ulong), "1")]
        public ulong Seed { get; set; } = 1;

        /// <summary>Seeds every outage is verified with.</summary>
        [CommandOption("-n|--replications <N>")]
        [Description("Seeds every outage is simulated with (replications 0 to N-1): no line may starve with any of them; raise it where transit times are random")]
        [DefaultValue(1)]
        public int Replications { get; set; } = 1;

        /// <summary>Rounds of raising and re-simulating.</summary>
        [CommandOption("--rounds <N>")]
        [Description("Most rounds of simulating and raising what still runs out, after the LP")]
        [DefaultValue(BufferSizing.DefaultMaxRounds)]
        public int Rounds { get; set; } = BufferSizing.DefaultMaxRounds;

        /// <inheritdoc/>
        public override Spectre.Console.ValidationResult Validate()
        {
            if (Replications < 1)
            {
                return Spectre.Console.ValidationResult.Error($"--replications must be at least 1, got {Replications.ToString(CultureInfo.InvariantCulture)}");
            }

            if (Rounds < 1)
            {
                return Spectre.Console.ValidationResult.Error($"--rounds must be at least 1, got {Rounds.ToString(CultureInfo.InvariantCulture)}");
            }

            return Scenarios.ScenarioSyntax.IsId(PolicyId)
                ? base.Validate()
                : Spectre.Console.ValidationResult.Error($"--policy-id '{PolicyId}' is not an id (letters, digits, '-', '_' and '.', starting with a letter or digit)");
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(backend, session, settings.Scenario, cancellationToken: cancellationToken, policyFile: settings.PolicyFile);
        var output = settings.Out ?? Path.Combine(
            "results", $"{Path.GetFileNameWithoutExtension(settings.Scenario)}-buffers-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        var outages = settings.Outages is { } text ? LibraryCall.Run(session, _ => BufferSizing.ParseOutages(text)) : null;
        using var claim = StressOutput.Claim(output, settings.Force);
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var result = LibraryCall.Run(session, progress => BufferSizing.Run(
            scenario, new BufferSizingOptions(settings.Policy, outages, settings.Seed, settings.Rounds, PolicyId: settings.PolicyId, Replications: settings.Replications), progress, cancellationToken));
        ExperimentExecution.Render(session, "buffers", BufferSizingTable.Stocks(result, settings.Top));
        ExperimentExecution.Render(session, "outages", BufferSizingTable.Outages(result, settings.Top));
        var manifest = new RunManifest(
            RunManifest.CurrentToolVersion, settings.Scenario, RunManifest.Sha256OfFile(settings.Scenario), scenario.Name, [result.TodayPolicy, result.Policy.Id],
            settings.Seed, settings.Replications, scenario.HorizonHours, ExperimentExecution.CommandLine(session.Arguments), startedAt, clock.Elapsed.TotalSeconds, result.ProcessedEvents);
        BufferSizingWriter.Write(claim, result, manifest, cancellationToken);
        session.WroteResults(output);
        return ExitCodes.Success;
    }
}
