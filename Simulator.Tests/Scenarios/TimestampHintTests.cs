using static Simulator.Tests.Scenarios.ScenarioText;

namespace Simulator.Tests.Scenarios;

public sealed class TimestampHintTests
{
    [Test]
    public void A_disruption_start_without_offset_is_told_the_scenario_start_offset()
    {
        var result = Load(With("start: 10, duration_hours: 5", "start: 2025-09-01T16:00:00, duration_hours: 5"));
        var problem = Problem(result, "start must be hours from the scenario start or an ISO-8601 timestamp with an offset");

        Assert.That(problem.Hint, Is.EqualTo("add the UTC offset so the time does not depend on the machine's time zone, e.g. 2025-09-01T16:00:00+01:00 (the scenario start's offset)"));
    }

    [Test]
    public void A_scenario_start_without_offset_gets_an_example_offset()
    {
        var result = Load(With("start: 2025-09-01T06:00:00+01:00", "start: 2025-09-01"));
        var problem = Problem(result, "start must be an ISO-8601 timestamp with an offset");

        Assert.That(problem.Hint, Is.EqualTo("add the UTC offset so the time does not depend on the machine's time zone, e.g. 2025-09-01T00:00:00+01:00 (use the plant's UTC offset, Z for UTC)"));
    }
}
