using Simulator.Model.Specs;
using Simulator.Scenarios;

namespace Simulator.Tests.Scenarios;

/// <summary>The scenario's <c>state</c> section: read, checked against the network and written back.</summary>
public sealed class StateSectionTests
{
    private static string Scenario(string state) => $$"""
        start: 2025-09-01T06:00:00+02:00
        horizon_hours: 24
        parts: [ { id: P } ]
        plants:
          - id: PL
            lines: [ { id: L, rate_per_hour: 10, bom: [ { part: P, quantity: 1 } ] } ]
        suppliers:
          - { id: S, tier: 1, products: [ { part: P, capacity_per_hour: 20 } ] }
        lanes:
          - { id: S-L, from: S, to: L, part: P, transit_hours: 2, trigger: { kind: schedule, review_hours: 8 } }
        {{state}}
        """;

    [Test]
    public void State_is_read_and_written_back_unchanged()
    {
        var load = ScenarioLoader.Parse(Scenario("""
            state:
              in_transit: [ { lane: S-L, quantity: 40, arrival_hours: 1.5, reference: TRK-1 } ]
              demand: [ { part: P, node: L, supplier: S, day: 2025-09-02, quantity: 240 } ]
              planned_output: [ { part: P, node: S, quantity: 80, completion_hours: 4 } ]
            """), "state.yaml");
        var state = load.Scenario!.State!;
        var again = ScenarioLoader.Parse(ScenarioWriter.ToYaml(load.Scenario), "again.yaml").Scenario!.State!;

        Assert.Multiple(() =>
        {
            Assert.That(load.Problems, Is.Empty, () => string.Join("\n", load.Problems));
            Assert.That(state.InTransit, Is.EqualTo(new[] { new InTransitSpec("S-L", 40, 1.5, "TRK-1") }));
            Assert.That(state.Demand, Is.EqualTo(new[] { new DemandSpec("P", "L", "S", new DateOnly(2025, 9, 2), 240) }));
            Assert.That(again.InTransit, Is.EqualTo(state.InTransit));
            Assert.That(state.PlannedOutput, Is.EqualTo(new[] { new PlannedOutputSpec("P", "S", 80, 4) }));
            Assert.That(again.Demand, Is.EqualTo(state.Demand));
            Assert.That(again.PlannedOutput, Is.EqualTo(state.PlannedOutput));
        });
    }

    [Test]
    public void A_planned_output_without_its_node_is_reported_not_a_crash()
    {
        // The missing node passed the reference check (it is reported where it is read) and was then looked up.
        var load = ScenarioLoader.Parse(Scenario("""
            state:
              planned_output: [ { part: P, quantity: 80, completion_hours: 4 } ]
            """), "state.yaml");

        var problem = load.Problems.Single();
        Assert.That((problem.Line, problem.Message), Is.EqualTo((12, "a planned output is missing required key 'node'")));
    }

    [Test]
    public void A_scenario_without_state_has_none()
    {
        var load = ScenarioLoader.Parse(Scenario(string.Empty), "none.yaml");

        Assert.That(load.Scenario!.State, Is.Null);
        Assert.That(ScenarioWriter.ToYaml(load.Scenario), Does.Not.Contain("state:"));
    }

    [Test]
    public void Unknown_references_and_bad_values_in_the_state_are_located()
    {
        var load = ScenarioLoader.Parse(Scenario("""
            state:
              in_transit: [ { lane: S-X, quantity: 0, arrival_hours: 1 } ]
              demand: [ { part: P, node: L2, day: 2025-13-01, quantity: 5 } ]
            """), "bad.yaml");

        Assert.That(load.Problems.Select(p => (p.Line, p.Column, p.Message)), Is.EqualTo(new[]
        {
            (12, 25, "unknown lane 'S-X'"),
            (12, 40, "quantity must be positive"),
            (13, 30, "unknown node 'L2'"),
            (13, 39, "day '2025-13-01' is not a date"),
        }), () => string.Join("\n", load.Problems));
    }

    [Test]
    public void Demand_and_planned_output_the_run_cannot_use_are_warned_about_where_they_are_written()
    {
        var load = ScenarioLoader.Parse(Scenario("""
            state:
              demand: [ { part: Q, node: PL, day: 2025-09-01, quantity: 5 } ]
              planned_output: [ { part: Q, node: S, quantity: 80, completion_hours: 4 } ]
            """).Replace("parts: [ { id: P } ]", "parts: [ { id: P }, { id: Q } ]"), "unused.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(load.IsValid, Is.True);
            Assert.That(load.Problems.Select(p => (p.Line, p.Column, p.Severity, p.Message)), Is.EqualTo(new[]
            {
                (12, 21, ProblemSeverity.Warning, "no line of 'PL' uses part 'Q': the run ignores this demand"),
                (13, 29, ProblemSeverity.Warning, "supplier 'S' does not make part 'Q': the run ignores this planned output"),
            }), () => string.Join("\n", load.Problems));
        });
    }
}
