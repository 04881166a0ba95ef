namespace Simulator.Tests;

public sealed class SmokeTests
{
    [Test]
    public void Library_assembly_loads() => Assert.That(typeof(Simulator.Model.Specs.ScenarioSpec).Assembly.GetName().Name, Is.EqualTo("Simulator"));
}
