using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Scenarios;

namespace Simulator.Tests.Experiments;

/// <summary><c>size-buffers</c>: the LP's least-cost stock computed by hand, and the simulation's verdict on the policy it writes.</summary>
public sealed class BufferSizingTests
{
    /// <summary>
    /// One line, 60 jobs/h around the clock, fed in sequence (lead 4 h) by S: dispatch every hour, 1 h on the road,
    /// capacity 120/h, back 24 h after it fails. P costs 100, held at 25 % a year.
    /// </summary>
    internal static string OneLine(double initial = 0, string disruption = "") => $$"""
        name: One line, one supplier
        start: 2025-09-01T06:00:00+00:00
        horizon_hours: 96
        holding_cost_rate_per_year: 0.25
        reference_hours: 0
        parts:
          - { id: P, unit_cost: 100 }
        plants:
          - id: PL
            lines:
              - id: L1
                rate_per_hour: 60
                bom: [ { part: P, quantity: 1 } ]
                stock: [ { part: P, initial: {{initial}} } ]
        suppliers:
          - id: S
            tier: 1
            recovery_hours: 24
            products:
              - { part: P, capacity_per_hour: 120 }
        lanes:
          - { id: S-L1, from: S, to: L1, part: P, transit_hours: 1, dispatch_every_hours: 1, trigger: { kind: sequence, lead_hours: 4 } }
        {{disruption}}
        """;

    internal static ScenarioSpec Load(string yaml)
    {
        var load = ScenarioLoader.Parse(yaml, "one.yaml");
        Assert.That(load.Errors, Is.Empty);
        return load.Scenario!;
    }

    [Test]
    public void The_LP_stocks_the_line_for_the_outage_and_the_restored_deliveries_less_the_call_offs_on_the_road()
    {
        // Window: 24 h down + 1 h to the next truck + 1 h on the road = 26 h of 60 jobs = 1,560; the 4 h of call-offs
        // on the road (240) still arrive, so the line needs 1,320, at 100 x 25 % = 25 a unit and year: 33,000.
        var result = BufferSizing.Run(Load(OneLine()), new BufferSizingOptions());
        var stock = result.Stocks.Single();

        Assert.Multiple(() =>
        {
            Assert.That((stock.Holder, stock.Node, stock.Part), Is.EqualTo((StockHolderKind.Line, "L1", "P")));
            Assert.That(result.Outages.Single().WindowHours, Is.EqualTo(26));
            Assert.That(stock.LpUnits, Is.EqualTo(60 * (24 + 1 + 1 - 4)));
            Assert.That(stock.HoldingCostPerYear, Is.EqualTo(1320 * 100 * 0.25).Within(1e-6));
            Assert.That(result.AddedHoldingCostPerYear, Is.EqualTo(33_000).Within(1e-6));
            Assert.That(result.Outages.Single().Today.StarvedLines, Is.EqualTo(new[] { "L1" }));
            Assert.That(result.Outages.Single().Survived, Is.True);
        });
    }

    [Test]
    public void Stock_held_today_counts_towards_the_level_and_only_the_rest_is_paid_for()
    {
        var result = BufferSizing.Run(Load(OneLine(initial: 300)), new BufferSizingOptions());
        var stock = result.Stocks.Single();

        Assert.Multiple(() =>
        {
            Assert.That((stock.TodayUnits, stock.LpUnits, stock.AddedUnits), Is.EqualTo((300.0, 1320.0, 1020.0)));
            Assert.That(result.Today.HoldingCostPerYear, Is.EqualTo(300 * 100 * 0.25).Within(1e-6));
            Assert.That(result.AddedHoldingCostPerYear, Is.EqualTo(1020 * 100 * 0.25).Within(1e-6));
        });
    }

    [Test]
    public void A_shorter_outage_given_with_its_hours_needs_less_stock()
    {
        var result = BufferSizing.Run(Load(OneLine()), new BufferSizingOptions(Outages: BufferSizing.ParseOutages("S:10")));

        Assert.That(result.Stocks.Single().LpUnits, Is.EqualTo(60 * (10 + 2 - 4)));
    }

