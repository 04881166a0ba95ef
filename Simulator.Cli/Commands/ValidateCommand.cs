using System.ComponentModel;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary><c>validate SCENARIO</c>: every problem of a scenario, with file, line, column and the offending id.</summary>
internal sealed class ValidateCommand(CliSession session, ISimulatorBackend backend) : Command<ValidateCommand.Settings>
{
    /// <summary>Arguments of <c>validate</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Scenario file to check.</summary>
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario file (YAML) to check")]
        public string Scenario { get; set; } = string.Empty;
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ScenarioInput.Load(backend, session, settings.Scenario, checkBaseline: true, cancellationToken);
        session.Stdout.WriteLine($"{settings.Scenario}: valid");
        return ExitCodes.Success;
    }
}
