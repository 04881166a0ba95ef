using Simulator.Experiments;
using Simulator.Scenarios;
using Simulator.Output;

namespace Simulator.Tests.Experiments;

public sealed class BaselineCheckTests
{
    private const string Starving = """
        name: starving
        start: 2025-09-01T00:00:00+00:00
        horizon_hours: 24
        parts:
          - { id: SEAT }
        plants:
          - id: P
            lines:
              - id: L1
                rate_per_hour: 60
                bom: [ { part: SEAT, quantity: 1 } ]
                stock: [ { part: SEAT, initial: 60 } ]
        suppliers:
          - id: T1
            tier: 1
            products: [ { part: SEAT, capacity_per_hour: 30 } ]
        lanes:
          - { id: T1-L1, from: T1, to: L1, part: SEAT, transit_hours: 1, trigger: { kind: sequence, lead_hours: 2 } }
        """;

    [Test]
    public void A_line_that_starves_without_any_disruption_gets_a_located_warning()
    {
        // Capacity 30/h against 60/h: 60 seats at the line, 120 on the road (arriving at hours 1 and 2) and 30 an
        // hour made from hour 0, shipped hourly with 1 h transit (arriving at hours 2, 3, 4): 270 seats by hour 4,
        // so job 271, due at hour 4.5, waits.
        var loaded = ScenarioLoader.Parse(Starving, "starving.yaml");
        var checkedResult = BaselineCheck.Apply(loaded, HaltCause.Format).Load;

        var warning = checkedResult.Warnings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(checkedResult.IsValid, Is.True);
            Assert.That(warning.Id, Is.EqualTo("L1"));
            Assert.That(warning.Line, Is.EqualTo(9));
            Assert.That(warning.Column, Is.EqualTo(9));
            Assert.That(warning.Message, Does.Contain("halts at hour 4.5 even without any disruption (part:SEAT <- supplier:T1 (tier 1))"));
        });
    }

    [Test]
    public void A_network_that_keeps_up_gets_no_warning()
    {
        var loaded = ScenarioLoader.Parse(Starving.Replace("capacity_per_hour: 30", "capacity_per_hour: 90"), "ok.yaml");

        Assert.That(BaselineCheck.Apply(loaded, HaltCause.Format).Load.Warnings, Is.Empty);
    }

    [Test]
    public void On_a_long_horizon_the_check_stops_at_its_event_budget_says_how_far_it_got_and_still_finds_early_halts()
    {
        var loaded = ScenarioLoader.Parse(Starving.Replace("horizon_hours: 24", "horizon_hours: 100000"), "long.yaml");
        var check = BaselineCheck.Apply(loaded, HaltCause.Format, eventBudget: 20_000);
        var policy = check.Policies.Single();
        Assert.Multiple(() =>
        {
            Assert.That(check.Complete, Is.False);
            Assert.That(policy.HorizonHours, Is.EqualTo(100_000));

            // Somewhere past the halt at hour 4.5, far short of the horizon.
            Assert.That(policy.CheckedHours, Is.GreaterThan(4.5).And.LessThan(50_000));
            Assert.That(check.Load.Warnings.Single().Message, Does.Contain("halts at hour 4.5 even without any disruption"));
        });
    }

    [Test]
    public void A_short_horizon_is_checked_whole()
    {
        var check = BaselineCheck.Apply(ScenarioLoader.Parse(Starving, "starving.yaml"), HaltCause.Format);
        Assert.That(check.Policies.Select(p => (p.CheckedHours, p.Complete)), Is.EqualTo(new[] { (24.0, true) }));
    }
}
