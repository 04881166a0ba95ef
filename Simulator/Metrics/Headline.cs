using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>One line's answer at a glance under one policy: how often and how soon it halted, what it lost.</summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Plant">Plant id.</param>
/// <param name="Line">Line id.</param>
/// <param name="Runs">Replications.</param>
/// <param name="HaltedRuns">Replications in which the line halted.</param>
/// <param name="MeanTimeToHaltHours">Mean time-to-halt over the runs that halted; null when none did.</param>
/// <param name="MeanLostUnits">Mean lost units over all runs.</param>
/// <param name="MostFrequentCause">The most frequent halt cause over the runs (<see cref="DisruptionStatistics.MostFrequent"/>); null when the line never halted.</param>
public sealed record LineHeadline(string Policy, string Plant, string Line, int Runs, int HaltedRuns, double? MeanTimeToHaltHours, double MeanLostUnits, CauseCount? MostFrequentCause = null);

/// <summary>A root cause behind halts: the last link of the cause chains (an IT system, a supplier or a node).</summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Cause">The root link without its qualifier (<see cref="CauseLink.WithoutQualifier"/>), for example the IT system <c>OEM-EDI</c>.</param>
/// <param name="Id">The id in it, for example <c>OEM-EDI</c>.</param>
/// <param name="LinesHalted">Lines it halted in at least one run.</param>
/// <param name="MeanLostUnits">Mean over runs of the lost units of the lines it halted.</param>
public sealed record RiskHeadline(string Policy, CauseLink Cause, string Id, int LinesHalted, double MeanLostUnits);

/// <summary>The headline of one policy: lost units of all lines, which line halts first, the top risks.</summary>
/// <param name="Policy">Policy id.</param>
/// <param name="Replications">Replications.</param>
/// <param name="MeanLostUnits">Mean lost units of all lines together.</param>
/// <param name="Lines">Every line, in scenario order.</param>
/// <param name="FirstToHalt">The line with the shortest mean time-to-halt, or null when none halted.</param>
/// <param name="TopRisks">Root causes by lost units, largest first.</param>
public sealed record PolicyHeadline(
    string Policy,
    int Replications,
    double MeanLostUnits,
    IReadOnlyList<LineHeadline> Lines,
    LineHeadline? FirstToHalt,
    IReadOnlyList<RiskHeadline> TopRisks)
{
    /// <summary>Lines that halted in at least one run.</summary>
    public int LinesHalting => Lines.Count(l => l.HaltedRuns > 0);
}

/// <summary>What a planner reads first, computed from the per-line metrics.</summary>
public static class Headline
{
    /// <summary>One headline per policy, in the order policies first appear; at most <paramref name="topRisks"/> risks each.</summary>
    public static IReadOnlyList<PolicyHeadline> Compute(IEnumerable<LineMetrics> lines, int topRisks = 5)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var result = new List<PolicyHeadline>();
        foreach (var policy in lines.GroupBy(l => l.Policy, StringComparer.Ordinal))
        {
            var runs = policy.Select(l => l.Replication).Distinct().Count();
            var perLine = policy
                .GroupBy(l => (l.Plant, l.Line))
                .Select(g =>
                {
                    var halts = g.Where(l => l.TimeToHaltHours is not null).Select(l => l.TimeToHaltHours!.Value).ToList();
                    return new LineHeadline(policy.Key, g.Key.Plant, g.Key.Line, g.Count(), halts.Count, halts.Count > 0 ? halts.Average() : null, g.Average(l => l.LostUnits),
                        DisruptionStatistics.MostFrequent(g.Select(l => l.HaltCause), g.Count()));
                })
                .ToList();
            var risks = policy
                .Where(l => !l.HaltCause.IsEmpty)
                .GroupBy(l => Root(l.HaltCause))
                .Select(g => new RiskHeadline(policy.Key, g.Key, g.Key.Id, g.Select(l => (l.Plant, l.Line)).Distinct().Count(), g.Sum(l => l.LostUnits) / runs))
                .OrderByDescending(r => r.MeanLostUnits)
                .ThenBy(r => r.Cause)
                .Take(topRisks)
                .ToList();
            var first = perLine.Where(l => l.MeanTimeToHaltHours is not null).OrderBy(l => l.MeanTimeToHaltHours).FirstOrDefault();
            result.Add(new PolicyHeadline(policy.Key, runs, perLine.Sum(l => l.MeanLostUnits), perLine, first, risks));
        }

        return result;
    }

    /// <summary>The last link of a non-empty cause chain without its qualifier: the IT system, not which of its functions.</summary>
    public static CauseLink Root(CauseChain cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return (cause.Root ?? throw new ArgumentException("the chain is empty", nameof(cause))).WithoutQualifier();
    }
}

/// <summary>Lost units per plant in one run, largest first.</summary>
public static class PlantLosses
{
    /// <summary>(plant, lost units of its lines) for every plant, largest loss first, ties in order of appearance.</summary>
    public static IReadOnlyList<(string Plant, double LostUnits)> Of(IEnumerable<LineMetrics> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines
            .GroupBy(l => l.Plant, StringComparer.Ordinal)
            .Select((g, i) => (Plant: g.Key, Lost: g.Sum(l => l.LostUnits), Order: i))
            .OrderByDescending(p => p.Lost)
            .ThenBy(p => p.Order)
            .Select(p => (p.Plant, p.Lost))
            .ToList();
    }
}
