// PLACEHOLDER, branch `output` only: the experiment runner's public surface, so that the CLI compiles before the
// runtime branch is merged. DELETE THIS FILE AT MERGE; the real Experiment and ExperimentOptions replace it.
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>What to run (placeholder until the runtime branch is merged).</summary>
/// <param name="Policies">Policies to run, in order; empty runs the scenario's first policy.</param>
/// <param name="Replications">Replications per policy.</param>
/// <param name="Seed">Root seed.</param>
/// <param name="HorizonHours">Overrides the scenario's horizon when set.</param>
/// <param name="Parallelism">Replications run at once; null uses every core.</param>
public sealed record ExperimentOptions(IReadOnlyList<string> Policies, int Replications = 1, ulong Seed = 1, double? HorizonHours = null, int? Parallelism = null);

/// <summary>Runs replications of a scenario (placeholder until the runtime branch is merged: not implemented here).</summary>
public static class Experiment
{
    /// <summary>Not implemented in this branch.</summary>
    public static ExperimentResult Run(
        ScenarioSpec scenario, ExperimentOptions options, IProgress<int>? completedReplications = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("placeholder: merge the runtime branch");
}
