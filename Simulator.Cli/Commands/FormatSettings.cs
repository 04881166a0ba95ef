using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>What goes to stdout: a table for people, or CSV or JSON for a script.</summary>
internal enum OutputFormat
{
    /// <summary>Rounded tables and messages, for a person at a console.</summary>
    Table,

    /// <summary>The first table's rows as CSV, nothing else on stdout.</summary>
    Csv,

    /// <summary>One JSON document with every table, nothing else on stdout.</summary>
    Json,
}

/// <summary>The <c>--format</c> option of every command that prints results: run, compare, stress, survive, merge, validate.</summary>
internal abstract class FormatSettings : CommandSettings
{
    /// <summary>What goes to stdout.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("What goes to stdout: 'table' (for people), 'csv' (the first table's rows) or 'json' (every table, see docs/console.md); with csv or json every message goes to stderr")]
    [DefaultValue("table")]
    public string Format { get; set; } = "table";

    /// <summary>The parsed <see cref="Format"/>; a value <see cref="Validate"/> refuses reads as a table.</summary>
    public OutputFormat OutputFormat => Format.ToLowerInvariant() switch
    {
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => OutputFormat.Table,
    };

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        Format.ToLowerInvariant() is "table" or "csv" or "json"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be 'table', 'csv' or 'json', got '{Format}'");
}
