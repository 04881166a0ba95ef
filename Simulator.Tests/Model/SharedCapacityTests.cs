using CsCheck;
using Simulator.Experiments;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Scenarios;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;

namespace Simulator.Tests.Model;

/// <summary>A supplier's capacity shared by its products: split by planned demand, failover only into spare capacity.</summary>
public sealed class SharedCapacityTests
{
    private static RunTrace Baseline(ScenarioBuilder builder) =>
        Simulation.Run(Network.Build(builder.Build()), 1, new RunOptions(WithDisruptions: false));

    private static double? FirstHalt(RunTrace run, string line) =>
        run.Events.FirstOrDefault(e => e.Entity == line && e.Kind == EventKinds.Halt)?.TimeHours;

    /// <summary>Lines LA (rate a, stock 3 h of it) and LB (rate b, stock 1 h) on one supplier sharing 100/h; sequence lead 2 h, trucks every 0.05 h.</summary>
    private static ScenarioBuilder TwoProducts(double a, double b) => new ScenarioBuilder()
        .Horizon(48)
        .Part("A")
        .Part("B")
        .Line("LA", "PLANT", a, [("A", 3 * a)])
        .Line("LB", "PLANT", b, [("B", 1 * b)])
        .SharedSupplier("S", 1, 100, [("A", null), ("B", null)])
        .Lane("S-LA", "S", "LA", "A", Sequence(2), dispatchEveryHours: 0.05)
        .Lane("S-LB", "S", "LB", "B", Sequence(2), dispatchEveryHours: 0.05);

    [Test]
    public void Two_products_within_the_shared_capacity_never_starve()
    {
        // 60/h + 30/h of 100/h: each gets what it needs (its share, 66.7 and 33.3, is more than it wants).
        var run = Baseline(TwoProducts(60, 30));
        Assert.Multiple(() =>
        {
            Assert.That(run.Events.Where(e => e.Kind == EventKinds.Halt), Is.Empty);
            Assert.That(run.Lines.Select(l => l.ProducedUnits), Is.EqualTo(new[] { 48 * 60.0, 48 * 30.0 }).Within(1));
        });
    }

    [Test]
    public void A_shortfall_of_the_shared_capacity_is_split_by_planned_demand()
    {
        // 80/h + 40/h against 100/h: 20/h short. Split 80 : 40, A gets 66.7/h (13.3/h short), B 33.3/h (6.7/h short).
        // A holds 240 at the line + 160 called off before hour 0 (2 h lead, on the road): 400 / 13.33 = 30 h.
        // B holds 40 + 80 = 120: 120 / 6.67 = 18 h. What was made since the last truck (one lot, 0.05 h of output:
        // 3.33 of A, 1.67 of B) is not at the line yet and a job needs a whole piece, so the shelf may run empty up to
        // a lot and a piece early: A in [(400 - 3.33 - 1) / 13.33, 30] = [29.675, 30], B in
        // [(120 - 1.67 - 1) / 6.67, 18] = [17.6, 18].
        var run = Baseline(TwoProducts(80, 40));
        Assert.Multiple(() =>
        {
            Assert.That(FirstHalt(run, "LA"), Is.InRange(29.675 - 1e-9, 30));
            Assert.That(FirstHalt(run, "LB"), Is.InRange(17.6 - 1e-9, 18));
        });
    }

    [Test]
    public void Without_a_shared_capacity_the_same_products_do_not_interact()
    {
        // The same 80/h + 40/h, each with a capacity of 100/h of its own: nobody is short.
        var builder = new ScenarioBuilder()
            .Horizon(48)
            .Part("A")
            .Part("B")
            .Line("LA", "PLANT", 80, [("A", 240)])
            .Line("LB", "PLANT", 40, [("B", 40)])
            .Supplier("SA", 1, "A", capacityPerHour: 100)
            .Supplier("SB", 1, "B", capacityPerHour: 100)
            .Lane("S-LA", "SA", "LA", "A", Sequence(2))
            .Lane("S-LB", "SB", "LB", "B", Sequence(2));
        Assert.That(Baseline(builder).Events.Where(e => e.Kind == EventKinds.Halt), Is.Empty);
    }

    /// <summary>
    /// L1 needs 60/h of A, half from S1 and half from S2; S2 shares 60/h between A (30/h planned) and B for L2 (30/h),
    /// so its spare for A is 60 - 30 = 30/h. L1 holds 300 (5 h). S1 fails at hour 10 for good.
    /// </summary>
    private static ScenarioBuilder Failover(bool shared)
    {
        var builder = new ScenarioBuilder()
            .Horizon(48)
            .Part("A")
            .Part("B")
            .Line("L1", "PLANT", 60, [("A", 300)])
            .Line("L2", "PLANT", 30, [("B", 60)])
            .Supplier("S1", 1, "A", capacityPerHour: 60);
        builder = shared
            ? builder.SharedSupplier("S2", 1, 60, [("A", null), ("B", null)])
            : builder.SharedSupplier("S2-A", 1, 60, [("A", null)]).SharedSupplier("S2-B", 1, 60, [("B", null)]);
        return builder
            .Lane("S1-L1", "S1", "L1", "A", Sequence(2), share: 0.5)
            .Lane("S2-L1", shared ? "S2" : "S2-A", "L1", "A", Sequence(2), share: 0.5)
            .Lane("S2-L2", shared ? "S2" : "S2-B", "L2", "B", Sequence(2))
            .Disruption("s1-down", ["S1"], startHours: 10, durationHours: 1000);
    }

