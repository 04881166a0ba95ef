using MathNet.Numerics.Statistics;

namespace Simulator.Engine;

/// <summary>Statistics of a series of observations (waiting times, lead times), each counted once whatever its time.</summary>
public sealed class Tally
{
    private RunningStatistics _statistics = new();

    /// <summary>How many observations were added.</summary>
    public long Count => _statistics.Count;

    /// <summary>The mean of the observations (NaN when there are none).</summary>
    public double Mean => _statistics.Count > 0 ? _statistics.Mean : double.NaN;

    /// <summary>The unbiased sample variance (NaN with fewer than two observations).</summary>
    public double Variance => _statistics.Variance;

    /// <summary>The sample standard deviation (NaN with fewer than two observations).</summary>
    public double StandardDeviation => _statistics.StandardDeviation;

    /// <summary>The smallest observation (NaN when there are none).</summary>
    public double Min => _statistics.Count > 0 ? _statistics.Minimum : double.NaN;

    /// <summary>The largest observation (NaN when there are none).</summary>
    public double Max => _statistics.Count > 0 ? _statistics.Maximum : double.NaN;

    /// <summary>Adds one observation.</summary>
    public void Add(double value) => _statistics.Push(value);

    /// <summary>Forgets every observation (for example after a warm-up).</summary>
    public void Reset() => _statistics = new RunningStatistics();
}
