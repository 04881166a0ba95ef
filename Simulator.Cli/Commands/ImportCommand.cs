using System.ComponentModel;
using System.Globalization;
using Simulator.Scenarios;
using Simulator.Scenarios.Import;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>import DIR</c>: the planner's master data and state (CSV tables, Catena-X payloads) plus a YAML overlay,
/// written as one scenario file (<see cref="NetworkImport"/>); any bad row is exit 2 and nothing is written.
/// </summary>
internal sealed class ImportCommand(CliSession session) : Command<ImportCommand.Settings>
{
    /// <summary>Arguments of <c>import</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Folder with the tables and payloads.</summary>
        [CommandArgument(0, "<DIR>")]
        [Description("Folder with the CSV tables (partners, sites, materials, lines, bom, supply, ...) and Catena-X JSON payloads (docs/import.md)")]
        public string Folder { get; set; } = string.Empty;

        /// <summary>Scenario file to write; stdout when absent.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("Scenario file to write (default: standard output)")]
        public string? Out { get; set; }

        /// <summary>Time the state is taken at.</summary>
        [CommandOption("--as-of <TIME>")]
        [Description("ISO-8601 timestamp with offset: the state as of then becomes the scenario's start (default: the latest update in the state data, else the overlay's start)")]
        public string? AsOf { get; set; }

        /// <summary>YAML overlay merged on import.</summary>
        [CommandOption("--overlay <FILE>")]
        [Description("YAML in the scenario format with what no table holds: name, horizon_hours, ..., it_systems, disruptions, policies")]
        public string? Overlay { get; set; }

        /// <summary>Replace an existing file.</summary>
        [CommandOption("-f|--force")]
        [Description("Overwrite --out if it already exists")]
        public bool Force { get; set; }

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

            return Spectre.Console.ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Out is { } target)
        {
            GenerateCommand.CheckTarget(target, settings.Force);
        }

        var result = NetworkImport.Import(new ImportRequest(settings.Folder, settings.Overlay, settings.AsOfTime));
        foreach (var problem in result.Problems)
        {
            session.Error(problem.ToString());
        }

        if (!result.IsValid || result.Yaml is null)
        {
            throw new InvalidInputException(result.Problems.Count == 0 ? $"error: '{settings.Folder}' could not be imported" : string.Empty);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (settings.Out is null)
        {
            session.Stdout.Write(result.Yaml);
        }
        else
        {
            GenerateCommand.WriteAtomically(settings.Out, result.Yaml, settings.Force);
        }

        session.Error(Summary(result.Summary!, settings.Out));
        return ExitCodes.Success;
    }

    private static string Summary(ImportSummary s, string? path)
    {
        static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
        return $"{(path is null ? "imported" : $"wrote {path}")} as of {s.AsOf.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}: "
            + $"{N(s.Materials)} materials, {N(s.Partners)} partners, {N(s.Sites)} sites, {N(s.Lines)} lines, {N(s.Relations)} supply relations; "
            + $"{N(s.StockPositions)} stock positions ({N(s.BlockedPositions)} blocked, not counted), {N(s.InTransit)} shipments in transit, {N(s.DemandEntries)} demand entries, {N(s.PlannedOutputs)} planned outputs";
    }
}
