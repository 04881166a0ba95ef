using BenchmarkDotNet.Attributes;

namespace Benchmarks;

/// <summary>The floor for the timeout benchmark: a bare .NET PriorityQueue popping one entry and pushing one later.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class PriorityQueueBaseline
{
    internal const int OperationsPerInvoke = 500_000;

    private const int Operations = OperationsPerInvoke;

    private PriorityQueue<int, double> _queue = null!;
    private Simulator.Engine.RandomStream _random = null!;

    [Params(100, 1_000, 10_000, 100_000)]
    public int Pending { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _random = Simulator.Engine.RandomStreams.Create(1, "baseline");
        _queue = new PriorityQueue<int, double>(Pending);
        for (var i = 0; i < Pending; i++)
        {
            _queue.Enqueue(i, _random.NextDouble() * 2.0 * Pending);
        }

        PopPush();
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int PopPush()
    {
        var queue = _queue;
        var random = _random;
        var maxDelay = 2.0 * Pending;
        var last = 0;
        for (var i = 0; i < Operations; i++)
        {
            queue.TryDequeue(out last, out var time);
            queue.Enqueue(last, time + (random.NextDouble() * maxDelay));
        }

        return last;
    }
}
