using System.Globalization;
using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>
/// What an experiment will cost before it runs: kernel events, peak memory of the sampled series and wall time,
/// extrapolated from a short pilot of each policy's baseline (at most <see cref="PilotHours"/> simulated hours and
/// <see cref="PilotEventBudget"/> events), so a scenario that would run for days is refused in a second.
/// </summary>
/// <param name="Events">Kernel events over every run (disrupted and baseline) of every policy.</param>
/// <param name="PeakMemoryBytes">Memory the traces held at once take, roughly.</param>
/// <param name="Seconds">Wall time at the pilot's speed on <see cref="Cores"/> cores, roughly.</param>
/// <param name="Cores">Runs at once.</param>
public sealed record WorkEstimate(double Events, double PeakMemoryBytes, double Seconds, int Cores)
{
    /// <summary>Default cap on <see cref="Events"/>: about ten minutes on two cores.</summary>
    public const double DefaultMaxEvents = 2e9;

    /// <summary>Longest simulated stretch of a pilot.</summary>
    public const double PilotHours = BudgetedRun.PilotHours;

    /// <summary>Most events a pilot may process.</summary>
    public const long PilotEventBudget = 500_000;

    // Bytes of process memory per baseline sample of a run: measured on the quickstart network over 100,000 h (1.35 GB
    // peak for 3 million samples), so it covers the part series, events and list growth that come with each sample.
    private const double BytesPerSample = 400;

    // Below this a pilot is too short to time; the rate is a typical one of this kernel instead.
    private const long TimedPilotEvents = 50_000;
    private const double TypicalEventsPerSecond = 1.5e6;

    // Work estimated by the first pilot at more than this many seconds is timed again on warm code.
    private const double WarmPilotAboveSeconds = 120;

    /// <summary>The estimate for <paramref name="options"/> on <paramref name="scenario"/>.</summary>
    /// <exception cref="InvalidOptionsException">An unknown policy.</exception>
    public static WorkEstimate Of(ScenarioSpec scenario, ExperimentOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var policies = Experiment.PoliciesOf(scenario, options);
        var cores = Math.Max(1, Math.Min(options.Parallelism ?? Environment.ProcessorCount, options.ReplicationCap * policies.Count));
        var horizon = options.HorizonHours ?? scenario.HorizonHours;

        // Each replication is a disrupted run and its baseline.
        return Sum(scenario, policies.Select(p => ((string?)p, 2.0 * options.ReplicationCap)), horizon, cores, keptTraces: policies.Count, cancellationToken);
    }

    /// <summary>The estimate for a stress test of <paramref name="scenario"/>.</summary>
    /// <exception cref="InvalidOptionsException">An unknown policy.</exception>
    public static WorkEstimate OfStress(ScenarioSpec scenario, StressTestOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        return OfStress(scenario, options, StressTest.RunCount(scenario, options), cancellationToken);
    }

    /// <summary>
    /// The estimate for <paramref name="runs"/> runs of a stress test of <paramref name="scenario"/>, such as the share
    /// of one shard (its outage runs and the baselines of their replications); linear in the runs.
    /// </summary>
    /// <exception cref="InvalidOptionsException">An unknown policy.</exception>
    public static WorkEstimate OfStress(ScenarioSpec scenario, StressTestOptions options, int runs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        var cores = Math.Max(1, Math.Min(options.Parallelism ?? Environment.ProcessorCount, runs));
        return Sum(scenario, [(options.Policy, (double)runs)], scenario.HorizonHours, cores, keptTraces: options.Replications, cancellationToken);
    }

    /// <summary>
    /// Throws <see cref="InvalidOptionsException"/> naming <paramref name="setting"/> when the estimate is past
    /// <paramref name="maxEvents"/>.
    /// </summary>
    public void ThrowIfOver(double maxEvents, string setting)
    {
        if (Events > maxEvents)
        {
            throw new InvalidOptionsException(
                $"this would process about {Number(Events)} events ({Describe()}), past the limit of {Number(maxEvents)} events; "
                + $"shorten the horizon, use fewer replications or policies, or raise the limit on purpose with {setting} {Number(Math.Ceiling(Events * 1.1))}");
        }
    }

