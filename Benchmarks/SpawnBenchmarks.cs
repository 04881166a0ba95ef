using BenchmarkDotNet.Attributes;
using Simulator.Engine;

namespace Benchmarks;

/// <summary>One process repeatedly starts an empty sub-process and waits for it; one operation is one finished sub-process.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class SpawnBenchmarks
{
    internal const int OperationsPerInvoke = 500_000;

    private const int Operations = OperationsPerInvoke;

    private SimEnvironment _env = null!;

    [GlobalSetup]
    public void Setup()
    {
        _env = new SimEnvironment();
        _env.Process(Parent(_env));
        _env.Step();
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public long Spawn()
    {
        var env = _env;

        // Each sub-process costs two events: its start and its completion, which resumes the parent.
        for (var i = 0; i < 2 * Operations; i++)
        {
            env.Step();
        }

        return env.ProcessedEvents;
    }

    private static IEnumerable<Event> Parent(SimEnvironment env)
    {
        while (true)
        {
            yield return env.Process(Empty());
        }
    }

    private static IEnumerable<Event> Empty()
    {
        yield break;
    }
}
