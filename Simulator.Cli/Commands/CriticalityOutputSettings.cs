using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>What <c>stress</c> and <c>merge</c> share: where the ranking goes and how much of it the console shows.</summary>
internal abstract class CriticalityOutputSettings : FormatSettings
{
    /// <summary>Results folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Results folder (default: results/<scenario>-stress-<yyyyMMdd-HHmmss>)")]
    public string? Out { get; set; }

    /// <summary>Rows of the console table.</summary>
    [CommandOption("--top <K>")]
    [Description("Rows of the console table")]
    [DefaultValue(15)]
    public int Top { get; set; } = 15;

    /// <summary>Replace a non-empty results folder.</summary>
    [CommandOption("-f|--force")]
    [Description("Replace the results folder if it already holds files")]
    public bool Force { get; set; }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        Top < 1 ? ValidationResult.Error($"--top must be at least 1, got {Top.ToString(CultureInfo.InvariantCulture)}") : base.Validate();
}
