using MathNet.Numerics.Distributions;
using Simulator.Metrics;

namespace Simulator.Experiments;

/// <summary>
/// Running mean and variance (Welford) of lost units per policy and line, fed in replication order, to decide when the
/// 95 % confidence interval of every mean is narrow enough.
/// </summary>
internal sealed class PrecisionTracker(double targetPercent)
{
    private readonly Dictionary<(string Policy, string Plant, string Line), Moments> _moments = [];
    private readonly List<(string Policy, string Plant, string Line)> _order = [];
    private readonly Dictionary<int, double> _tQuantiles = [];

    public double TargetPercent { get; } = targetPercent;

    public void Add(ReplicationResult replication)
    {
        foreach (var line in replication.Lines)
        {
            var key = (line.Policy, line.Plant, line.Line);
            if (!_moments.TryGetValue(key, out var moments))
            {
                moments = new Moments();
                _moments.Add(key, moments);
                _order.Add(key);
            }

            moments.Add(line.LostUnits);
        }
    }

    /// <summary>The line furthest from the target (the first in scenario order on ties), and its relative half-width in percent.</summary>
    public ((string Policy, string Plant, string Line) Key, double HalfWidthPercent) Worst()
    {
        var worst = (Key: (string.Empty, string.Empty, string.Empty), HalfWidthPercent: 0.0);
        foreach (var key in _order)
        {
            var percent = RelativeHalfWidthPercent(_moments[key]);
            if (percent > worst.HalfWidthPercent || worst.Key.Item1.Length == 0)
            {
                worst = (key, percent);
            }
        }

        return worst;
    }

    /// <summary>True when every line's half-width is below the target, or zero (no spread left to resolve).</summary>
    public bool Reached() => _order.Count > 0 && _order.All(key => RelativeHalfWidthPercent(_moments[key]) < TargetPercent);

    /// <summary>Half-width in percent of |mean|; 0 when there is no spread, +infinity with spread around a zero mean.</summary>
    private double RelativeHalfWidthPercent(Moments moments)
    {
        if (moments.Count < 2)
        {
            return double.PositiveInfinity;
        }

        var std = Math.Sqrt(moments.SumOfSquares / (moments.Count - 1));
        if (std == 0)
        {
            return 0;
        }

        var halfWidth = T(moments.Count) * std / Math.Sqrt(moments.Count);
        var mean = Math.Abs(moments.Mean);
        return mean == 0 ? double.PositiveInfinity : 100 * halfWidth / mean;
    }

    private double T(int n)
    {
        if (!_tQuantiles.TryGetValue(n, out var t))
        {
            t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - LineStatistics.ConfidenceLevel) / 2));
            _tQuantiles.Add(n, t);
        }

        return t;
    }

    private sealed class Moments
    {
        public int Count { get; private set; }

        public double Mean { get; private set; }

        public double SumOfSquares { get; private set; }

        public void Add(double value)
        {
            Count++;
            var delta = value - Mean;
            Mean += delta / Count;
            SumOfSquares += delta * (value - Mean);
        }
    }
}
