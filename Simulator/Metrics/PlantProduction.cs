using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>A value of a time series at one sample time.</summary>
/// <param name="TimeHours">Hours since the scenario's start.</param>
/// <param name="Value">The value, in the series' unit.</param>
public readonly record struct TimedValue(double TimeHours, double Value);

/// <summary>One plant of a per-plant chart, or the plants left out summed into one.</summary>
/// <param name="Plants">The plant, or every plant summed into the rest, largest loss first.</param>
/// <param name="LostUnits">Lost units of their lines together.</param>
public sealed record PlantGroup(IReadOnlyList<string> Plants, double LostUnits)
{
    /// <summary>True for the group that sums the plants beyond the top ones.</summary>
    public bool IsRest => Plants.Count > 1;
}

/// <summary>Per-plant production of one run: which plants a chart draws on their own and their cumulative output.</summary>
public static class PlantProduction
{
    /// <summary>
    /// Every plant on its own, largest loss first (<see cref="PlantLosses.Of"/>), when there are at most
    /// <paramref name="maxGroups"/>; otherwise the <c>maxGroups - 1</c> plants that lost most and one group summing the rest.
    /// </summary>
    public static IReadOnlyList<PlantGroup> Groups(IEnumerable<LineMetrics> lines, int maxGroups)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroups, 2);
        var losses = PlantLosses.Of(lines);
        if (losses.Count <= maxGroups)
        {
            return losses.Select(p => new PlantGroup([p.Plant], p.LostUnits)).ToList();
        }

        var groups = losses.Take(maxGroups - 1).Select(p => new PlantGroup([p.Plant], p.LostUnits)).ToList();
        var rest = losses.Skip(maxGroups - 1).ToList();
        groups.Add(new PlantGroup(rest.Select(p => p.Plant).ToList(), rest.Sum(p => p.LostUnits)));
        return groups;
    }

    /// <summary>
    /// The sum over the lines of <paramref name="plants"/> of the <paramref name="metric"/> samples at each sample time,
    /// in time order (the sampler records every line at the same instants); empty when none of their lines has one.
    /// </summary>
    public static IReadOnlyList<TimedValue> Total(
        IEnumerable<Sample> samples, string metric, IReadOnlyDictionary<string, string> plantOfLine, IReadOnlyCollection<string> plants)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(plantOfLine);
        ArgumentNullException.ThrowIfNull(plants);
        var wanted = plants.ToHashSet(StringComparer.Ordinal);
        var totals = new SortedDictionary<double, double>();
        foreach (var sample in samples)
        {
            if (sample.Metric == metric && plantOfLine.TryGetValue(sample.Entity, out var owner) && wanted.Contains(owner))
            {
                totals[sample.TimeHours] = totals.GetValueOrDefault(sample.TimeHours) + sample.Value;
            }
        }

        return totals.Select(t => new TimedValue(t.Key, t.Value)).ToList();
    }
}
