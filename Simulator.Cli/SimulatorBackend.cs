using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Output;
using Simulator.Scenarios;

namespace Simulator.Cli;

/// <summary>The two library calls the commands make, behind a seam so command tests need no real simulation.</summary>
internal interface ISimulatorBackend
{
    /// <summary>Loads and validates a scenario file.</summary>
    LoadResult Load(string path);

    /// <summary>Adds the warnings that need a simulation (a network that starves without any disruption), within an event budget.</summary>
    BaselineCheckResult CheckBaseline(LoadResult load, CancellationToken cancellationToken);

    /// <summary>What the experiment will cost, from a short pilot.</summary>
    WorkEstimate Estimate(ScenarioSpec scenario, ExperimentOptions options, CancellationToken cancellationToken);

    /// <summary>Runs the experiment.</summary>
    ExperimentResult Run(ScenarioSpec scenario, ExperimentOptions options, IProgress<int>? completedReplications, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the experiment, handing each replication to <paramref name="sink"/> in order as it completes. By default
    /// it runs <see cref="Run"/> and then replays its replications, which suits canned results in tests.
    /// </summary>
    ExperimentResult Stream(
        ScenarioSpec scenario, ExperimentOptions options, IReplicationSink sink, IProgress<int>? completedReplications, CancellationToken cancellationToken)
    {
        var result = Run(scenario, options, completedReplications, cancellationToken);
        foreach (var replication in result.Replications.OrderBy(r => r.Replication))
        {
            cancellationToken.ThrowIfCancellationRequested();
            sink.Accept(replication);
        }

        return result;
    }
}

/// <summary>The real library: <see cref="ScenarioLoader"/> and <see cref="Experiment"/>.</summary>
internal sealed class LibraryBackend : ISimulatorBackend
{
    /// <inheritdoc/>
    public LoadResult Load(string path) => ScenarioLoader.Load(path);

    /// <inheritdoc/>
    public BaselineCheckResult CheckBaseline(LoadResult load, CancellationToken cancellationToken) =>
        BaselineCheck.Apply(load, HaltCause.Format, BaselineCheck.DefaultEventBudget, cancellationToken);

    /// <inheritdoc/>
    public WorkEstimate Estimate(ScenarioSpec scenario, ExperimentOptions options, CancellationToken cancellationToken) =>
        WorkEstimate.Of(scenario, options, cancellationToken);

    /// <inheritdoc/>
    public ExperimentResult Run(ScenarioSpec scenario, ExperimentOptions options, IProgress<int>? completedReplications, CancellationToken cancellationToken) =>
        Experiment.Run(scenario, options, completedReplications, cancellationToken);

    /// <inheritdoc/>
    public ExperimentResult Stream(
        ScenarioSpec scenario, ExperimentOptions options, IReplicationSink sink, IProgress<int>? completedReplications, CancellationToken cancellationToken) =>
        Experiment.Stream(scenario, options, sink, completedReplications, cancellationToken);
}
