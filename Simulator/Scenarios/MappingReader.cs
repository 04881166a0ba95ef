using System.Text.RegularExpressions;
using Simulator.Model.Specs;
using YamlDotNet.Core;

namespace Simulator.Scenarios;

/// <summary>
/// Typed, located access to one YAML mapping of a known section. Every getter reports what is wrong
/// (type, range, missing key) at the value's position and returns null or a default, so reading goes on
/// and all problems of a file are found in one pass.
/// </summary>
internal sealed partial class MappingReader
{
    private readonly List<(SourceScalar Key, SourceNode Value)> _entries;

    private MappingReader(SourceMapping node, string section, string? ownerId, ReadContext context)
    {
        Node = node;
        Section = section;
        OwnerId = ownerId;
        Context = context;
        var valid = ScenarioKeys.Of(section);
        var children = node.Children;
        _entries = new(children.Count);
        for (var i = 0; i < children.Count; i++)
        {
            var (key, value) = children[i];
            if (key is not SourceScalar { Value: { } name } scalarKey)
            {
                Error(key.Start, "keys must be plain names", $"valid keys here: {string.Join(", ", valid)}");
            }
            else if (!valid.Contains(name))
            {
                Error(key.Start, $"unknown key '{name}' in {Describe(section)}", Suggestions.DidYouMean(name, [.. valid], "valid keys here:"));
            }
            else
            {
                _entries.Add((scalarKey, value));
            }
        }
    }

    public SourceMapping Node { get; }

    public string Section { get; }

    /// <summary>Id of the entity this mapping belongs to (its own id, or its parent's), for problem reports.</summary>
    public string? OwnerId { get; }

    public ReadContext Context { get; }

    /// <summary>A reader for <paramref name="node"/>, or null (with a problem) when it is not a mapping.</summary>
    public static MappingReader? Open(SourceNode node, string section, string? parentId, ReadContext context, string what)
    {
        if (node is not SourceMapping mapping)
        {
            context.Problems.Error(
                node.Start,
                parentId,
                $"{what} must be a mapping, not {Kind(node)}",
                $"write it as key: value lines or {{ key: value }}; keys: {string.Join(", ", ScenarioKeys.Of(section))}");
            return null;
        }

        var ownerId = parentId;
        if (ScenarioKeys.Of(section).Contains("id"))
        {
            if (mapping.ValueOf("id") is SourceScalar { Value: { Length: > 0 } text })
            {
                ownerId = text;
            }
        }

        return new MappingReader(mapping, section, ownerId, context);
    }

    public static string Describe(string section) => section switch
    {
        ScenarioKeys.Scenario => "the scenario",
        ScenarioKeys.ItSystem => "an IT system",
        _ => "a " + section.Replace('_', ' '),
    };

    public static string Kind(SourceNode node) => node switch
    {
        SourceMapping => "a mapping",
        SourceScalar s when IsNull(s) => "empty",
        SourceScalar s => $"'{s.Value}'",
        _ => "a list",
    };

    public static bool IsNull(SourceNode node) =>
        node is SourceScalar { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: "" or "~" or "null" or "Null" or "NULL" };

    public bool Has(string key) => Value(key) is not null;

    /// <summary>The value of <paramref name="key"/>, or null when absent or empty.</summary>
    public SourceNode? Value(string key)
    {
        foreach (var (k, v) in _entries)
        {
            if (k.Value == key)
            {
                return IsNull(v) ? null : v;
            }
        }

        return null;
    }

    /// <summary>Where the value of <paramref name="key"/> starts, else the mapping.</summary>
    public Mark At(string key)
    {
        foreach (var (k, v) in _entries)
        {
            if (k.Value == key)
            {
                return IsNull(v) ? k.Start : v.Start;
            }
        }

        return Node.Start;
    }

    public void Error(Mark at, string message, string? hint) => Context.Problems.Error(at, OwnerId, message, hint);

    public void Warning(Mark at, string message, string? hint) => Context.Problems.Warning(at, OwnerId, message, hint);

    public void Missing(string key) =>
        Error(Node.Start, $"{Describe(Section)} is missing required key '{key}'", KeyHelp.Add(Section, key));

    public T Register<T>(T spec)
        where T : class => Context.Sources.Register(spec, Node);

    /// <summary>The entity's id; "" (after a problem) when missing or malformed, which later checks skip.</summary>
    public string Id()
    {
        var text = Text("id", required: true);
        if (text is null)
        {
            return string.Empty;
        }

        if (!IsValidId(text))
        {
            Error(At("id"), $"id '{text}' may only contain ASCII letters, digits, '-', '_' and '.', and must start with a letter or digit", SuggestId(text));
            return string.Empty;
        }

        return text;
    }

    /// <summary>A scalar's text.</summary>
    public string? Text(string key, bool required = false)
    {
        var node = Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        if (node is SourceScalar { Value: { } text })
        {
            return text;
        }

        Error(node.Start, $"{key} must be a single value, not {Kind(node)}", KeyHelp.Use(Section, key));
        return null;
    }

    /// <summary>A required id reference; "" when missing (reported here, skipped by the reference checks).</summary>
    public string Reference(string key) => Text(key, required: true) ?? string.Empty;

    public double? Number(string key, NumberRule rule, bool required = false)
    {
        var node = Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        return NumberOf(node, key, rule);
    }

    public double Number(string key, NumberRule rule, double defaultValue) => Number(key, rule) ?? defaultValue;

    /// <summary>A number from any node of this mapping (also list elements), checked against <paramref name="rule"/>.</summary>
    public double? NumberOf(SourceNode node, string key, NumberRule rule)
    {
        if (node is not SourceScalar { Value: { } text } || !ScalarParsers.TryNumber(text, out var value))
        {
            Error(node.Start, $"{key} must be a number, not {Kind(node)}", KeyHelp.Use(Section, key));
            return null;
        }

        return CheckRange(node.Start, key, value, rule) ? value : null;
    }

