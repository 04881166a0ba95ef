using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Simulator.Engine;

namespace Simulator.Tests.Engine;

public sealed class DeterminismTests
{
    [Test]
    public void Same_seed_gives_the_same_event_trace()
    {
        var first = TraceHash(11);
        var second = TraceHash(11);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Different_seed_gives_a_different_event_trace()
    {
        Assert.That(TraceHash(12), Is.Not.EqualTo(TraceHash(11)));
    }

    [Test]
    public void Trace_does_not_depend_on_running_replications_in_parallel()
    {
        var sequential = Enumerable.Range(0, 4).Select(seed => TraceHash((ulong)seed)).ToArray();
        var parallel = new string[4];

        Parallel.For(0, 4, seed => parallel[seed] = TraceHash((ulong)seed));

        Assert.That(parallel, Is.EqualTo(sequential));
    }

    private static string TraceHash(ulong seed)
    {
        var env = new SimEnvironment();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        env.Trace = evt => hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{env.Now:R}|{evt}\n")));
        var streams = new RandomStreams(seed);
        var service = streams.For("service");
        new QueueingSystem(env, 2, 1.5, () => service.Exponential(1.0), streams.For("arrivals"), 2_000, 0).Run();
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
