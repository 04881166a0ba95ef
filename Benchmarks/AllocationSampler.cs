using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Benchmarks;

/// <summary>
/// The runtime's allocation samples (one event about every 100 KB allocated, naming the type that crossed the mark),
/// summed by type: where a run's allocations come from, without a profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (data.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || data.Payload is null || data.PayloadNames is null)
        {
            return;
        }

        var type = data.Payload[data.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(data.Payload[data.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, had) => had + amount);
    }

    /// <summary>The types that drew the most samples, with their share.</summary>
    public string Report(int top)
    {
        var total = Math.Max(1, _bytes.Values.Sum());
        return string.Join("\n", _bytes.OrderByDescending(b => b.Value).Take(top).Select(b => $"{100.0 * b.Value / total,5:F1} %  {b.Key}"));
    }
}
