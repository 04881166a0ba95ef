using System.Globalization;
using Simulator.Model.Specs;

namespace Simulator.Cli.Commands;

/// <summary>Loading a scenario the same way in every command: every problem on stderr, invalid input means exit 2.</summary>
internal static class ScenarioInput
{
    /// <summary>The validated scenario; prints warnings and errors, and throws <see cref="InvalidInputException"/> when invalid.</summary>
    /// <param name="backend">The loader.</param>
    /// <param name="session">Where the problems are printed.</param>
    /// <param name="path">The scenario file.</param>
    /// <param name="checkBaseline">Also simulate the baseline within a budget, for the warnings only a run finds.</param>
    /// <param name="cancellationToken">Stops the baseline check.</param>
    /// <param name="inspect">Sees the checked load, valid or not, before anything is thrown (validate prints its problems as CSV or JSON).</param>
    /// <param name="policyFile">A policy file (as <c>size-buffers</c> writes) whose policies are added after the scenario's, or null.</param>
    public static ScenarioSpec Load(
        ISimulatorBackend backend,
        CliSession session,
        string path,
        bool checkBaseline = false,
        CancellationToken cancellationToken = default,
        Action<Scenarios.LoadResult>? inspect = null,
        string? policyFile = null)
    {
        var load = backend.Load(path);
        if (policyFile is not null && load is { IsValid: true, Scenario: { } loaded })
        {
            var added = Scenarios.ScenarioLoader.AddPolicies(loaded, policyFile);
            load = added with { Problems = [.. load.Problems, .. added.Problems] };
        }

        IReadOnlyList<Experiments.PolicyCheck> partial = [];
        if (checkBaseline)
        {
            var check = backend.CheckBaseline(load, cancellationToken);
            load = check.Load;
            partial = check.Policies.Where(p => !p.Complete).ToList();
        }

        foreach (var problem in load.Problems)
        {
            session.Error(problem.ToString());
        }

        foreach (var policy in partial)
        {
            // Said, not hidden: a halt later in the horizon than the budget reached would go unnoticed.
            session.Error(
                $"note: the baseline check of policy '{policy.Policy}' simulated {Hours(policy.CheckedHours)} of {Hours(policy.HorizonHours)} h "
                + "within its event budget; a halt without disruption after that is not detected here (run the scenario to see it)");
        }

        inspect?.Invoke(load);
        if (!load.IsValid || load.Scenario is null)
        {
            // Every problem is already on stderr, one per line; nothing to add.
            throw new InvalidInputException(load.Problems.Count == 0 ? $"error: scenario '{path}' could not be loaded" : string.Empty);
        }

        return load.Scenario;
    }

    private static string Hours(double hours) => hours.ToString("#,0.##", CultureInfo.InvariantCulture);
}
