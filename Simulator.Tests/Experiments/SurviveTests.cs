using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Tests.Support;
using static Simulator.Tests.Support.ScenarioBuilder;
using Simulator.Output;

namespace Simulator.Tests.Experiments;

/// <summary><c>survive</c>: every target down from the as-of time for its own recovery time, on a network small enough to compute by hand.</summary>
public sealed class SurviveTests
{
    /// <summary>
    /// One line, 60 jobs/h, around the clock. SEAT: 240 at the line (4 h) and 120 on the road arriving at hour 2
    /// (imported state), from T1 (back after 10 h). CLIP: 1,000 at the line (16.7 h) from T3 (back after 5 h). WMS
    /// (goods receipt at the plant, back after 8 h) and EDI (order transmission, back after 2 h) run at the plant.
    /// </summary>
    internal static ScenarioSpec Network()
    {
        var scenario = new ScenarioBuilder()
            .Horizon(48)
            .Part("SEAT")
            .Part("CLIP")
            .Line("L1", "PLANT", 60, [("SEAT", 240), ("CLIP", 1000)])
            .Supplier("T1", 1, "SEAT", capacityPerHour: 120)
            .Supplier("T3", 1, "CLIP", capacityPerHour: 200)
            .Lane("T1-L1", "T1", "L1", "SEAT", Sequence(2), transitHours: 1)
            .Lane("T3-L1", "T3", "L1", "CLIP", Kanban(400, 300), transitHours: 1)
            .ItSystem("WMS", ItFunction.Logistics, ["PLANT"], owner: "PLANT")
            .ItSystem("EDI", ItFunction.OrderTransmission, ["PLANT"], owner: "PLANT")
            .Build();
        var recovery = new Dictionary<string, double> { ["T1"] = 10, ["T3"] = 5, ["WMS"] = 8, ["EDI"] = 2 };
        return scenario with
        {
            Suppliers = scenario.Suppliers.Select(s => s with { RecoveryHours = recovery[s.Id] }).ToArray(),
            ItSystems = scenario.ItSystems.Select(s => s with { RecoveryHours = recovery[s.Id] }).ToArray(),
            State = new StateSpec([new InTransitSpec("T1-L1", 120, 2)], [], []),
        };
    }

    internal static SurviveResult Run(SurviveOptions? options = null) => Survive.Run(Network(), options ?? new SurviveOptions(Days: 2));

    [Test]
    public void A_target_that_shares_another_targets_run_gets_the_cause_chain_of_its_own_outage()
    {
        // T1-ERP runs every function of T1, so its outage switches off exactly T1's gates and the stress test simulates
        // the two as one; both are down for 10 h and halt the line at 6 h. The chain of the shared run names T1; the
        // notification of T1-ERP must name T1-ERP.
        var scenario = Network();
        scenario = scenario with
        {
            ItSystems = [.. scenario.ItSystems, new ItSystemSpec("T1-ERP", "T1", ItFunction.All, ["T1"], [], null, RecoveryHours: 10)],
        };

        var result = Survive.Run(scenario, new SurviveOptions(Days: 2));
        var byId = result.Nodes.ToDictionary(n => n.Target.Id);

        Assert.That(result.Stress.SharedTargets, Is.GreaterThanOrEqualTo(1));
        Assert.That(byId["T1-ERP"].HoursToHalt, Is.EqualTo(6).Within(1e-9));
        Assert.That(HaltCause.Format(byId["T1"].CauseChain), Does.Contain("supplier:T1 (tier 1)").And.Not.Contain("it:T1-ERP"));
        Assert.That(HaltCause.Format(byId["T1-ERP"].CauseChain), Does.Contain("it:T1-ERP"));
    }

