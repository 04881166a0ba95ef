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
    public sealed record Outcome(RunTrace? Trace, long Events, double ReachedHours, double WallSeconds);

    /// <summary>Runs <paramref name="network"/> without disruptions until its horizon or until <paramref name="maxEvents"/> events.</summary>
    public static Outcome Baseline(Network network, long maxEvents, CancellationToken cancellationToken)
    {
        long events = 0;
        double reached = 0;
        var clock = Stopwatch.StartNew();
        void Count(Engine.Event e)
        {
            reached = e.Environment.Now;
            if (++events > maxEvents || (events & 0xFFFF) == 0 && cancellationToken.IsCancellationRequested)
            {
                throw new Stopped();
            }
        }

        try
        {
            var trace = Simulation.Run(network, seed: 1, new RunOptions(RecordPartSeries: false, WithDisruptions: false, Trace: Count));
            return new Outcome(trace, trace.ProcessedEvents, network.HorizonHours, clock.Elapsed.TotalSeconds);
        }
        catch (Stopped)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new Outcome(null, events - 1, reached, clock.Elapsed.TotalSeconds);
        }
    }

    /// <summary>
    /// The baseline over as much of the horizon as <paramref name="maxEvents"/> allows: the whole horizon when it fits,
    /// else the longest prefix found by a pilot, always with a trace.
    /// </summary>
    public static (Outcome Run, Outcome Pilot) LongestBaseline(Model.Specs.ScenarioSpec scenario, string? policy, long maxEvents, CancellationToken cancellationToken)
    {
        var full = Network.Build(scenario, policy);
        var pilot = Baseline(full, maxEvents, cancellationToken);
        if (pilot.Trace is not null)
        {
            return (pilot, pilot);
        }

        // The pilot ran out of budget at ReachedHours; half of that fits in about half the budget.
        var hours = Math.Max(pilot.ReachedHours / 2, 0);
        if (!(hours > 0))
        {
            return (pilot, pilot);
        }

        var prefix = Baseline(Network.Build(scenario, policy, hours), maxEvents, cancellationToken);
        return (prefix, pilot);
    }

    /// <summary>Thrown from the trace hook to stop the kernel; never leaves this class.</summary>
    private sealed class Stopped : Exception
    {
    }
}
