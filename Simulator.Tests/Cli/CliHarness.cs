using Simulator.Cli;
using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Scenarios;
using Simulator.Tests.Output;

namespace Simulator.Tests.Cli;

/// <summary>Runs the command line in-process against a fake backend and captures stdout, stderr and the exit code.</summary>
internal sealed class CliHarness
{
    public FakeBackend Backend { get; } = new();

    public (int Code, string Stdout, string Stderr) Run(params string[] args) => Run(CancellationToken.None, args);

    public (int Code, string Stdout, string Stderr) Run(CancellationToken cancellationToken, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var session = new CliSession(stdout, stderr, outputIsTerminal: false, showProgress: false);
        var code = CliApp.Run(args, session, Backend, cancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A loader and experiment that return canned results, or fail as told.</summary>
internal sealed class FakeBackend : ISimulatorBackend
{
    public LoadResult LoadResult { get; set; } = new(SyntheticResults.Scenario(), []);

    public Func<ExperimentOptions, CancellationToken, ExperimentResult> Experiment { get; set; } =
        (options, _) => SyntheticResults.Experiment(options.Policies.Count > 0 ? options.Policies : ["as-written"], options.Replications);

    public List<ExperimentOptions> Runs { get; } = [];

    public LoadResult Load(string path) => LoadResult;

    /// <summary>The estimate <see cref="Estimate"/> returns: small unless a test says otherwise.</summary>
    public WorkEstimate WorkEstimate { get; set; } = new(Events: 1000, PeakMemoryBytes: 1e6, Seconds: 0.1, Cores: 1);

    public BaselineCheckResult CheckBaseline(LoadResult load, CancellationToken cancellationToken) => new(load, []);

    public WorkEstimate Estimate(ScenarioSpec scenario, ExperimentOptions options, CancellationToken cancellationToken) => WorkEstimate;

    public ExperimentResult Run(ScenarioSpec scenario, ExperimentOptions options, IProgress<int>? completedReplications, CancellationToken cancellationToken)
    {
        Runs.Add(options);
        completedReplications?.Report(1);
        return Experiment(options, cancellationToken);
    }
}
