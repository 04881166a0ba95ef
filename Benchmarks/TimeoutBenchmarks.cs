using BenchmarkDotNet.Attributes;
using Simulator.Engine;

namespace Benchmarks;

/// <summary>
/// n processes each loop on a timeout of uniform(0, 2n), so n timeouts are always pending. One operation is one
/// completed timeout (a queue pop, a process resume and a queue push). The pooled variant yields
/// <see cref="SimEnvironment.Delay"/>; the allocating one a fresh <see cref="Simulator.Engine.TimeoutEvent"/> per wait.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TimeoutBenchmarks
{
    internal const int OperationsPerInvoke = 500_000;

    private const int Operations = OperationsPerInvoke;

    private SimEnvironment _env = null!;

    [Params(1, 100, 1_000, 10_000, 100_000)]
    public int Processes { get; set; }

    [Params(true, false)]
    public bool Pooled { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _env = new SimEnvironment();
        var random = RandomStreams.Create(1, "timeouts");
        var maxDelay = 2.0 * Processes;
        for (var i = 0; i < Processes; i++)
        {
            _env.Process(Pooled ? LoopPooled(_env, random, maxDelay) : LoopAllocating(_env, random, maxDelay));
        }

        // Take the process starts out of the measurement, and reach the steady state of the heap.
        for (var i = 0; i < Processes + Operations; i++)
        {
            _env.Step();
        }
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public long Timeouts()
    {
        var env = _env;
        for (var i = 0; i < Operations; i++)
        {
            env.Step();
        }

        return env.ProcessedEvents;
    }

    private static IEnumerable<Event> LoopPooled(SimEnvironment env, RandomStream random, double maxDelay)
    {
        while (true)
        {
            yield return env.Delay(random.NextDouble() * maxDelay);
        }
    }

    private static IEnumerable<Event> LoopAllocating(SimEnvironment env, RandomStream random, double maxDelay)
    {
        while (true)
        {
            yield return env.Timeout(random.NextDouble() * maxDelay);
        }
    }
}
