using System.Globalization;
using Simulator.Model.Specs;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulator.Scenarios;

/// <summary>Loads scenario files: a validated <see cref="ScenarioSpec"/>, or every problem found, never an exception for bad input.</summary>
public static class ScenarioLoader
{
    /// <summary>Reads and validates the scenario file at <paramref name="path"/>; an unreadable file is a problem at line 0, column 0.</summary>
    /// <param name="path">Path of the YAML file; problems name the file as given here.</param>
    public static LoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new ProblemList(path);
        return ReadFile(path, problems) is { } text
            ? ParseCore(text, problems, Path.GetFileNameWithoutExtension(path), Path.GetFullPath(path))
            : new LoadResult(null, problems.InFileOrder());
    }

    /// <summary>
    /// Adds the policies of a policy file (a YAML mapping with a <c>policies</c> list, as <c>size-buffers</c> writes it)
    /// to a loaded scenario: the scenario with them after its own, or every problem of the file. A policy id the
    /// scenario already has, and parts and nodes it does not know, are errors located in the policy file.
    /// </summary>
    /// <param name="scenario">The valid scenario the policies are for.</param>
    /// <param name="path">Path of the policy file; problems name the file as given here.</param>
    public static LoadResult AddPolicies(ScenarioSpec scenario, string path)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(path);
        var problems = new ProblemList(path);
        if (ReadFile(path, problems) is not { } text || ParseYaml(text, problems) is not { } root)
        {
            return new LoadResult(null, problems.InFileOrder());
        }

        var context = new ReadContext(problems, new SourceMap()) { Start = scenario.Start };
        if (MappingReader.Open(root, ScenarioKeys.PolicyFile, null, context, "a policy file") is not { } reader)
        {
            return new LoadResult(null, problems.InFileOrder());
        }

        reader.Text("description");
        var policies = ScenarioReader.ReadPolicies(reader, required: true);
        foreach (var policy in policies.Where(p => scenario.Policies.Any(q => q.Id == p.Id)))
        {
            problems.Error(context.Sources.Locate(policy, "id", -1), policy.Id, $"the scenario already has a policy '{policy.Id}'", "give the policy another id, or remove it from the scenario");
        }

        // The scenario's own entities were checked when it was loaded; of the rules, only what concerns these policies can fail now.
        var validation = new Validation(scenario with { Policies = policies }, context.Sources, problems);
        IdRules.Check(validation);
        ReferenceRules.Check(validation);
        return new LoadResult(problems.HasErrors ? null : scenario with { Policies = [.. scenario.Policies, .. policies] }, problems.InFileOrder())
        {
            Sources = context.Sources,
            FileLabel = problems.File,
        };
    }

    /// <summary>The text of the file at <paramref name="path"/>, or null with the reason among <paramref name="problems"/>.</summary>
    private static string? ReadFile(string path, ProblemList problems)
    {
        try
        {
            if (Directory.Exists(path))
            {
                problems.FileError("is a folder, not a file", "give the path of a .yaml file");
                return null;
            }

            var bytes = new FileInfo(path).Length;
            if (bytes > ScenarioBounds.MaxFileBytes)
            {
                // Refused before reading: a file this size takes minutes and gigabytes to parse before its first error.
                problems.FileError(
                    $"the file is {Megabytes(bytes)}; scenario files may be at most {Megabytes(ScenarioBounds.MaxFileBytes)} (see docs/reliability.md)",
                    "a carmaker's network fits: the generator's oem preset (8,000 line parts, 2,700 suppliers, 49,000 lanes) is 17 MB; check that this is the scenario you meant");
                return null;
            }

            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var hint = e is FileNotFoundException or DirectoryNotFoundException
                ? "check the path; relative paths start at the current folder " + Environment.CurrentDirectory
                : "check that the file is readable";
            problems.FileError($"cannot read the file: {e.Message}", hint);
            return null;
        }
    }

    /// <summary>Parses and validates scenario text; <paramref name="fileName"/> only labels the problems.</summary>
    /// <param name="yamlText">The YAML document.</param>
    /// <param name="fileName">Name used in problems and as the default scenario name.</param>
    public static LoadResult Parse(string yamlText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        return ParseCore(yamlText, new ProblemList(fileName), Path.GetFileNameWithoutExtension(fileName), sourcePath: null);
    }

    private static LoadResult ParseCore(string text, ProblemList problems, string defaultName, string? sourcePath)
    {
        if (text.Length > ScenarioBounds.MaxFileBytes)
        {
            problems.FileError(
                $"the text is {text.Length.ToString(CultureInfo.InvariantCulture)} characters; scenarios may be at most {Megabytes(ScenarioBounds.MaxFileBytes)} (see docs/reliability.md)",
                "a carmaker's network fits: the generator's oem preset (8,000 line parts, 2,700 suppliers, 49,000 lanes) is 17 MB");
            return new LoadResult(null, problems.InFileOrder());
        }

        var root = ParseYaml(text, problems);
        if (root is null)
        {
            return new LoadResult(null, problems.InFileOrder());
        }

        var context = new ReadContext(problems, new SourceMap());
        var reader = MappingReader.Open(root, ScenarioKeys.Scenario, null, context, "a scenario file");
        if (reader is null)
        {
            return new LoadResult(null, problems.InFileOrder());
        }

        var spec = ScenarioReader.Read(reader, defaultName, sourcePath);
        var validation = new Validation(spec, context.Sources, problems);
        IdRules.Check(validation);
        ReferenceRules.Check(validation);
        LaneRules.Check(validation);
        NetworkRules.Check(validation);
        StateRules.Check(validation);
        return new LoadResult(problems.HasErrors ? null : spec, problems.InFileOrder())
        {
            Sources = context.Sources,
            FileLabel = problems.File,
        };
    }

    private static SourceNode? ParseYaml(string text, ProblemList problems)
    {
        if (ReadDocuments(text, problems) is not { } documents)
        {
            return null;
        }

        if (documents.Count == 0)
        {
            problems.Error(new Mark(0, 1, 1), null, "the file is empty", "start from the example in docs/scenario-format.md");
            return null;
        }

        if (documents.Count > 1)
        {
            problems.Error(documents[1].Start, null, "the file holds more than one YAML document", "keep one scenario per file; remove the '---' separator");
            return null;
        }

        return documents[0];
    }

    /// <summary>
    /// The documents of <paramref name="text"/>, or null with the problem: a syntax error, nesting past
    /// <see cref="ScenarioBounds.MaxNestingDepth"/>, or aliases past <see cref="ScenarioBounds.MaxAliasedValues"/>. What
    /// passes can be walked level by level without overflowing the stack or repeating values without end.
    /// </summary>
    internal static IReadOnlyList<SourceNode>? ReadDocuments(string text, ProblemList problems)
    {
        var scanner = new Scanner(new StringReader(text));
        var parser = new TrackingParser(new Parser(scanner));
        IReadOnlyList<SourceNode> documents;
        try
        {
            documents = SourceTree.Read(parser);
        }
        catch (BoundExceededException e)
        {
            problems.Error(e.At, null, e.Message, e.Hint);
            return null;
        }
        catch (YamlException e)
        {
            // The parser's message is precise about what it expected; the hint covers the usual causes.
            problems.Error(e.Start, null, $"YAML syntax error: {e.Message}", "check indentation, closing brackets and quotes, and that every key is written once");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of a YamlException for some malformed input: an unclosed '[' or '{'
            // followed by block lines, or a key indicator without a key ("  : id: x"). The last event the parser
            // produced is the unclosed bracket, or else the event before it is the last thing that made sense.
            var opened = parser.Current is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow };
            var at = (opened ? parser.Current : parser.Previous ?? parser.Current)?.Start ?? scanner.CurrentPosition;
            var (message, hint) = opened
                ? ("YAML syntax error: this '[' or '{' is never closed", "close every '[' with ']' and every '{' with '}' on the same entry")
                : ("YAML syntax error: the text cannot be parsed after this point", "check indentation, and that every ':' follows a key");
            problems.Error(at, null, message, hint);
            return null;
        }

        return documents;
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    /// <summary>
    /// Remembers the event before the current one, to locate failures YamlDotNet reports without a position, and stops
    /// at a nesting depth past <see cref="ScenarioBounds.MaxNestingDepth"/>, so that nothing walking the tree level by level
    /// can overflow the stack on 100,000 levels of brackets, which no handler could catch.
    /// </summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        public ParsingEvent? Previous { get; private set; }

        public bool MoveNext()
        {
            Previous = inner.Current ?? Previous;
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case SequenceStart or MappingStart:
                    if (++_depth > ScenarioBounds.MaxNestingDepth)
                    {
                        throw new BoundExceededException(
                            inner.Current.Start,
                            $"YAML nesting deeper than {ScenarioBounds.MaxNestingDepth.ToString(CultureInfo.InvariantCulture)} levels of lists and mappings (see docs/reliability.md)",
                            "a scenario needs at most 6 levels; check for unclosed or repeated '[' and '{'");
                    }

                    break;
                case SequenceEnd or MappingEnd:
                    _depth--;
                    break;
            }

            return true;
        }
    }
}