    [Test]
    public void A_sibling_takes_over_only_up_to_its_spare_capacity()
    {
        // After the failover all 60/h of A are ordered from S2, which can give A only 60 - 30 (B's use) = 30/h: L1 is
        // 30/h short. At hour 10 the 300 and the 2 h lead (120) are at the line, except what S1 and S2 made since
        // their last truck (every 0.25 h: 7.5 each), and S1's 7.5 stay locked in it: 412.5 / 30 = 13.75 h, or up to
        // a lot and a piece earlier as the shelf may run empty just before a truck: (412.5 - 7.5 - 1) / 30 = 13.47 h. L2 keeps its 30/h. With
        // S2 free to make 60/h of A on top of B (no shared capacity), L1 would never halt.
        var shared = Experiment.RunReplication(Network.Build(Failover(shared: true).Build()), "as-written", 0, 1);
        var separate = Experiment.RunReplication(Network.Build(Failover(shared: false).Build()), "as-written", 0, 1);
        Assert.Multiple(() =>
        {
            Assert.That(shared.Lines[0].TimeToHaltHours, Is.InRange(13.46, 13.75));
            Assert.That(shared.Lines[1].TimeToHaltHours, Is.Null);
            Assert.That(shared.Lines[1].LostUnits, Is.EqualTo(0).Within(1e-6));
            Assert.That(separate.Lines[0].TimeToHaltHours, Is.Null);
        });
    }

    [Test]
    public void Split_by_weight_hands_what_one_does_not_want_to_the_others()
    {
        var grants = new double[3];
        CapacityShare.Split([10, 80, 80], [1, 1, 2], 120, grants);

        // Shares 30 / 30 / 60: the first wants 10 and leaves 20, split 1 : 2 among the others: 36.7 and 73.3.
        Assert.That(grants, Is.EqualTo(new[] { 10, 110.0 / 3, 220.0 / 3 }).Within(1e-9));
    }

    [Test]
    public void Split_gives_products_of_weight_zero_what_the_others_leave()
    {
        var grants = new double[2];
        CapacityShare.Split([50, 100], [1, 0], 80, grants);
        Assert.That(grants, Is.EqualTo(new[] { 50.0, 30 }).Within(1e-9));
    }

    [Test]
    public void Split_never_idles_capacity_while_a_product_wants_more_and_is_fair_by_weight()
    {
        var gen = Gen.Select(Gen.Double[0, 100].Array[1, 6], Gen.OneOf(Gen.Const(0.0), Gen.Double[0.1, 5]).Array[6], Gen.Double[0, 300]);
        gen.Sample((wants, weights, volume) =>
        {
            var w = weights[..wants.Length];
            var grants = new double[wants.Length];
            CapacityShare.Split(wants, w, volume, grants);
            var total = grants.Sum();
            var short_ = Enumerable.Range(0, wants.Length).Where(i => grants[i] < wants[i] - 1e-9).ToList();

            // Never more than wanted; all of the capacity used unless every want is met.
            var ok = grants.Zip(wants).All(g => g.First >= -1e-12 && g.First <= g.Second + 1e-9)
                && Math.Abs(total - Math.Min(volume, wants.Sum())) <= 1e-6 * Math.Max(1, volume);

            // Whoever is short got at least as much per unit of weight as anyone, so no one is starved for another.
            foreach (var i in short_.Where(i => w[i] > 0))
            {
                ok &= Enumerable.Range(0, wants.Length).Where(j => w[j] > 0).All(j => grants[j] / w[j] <= (grants[i] / w[i]) + 1e-6);
            }

            return ok;
        });
    }

    [Test]
    public void A_shared_capacity_is_read_lent_to_products_without_their_own_and_written_back()
    {
        var yaml = Simulator.Tests.Scenarios.ScenarioText.With("      - { part: P2, capacity_per_hour: 20 }", "      - { part: P2 }")
            .Replace("    tier: 2\n", "    tier: 2\n    capacity_per_hour: 30\n", StringComparison.Ordinal);
        var load = ScenarioLoader.Parse(yaml, "shared.yaml");
        var again = ScenarioLoader.Parse(ScenarioWriter.ToYaml(load.Scenario!), "again.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(load.Problems, Is.Empty, () => string.Join("\n", load.Problems));
            var s2 = load.Scenario!.Suppliers.Single(s => s.Id == "S2");
            Assert.That(s2.CapacityPerHour, Is.EqualTo(30));
            Assert.That(s2.Products.Single().CapacityPerHour, Is.EqualTo(30));
            Assert.That(load.Scenario.Suppliers.Single(s => s.Id == "S1").CapacityPerHour, Is.Null);
            Assert.That(again.Problems, Is.Empty, () => string.Join("\n", again.Problems));
            Assert.That(again.Scenario!.Suppliers.Single(s => s.Id == "S2").CapacityPerHour, Is.EqualTo(30));
        });
    }
}
