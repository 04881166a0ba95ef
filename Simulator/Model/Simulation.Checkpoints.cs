namespace Simulator.Model;

public static partial class Simulation
{
    /// <summary>
    /// Runs the undisrupted baseline of <paramref name="seed"/> to the horizon and keeps its state digest every
    /// <paramref name="everyHours"/> hours, so that disrupted runs of the same seed can stop once they rejoin it
    /// (see RunUntilRejoined); <paramref name="keepValues"/> keeps the digests' values too, so that a match is checked
    /// value by value and not only by its hashes.
    /// </summary>
    internal static BaselineCheckpoints RunBaseline(Network network, ulong seed, RunOptions options, double everyHours, bool keepValues = false)
    {
        var checkpoints = new BaselineCheckpoints(everyHours, keepValues);
        RunCore(network, seed, options with { WithDisruptions = false }, withBalance: false, checkpoints);
        return checkpoints;
    }

    /// <summary>
    /// Runs <paramref name="network"/> with <paramref name="seed"/> and stops at the first checkpoint from
    /// <paramref name="fromHours"/> on at which its state equals <paramref name="baseline"/>'s (a run of the same network
    /// and seed without disruptions); the trace then joins what it reported there with the baseline's remainder
    /// (see <see cref="RejoinCheckpoints.Stopped"/>). Lines' outcomes are those of the full run.
    /// </summary>
    internal static (RunTrace Trace, double? StoppedAtHours) RunUntilRejoined(
        Network network, ulong seed, RunOptions options, BaselineCheckpoints baseline, double fromHours) =>
        Rejoin(network, seed, options, new RejoinCheckpoints(baseline, fromHours, explain: false));

    /// <summary>As above; <paramref name="differences"/> says what differed first at each checkpoint that did not match.</summary>
    internal static (RunTrace Trace, double? StoppedAtHours) RunUntilRejoined(
        Network network, ulong seed, RunOptions options, BaselineCheckpoints baseline, double fromHours, out IReadOnlyList<(double Hours, string? Difference)> differences)
    {
        var checkpoints = new RejoinCheckpoints(baseline, fromHours, explain: true);
        differences = checkpoints.Differences;
        return Rejoin(network, seed, options, checkpoints);
    }

    /// <summary>
    /// The stocks of the undisrupted run of <paramref name="seed"/> at <paramref name="hours"/> (after every event before
    /// it), where an outage starting then would find them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is not inside (0, horizon).</exception>
    internal static StockSnapshot StocksAt(Network network, ulong seed, double hours)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(hours, network.HorizonHours);
        var capture = new StockCapture(hours);
        RunCore(network, seed, new RunOptions(RecordPartSeries: false, WithDisruptions: false), withBalance: false, capture);
        return capture.Snapshot ?? throw new InvalidOperationException($"the run did not reach hour {hours}");
    }

    /// <summary>Runs to the horizon, showing <paramref name="observer"/> the runtime at each of its checkpoints (which must not end the run).</summary>
    internal static RunTrace RunObserved(Network network, ulong seed, RunOptions options, Checkpointing observer) =>
        RunCore(network, seed, options, withBalance: false, observer).Trace;

    private static (RunTrace Trace, double? StoppedAtHours) Rejoin(Network network, ulong seed, RunOptions options, RejoinCheckpoints checkpoints)
    {
        var (trace, _) = RunCore(network, seed, options, withBalance: false, checkpoints);
        return (trace, checkpoints.StoppedAtHours);
    }
}
