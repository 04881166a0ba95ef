using Simulator.Model;

namespace Simulator.Scenarios;

/// <summary>
/// The one check that needs a simulation: a network that starves even without any disruption. It gives
/// warnings, not errors: the scenario runs, but its lost units then mix the disruption with a supply shortfall.
/// </summary>
public static class BaselineCheck
{
    /// <summary>
    /// Runs every policy of a valid scenario once without disruptions and adds a warning, located at the line, for
    /// each line that halts; returns <paramref name="result"/> unchanged when it is invalid.
    /// </summary>
    public static LoadResult Apply(LoadResult result)
    {
        if (!result.IsValid || result.Scenario is not { } scenario)
        {
            return result;
        }

        var problems = result.Problems.ToList();
        var lines = scenario.Plants.SelectMany(p => p.Lines).ToList();
        foreach (var policy in scenario.Policies)
        {
            var trace = Simulation.Run(Network.Build(scenario, policy.Id), seed: 1, new RunOptions(RecordPartSeries: false, WithDisruptions: false));
            foreach (var line in lines)
            {
                var halt = trace.Events.FirstOrDefault(e => e.Entity == line.Id && e.Kind == "halt");
                if (halt is null)
                {
                    continue;
                }

                var at = result.Sources?.Locate(line) ?? default;
                problems.Add(new ScenarioProblem(
                    result.FileLabel ?? scenario.SourcePath ?? scenario.Name,
                    (int)at.Line,
                    (int)at.Column,
                    line.Id,
                    $"under policy '{policy.Id}' the line halts at hour {halt.TimeHours:0.##} even without any disruption ({halt.Detail})",
                    "raise the line-side stock, the lane's lead time or reorder point, or the supplier's capacity",
                    ProblemSeverity.Warning));
            }
        }

        return result with { Problems = problems };
    }
}