    /// <summary>The estimate for people: "about 4.5e5 events, 20 MB, 1 s on 2 cores".</summary>
    public string Describe() =>
        $"about {Number(Events)} events, {Megabytes(PeakMemoryBytes)} of series, {Duration(Seconds)} on {Cores.ToString(CultureInfo.InvariantCulture)} core{(Cores == 1 ? string.Empty : "s")}";

    private static WorkEstimate Sum(
        ScenarioSpec scenario, IEnumerable<(string? Policy, double Runs)> work, double horizonHours, int cores, int keptTraces, CancellationToken cancellationToken)
    {
        double events = 0;
        double seconds = 0;
        double largestRunSamples = 0;
        foreach (var (policy, runs) in work)
        {
            Experiment.CheckPolicy(scenario, policy);
            var pilotHours = Math.Min(horizonHours, PilotHours);
            var pilot = BudgetedRun.Baseline(Model.Network.Build(scenario, policy, pilotHours), PilotEventBudget, cancellationToken);
            var reached = Math.Max(pilot.ReachedHours, 1e-9);
            var perRun = pilot.Events / reached * horizonHours;
            var (setupSeconds, rate) = pilot.Events >= TimedPilotEvents ? Speed(pilot) : (0, TypicalEventsPerSecond);
            if (pilot.Events >= TimedPilotEvents && pilot.Events < PilotEventBudget && pilotHours < horizonHours
                && (setupSeconds + (perRun / rate)) * runs > WarmPilotAboveSeconds)
            {
                // The first pilot ran on code compiled in a hurry, several times slower than the runs that follow: long
                // work on a busy network gets a second pilot over the whole horizon on warm code, cut at the event
                // budget, whose speed and events per hour are what its runs will see (it costs about a second).
                var warm = BudgetedRun.Baseline(Model.Network.Build(scenario, policy, horizonHours), PilotEventBudget, cancellationToken);
                (setupSeconds, rate) = Speed(warm);
                perRun = warm.Events / Math.Max(warm.ReachedHours, 1e-9) * horizonHours;
            }

            events += perRun * runs;
            seconds += (setupSeconds + (perRun / rate)) * runs;
            if (pilot.Trace is { } trace)
            {
                largestRunSamples = Math.Max(largestRunSamples, trace.Samples.Count / reached * horizonHours);
            }
            else
            {
                // The pilot did not finish: at least one sample per event is a fair floor for a run this busy.
                largestRunSamples = Math.Max(largestRunSamples, perRun);
            }
        }

        var heldAtOnce = (2.0 * cores) + keptTraces;
        return new WorkEstimate(events, largestRunSamples * BytesPerSample * heldAtOnce, seconds / cores, cores);
    }

    /// <summary>A pilot's time to build its run and its events per second after that (the building is paid once per run, not per event).</summary>
    private static (double SetupSeconds, double EventsPerSecond) Speed(BudgetedRun.Outcome pilot)
    {
        var eventSeconds = pilot.WallSeconds - pilot.SetupSeconds;
        return eventSeconds > 0 && pilot.Events > 0 ? (pilot.SetupSeconds, pilot.Events / eventSeconds) : (0, TypicalEventsPerSecond);
    }

    private static string Number(double value) =>
        value < 1e6 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.#e+0", CultureInfo.InvariantCulture);

    private static string Megabytes(double bytes) => bytes < 1e9
        ? Math.Max(1, Math.Ceiling(bytes / 1e6)).ToString("#,0", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1e9).ToString("#,0.#", CultureInfo.InvariantCulture) + " GB";

    private static string Duration(double seconds) => seconds switch
    {
        < 1 => "under a second",
        < 120 => seconds.ToString("0", CultureInfo.InvariantCulture) + " s",
        < 7200 => (seconds / 60).ToString("0", CultureInfo.InvariantCulture) + " min",
        < 172_800 => (seconds / 3600).ToString("0.#", CultureInfo.InvariantCulture) + " h",
        _ => (seconds / 86400).ToString("#,0", CultureInfo.InvariantCulture) + " days",
    };
}
