using System.Buffers.Binary;
using MathNet.Numerics.Distributions;

namespace Simulator.Engine;

/// <summary>
/// A seeded random number stream (xoshiro256**), usable wherever a <see cref="Random"/> is expected, with
/// samplers for the usual distributions. The same seed gives the same draws in any process on any machine.
/// Not thread-safe: give each replication its own streams.
/// </summary>
public sealed partial class RandomStream : Random
{
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a stream from a 64-bit seed, expanded into the 256-bit state with SplitMix64.</summary>
    public RandomStream(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Creates a stream from a 256-bit state taken from <paramref name="state"/> (at least 32 bytes, not all zero).</summary>
    internal RandomStream(ReadOnlySpan<byte> state)
    {
        _s0 = BinaryPrimitives.ReadUInt64LittleEndian(state);
        _s1 = BinaryPrimitives.ReadUInt64LittleEndian(state[8..]);
        _s2 = BinaryPrimitives.ReadUInt64LittleEndian(state[16..]);
        _s3 = BinaryPrimitives.ReadUInt64LittleEndian(state[24..]);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 0x9E3779B97F4A7C15UL;
        }
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// <summary>A uniform integer in [0, <see cref="int.MaxValue"/>).</summary>
    public override int Next() => (int)NextInt64(int.MaxValue);

    /// <summary>A uniform integer in [0, <paramref name="maxValue"/>).</summary>
    public override int Next(int maxValue) => (int)NextInt64(maxValue);

    /// <summary>A uniform integer in [<paramref name="minValue"/>, <paramref name="maxValue"/>).</summary>
    public override int Next(int minValue, int maxValue) => (int)NextInt64(minValue, maxValue);

    /// <summary>A uniform integer in [0, <see cref="long.MaxValue"/>).</summary>
    public override long NextInt64() => NextInt64(long.MaxValue);

    /// <summary>A uniform integer in [0, <paramref name="maxValue"/>), without modulo bias.</summary>
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : (long)Bounded((ulong)maxValue);
    }

    /// <summary>A uniform integer in [<paramref name="minValue"/>, <paramref name="maxValue"/>), without modulo bias.</summary>
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (ulong)(maxValue - minValue);
        return range <= 1 ? minValue : (long)((ulong)minValue + Bounded(range));
    }

    /// <summary>A uniform float in [0, 1).</summary>
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
    public override void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, NextUInt64());
            buffer = buffer[8..];
        }

        if (buffer.Length > 0)
        {
            Span<byte> last = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(last, NextUInt64());
            last[..buffer.Length].CopyTo(buffer);
        }
    }

    /// <summary>A uniform draw in [<paramref name="lower"/>, <paramref name="upper"/>).</summary>
    public double Uniform(double lower, double upper) => lower + ((upper - lower) * NextDouble());

    /// <summary>An exponential draw with the given <paramref name="mean"/> (not rate).</summary>
    public double Exponential(double mean) => MathNet.Numerics.Distributions.Exponential.Sample(this, 1.0 / mean);

    /// <summary>A normal draw; may be negative, so clamp or redraw where the quantity cannot be.</summary>
    public double Normal(double mean, double standardDeviation) => MathNet.Numerics.Distributions.Normal.Sample(this, mean, standardDeviation);

    /// <summary>A lognormal draw whose logarithm has mean <paramref name="mu"/> and standard deviation <paramref name="sigma"/>.</summary>
    public double LogNormal(double mu, double sigma) => MathNet.Numerics.Distributions.LogNormal.Sample(this, mu, sigma);

    /// <summary>A gamma draw with <paramref name="shape"/> k and <paramref name="scale"/> θ (mean kθ).</summary>
    public double Gamma(double shape, double scale) => MathNet.Numerics.Distributions.Gamma.Sample(this, shape, 1.0 / scale);

    /// <summary>A Weibull draw with <paramref name="shape"/> k and <paramref name="scale"/> λ.</summary>
    public double Weibull(double shape, double scale) => MathNet.Numerics.Distributions.Weibull.Sample(this, shape, scale);

    /// <summary>A triangular draw on [<paramref name="lower"/>, <paramref name="upper"/>] peaking at <paramref name="mode"/>.</summary>
    public double Triangular(double lower, double mode, double upper) => MathNet.Numerics.Distributions.Triangular.Sample(this, lower, upper, mode);

    /// <summary>One of <paramref name="observations"/>, each equally likely (resampling an empirical distribution).</summary>
    /// <exception cref="ArgumentException">There are no observations.</exception>
    public double Empirical(IReadOnlyList<double> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Count == 0)
        {
            throw new ArgumentException("An empirical distribution needs at least one observation.", nameof(observations));
        }

        return observations[(int)Bounded((ulong)observations.Count)];
    }

    /// <summary>Used by <see cref="Random"/> members that are not overridden.</summary>
    protected override double Sample() => NextDouble();

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Lemire's multiply-and-reject method: uniform in [0, range) without division on the common path.</summary>
    private ulong Bounded(ulong range)
    {
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return product;
    }
}
