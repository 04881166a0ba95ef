using System.ComponentModel;
using System.Globalization;
using System.Text;
using Simulator.Model.Specs;
using Simulator.Scenarios;
using Simulator.Scenarios.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>generate</c>: a synthetic multi-tier network (<see cref="NetworkGenerator"/>) written as a scenario file
/// (<see cref="ScenarioWriter"/>), valid by construction, for scale tests and as a starting point.
/// </summary>
internal sealed class GenerateCommand(CliSession session) : Command<GenerateCommand.Settings>
{
    /// <summary>Arguments of <c>generate</c>; every count left out comes from the preset (or the generator's defaults).</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Starting point for the counts the other options do not give.</summary>
        [CommandOption("--preset <PRESET>")]
        [Description("medium (1 plant, 2 lines, 300 parts, about 100 suppliers, 1 week), large (3 plants, 6 lines, 2,000 parts, about 600 suppliers, 30 days) or oem (5 plants, 15 lines, 8,000 parts, 4 tiers, about 2,700 suppliers, 30 days); the other options override it (default: 1 plant, 2 lines, 50 parts, 3 tiers)")]
        public string? Preset { get; set; }

        /// <summary>Vehicle plants.</summary>
        [CommandOption("--plants <N>")]
        [Description("Vehicle plants, at least 1")]
        public int? Plants { get; set; }

        /// <summary>Assembly lines per plant.</summary>
        [CommandOption("--lines-per-plant <N>")]
        [Description("Assembly lines per plant, at least 1")]
        public int? LinesPerPlant { get; set; }

        /// <summary>Line-side parts.</summary>
        [CommandOption("--parts <N>")]
        [Description("Line-side parts (the materials of deeper tiers come on top), at least the number of plants")]
        public int? Parts { get; set; }

        /// <summary>Supplier tiers.</summary>
        [CommandOption("--tiers <N>")]
        [Description("Supplier tiers, at least 1; tier 1 delivers to the lines")]
        public int? Tiers { get; set; }

        /// <summary>Suppliers of each tier, comma-separated.</summary>
        [CommandOption("--suppliers-per-tier <N,...>")]
        [Description("Suppliers in each tier, one entry per tier, e.g. 120,60,30 (default: parts / 5.5, then halving per tier)")]
        public string? SuppliersPerTier { get; set; }

        /// <summary>Seed of every random choice.</summary>
        [CommandOption("-s|--seed <SEED>")]
        [Description("Seed: the same options and seed write the same file, byte for byte (default: 1)")]
        public ulong? Seed { get; set; }

        /// <summary>Simulated hours.</summary>
        [CommandOption("--horizon <HOURS>")]
        [Description("Simulated hours (default: 168, or the preset's)")]
        public double? HorizonHours { get; set; }

        /// <summary>Leave the disruption list empty.</summary>
        [CommandOption("--no-disruption")]
        [Description("Leave out the first plant's 24 h EDI outage (an empty disruption list)")]
        public bool NoDisruption { get; set; }

        /// <summary>Scenario file to write; stdout when absent.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("Scenario file to write (default: standard output); with --format csv, the folder for the tables")]
        public string? Out { get; set; }

        /// <summary>yaml (one scenario file) or csv (the import tables and an overlay, docs/import.md).</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("yaml (default): one scenario file; csv: the tables of linesim import and overlay.yaml in the --out folder")]
        public string Format { get; set; } = "yaml";

        /// <summary>Replace an existing file.</summary>
        [CommandOption("-f|--force")]
        [Description("Overwrite --out if it already exists")]
        public bool Force { get; set; }

        /// <summary>The generator options these settings ask for: the preset, then every option given.</summary>
        public GeneratorOptions ToOptions()
        {
            var basis = Preset?.ToLowerInvariant() switch
            {
                "medium" => GeneratorOptions.Medium,
                "large" => GeneratorOptions.Large,
                "oem" => GeneratorOptions.Oem,
                _ => new GeneratorOptions(),
            };
            return basis with
            {
                Plants = Plants ?? basis.Plants,
                LinesPerPlant = LinesPerPlant ?? basis.LinesPerPlant,
                Parts = Parts ?? basis.Parts,
                Tiers = Tiers ?? basis.Tiers,
                SuppliersPerTier = SuppliersPerTier is null ? basis.SuppliersPerTier : SupplierCounts(),
                Seed = Seed ?? basis.Seed,
                HorizonHours = HorizonHours ?? basis.HorizonHours,
                WithDisruption = basis.WithDisruption && !NoDisruption,
            };
        }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
            if (Preset is not null && Preset.ToLowerInvariant() is not ("medium" or "large" or "oem"))
            {
                return ValidationResult.Error($"--preset must be medium, large or oem, got '{Preset}'");
            }

            if (Format is not ("yaml" or "csv"))
            {
                return ValidationResult.Error($"--format must be yaml or csv, got '{Format}'");
            }

            if (Format == "csv" && Out is null)
            {
                return ValidationResult.Error("--format csv writes several files: give the folder with --out");
            }

            foreach (var (option, value) in new[] { ("--plants", Plants), ("--lines-per-plant", LinesPerPlant), ("--parts", Parts), ("--tiers", Tiers) })
            {
                if (value is < 1)
                {
                    return ValidationResult.Error($"{option} must be at least 1, got {Text(value.Value)}");
                }
            }