    [Test]
    public void Compare_takes_the_written_policy_and_with_it_no_line_halts_in_the_outage()
    {
        var scenario = Load(OneLine(disruption: "disruptions:\n  - { id: s-down, targets: [S], start: 0, duration_hours: 24 }"));
        var result = BufferSizing.Run(scenario, new BufferSizingOptions());
        var path = Path.Combine(Path.GetTempPath(), $"linesim-sized-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, BufferSizingWriter.PolicyYaml(result, scenario.Name));
        try
        {
            var added = ScenarioLoader.AddPolicies(scenario, path);
            Assert.That(added.Errors, Is.Empty);
            var compared = Experiment.Run(added.Scenario!, new ExperimentOptions(["as-written", BufferSizing.DefaultPolicyId], Replications: 3));
            var lines = compared.Replications.SelectMany(r => r.Lines).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(lines.Where(l => l.Policy == "as-written").Select(l => l.TimeToHaltHours), Has.All.Not.Null);
                Assert.That(lines.Where(l => l.Policy == BufferSizing.DefaultPolicyId).Select(l => l.TimeToHaltHours), Has.All.Null);
                Assert.That(lines.Where(l => l.Policy == BufferSizing.DefaultPolicyId).Select(l => l.LostUnits), Has.All.EqualTo(0));
                Assert.That(Network.Build(added.Scenario!, BufferSizing.DefaultPolicyId).Feeds.Single().InitialUnits, Is.EqualTo(result.Stocks.Single().SizedUnits));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Where_the_LP_is_optimistic_the_simulation_raises_the_stock_until_no_line_halts()
    {
        // With 6 h on the road the call-offs of the lead time are still at S when it fails, not on the road as the LP
        // counts them: the LP's level leaves the line short, and the rounds of simulation raise it.
        var scenario = Load(OneLine().Replace("transit_hours: 1,", "transit_hours: 3,").Replace("lead_hours: 4", "lead_hours: 8"));
        var result = BufferSizing.Run(scenario, new BufferSizingOptions());
        var stock = result.Stocks.Single();

        Assert.Multiple(() =>
        {
            Assert.That(stock.LpUnits, Is.EqualTo(60 * (24 + 1 + 3 - 8)));
            Assert.That(result.Outages.Single().Survived, Is.True);
            Assert.That(stock.SizedUnits, Is.GreaterThanOrEqualTo(stock.LpUnits));
            Assert.That(result.Rounds, Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public void A_line_whose_own_control_system_is_down_is_reported_and_the_LP_stocks_nothing_for_it()
    {
        // The line cannot build while its MES is down, so the LP asks no stock for those hours; what the runtime
        // still starves of after the restart, the rounds raise.
        var yaml = OneLine() + "\nit_systems:\n  - { id: MES, owner: PL, functions: [production_control], nodes: [L1], recovery_hours: 8 }\n";
        var result = BufferSizing.Run(Load(yaml), new BufferSizingOptions(Outages: [new OutageRequest("MES")]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Stocks.Select(s => s.LpUnits), Has.All.EqualTo(0));
            Assert.That(result.Outages.Single().StockCannotHelp, Is.True);
            Assert.That(result.Outages.Single().Sized.StarvedLines, Is.Empty);
        });
    }

    [Test]
    public void With_random_transit_times_the_policy_verified_on_N_seeds_lets_no_line_halt_in_any_of_those_replications()
    {
        var yaml = OneLine(disruption: "disruptions:\n  - { id: s-down, targets: [S], start: 0, duration_hours: 24 }")
            .Replace("transit_hours: 1,", "transit_hours: { dist: uniform, min: 0.5, max: 8 },").Replace("lead_hours: 4", "lead_hours: 10");
        var scenario = Load(yaml);
        var result = BufferSizing.Run(scenario, new BufferSizingOptions(Replications: 6));
        var sized = scenario with { Policies = [.. scenario.Policies, result.Policy] };
        var lines = Experiment.Run(sized, new ExperimentOptions([result.Policy.Id], Replications: 6)).Replications.SelectMany(r => r.Lines).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(6));
            Assert.That(lines.Select(l => l.TimeToHaltHours), Has.All.Null);
            Assert.That(result.Outages.Single().Survived, Is.True);
        });
    }

    [TestCase("S,NOPE", "--outages: 'NOPE' is not a supplier, IT system or provider of the scenario (known: S)")]
    [TestCase("S:0", "--outages: the hours of 'S' must be a positive number, got 0")]
    public void Unknown_targets_and_bad_hours_are_refused_with_the_reason(string outages, string message)
    {
        var error = Assert.Throws<InvalidOptionsException>(() => BufferSizing.Run(Load(OneLine()), new BufferSizingOptions(Outages: BufferSizing.ParseOutages(outages))));
        Assert.That(error!.Message, Is.EqualTo(message));
    }

    [Test]
    public void Outages_are_ids_with_optional_hours()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BufferSizing.ParseOutages("T1:72, OEM-EDI,T2:12.5h"), Is.EqualTo(new[] { new OutageRequest("T1", 72), new OutageRequest("OEM-EDI"), new OutageRequest("T2", 12.5) }));
            Assert.That(Assert.Throws<InvalidOptionsException>(() => BufferSizing.ParseOutages("T1:long"))!.Message, Is.EqualTo("--outages: 'T1:long' is not ID or ID:HOURS (e.g. T1-SEATS:72)"));
        });
    }

    [Test]
    public void The_same_scenario_and_seed_size_the_same_stock_on_any_core_count()
    {
        var scenario = ScenarioLoader.Load(Simulator.Tests.Scenarios.RepositoryFiles.PathOf("scenarios", "quickstart.yaml"));
        var one = BufferSizing.Run(scenario.Scenario!, new BufferSizingOptions(Parallelism: 1));
        var two = BufferSizing.Run(scenario.Scenario!, new BufferSizingOptions(Parallelism: 2));

        Assert.That(BufferSizingWriter.PolicyYaml(two, "q"), Is.EqualTo(BufferSizingWriter.PolicyYaml(one, "q")));
    }
}