    [Test]
    public void Each_target_survives_as_long_as_the_stock_and_goods_in_transit_it_cannot_stop_last()
    {
        var result = Run();
        var byId = result.Nodes.ToDictionary(n => n.Target.Id);

        Assert.Multiple(() =>
        {
            // WMS down: the 120 arriving at hour 2 wait at the gate, the 240 at the line last 4 h (< 8 h: mitigate).
            Assert.That(byId["WMS"].HoursToHalt, Is.EqualTo(4).Within(1e-9));
            Assert.That(byId["WMS"].NeedsMitigation, Is.True);
            Assert.That(HaltCause.Format(byId["WMS"].CauseChain), Is.EqualTo("part:SEAT <- it:WMS (logistics)"));

            // T1 down: 240 + 120 seats = 6 h (< 10 h); the line cannot build again before T1 is back and a truck
            // arrives (10 + 1 h), so at least 5 h x 60 vehicles are lost.
            Assert.That(byId["T1"].HoursToHalt, Is.EqualTo(6).Within(1e-9));
            Assert.That(byId["T1"].NeedsMitigation, Is.True);
            Assert.That(byId["T1"].RecoveryHours, Is.EqualTo(10));
            Assert.That(byId["T1"].VehiclesAtRisk, Is.GreaterThanOrEqualTo(300 - 1e-6));
            Assert.That(byId["T1"].LinesAtRisk, Is.EqualTo(new[] { "L1" }));
            Assert.That(HaltCause.Format(byId["T1"].CauseChain), Does.Contain("supplier:T1"));

            // T3 down 5 h: 1,000 clips last 16.7 h; no line halts.
            Assert.That(byId["T3"].HoursToHalt, Is.Null);
            Assert.That(byId["T3"].NeedsMitigation, Is.False);

            Assert.That(result.Nodes.Select(n => n.Target.Id).Take(2), Is.EqualTo(new[] { "WMS", "T1" }));
            Assert.That(result.Nodes.Select(n => n.Rank), Is.EqualTo(Enumerable.Range(1, result.Nodes.Count)));
        });
    }

    [Test]
    public void Days_of_supply_as_is_are_the_stock_on_hand_over_the_planned_daily_use()
    {
        var asIs = Run().DaysOfSupply[0];
        var seat = asIs.Series.Single(s => s.SiteId == "PLANT" && s.PartId == "SEAT");

        Assert.Multiple(() =>
        {
            Assert.That(asIs.OutageOf, Is.Null);

            // 240 seats at hour 0 less the one the job started at hour 0 took (the 120 on the road are not stock),
            // over 60/h x 24 h = 1,440 a day.
            Assert.That(seat.DemandPerDay, Is.EqualTo(1440));
            Assert.That(seat.Points[0].StockUnits, Is.EqualTo(239));
            Assert.That(seat.Points[0].Days, Is.EqualTo(239.0 / 1440).Within(1e-12));
            Assert.That(seat.Points.Select(p => p.TimeHours), Is.EqualTo(new[] { 0.0, 24 }));
        });
    }

    [Test]
    public void The_top_risks_get_days_of_supply_under_their_outage()
    {
        var result = Run(new SurviveOptions(TopRisks: 2, Days: 1));

        Assert.That(result.DaysOfSupply.Select(d => d.OutageOf?.Id), Is.EqualTo(new[] { null, "WMS", "T1" }));
    }

    [Test]
    public void A_later_as_of_time_starts_every_outage_there()
    {
        var start = Network().Start;
        var result = Run(new SurviveOptions(AsOf: start.AddHours(3), Days: 1));

        Assert.Multiple(() =>
        {
            Assert.That(result.AsOfHours, Is.EqualTo(3));
            Assert.That(result.Stress.ReferenceHours, Is.EqualTo(3));
        });
    }

    [Test]
    public void An_as_of_time_outside_the_horizon_is_refused()
    {
        var start = Network().Start;

        Assert.That(
            () => Run(new SurviveOptions(AsOf: start.AddHours(-1))),
            Throws.TypeOf<InvalidOptionsException>().With.Message.Contains("outside the scenario's horizon"));
    }

    [Test]
    public void The_same_seed_gives_the_same_result_on_one_thread_and_many()
    {
        var one = Run(new SurviveOptions(Parallelism: 1, Days: 2));
        var many = Run(new SurviveOptions(Parallelism: 4, Days: 2));

        Assert.Multiple(() =>
        {
            Assert.That(Summary(many), Is.EqualTo(Summary(one)));
            Assert.That(
                many.DaysOfSupply.SelectMany(d => d.Series).SelectMany(s => s.Points),
                Is.EqualTo(one.DaysOfSupply.SelectMany(d => d.Series).SelectMany(s => s.Points)));
        });
    }

    private static IEnumerable<string> Summary(SurviveResult result) =>
        result.Nodes.Select(n => $"{n.Rank} {n.Target.Id} {n.HoursToHalt:R} {n.VehiclesAtRisk:R} {n.LinesBackAfterHours:R} {n.CauseChain} {string.Join(';', n.LinesAtRisk)}");
}
