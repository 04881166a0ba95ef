using System.Globalization;
using System.Text;
using Simulator.Model.Specs;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulator.Scenarios.Import;

/// <summary>
/// The YAML overlay: the parts of a scenario no table holds (settings, IT systems, disruptions, policies), in the
/// scenario format. It is merged by writing the imported network after the overlay's own text, so the scenario
/// loader checks both together and its problems in the overlay keep their line and column there.
/// </summary>
internal sealed class Overlay
{
    /// <summary>Top-level keys an overlay may have; the rest come from the tables.</summary>
    public static readonly string[] Keys =
        ["name", "description", "start", "time_zone", "horizon_hours", "sample_every_hours", "holding_cost_rate_per_year", "reference_hours", "it_systems", "disruptions", "policies"];

    // Sections of the written network that always come from the tables.
    private static readonly string[] NetworkKeys = ["calendars", "parts", "plants", "suppliers", "lanes", "state"];

    private Overlay(string label, string text, HashSet<string> keys, DateTimeOffset? start, (int From, int To)? startSpan)
    {
        Label = label;
        Text = text;
        TopKeys = keys;
        Start = start;
        StartSpan = startSpan;
    }

    public string Label { get; }

    public string Text { get; }

    public HashSet<string> TopKeys { get; }

    /// <summary>The overlay's start, when it gives a valid one.</summary>
    public DateTimeOffset? Start { get; }

    /// <summary>Where the overlay's start value stands in <see cref="Text"/>, to be replaced by the import's as-of time.</summary>
    private (int From, int To)? StartSpan { get; }

    /// <summary>The overlay at <paramref name="path"/>, or null (no overlay, or a problem reported).</summary>
    public static Overlay? Read(string? path, ImportProblems problems)
    {
        if (path is null)
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Error(path, 0, 0, null, $"cannot read the overlay: {e.Message.ReplaceLineEndings(" ")}", "check the path of --overlay");
            return null;
        }

        // Read as the scenario loader reads, with its bounds: YamlDotNet's own model recurses once per level and
        // resolves some aliases by recursion, so 100,000 levels of '[' or an alias key before its anchor overflowed the stack.
        var read = new ProblemList(path);
        if (ScenarioLoader.ReadDocuments(text, read) is not { } documents)
        {
            foreach (var problem in read.InFileOrder())
            {
                problems.Add(problem);
            }

            return null;
        }

        if (documents.Count == 0)
        {
            return new Overlay(path, string.Empty, [], null, null);
        }

        if (documents[0] is not SourceMapping { Style: not MappingStyle.Flow } root || documents.Count > 1)
        {
            problems.Error(path, 1, 1, null, "the overlay must be one YAML mapping written as key: value lines", "write e.g. it_systems:, disruptions: and policies: at the start of lines");
            return null;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? start = null;
        (int From, int To)? startSpan = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as SourceScalar)?.Value ?? string.Empty;
            keys.Add(key);
            if (!Keys.Contains(key))
            {
                var from = NetworkKeys.Contains(key) ? $"{key} come from the import tables (docs/import.md)" : Suggestions.DidYouMean(key, Keys, "overlay keys:");
                problems.Error(path, (int)keyNode.Start.Line, (int)keyNode.Start.Column, null, $"'{key}' cannot be given in the overlay", from);
            }
            else if (key == "start" && value is SourceScalar { Value: { } s })
            {
                startSpan = ((int)value.Start.Index, (int)EndOf(text, value.Start).Index);
                start = ScalarParsers.TryTimestamp(s, out var t) ? t : null;
            }
        }

        return new Overlay(path, text, keys, start, startSpan);
    }

    /// <summary>
    /// The network merged with the overlay and validated by the scenario loader; its problems are reported where they
    /// come from (overlay line, or the table row that defined the entity). Null when the result has errors.
    /// </summary>
    public static ScenarioSpec? Merge(ScenarioSpec network, Overlay? overlay, DateTimeOffset asOf, IReadOnlyDictionary<string, Origin> origins, string folder, ImportProblems problems)
    {
        var text = new StringBuilder();
        var overlayLines = 0;
        var taken = overlay?.TopKeys ?? [];
        if (overlay is not null)
        {
            var own = overlay.WithStart(asOf);
            text.Append(own);
            if (own.Length > 0 && !own.EndsWith('\n'))
            {
                text.Append('\n');
            }

            overlayLines = text.ToString().Count(c => c == '\n');
        }

        foreach (var (key, block) in Sections(ScenarioWriter.ToYaml(network)))
        {
            if (NetworkKeys.Contains(key) || (key is "name" or "start" or "horizon_hours" && !taken.Contains(key)))
            {
                text.Append(block);
            }
        }

        var label = overlay?.Label ?? "overlay";
        var load = ScenarioLoader.Parse(text.ToString(), label);
        foreach (var p in load.Problems)
        {
            if (p.Line > 0 && p.Line <= overlayLines)
            {
                problems.Add(p);
            }
            else
            {
                var at = p.Id is null ? null : new[] { "node:", "lane:", "part:", "calendar:" }.Select(k => origins.GetValueOrDefault(k + p.Id)).FirstOrDefault(o => o is not null);
                problems.Add(p with { File = at?.File ?? folder, Line = at?.Row ?? 0, Column = at?.Column ?? 0, Hint = p.Hint is null ? null : $"{p.Hint} (in scenario-format terms: a lane is a supply.csv relation, a part a material)" });
            }
        }

        return load.IsValid ? load.Scenario : null;
    }

    /// <summary>The overlay of a scenario: the sections of its file that no import table holds.</summary>
    public static string TextOf(ScenarioSpec scenario) =>
        string.Concat(Sections(ScenarioWriter.ToYaml(scenario)).Where(s => Keys.Contains(s.Key)).Select(s => s.Block));

    /// <summary>The overlay text with its start replaced by the as-of time, in place, so every other position stays.</summary>
    private string WithStart(DateTimeOffset asOf)
    {
        if (StartSpan is not var (from, to))
        {
            return Text;
        }

        return string.Concat(Text.AsSpan(0, from), asOf.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), Text.AsSpan(to));
    }

    /// <summary>Where the scalar starting at <paramref name="start"/> ends: the tree keeps starts only, the parser's events both.</summary>
    private static Mark EndOf(string text, Mark start)
    {
        var parser = new Parser(new Scanner(new StringReader(text)));
        while (parser.MoveNext())
        {
            if (parser.Current is Scalar scalar && scalar.Start.Index == start.Index)
            {
                return scalar.End;
            }
        }

        return start;
    }

    /// <summary>The top-level sections of a written scenario, each with its lines.</summary>
    private static IEnumerable<(string Key, string Block)> Sections(string yaml)
    {
        var key = string.Empty;
        var block = new StringBuilder();
        foreach (var line in yaml.Split('\n'))
        {
            if (line.Length > 0 && line[0] != ' ' && line[0] != '#' && line.Contains(':', StringComparison.Ordinal))
            {
                if (key.Length > 0)
                {
                    yield return (key, block.ToString());
                }

                key = line[..line.IndexOf(':', StringComparison.Ordinal)];
                block.Clear();
            }

            if (key.Length > 0 && line.Length > 0)
            {
                block.Append(line).Append('\n');
            }
        }

        if (key.Length > 0)
        {
            yield return (key, block.ToString());
        }
    }
}
