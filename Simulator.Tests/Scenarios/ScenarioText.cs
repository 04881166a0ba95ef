using Simulator.Scenarios;

namespace Simulator.Tests.Scenarios;

/// <summary>A small valid scenario and helpers to break it in one place and find where that place is.</summary>
internal static class ScenarioText
{
    public const string Minimal = """
        name: Test
        start: 2025-09-01T06:00:00+01:00
        horizon_hours: 100
        parts:
          - { id: P1, kind: jis }
          - { id: P2, kind: jit }
        plants:
          - id: PL
            lines:
              - id: L1
                rate_per_hour: 10
                bom:
                  - { part: P1, quantity: 1 }
                stock:
                  - { part: P1, initial: 2h }
        suppliers:
          - id: S1
            tier: 1
            products:
              - part: P1
                capacity_per_hour: 20
                inputs: [ { part: P2, quantity: 1 } ]
          - id: S2
            tier: 2
            products:
              - { part: P2, capacity_per_hour: 20 }
        lanes:
          - { id: LA1, from: S1, to: L1, part: P1, transit_hours: 1, trigger: { kind: sequence, lead_hours: 4 } }
          - { id: LA2, from: S2, to: S1, part: P2, transit_hours: 2, trigger: { kind: kanban, reorder_point: 1d, quantity: 1d } }
        it_systems:
          - { id: EDI, owner: PROV, functions: [order_transmission], nodes: [PL] }
        disruptions:
          - { id: D1, targets: [EDI], start: 10, duration_hours: 5 }

        """;

    /// <summary><see cref="Minimal"/> with one exact snippet replaced (the snippet must occur exactly once).</summary>
    public static string With(string oldText, string newText) => Replace(Minimal, oldText, newText);

    public static string Replace(string yaml, string oldText, string newText)
    {
        var first = yaml.IndexOf(oldText, StringComparison.Ordinal);
        Assert.That(first, Is.GreaterThanOrEqualTo(0), $"snippet not found: {oldText}");
        Assert.That(yaml.IndexOf(oldText, first + 1, StringComparison.Ordinal), Is.EqualTo(-1), $"snippet not unique: {oldText}");
        return string.Concat(yaml.AsSpan(0, first), newText, yaml.AsSpan(first + oldText.Length));
    }

    /// <summary>
    /// 1-based line and column of the only occurrence of <paramref name="snippet"/> in <paramref name="yaml"/>;
    /// a '»' in the snippet marks the exact position within it (context before it keeps the snippet unique).
    /// </summary>
    public static (int Line, int Column) Position(string yaml, string snippet)
    {
        var marker = Math.Max(snippet.IndexOf('»', StringComparison.Ordinal), 0);
        snippet = snippet.Replace("»", string.Empty, StringComparison.Ordinal);
        var found = yaml.IndexOf(snippet, StringComparison.Ordinal);
        var index = found + marker;
        Assert.That(found, Is.GreaterThanOrEqualTo(0), $"snippet not found: {snippet}");
        Assert.That(yaml.IndexOf(snippet, found + 1, StringComparison.Ordinal), Is.EqualTo(-1), $"snippet not unique: {snippet}");
        var line = yaml.AsSpan(0, index).Count('\n') + 1;
        var lineStart = index == 0 ? 0 : yaml.LastIndexOf('\n', index - 1) + 1;
        return (line, index - lineStart + 1);
    }

    public static LoadResult Load(string yaml) => ScenarioLoader.Parse(yaml, "test.yaml");

    /// <summary>The one problem whose message contains <paramref name="messagePart"/>; fails listing all problems otherwise.</summary>
    public static ScenarioProblem Problem(LoadResult result, string messagePart)
    {
        var matches = result.Problems.Where(p => p.Message.Contains(messagePart, StringComparison.Ordinal)).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), () => $"expected one problem containing '{messagePart}', got:\n{string.Join("\n", result.Problems)}");
        return matches[0];
    }

    /// <summary>Asserts message part, position (at <paramref name="snippet"/> in <paramref name="yaml"/>), id and severity.</summary>
    public static ScenarioProblem Expect(
        string yaml,
        string messagePart,
        string snippet,
        string? id,
        ProblemSeverity severity = ProblemSeverity.Error)
    {
        var result = Load(yaml);
        var problem = Problem(result, messagePart);
        var (line, column) = Position(yaml, snippet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((problem.Line, problem.Column), Is.EqualTo((line, column)), problem.ToString);
            Assert.That(problem.Id, Is.EqualTo(id), problem.ToString);
            Assert.That(problem.Severity, Is.EqualTo(severity), problem.ToString);
            Assert.That(problem.Hint, Is.Not.Null.And.Not.Empty, problem.ToString);
            Assert.That(problem.File, Is.EqualTo("test.yaml"));
            Assert.That(result.IsValid, Is.EqualTo(severity == ProblemSeverity.Warning), problem.ToString);
        }

        return problem;
    }
}
