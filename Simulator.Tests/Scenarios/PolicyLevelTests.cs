using Simulator.Model;
using Simulator.Model.Specs;
using static Simulator.Tests.Scenarios.ScenarioText;

namespace Simulator.Tests.Scenarios;

/// <summary>A policy level either sets the stock or only raises it; a plain value sets and is warned about.</summary>
public sealed class PolicyLevelTests
{
    // S1 (tier 1) holds one day of P1; L1 holds 2 h of P1 at the line (10 an hour: 20 units).
    private static string WithPolicy(string policy) =>
        Replace(
            With("        capacity_per_hour: 20\n        inputs:", "        capacity_per_hour: 20\n        finished: { initial: 1d, target: 1d }\n        inputs:"),
            "disruptions:",
            "policies:\n" + policy + "\ndisruptions:");

    private static (double SupplierInitial, double SupplierTarget, double LineSide) Resolve(string policy)
    {
        var result = Load(WithPolicy(policy));
        Assert.That(result.IsValid, Is.True, () => string.Join("\n", result.Problems));
        var network = Network.Build(result.Scenario!);
        var product = network.Suppliers.Single(s => s.Spec.Id == "S1").Products.Single();
        var feed = network.Lines.Single().Feeds.Single();
        return (product.InitialUnits, product.TargetUnits, feed.InitialUnits);
    }

    private static (double SupplierInitial, double SupplierTarget, double LineSide) AsWritten() =>
        Resolve("  - { id: plain }");

    [Test]
    public void At_least_never_lowers_a_stock_the_network_holds()
    {
        var written = AsWritten();
        var raised = Resolve("  - { id: buffer, supplier_stock_days_by_tier: { 1: { at_least: 0.5 } }, parts: [ { part: P1, line_side: { at_least: 1h } } ] }");

        Assert.That(raised, Is.EqualTo(written), "one day and 2 h are above half a day and 1 h: nothing changes");
    }

    [Test]
    public void At_least_raises_a_stock_below_the_level()
    {
        var written = AsWritten();
        var raised = Resolve("  - { id: buffer, supplier_stock_days_by_tier: { 1: { at_least: 3 } }, line_side_cover_hours: { at_least: 5 } }");

        Assert.Multiple(() =>
        {
            Assert.That(raised.SupplierInitial, Is.EqualTo(3 * written.SupplierInitial).Within(1e-9));
            Assert.That(raised.SupplierTarget, Is.EqualTo(3 * written.SupplierTarget).Within(1e-9));
            Assert.That(raised.LineSide, Is.EqualTo(50).Within(1e-9), "5 h at 10 an hour");
        });
    }

    [Test]
    public void Set_replaces_the_level_even_when_it_is_lower()
    {
        var written = AsWritten();
        var cut = Resolve("  - { id: lean, supplier_stock_days_by_tier: { 1: { set: 0.5 } }, parts: [ { part: P1, line_side: { set: 1h } } ] }");

        Assert.Multiple(() =>
        {
            Assert.That(cut.SupplierInitial, Is.EqualTo(0.5 * written.SupplierInitial).Within(1e-9));
            Assert.That(cut.LineSide, Is.EqualTo(10).Within(1e-9));
        });
    }

    [Test]
    public void A_plain_value_sets_the_level_and_gets_a_warning_that_says_how_to_choose()
    {
        var yaml = WithPolicy("  - { id: jis, supplier_stock_days_by_tier: { 1: 0.5 } }");
        var result = Load(yaml);
        var problem = Problem(result, "does not say whether it sets or raises");

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(problem.Severity, Is.EqualTo(Simulator.Scenarios.ProblemSeverity.Warning));
            Assert.That(problem.Message, Is.EqualTo("supplier_stock_days_by_tier 1: 0.5 does not say whether it sets or raises the level; read as { set: 0.5 }, which lowers stock wherever the network holds more"));
            Assert.That(problem.Hint, Is.EqualTo("write { at_least: 0.5 } to raise the level only where it is lower, or { set: 0.5 } to replace it"));
            Assert.That((problem.Line, problem.Column), Is.EqualTo(Position(yaml, "{ 1: »0.5 }")));
            Assert.That(problem.Id, Is.EqualTo("jis"));
        });
    }

    [Test]
    public void A_level_mapping_with_another_key_is_an_error()
    {
        var result = Load(WithPolicy("  - { id: odd, line_side_cover_hours: { more_than: 4 } }"));

        Assert.That(Problem(result, "line_side_cover_hours must be a level").Severity, Is.EqualTo(Simulator.Scenarios.ProblemSeverity.Error));
    }
}