            if (HorizonHours is { } horizon && !(horizon > 0 && double.IsFinite(horizon)))
            {
                return ValidationResult.Error($"--horizon must be a positive number of hours, got {Text(horizon)}");
            }

            if (SuppliersPerTier is not null)
            {
                var counts = SupplierCounts();
                if (counts is null)
                {
                    return ValidationResult.Error($"--suppliers-per-tier must be whole numbers of at least 1, comma-separated, got '{SuppliersPerTier}'");
                }

                var tiers = ToOptions().Tiers;
                if (counts.Length != tiers)
                {
                    return ValidationResult.Error(
                        $"--suppliers-per-tier needs one entry per tier ({Text(tiers)}), got {Text(counts.Length)} in '{SuppliersPerTier}'");
                }
            }

            return ValidationResult.Success();
        }

        /// <summary>The parsed <c>--suppliers-per-tier</c> list, or null when an entry is not a whole number of at least 1.</summary>
        private int[]? SupplierCounts()
        {
            var entries = (SuppliersPerTier ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
            var counts = new int[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                if (!int.TryParse(entries[i], NumberStyles.None, CultureInfo.InvariantCulture, out counts[i]) || counts[i] < 1)
                {
                    return null;
                }
            }

            return counts;
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions();
        IReadOnlyList<int> suppliersPerTier;
        try
        {
            // The rules that involve several options at once (parts against plants and tier-1 suppliers).
            suppliersPerTier = NetworkGenerator.SuppliersPerTier(options);
        }
        catch (InvalidOptionsException error)
        {
            throw new InvalidInputException($"error: {OneLine(error)}", error);
        }

        if (settings.Format == "csv")
        {
            var network = NetworkGenerator.Generate(options);
            WriteTables(settings.Out!, ScenarioTables.Write(network), settings.Force, cancellationToken);
            session.Error(Summary(network, suppliersPerTier, settings.Out));
            return ExitCodes.Success;
        }

        if (settings.Out is { } target)
        {
            CheckTarget(target, settings.Force);
        }

        var scenario = NetworkGenerator.Generate(options);
        var yaml = ScenarioWriter.ToYaml(scenario);
        cancellationToken.ThrowIfCancellationRequested();
        if (settings.Out is null)
        {
            session.Stdout.Write(yaml);
        }
        else
        {
            WriteAtomically(settings.Out, yaml, settings.Force);
        }

        session.Error(Summary(scenario, suppliersPerTier, settings.Out));
        return ExitCodes.Success;
    }

    /// <summary>Refuses a folder, and an existing file without <c>--force</c>.</summary>
    internal static void CheckTarget(string path, bool force)
    {
        if (Directory.Exists(path))
        {
            throw new InvalidInputException($"error: --out '{path}' is a folder; give a file name");
        }

        if (File.Exists(path) && !force)
        {
            throw new InvalidInputException($"error: '{path}' already exists (hint: use --force to overwrite it, or choose another --out)");
        }
    }

    /// <summary>Writes the import tables into <paramref name="folder"/>; a table already there needs <c>--force</c>, other files are never touched.</summary>
    private static void WriteTables(string folder, IReadOnlyList<(string FileName, string Text)> files, bool force, CancellationToken cancellationToken)
    {
        if (File.Exists(folder))
        {
            throw new InvalidInputException($"error: --out '{folder}' is a file; --format csv needs a folder");
        }

        foreach (var (name, _) in files)
        {
            CheckTarget(Path.Combine(folder, name), force);
        }

        foreach (var (name, text) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteAtomically(Path.Combine(folder, name), text, force);
        }
    }

    /// <summary>Writes a temporary file next to <paramref name="path"/> and moves it into place, so no reader sees half a file.</summary>
    internal static void WriteAtomically(string path, string text, bool force)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            try
            {
                File.Move(temporary, full, overwrite: force);
            }
            catch (IOException) when (!force && File.Exists(full))
            {
                // Someone else created it after the check.
                throw new InvalidInputException($"error: '{path}' already exists (hint: use --force to overwrite it, or choose another --out)");
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string Summary(ScenarioSpec scenario, IReadOnlyList<int> suppliersPerTier, string? path)
    {
        static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        var nodes = scenario.Plants.Select(p => p.Id).Concat(scenario.Suppliers.Select(s => s.Id)).ToHashSet(StringComparer.Ordinal);
        var providers = scenario.ItSystems.Select(s => s.Owner).Where(o => !nodes.Contains(o)).Distinct(StringComparer.Ordinal).Count();
        var lineParts = scenario.Plants.SelectMany(p => p.Lines).SelectMany(l => l.Bom).Select(b => b.PartId).Distinct(StringComparer.Ordinal).Count();
        return $"{(path is null ? "generated" : $"wrote {path}")}: {N(scenario.Plants.Count)} plant(s), "
            + $"{N(scenario.Plants.Sum(p => p.Lines.Count))} line(s), {N(lineParts)} line parts ({N(scenario.Parts.Count)} parts in all), "
            + $"suppliers per tier {string.Join('/', suppliersPerTier.Select(N))}, {N(scenario.ItSystems.Count)} IT systems "
            + $"({N(providers)} shared providers), {N(scenario.Lanes.Count)} lanes";
    }

    private static string OneLine(Exception error)
    {
        // ArgumentException appends " (Parameter 'options')" to the message; the user never named a parameter.
        var message = error is ArgumentException { ParamName: { } name } ? error.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : error.Message;
        return message.ReplaceLineEndings(" ").Trim();
    }
}
