using BenchmarkDotNet.Attributes;
using Simulator.Engine;

namespace Benchmarks;

/// <summary>The kernel's own event heap alone, popping one entry and pushing one later, to split heap cost from process cost.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class EventQueueBaseline
{
    internal const int OperationsPerInvoke = 500_000;

    private const int Operations = OperationsPerInvoke;

    private EventQueue _queue = null!;
    private RandomStream _random = null!;

    [Params(100, 1_000, 10_000, 100_000)]
    public int Pending { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var env = new SimEnvironment();
        _random = RandomStreams.Create(1, "baseline");
        _queue = new EventQueue();
        for (var i = 0; i < Pending; i++)
        {
            _queue.Push(_random.NextDouble() * 2.0 * Pending, EventPriority.Normal, env.Event());
        }

        PopPush();
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public ulong PopPush()
    {
        var queue = _queue;
        var random = _random;
        var maxDelay = 2.0 * Pending;
        var key = 0UL;
        for (var i = 0; i < Operations; i++)
        {
            var item = queue.Pop(out var time, out key);
            queue.Push(time + (random.NextDouble() * maxDelay), EventPriority.Normal, item);
        }

        return key;
    }
}
