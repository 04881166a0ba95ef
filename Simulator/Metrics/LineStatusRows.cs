using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>The lines a status chart draws on their own, and the others it shows together in one row.</summary>
/// <param name="Shown">Lines with a row each, in scenario order.</param>
/// <param name="Others">Lines left to the shared row, in scenario order; empty when every line has its own.</param>
public sealed record LineSelection(IReadOnlyList<LineMetrics> Shown, IReadOnlyList<LineMetrics> Others);

/// <summary>Which lines of a run get a row of their own in a status chart, and the state of the others together.</summary>
public static class LineStatusRows
{
    /// <summary>
    /// Every line when there are at most <paramref name="maxRows"/>; otherwise the <c>maxRows - 1</c> lines that stood
    /// still longest (downtime, then the earlier first halt, then scenario order), and the others.
    /// </summary>
    public static LineSelection Select(IReadOnlyList<LineMetrics> lines, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 2);
        if (lines.Count <= maxRows)
        {
            return new LineSelection(lines, []);
        }

        var kept = lines
            .Select((line, order) => (Line: line, Order: order))
            .OrderByDescending(l => l.Line.DowntimeHours)
            .ThenBy(l => l.Line.TimeToHaltHours ?? double.PositiveInfinity)
            .ThenBy(l => l.Order)
            .Take(maxRows - 1)
            .Select(l => l.Order)
            .ToHashSet();
        return new LineSelection(
            lines.Where((_, i) => kept.Contains(i)).ToList(),
            lines.Where((_, i) => !kept.Contains(i)).ToList());
    }

    /// <summary>
    /// At every sample time of the <paramref name="states"/> series (<see cref="LineStateCode"/> values), the worst
    /// state of any of them: halted over reduced over running over closed. In time order.
    /// </summary>
    public static IReadOnlyList<TimedValue> Worst(IEnumerable<IReadOnlyList<Sample>> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var worst = new SortedDictionary<double, double>();
        foreach (var sample in states.SelectMany(s => s))
        {
            worst[sample.TimeHours] = worst.TryGetValue(sample.TimeHours, out var state) ? Math.Max(state, sample.Value) : sample.Value;
        }

        return worst.Select(w => new TimedValue(w.Key, w.Value)).ToList();
    }
}
