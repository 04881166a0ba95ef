using System.ComponentModel;
using Simulator.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary><c>graph SCENARIO</c>: the multi-tier supply map with IT dependencies as DOT or Mermaid text.</summary>
internal sealed class GraphCommand(CliSession session, ISimulatorBackend backend) : Command<GraphCommand.Settings>
{
    /// <summary>Arguments of <c>graph</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Scenario file to draw.</summary>
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario file (YAML) to draw")]
        public string Scenario { get; set; } = string.Empty;

        /// <summary>Text format of the graph.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("dot (Graphviz) or mermaid")]
        [DefaultValue("dot")]
        public string Format { get; set; } = "dot";

        /// <summary>File to write; stdout when absent.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("File to write (default: standard output)")]
        public string? Out { get; set; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            Format is "dot" or "mermaid"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--format must be dot or mermaid, got '{Format}'");
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(backend, session, settings.Scenario);
        var text = settings.Format == "mermaid" ? NetworkGraph.ToMermaid(scenario) : NetworkGraph.ToDot(scenario);
        if (settings.Out is null)
        {
            session.Stdout.Write(text);
        }
        else
        {
            File.WriteAllText(settings.Out, text);
            session.Stdout.WriteLine($"graph written to {settings.Out}");
        }

        return ExitCodes.Success;
    }
}
