using NetArchTest.Rules;
using Simulator.Model;

namespace Simulator.Tests.Architecture;

/// <summary>The arrows of docs/architecture.md: each stage of the library depends only on the stages before it.</summary>
public sealed class DependencyTests
{
    private static Types Library => Types.InAssembly(typeof(Network).Assembly);

    private static IEnumerable<TestCaseData> Rules()
    {
        yield return Rule("Simulator.Engine", "Simulator.Model", "Simulator.Scenarios", "Simulator.Experiments", "Simulator.Metrics", "Simulator.Output");
        yield return Rule("Simulator.Model", "Simulator.Scenarios", "Simulator.Experiments", "Simulator.Metrics", "Simulator.Output");
        yield return Rule("Simulator.Scenarios", "Simulator.Experiments", "Simulator.Metrics", "Simulator.Output");
        yield return Rule("Simulator.Metrics", "Simulator.Experiments", "Simulator.Scenarios", "Simulator.Output");
        yield return Rule("Simulator.Experiments", "Simulator.Output");
    }

    private static TestCaseData Rule(string stage, params string[] forbidden) =>
        new TestCaseData(stage, forbidden).SetArgDisplayNames(stage);

    [TestCaseSource(nameof(Rules))]
    public void A_stage_uses_nothing_downstream_of_it(string stage, string[] forbidden)
    {
        var result = Library.That().ResideInNamespace(stage).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty, $"{stage} must not use {string.Join(", ", forbidden)}");
    }

    [Test]
    public void Output_computes_no_statistics()
    {
        // Quartiles, means and intervals are Metrics' business (docs/architecture.md): a writer or chart that needs
        // the statistics library is computing a number it should have been given.
        var result = Library.That().ResideInNamespace("Simulator.Output").ShouldNot().HaveDependencyOn("MathNet.Numerics").GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void The_statistics_rule_sees_the_statistics_library()
    {
        // The rule above would pass if the name never matched: Metrics does use the library.
        Assert.That(Library.That().ResideInNamespace("Simulator.Metrics").And().HaveDependencyOn("MathNet.Numerics").GetTypes(), Is.Not.Empty);
    }

    [Test]
    public void The_library_never_uses_the_command_line()
    {
        var result = Library.ShouldNot().HaveDependencyOn("Simulator.Cli").GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void The_rules_see_the_stages_they_guard()
    {
        // A rule over a namespace with no types would pass whatever the code does.
        foreach (var stage in new[] { "Simulator.Engine", "Simulator.Model", "Simulator.Scenarios", "Simulator.Experiments", "Simulator.Metrics", "Simulator.Output" })
        {
            Assert.That(Library.That().ResideInNamespace(stage).GetTypes(), Is.Not.Empty, stage);
        }
    }
}
