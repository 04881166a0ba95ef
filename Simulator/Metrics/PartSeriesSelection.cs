using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>
/// Which part stocks a run's time series keeps by default: at every line the parts that halted it and the
/// <see cref="LowestPerLine"/> parts whose cover ran lowest, and at suppliers the finished goods of those parts and of
/// every part in a halt's cause chain. A large network samples thousands of stocks; these are the ones a planner reads.
/// </summary>
public static class PartSeriesSelection
{
    /// <summary>Parts per line kept for having run lowest (lowest minimum hours of cover, then part id).</summary>
    public const int LowestPerLine = 5;

    /// <summary>The stocks of <paramref name="run"/> to keep; empty when it recorded no part series.</summary>
    public static IReadOnlySet<StockSeriesKey> Of(RunTrace run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var kept = new HashSet<StockSeriesKey>();
        if (run.Parts is not { } parts)
        {
            return kept;
        }

        var inChains = new HashSet<string>(StringComparer.Ordinal);
        foreach (var halt in run.Events.Where(e => e.Kind == EventKinds.Halt))
        {
            var cause = halt.Cause ?? CauseChain.None;
            if (cause.StarvedPart is { } starved)
            {
                kept.Add(new StockSeriesKey(StockHolder.Line, halt.Entity, starved));
            }

            foreach (var link in cause.Links.Where(l => l.Kind == CauseLinkKind.Part))
            {
                inChains.Add(link.Id);
            }
        }

        var lowest = Enumerable.Range(0, parts.LineStocks)
            .Select(k => (Key: parts.Keys[k], MinCover: Enumerable.Range(0, parts.TimesHours.Count).Min(t => parts.CoverHours(k, t))))
            .GroupBy(x => x.Key.HolderId, StringComparer.Ordinal)
            .SelectMany(line => line.OrderBy(x => x.MinCover).ThenBy(x => x.Key.PartId, StringComparer.Ordinal).Take(LowestPerLine));
        foreach (var (key, _) in lowest)
        {
            kept.Add(key);
        }

        var lineParts = kept.Select(k => k.PartId).ToHashSet(StringComparer.Ordinal);
        foreach (var key in parts.Keys.Skip(parts.LineStocks))
        {
            if (lineParts.Contains(key.PartId) || inChains.Contains(key.PartId))
            {
                kept.Add(key);
            }
        }

        return kept;
    }
}
