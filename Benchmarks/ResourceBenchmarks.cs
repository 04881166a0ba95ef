using BenchmarkDotNet.Attributes;
using Simulator.Engine;

namespace Benchmarks;

/// <summary>Two processes alternately request and release a capacity-1 resource; one operation is one request granted and released.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ResourceBenchmarks
{
    internal const int OperationsPerInvoke = 500_000;

    private const int Operations = OperationsPerInvoke;

    private SimEnvironment _env = null!;

    [GlobalSetup]
    public void Setup()
    {
        _env = new SimEnvironment();
        var resource = new Resource(_env);
        _env.Process(User(resource));
        _env.Process(User(resource));
        for (var i = 0; i < 10; i++)
        {
            _env.Step();
        }
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public long RequestRelease()
    {
        var env = _env;

        // Every processed event is one granted request: its holder resumes, releases, and queues again.
        for (var i = 0; i < Operations; i++)
        {
            env.Step();
        }

        return env.ProcessedEvents;
    }

    private static IEnumerable<Event> User(Resource resource)
    {
        while (true)
        {
            var request = resource.Request();
            yield return request;
            resource.Release(request);
        }
    }
}
