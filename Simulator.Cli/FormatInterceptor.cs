using Simulator.Cli.Commands;
using Spectre.Console.Cli;

namespace Simulator.Cli;

/// <summary>
/// Tells the session what goes to stdout before a command runs, and writes the CSV or JSON document after it succeeded,
/// so that every command's tables and messages follow <c>--format</c> without each command handling it.
/// </summary>
internal sealed class FormatInterceptor(CliSession session) : ICommandInterceptor
{
    /// <inheritdoc/>
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        if (settings is FormatSettings format)
        {
            session.BeginCommand(context.Name, format.OutputFormat);
        }
    }

    /// <inheritdoc/>
    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result) => session.FinishCommand(result);
}
