using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary><c>run SCENARIO</c>: simulate, print the per-line answer, write the results contract and charts.</summary>
internal sealed class RunCommand(CliSession session, ISimulatorBackend backend) : Command<RunCommand.Settings>
{
    /// <summary>Arguments of <c>run</c>.</summary>
    public sealed class Settings : ExperimentSettings
    {
        /// <summary>Policies to run.</summary>
        [CommandOption("-p|--policy <POLICY>")]
        [Description("Policy to run; repeat it or separate by commas for several (default: the scenario's first policy)")]
        public string[] Policies { get; set; } = [];

        /// <summary>The policies as a list, splitting comma-separated values.</summary>
        public IReadOnlyList<string> PolicyList =>
            Policies.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

        /// <inheritdoc/>
        protected override int DefaultReplications => 1;

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            var common = base.Validate();
            if (!common.Successful)
            {
                return common;
            }

            return Policies.Length > 0 && PolicyList.Count == 0
                ? ValidationResult.Error("--policy needs a policy name")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(backend, session, settings.Scenario, cancellationToken: cancellationToken, policyFile: settings.PolicyFile);
        return ExperimentExecution.Execute(session, backend, settings, scenario, settings.PolicyList, compare: false, cancellationToken);
    }
}
