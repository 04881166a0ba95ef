using System.ComponentModel;
using System.Globalization;
using Simulator.Experiments;
using Simulator.Model.Specs;
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
        [Description("dot (Graphviz text), mermaid, or svg (laid out by Graphviz's dot, which must be installed)")]
        [DefaultValue("dot")]
        public string Format { get; set; } = "dot";

        /// <summary>File to write; stdout when absent.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("File to write (default: standard output)")]
        public string? Out { get; set; }

        /// <summary>Mark the K most critical targets of a default stress test.</summary>
        [CommandOption("--highlight <K>")]
        [Description("Run the stress test with its defaults and mark the K most critical suppliers, IT systems or providers")]
        public int? Highlight { get; set; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (Highlight is < 1)
            {
                return ValidationResult.Error($"--highlight must be at least 1, got {Highlight.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            return Format is "dot" or "mermaid" or "svg"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--format must be dot, mermaid or svg, got '{Format}'");
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(backend, session, settings.Scenario);
        var critical = settings.Highlight is { } top ? MostCritical(scenario, top, cancellationToken) : [];
        var text = settings.Format switch
        {
            "mermaid" => NetworkGraph.ToMermaid(scenario, critical),
            "svg" => Svg(NetworkGraph.ToDot(scenario, critical), cancellationToken),
            _ => NetworkGraph.ToDot(scenario, critical),
        };
        if (settings.Out is null)
        {
            session.Stdout.Write(text);
        }
        else
        {
            // Like the results folders of run, a missing parent folder is created rather than refused.
            var folder = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(settings.Out, text);
            session.Stdout.WriteLine($"graph written to {settings.Out}");
        }

        return ExitCodes.Success;
    }

    private string Svg(string dot, CancellationToken cancellationToken)
    {
        try
        {
            var (svg, warnings) = Graphviz.RenderSvg(dot, cancellationToken);
            foreach (var warning in warnings)
            {
                session.Error("graphviz: " + warning);
            }

            return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + svg;
        }
        catch (GraphvizUnavailableException error)
        {
            throw new InvalidInputException($"error: {error.Message} (hint: --format dot or mermaid need no Graphviz)", error);
        }
    }

    private IReadOnlyList<string> MostCritical(Model.Specs.ScenarioSpec scenario, int top, CancellationToken cancellationToken)
    {
        var options = new StressTestOptions();
        var total = StressTest.RunCount(scenario, options).ToString(CultureInfo.InvariantCulture);
        try
        {
            var progress = new Progress(done => session.Progress($"stress test for --highlight: {done.ToString(CultureInfo.InvariantCulture)}/{total} runs"));
            return StressTest.Run(scenario, options, progress, cancellationToken).Ranking.Take(top).Select(e => e.Target.Id).ToList();
        }
        catch (InvalidOptionsException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }
        finally
        {
            session.EndProgress();
        }
    }

    /// <summary>Reports synchronously, so the progress line never lags behind the runs.</summary>
    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
