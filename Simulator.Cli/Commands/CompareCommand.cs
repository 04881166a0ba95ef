using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>compare SCENARIO</c>: the same seeds and replications under several buffer-stock policies; per line and policy
/// the metrics and the cost of the stock held, and paired differences that show which gaps are real.
/// </summary>
internal sealed class CompareCommand(CliSession session, ISimulatorBackend backend) : Command<CompareCommand.Settings>
{
    /// <summary>Replications per policy unless <c>--replications</c> says otherwise: enough for a paired interval.</summary>
    public const int DefaultReplicationCount = 20;

    /// <summary>Arguments of <c>compare</c>.</summary>
    public sealed class Settings : ExperimentSettings
    {
        /// <summary>Policies to compare.</summary>
        [CommandOption("-p|--policies <POLICIES>")]
        [Description("Policies to compare, separated by commas or repeated (default: every policy in the scenario)")]
        public string[] Policies { get; set; } = [];

        /// <summary>The policies as a list, splitting comma-separated values.</summary>
        public IReadOnlyList<string> PolicyList =>
            Policies.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

        /// <inheritdoc/>
        protected override int DefaultReplications => DefaultReplicationCount;

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var common = base.Validate();
            if (!common.Successful)
            {
                return common;
            }

            return Policies.Length > 0 && PolicyList.Count == 0
                ? ValidationResult.Error("--policies needs at least one policy name")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(backend, session, settings.Scenario, cancellationToken: cancellationToken, policyFile: settings.PolicyFile);
        IReadOnlyList<string> policies = settings.PolicyList.Count > 0
            ? settings.PolicyList
            : scenario.Policies.Select(p => p.Id).ToList();
        if (policies.Count == 0)
        {
            throw new InvalidInputException("error: the scenario defines no policies to compare (hint: add a `policies:` section)");
        }

        return ExperimentExecution.Execute(session, backend, settings, scenario, policies, compare: true, cancellationToken);
    }
}
