using System.Globalization;
using Simulator.Model;
using Simulator.Scenarios;

namespace Simulator.Experiments;

/// <summary>
/// The one check of a scenario that needs a simulation: a network that starves even without any disruption. It gives
/// warnings, not errors: the scenario runs, but its lost units then mix the disruption with a supply shortfall. It is
/// bounded by an event budget, so <c>validate</c> returns within seconds on any scenario; the loader never simulates.
/// </summary>
public static class BaselineCheck
{
    /// <summary>Kernel events the check may process over all policies together (a few seconds of simulation).</summary>
    public const long DefaultEventBudget = 8_000_000;

    /// <summary>
    /// Runs every policy of a valid scenario once without disruptions, as far into the horizon as the budget allows, and
    /// adds a warning, located at the line, for each line that halts; returns <paramref name="result"/> unchanged when
    /// it is invalid. <see cref="BaselineCheckResult.Policies"/> says how far each policy was checked.
    /// </summary>
    /// <param name="result">The load result to check.</param>
    /// <param name="describeCause">The text of a halt's cause chain in a warning (Output's <c>HaltCause.Format</c>).</param>
    /// <param name="eventBudget">Kernel events the check may process over all policies together.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public static BaselineCheckResult Apply(LoadResult result, Func<CauseChain, string> describeCause, long eventBudget = DefaultEventBudget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(describeCause);
        if (!result.IsValid || result.Scenario is not { } scenario)
        {
            return new BaselineCheckResult(result, []);
        }

        var problems = result.Problems.ToList();
        var lines = scenario.Plants.SelectMany(p => p.Lines).ToList();
        var perPolicy = Math.Max(1, eventBudget / Math.Max(1, scenario.Policies.Count));
        var checkedHours = new List<PolicyCheck>();
        foreach (var policy in scenario.Policies)
        {
            var run = BudgetedRun.LongestBaseline(scenario, policy.Id, perPolicy, cancellationToken);
            checkedHours.Add(new PolicyCheck(policy.Id, run.Trace is null ? 0 : run.ReachedHours, scenario.HorizonHours));
            if (run.Trace is not { } trace)
            {
                continue;
            }

            foreach (var line in lines)
            {
                var halt = trace.Events.FirstOrDefault(e => e.Entity == line.Id && e.Kind == EventKinds.Halt);
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
                    $"under policy '{policy.Id}' the line halts at hour {halt.TimeHours.ToString("0.##", CultureInfo.InvariantCulture)} even without any disruption ({describeCause(halt.Cause ?? CauseChain.None)})",
                    "raise the line-side stock, the lane's lead time or reorder point, or the supplier's capacity",
                    ProblemSeverity.Warning));
            }
        }

        return new BaselineCheckResult(result with { Problems = problems }, checkedHours);
    }
}

/// <summary>The scenario with the baseline check's warnings added, and how far into the horizon each policy was checked.</summary>
/// <param name="Load">The load result with the warnings.</param>
/// <param name="Policies">One entry per policy checked; empty when the scenario is invalid.</param>
public sealed record BaselineCheckResult(LoadResult Load, IReadOnlyList<PolicyCheck> Policies)
{
    /// <summary>Whether every policy was checked over the whole horizon.</summary>
    public bool Complete => Policies.All(p => p.Complete);
}

/// <summary>How far the baseline of one policy was simulated.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="CheckedHours">Hours simulated within the event budget.</param>
/// <param name="HorizonHours">The scenario's horizon.</param>
public sealed record PolicyCheck(string Policy, double CheckedHours, double HorizonHours)
{
    /// <summary>Whether the whole horizon was checked.</summary>
    public bool Complete => CheckedHours >= HorizonHours;
}