    public bool CheckRange(Mark at, string key, double value, NumberRule rule)
    {
        var problem = rule switch
        {
            NumberRule.Positive when value <= 0 => "must be positive",
            NumberRule.NonNegative when value < 0 => "must not be negative",
            NumberRule.Fraction when value is <= 0 or > 1 => "must be in (0, 1]",
            _ => null,
        };
        if (problem is not null)
        {
            Error(at, $"{key} {problem}", KeyHelp.Use(Section, key));
            return false;
        }

        if (ScenarioBounds.Check(key, value) is { } outOfBounds)
        {
            Error(at, outOfBounds, KeyHelp.Use(Section, key));
            return false;
        }

        return true;
    }

    public int? Integer(string key, int minimum, bool required = false)
    {
        var node = Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        if (node is not SourceScalar { Value: { } text } || !ScalarParsers.TryInteger(text, out var value))
        {
            Error(node.Start, $"{key} must be a whole number, not {Kind(node)}", KeyHelp.Use(Section, key));
            return null;
        }

        if (value < minimum)
        {
            Error(node.Start, $"{key} must be at least {minimum}", KeyHelp.Use(Section, key));
            return null;
        }

        return value;
    }

    public bool Boolean(string key, bool defaultValue)
    {
        var node = Value(key);
        if (node is null)
        {
            return defaultValue;
        }

        if (node is SourceScalar { Value: { } text } && bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(node.Start, $"{key} must be true or false, not {Kind(node)}", KeyHelp.Use(Section, key));
        return defaultValue;
    }

    /// <summary>A stock amount: a number of units, or a string with a unit suffix.</summary>
    public StockAmount? Stock(string key, NumberRule rule, bool required = false)
    {
        var node = Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        return StockOf(node, key, rule);
    }

    /// <summary>A stock amount from any node of this mapping, checked against <paramref name="rule"/>.</summary>
    public StockAmount? StockOf(SourceNode node, string key, NumberRule rule)
    {
        if (node is not SourceScalar { Value: { } text } || !ScalarParsers.TryStockAmount(text, out var amount))
        {
            Error(
                node.Start,
                $"{key} must be a stock amount, not {Kind(node)}",
                "use units (240 or 240u), hours of cover (4h) or days of cover (2d)");
            return null;
        }

        return CheckRange(node.Start, key, amount.Value, rule) ? amount : null;
    }

    /// <summary>An enum value named by a fixed vocabulary.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> names, bool required = false)
        where T : struct
    {
        var text = Text(key, required);
        return text is null ? null : ChoiceOf(At(key), key, text, names);
    }

    public T? ChoiceOf<T>(Mark at, string key, string text, IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(at, $"unknown {key} '{text}'", Suggestions.DidYouMean(text, [.. names.Keys], "use one of:"));
        return null;
    }

    /// <summary>The mapping under <paramref name="key"/>, or null when absent or broken.</summary>
    public MappingReader? Child(string key, string section, bool required = false)
    {
        var node = Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        return Open(node, section, OwnerId, Context, key);
    }

    /// <summary>The list under <paramref name="key"/>; empty when absent or not a list (reported).</summary>
    public IReadOnlyList<SourceNode> List(string key, bool required = false)
    {
        var node = Value(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return [];
        }

        if (node is not SourceSequence sequence)
        {
            Error(node.Start, $"{key} must be a list, not {Kind(node)}", $"write [a, b] or one '- item' line per entry; {KeyHelp.Use(Section, key)}");
            return [];
        }

        if (required && sequence.Children.Count == 0)
        {
            Error(node.Start, $"{key} must not be empty", KeyHelp.Use(Section, key));
        }

        return sequence.Children;
    }

    /// <summary>Readers for the mappings listed under <paramref name="key"/>; broken entries are reported and skipped.</summary>
    public IEnumerable<MappingReader> Items(string key, string section, bool required = false)
    {
        foreach (var item in List(key, required))
        {
            if (Open(item, section, OwnerId, Context, $"each entry of {key}") is { } reader)
            {
                yield return reader;
            }
        }
    }

    /// <summary>The scalars listed under <paramref name="key"/> with their positions; non-scalars are reported and skipped.</summary>
    public IReadOnlyList<(string Text, Mark At)> Strings(string key, bool required = false)
    {
        var result = new List<(string, Mark)>();
        foreach (var item in List(key, required))
        {
            if (item is SourceScalar { Value: { Length: > 0 } text } && !IsNull(item))
            {
                result.Add((text, item.Start));
            }
            else
            {
                Error(item.Start, $"each entry of {key} must be a single value, not {Kind(item)}", KeyHelp.Use(Section, key));
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="text"/> is a well-formed id: nothing after the last character, not even a newline.</summary>
    public static bool IsValidId(string text) => IdPattern().IsMatch(text);

    /// <summary>A hint with a valid id close to <paramref name="text"/>: every other character replaced by '-'.</summary>
    public static string SuggestId(string text)
    {
        // Invisible characters are dropped rather than replaced: the author did not mean them to be there.
        var visible = string.Concat(text.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format));
        var replaced = InvalidIdCharacters().Replace(visible, "-").Trim('-', '.', '_');
        return replaced.Length > 0 && IsValidId(replaced) && replaced != text
            ? $"use an id like {replaced}"
            : "use an id like SOL-A, T1-SEATS or MES.1";
    }

    // \z, not $: '$' also matches before a final newline, and "SOL-A\n" would pass.
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]*\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex InvalidIdCharacters();
}
