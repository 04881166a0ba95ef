using System.Diagnostics;
using Simulator.Model;

namespace Simulator.Experiments;

/// <summary>
/// A single run that stops after a number of kernel events, whatever the scenario: what <c>validate</c> and the work
/// estimate simulate, so that neither can hang on a file that asks for too much.
/// </summary>
internal static class BudgetedRun
{
    /// <summary>How a budgeted run ended.</summary>
    /// <param name="Trace">The trace, or null when the budget was reached before the horizon.</param>
    /// <param name="Events">Kernel events processed.</param>
    /// <param name="ReachedHours">Simulated hours reached: the horizon when complete.</param>
    /// <param name="WallSeconds">Seconds it took.</param>
    /// <param name="SetupSeconds">Seconds until its first event: building the run's runtime.</param>
    public sealed record Outcome(RunTrace? Trace, long Events, double ReachedHours, double WallSeconds, double SetupSeconds);

    /// <summary>Runs <paramref name="network"/> without disruptions until its horizon or until <paramref name="maxEvents"/> events.</summary>
    public static Outcome Baseline(Network network, long maxEvents, CancellationToken cancellationToken)
    {
        long events = 0;
        double reached = 0;
        double setup = 0;
        var clock = Stopwatch.StartNew();
        void Count(Engine.Event e)
        {
            reached = e.Environment.Now;
            if (events == 0)
            {
                setup = clock.Elapsed.TotalSeconds;
            }

            if (++events > maxEvents || (events & 0xFFFF) == 0 && cancellationToken.IsCancellationRequested)
            {
                throw new Stopped();
            }
        }

        try
        {
            var trace = Simulation.Run(network, seed: 1, new RunOptions(RecordPartSeries: false, WithDisruptions: false, Trace: Count));
            return new Outcome(trace, trace.ProcessedEvents, network.HorizonHours, clock.Elapsed.TotalSeconds, setup);
        }
        catch (Stopped)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new Outcome(null, events - 1, reached, clock.Elapsed.TotalSeconds, setup);
        }
    }

    /// <summary>
    /// The baseline over as much of the horizon as <paramref name="maxEvents"/> allows, with a trace whenever any stretch
    /// fits: the whole horizon first (building a large network costs more than most runs), and when the budget runs out
    /// at some hour, shorter and shorter prefixes of what it reached.
    /// </summary>
    public static Outcome LongestBaseline(Model.Specs.ScenarioSpec scenario, string? policy, long maxEvents, CancellationToken cancellationToken)
    {
        var whole = Baseline(Network.Build(scenario, policy), maxEvents, cancellationToken);
        if (whole.Trace is not null)
        {
            return whole;
        }

        // Events are spread over the hours reached, so 90 % of them nearly always fits; a burst late in that stretch
        // (a backlog released at once) may need a shorter one.
        foreach (var fraction in new[] { 0.9, 0.5, 0.1 })
        {
            var hours = whole.ReachedHours * fraction;
            if (!(hours > 0))
            {
                break;
            }

            var prefix = Baseline(Network.Build(scenario, policy, hours), maxEvents, cancellationToken);
            if (prefix.Trace is not null)
            {
                return prefix;
            }
        }

        return whole;
    }

    /// <summary>Longest stretch a pilot simulates.</summary>
    public const double PilotHours = 48;

    /// <summary>Thrown from the trace hook to stop the kernel; never leaves this class.</summary>
    private sealed class Stopped : Exception
    {
    }
}
