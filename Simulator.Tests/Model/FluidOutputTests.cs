using Simulator.Model;

namespace Simulator.Tests.Model;

public sealed class FluidOutputTests
{
    [TestCase(10, 0, 5, 4, 10, TestName = "Backlog alone: catches up after 2 h, then idles")]
    [TestCase(0, 3, 5, 2, 6, TestName = "No backlog: makes what arrives")]
    [TestCase(-3, 3, 5, 2, 3, TestName = "Surplus: idle until arrivals eat it (1 h), then makes what arrives")]
    [TestCase(10, 8, 5, 2, 10, TestName = "Arrivals faster than capacity: full capacity")]
    [TestCase(4, 3, 5, 4, 16, TestName = "Catches up at 2 h (4 / (5 - 3)) having made 10, then 3 an hour")]
    [TestCase(-10, 3, 5, 2, 0, TestName = "Surplus outlasts the interval: nothing made")]
    public void Fluid_producer_runs_at_capacity_while_short_then_follows_demand(
        double deficit, double arrivalsPerHour, double capacityPerHour, double hours, double expected) =>
        Assert.That(SupplierRun.FluidOutput(deficit, arrivalsPerHour, capacityPerHour, hours), Is.EqualTo(expected).Within(1e-12));
}
