using System.Text.Json;
using CsCheck;
using Simulator.Model;
using Simulator.Scenarios;
using Simulator.Tests.Support;

namespace Simulator.Tests.Scenarios;

/// <summary>
/// Whatever the text, the loader answers with a scenario or with located problems, never an exception (CsCheck, which
/// shrinks a failing document to its smallest form): random trees built from the format's own keys, and random edits of
/// the quickstart file. A scenario it accepts can be built into a network.
/// </summary>
public sealed class LoaderPropertyTests
{
    private static readonly string[] Scalars =
    [
        string.Empty, "0", "1", "-1", "2.5", "1e308", "-1e308", "1e-300", "NaN", "Infinity", "~", "null", "true", "mon", "06:00", "24:00",
        "2025-09-01T06:00:00+02:00", "2025-09-01", "4h", "2d", "240u", "SEAT", "MID-A", "T1-SEATS", "PL1-MES", "as-written", "jis",
        "sequence", "kanban", "normal", "fixed", "SOL-A\n", "SOL\u200B-A", "\u202Eevil", "\u0000", "é", "😀", "[", "{", "&a", "*a",
    ];

    private static readonly string[] Keys =
        [.. ScenarioKeys.BySection.Values.SelectMany(k => k).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), "idd", "x"];

    private static readonly Gen<string> Scalar = Gen.OneOf(Gen.Int[0, Scalars.Length - 1].Select(i => Scalars[i]), Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Key = Gen.Int[0, Keys.Length - 1].Select(i => Keys[i]);

    /// <summary>A YAML value in flow style: a quoted or plain scalar, a list or a mapping, at most a few levels deep.</summary>
    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, inner) => depth >= 4
        ? Scalar.Select(Quote)
        : Gen.Frequency(
            (3, Scalar.Select(Quote)),
            (1, inner.Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]")),
            (2, Gen.Select(Key, inner).Array[0, 5].Select(entries => "{" + string.Join(", ", entries.Select(e => e.Item1 + ": " + e.Item2)) + "}"))));

    /// <summary>A document whose top level is a mapping of scenario keys, the shape the loader expects.</summary>
    private static readonly Gen<string> Documents = Gen.Select(Key, Value).Array[0, 12]
        .Select(entries => string.Concat(entries.Select(e => e.Item1 + ": " + e.Item2 + "\n")));

    [Test]
    public void Random_documents_of_the_formats_keys_never_throw_and_every_problem_is_located()
    {
        Documents.Sample(AssertAnswered, iter: PropertyRuns.Count(400), print: text => text);
    }

    [Test]
    public void Random_edits_of_a_valid_file_never_throw_and_every_problem_is_located()
    {
        var lines = File.ReadAllText(RepositoryFiles.PathOf("scenarios", "quickstart.yaml")).Split('\n');
        var edit = Gen.Select(Gen.Int[0, lines.Length - 1], Gen.Int[0, 4], Gen.Int[0, 200], Scalar);
        var edits = edit.Array[1, 6].Select(list =>
        {
            var copy = (string[])lines.Clone();
            foreach (var (at, kind, column, text) in list)
            {
                var line = copy[at];
                copy[at] = kind switch
                {
                    0 => string.Empty,
                    1 => line.Length == 0 ? text : line.Remove(column % line.Length, 1).Insert(column % line.Length, text),
                    2 when line.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 => line[..(colon + 2)] + Quote(text),
                    3 => new string(' ', column % 7) + line.TrimStart(),
                    _ => copy[column % copy.Length],
                };
            }

            return string.Join('\n', copy);
        });
        edits.Sample(AssertAnswered, iter: PropertyRuns.Count(300), print: text => text);
    }

    private static void AssertAnswered(string text)
    {
        var result = ScenarioLoader.Parse(text, "property.yaml");
        if (!result.IsValid && !result.Errors.Any())
        {
            throw new AssertionException("invalid without an error");
        }

        if (result.Problems.FirstOrDefault(p => p.Line < 1 || p.Column < 1) is { } unlocated)
        {
            throw new AssertionException($"unlocated problem: {unlocated}");
        }

        if (result.Problems.FirstOrDefault(p => p.ToString().Any(c => char.IsControl(c) || c == '\u200B')) is { } raw)
        {
            throw new AssertionException($"a problem shows a control or invisible character raw: {raw}");
        }

        if (result.IsValid)
        {
            // What the loader accepts the model must take: a rule the validator lacks would surface here.
            foreach (var policy in result.Scenario!.Policies)
            {
                _ = Network.Build(result.Scenario, policy.Id);
            }
        }
    }

    /// <summary>A scalar as YAML text: JSON's double quotes (valid YAML) for anything that is not a plain word.</summary>
    private static string Quote(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ':') && !text.EndsWith(':')
            ? text
            : JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
