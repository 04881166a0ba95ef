using Simulator.Model;
using Simulator.Scenarios;
using Simulator.Tests.Experiments;

namespace Simulator.Tests.Scenarios;

/// <summary>Policy levels scoped to one node with <c>at</c>, and policy files added to a scenario.</summary>
public sealed class PolicyFileTests
{
    private const string TwoLines = """
        name: Two lines
        start: 2025-09-01T06:00:00+00:00
        horizon_hours: 48
        parts:
          - { id: P }
        plants:
          - id: PL
            lines:
              - { id: L1, rate_per_hour: 60, bom: [ { part: P, quantity: 1 } ], stock: [ { part: P, initial: 100 } ] }
              - { id: L2, rate_per_hour: 30, bom: [ { part: P, quantity: 1 } ], stock: [ { part: P, initial: 100 } ] }
        suppliers:
          - { id: S, tier: 1, products: [ { part: P, capacity_per_hour: 200, finished: { initial: 50 } } ] }
          - { id: S2, tier: 1, products: [ { part: P, capacity_per_hour: 200, finished: { initial: 50 } } ] }
        lanes:
          - { id: S-L1, from: S, to: L1, part: P, transit_hours: 1, trigger: { kind: sequence, lead_hours: 4 } }
          - { id: S-L2, from: S, to: L2, part: P, transit_hours: 1, trigger: { kind: sequence, lead_hours: 4 }, share: 0.5 }
          - { id: S2-L2, from: S2, to: L2, part: P, transit_hours: 1, trigger: { kind: sequence, lead_hours: 4 }, share: 0.5 }

        """;

    private static string WithPolicy(string parts) => TwoLines + "policies:\n  - id: p\n    parts:\n" + parts;

    [Test]
    public void A_level_at_one_node_applies_there_only_and_after_the_level_for_every_node()
    {
        var load = ScenarioLoader.Parse(
            WithPolicy("""
                      - { part: P, line_side: { at_least: 200 }, supplier_finished: { set: 10 } }
                      - { part: P, at: L1, line_side: { at_least: 900 } }
                      - { part: P, at: S2, supplier_finished: { at_least: 70 } }
                """),
            "two.yaml");
        Assert.That(load.Errors, Is.Empty);
        var network = Network.Build(load.Scenario!, "p");

        Assert.Multiple(() =>
        {
            Assert.That(network.Feeds.Where(f => f.ToLine).Select(f => (f.DestinationId, f.InitialUnits)), Is.EqualTo(new[] { ("L1", 900.0), ("L2", 200.0) }));
            Assert.That(network.Suppliers.Select(s => (s.Spec.Id, s.Products.Single().InitialUnits)), Is.EqualTo(new[] { ("S", 10.0), ("S2", 70.0) }));
        });
    }

    [TestCase("      - { part: P, at: L9, line_side: { at_least: 9 } }", 8, 24, "unknown line or supplier 'L9'")]
    [TestCase("      - { part: P, at: S, line_side: { at_least: 9 } }", 8, 24, "line_side at 'S' needs a line whose bom has 'P'")]
    [TestCase("      - { part: P, at: L1, supplier_finished: { at_least: 9 } }", 8, 24, "supplier_finished at 'L1' needs a supplier that makes 'P'")]
    public void A_level_at_a_node_that_cannot_hold_it_is_an_error_at_the_node(string entry, int lineOffset, int column, string message)
    {
        var load = ScenarioLoader.Parse(WithPolicy(entry + "\n"), "two.yaml");
        var error = load.Errors.Single();
        var line = TwoLines.Split('\n').Length + 3;

        Assert.That((error.Line, error.Column, error.Id, error.Message), Is.EqualTo((line, column, "p", message)));
    }

    [Test]
    public void The_same_part_twice_at_one_node_is_an_error()
    {
        var load = ScenarioLoader.Parse(WithPolicy("      - { part: P, at: L1, line_side: { at_least: 9 } }\n      - { part: P, at: L1, line_side: { at_least: 8 } }\n"), "two.yaml");

        Assert.That(load.Errors.Single().Message, Is.EqualTo("part 'P' appears twice in parts at 'L1' of 'p'"));
    }

    [Test]
    public void A_policy_file_adds_its_policies_after_the_scenarios()
    {
        var scenario = BufferSizingTests.Load(BufferSizingTests.OneLine());
        using var file = new TemporaryFile("policies:\n  - id: more\n    parts:\n      - { part: P, at: L1, line_side: { at_least: 500 } }\n");
        var added = ScenarioLoader.AddPolicies(scenario, file.Path);

        Assert.Multiple(() =>
        {
            Assert.That(added.Errors, Is.Empty);
            Assert.That(added.Scenario!.Policies.Select(p => p.Id), Is.EqualTo(new[] { "as-written", "more" }));
            Assert.That(Network.Build(added.Scenario!, "more").Feeds.Single().InitialUnits, Is.EqualTo(500));
        });
    }

    [TestCase("policies:\n  - id: as-written\n", 2, 9, "the scenario already has a policy 'as-written'")]
    [TestCase("policies:\n  - id: more\n    parts:\n      - { part: Q, line_side: 5h }\n", 4, 17, "unknown part 'Q'")]
    [TestCase("policy:\n  - id: more\n", 1, 1, "unknown key 'policy'")]
    public void A_bad_policy_file_gets_its_problems_located_in_that_file(string yaml, int line, int column, string message)
    {
        var scenario = BufferSizingTests.Load(BufferSizingTests.OneLine());
        using var file = new TemporaryFile(yaml);
        var added = ScenarioLoader.AddPolicies(scenario, file.Path);
        var error = added.Errors.First();

        Assert.Multiple(() =>
        {
            Assert.That(added.Scenario, Is.Null);
            Assert.That((error.File, error.Line, error.Column), Is.EqualTo((file.Path, line, column)));
            Assert.That(error.Message, Does.StartWith(message));
        });
    }

    private sealed class TemporaryFile : IDisposable
    {
        public TemporaryFile(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"linesim-policies-{Guid.NewGuid():N}.yaml");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
