using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Simulator.Engine;

/// <summary>
/// Independent random streams derived from one root seed, one per name: a stream's state is the SHA-256 of the
/// root seed and the name, so adding or removing a stream never shifts the draws of another, and the same
/// (seed, name) gives the same draws in every process and on every thread.
/// </summary>
public sealed class RandomStreams
{
    // The derived states of recent (seed, name) pairs, shared by every family in the process: a stress test or a Monte
    // Carlo run derives the same streams for every run of a replication, and a SHA-256 per lane and run costs about a
    // tenth of a short run. A hit is what Create would compute, so the draws are the same; past MaxDerived entries the
    // cache forgets everything (the count is approximate, which only moves when it does so).
    private const int MaxDerived = 1 << 18;
    private static readonly ConcurrentDictionary<(ulong Seed, string Name), byte[]> Derived = new();
    private static int _derivedCount;

    private readonly Dictionary<string, RandomStream> _streams = new(StringComparer.Ordinal);

    /// <summary>Creates the family of streams of <paramref name="rootSeed"/>.</summary>
    public RandomStreams(ulong rootSeed) => RootSeed = rootSeed;

    /// <summary>The seed all streams derive from.</summary>
    public ulong RootSeed { get; }

    /// <summary>The stream for <paramref name="name"/>; the same instance (continuing its draws) on every call with that name.</summary>
    public RandomStream For(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_streams.TryGetValue(name, out var stream))
        {
            stream = new RandomStream(DerivedState(RootSeed, name));
            _streams.Add(name, stream);
        }

        return stream;
    }

    /// <summary>A fresh stream for (<paramref name="rootSeed"/>, <paramref name="name"/>), starting from its first draw.</summary>
    public static RandomStream Create(ulong rootSeed, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new RandomStream(Derive(rootSeed, name));
    }

    private static byte[] DerivedState(ulong rootSeed, string name)
    {
        if (Derived.TryGetValue((rootSeed, name), out var state))
        {
            return state;
        }

        state = Derive(rootSeed, name);
        if (Interlocked.Increment(ref _derivedCount) > MaxDerived)
        {
            Derived.Clear();
            Interlocked.Exchange(ref _derivedCount, 0);
        }

        Derived.TryAdd((rootSeed, name), state);
        return state;
    }

    /// <summary>The SHA-256 of the root seed (8 bytes, little-endian) and the name's UTF-8 bytes: a stream's first state.</summary>
    private static byte[] Derive(ulong rootSeed, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[8 + nameBytes.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(input, rootSeed);
        nameBytes.CopyTo(input, 8);
        return SHA256.HashData(input);
    }
}
