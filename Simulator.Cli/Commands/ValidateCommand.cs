using System.ComponentModel;
using Simulator.Output;
using Simulator.Scenarios;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary><c>validate SCENARIO</c>: every problem of a scenario, with file, line, column and the offending id.</summary>
internal sealed class ValidateCommand(CliSession session, ISimulatorBackend backend) : Command<ValidateCommand.Settings>
{
    /// <summary>Arguments of <c>validate</c>.</summary>
    public sealed class Settings : FormatSettings
    {
        /// <summary>Scenario file to check.</summary>
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario file (YAML) to check")]
        public string Scenario { get; set; } = string.Empty;
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        LoadResult? checkedLoad = null;
        try
        {
            ScenarioInput.Load(backend, session, settings.Scenario, checkBaseline: true, cancellationToken, load => checkedLoad = load);
        }
        catch (InvalidInputException) when (checkedLoad is not null && session.Document is not null)
        {
            // The problems are on stderr as for a person, and on stdout for the script that asked; the exit code stays 2.
            Write(settings.Scenario, checkedLoad, valid: false);
            throw;
        }

        if (session.Document is null)
        {
            session.Stdout.WriteLine($"{settings.Scenario}: valid");
        }
        else
        {
            Write(settings.Scenario, checkedLoad!, valid: true);
        }

        return ExitCodes.Success;
    }

    private void Write(string scenario, LoadResult load, bool valid)
    {
        session.DocumentWritten();
        if (session.Format == OutputFormat.Csv)
        {
            ValidationDocument.WriteCsv(session.Stdout, load.Problems);
        }
        else
        {
            ValidationDocument.WriteJson(session.Stdout, scenario, valid, load.Problems);
        }
    }
}
