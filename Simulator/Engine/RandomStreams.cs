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
            stream = Create(RootSeed, name);
            _streams.Add(name, stream);
        }

        return stream;
    }

    /// <summary>A fresh stream for (<paramref name="rootSeed"/>, <paramref name="name"/>), starting from its first draw.</summary>
    public static RandomStream Create(ulong rootSeed, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[8 + nameBytes.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(input, rootSeed);
        nameBytes.CopyTo(input, 8);
        return new RandomStream(SHA256.HashData(input));
    }
}
