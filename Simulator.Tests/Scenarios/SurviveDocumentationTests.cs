using System.Text.RegularExpressions;
using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Scenarios;

namespace Simulator.Tests.Scenarios;

/// <summary>The example of docs/survive.md loads and gives the figures the page states.</summary>
public sealed partial class SurviveDocumentationTests
{
    private static ScenarioSpec Example()
    {
        var doc = File.ReadAllText(RepositoryFiles.PathOf("docs", "survive.md"));
        var yaml = YamlBlock().Matches(doc).Single().Groups["yaml"].Value;
        var result = ScenarioLoader.Parse(yaml, "survive.md");
        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        return result.Scenario!;
    }

    private static SurviveNode T1(ScenarioSpec scenario) =>
        Survive.Run(scenario, new SurviveOptions(Days: 1, Method: StressMethod.Lp)).Nodes.Single(n => n.Target.Id == "T1");

    [Test]
    public void The_demand_example_halts_after_28_hours_simulated_and_in_the_lp()
    {
        // The figures the page states: halt (h), LP (h) and LP lost with the state, then without it.
        double?[] Figures(SurviveNode node) => [node.HoursToHalt, node.Optimum!.TimeToSurviveHours, node.Optimum!.LostUnits];
        Assert.That(
            Figures(T1(Example())).Concat(Figures(T1(Example() with { State = null }))),
            Is.EqualTo(new double?[] { 28, 28, 480, 16, 16, 1200 }).Within(1e-6));
    }

    [GeneratedRegex(@"```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
