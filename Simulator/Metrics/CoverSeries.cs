using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>The lowest and highest value of several series at one sample time.</summary>
/// <param name="TimeHours">Hours since the scenario's start.</param>
/// <param name="Low">Smallest value of any series at that time.</param>
/// <param name="High">Largest value of any series at that time.</param>
public readonly record struct EnvelopePoint(double TimeHours, double Low, double High);

/// <summary>The cover series of one panel of a per-plant chart.</summary>
/// <param name="Plants">The plant, or the plants left over that share the last panel, in the order they ran short.</param>
/// <param name="Series">Their series, in the order given.</param>
public sealed record PlantSeries(IReadOnlyList<string> Plants, IReadOnlyList<string> Series)
{
    /// <summary>True for the panel that holds the plants beyond the others.</summary>
    public bool IsRest => Plants.Count > 1;
}

/// <summary>Rankings and summaries of line-side cover series (hours of cover per line and part) for the charts.</summary>
public static class CoverSeries
{
    /// <summary>
    /// The series ids ordered by how badly they ran short: lowest minimum first, then the earlier time that minimum
    /// was first reached, then id (ordinal). Series without samples come last.
    /// </summary>
    public static IReadOnlyList<string> ByLowestCover(IReadOnlyDictionary<string, IReadOnlyList<Sample>> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series
            .Select(s => (Id: s.Key, Lowest: Lowest(s.Value)))
            .OrderBy(s => s.Lowest.Value)
            .ThenBy(s => s.Lowest.TimeHours)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => s.Id)
            .ToList();
    }

    /// <summary>
    /// The series that halted a line, soonest halt first (ties by id, ordinal), from every (series, hour it halted its
    /// line) pair; a series that halted more than once counts its first halt. A line halts with a sliver of a job's
    /// cover left, so the time it halted says which part ran short first better than the lowest cover does.
    /// </summary>
    public static IReadOnlyList<string> BySoonestHalt(IEnumerable<(string Series, double HaltHours)> halts)
    {
        ArgumentNullException.ThrowIfNull(halts);
        return halts
            .GroupBy(h => h.Series, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, First: g.Min(h => h.HaltHours)))
            .OrderBy(s => s.First)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => s.Id)
            .ToList();
    }

    /// <summary>
    /// The <paramref name="ranked"/> series grouped by plant, the plant of the first series first: one group per plant
    /// when there are at most <paramref name="maxGroups"/> plants, otherwise the first <c>maxGroups - 1</c> and one
    /// group with every other plant. A series keeps its rank within its group; one whose line has no plant is left out.
    /// </summary>
    public static IReadOnlyList<PlantSeries> ByPlant(IReadOnlyList<string> ranked, Func<string, string?> plantOf, int maxGroups)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(plantOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroups, 2);
        var groups = new List<(string Plant, List<string> Series)>();
        foreach (var id in ranked)
        {
            if (plantOf(id) is not { } plant)
            {
                continue;
            }

            var index = groups.FindIndex(g => g.Plant == plant);
            if (index < 0)
            {
                groups.Add((plant, []));
                index = groups.Count - 1;
            }

            groups[index].Series.Add(id);
        }

        if (groups.Count <= maxGroups)
        {
            return groups.Select(g => new PlantSeries([g.Plant], g.Series)).ToList();
        }

        var kept = groups.Take(maxGroups - 1).Select(g => new PlantSeries([g.Plant], g.Series)).ToList();
        var others = groups.Skip(maxGroups - 1).ToList();
        var otherSeries = others.SelectMany(g => g.Series).ToHashSet(StringComparer.Ordinal);
        kept.Add(new PlantSeries(others.Select(g => g.Plant).ToList(), ranked.Where(otherSeries.Contains).ToList()));
        return kept;
    }

    /// <summary>At every time any of <paramref name="series"/> has a sample, the lowest and highest of their samples, in time order.</summary>
    public static IReadOnlyList<EnvelopePoint> Envelope(IEnumerable<IReadOnlyList<Sample>> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = new SortedDictionary<double, (double Low, double High)>();
        foreach (var sample in series.SelectMany(s => s))
        {
            points[sample.TimeHours] = points.TryGetValue(sample.TimeHours, out var p)
                ? (Math.Min(p.Low, sample.Value), Math.Max(p.High, sample.Value))
                : (sample.Value, sample.Value);
        }

        return points.Select(p => new EnvelopePoint(p.Key, p.Value.Low, p.Value.High)).ToList();
    }

    private static TimedValue Lowest(IReadOnlyList<Sample> samples)
    {
        var lowest = new TimedValue(double.PositiveInfinity, double.PositiveInfinity);
        foreach (var sample in samples)
        {
            if (sample.Value < lowest.Value || (sample.Value == lowest.Value && sample.TimeHours < lowest.TimeHours))
            {
                lowest = new TimedValue(sample.TimeHours, sample.Value);
            }
        }

        return lowest;
    }
}
