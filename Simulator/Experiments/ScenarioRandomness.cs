using Simulator.Model.Specs;

namespace Simulator.Experiments;

/// <summary>
/// Whether a scenario draws any random number. Randomness enters a run only through a disruption's duration and a
/// lane's transit time; when every one of them is fixed, replication r and replication r' run the same events in the
/// same order whatever their seeds, so more than one replication only repeats the first.
/// </summary>
public static class ScenarioRandomness
{
    /// <summary>What in <paramref name="scenario"/> draws random numbers, as <c>disruption:ID</c> and <c>lane:ID</c>, in scenario order; empty when nothing does.</summary>
    public static IReadOnlyList<string> SourcesOf(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var sources = new List<string>();
        sources.AddRange(scenario.Disruptions.Where(d => !d.Duration.IsDeterministic).Select(d => $"disruption:{d.Id}"));
        sources.AddRange(scenario.Lanes.Where(l => !l.TransitHours.IsDeterministic).Select(l => $"lane:{l.Id}"));
        return sources;
    }

    /// <summary>True when <paramref name="scenario"/> draws no random number: every replication gives the same results.</summary>
    public static bool IsDeterministic(ScenarioSpec scenario) => SourcesOf(scenario).Count == 0;
}
