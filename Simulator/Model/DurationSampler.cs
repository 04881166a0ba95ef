using MathNet.Numerics.Distributions;
using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>Draws non-negative durations in hours from a <see cref="DistributionSpec"/>.</summary>
public static class DurationSampler
{
    /// <summary>One draw from <paramref name="spec"/> using <paramref name="random"/>; negative draws are clamped to 0.</summary>
    public static double Sample(DistributionSpec spec, Random random)
    {
        var value = spec.Kind switch
        {
            DistributionKind.Fixed => spec.Mean,
            DistributionKind.Exponential => Exponential.Sample(random, 1 / spec.Mean),
            DistributionKind.Normal => Normal.Sample(random, spec.Mean, spec.Std),
            DistributionKind.LogNormal => SampleLogNormal(spec, random),
            DistributionKind.Gamma => Gamma.Sample(random, spec.Shape, 1 / spec.Scale),
            DistributionKind.Weibull => Weibull.Sample(random, spec.Shape, spec.Scale),
            DistributionKind.Triangular => Triangular.Sample(random, spec.Min, spec.Max, spec.Mode),
            DistributionKind.Uniform => ContinuousUniform.Sample(random, spec.Min, spec.Max),
            DistributionKind.Empirical => spec.Values![random.Next(spec.Values.Count)],
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown distribution"),
        };
        return Math.Max(0, value);
    }

    private static double SampleLogNormal(DistributionSpec spec, Random random)
    {
        // The file gives the mean and deviation of the duration itself; convert to the underlying normal.
        var sigma2 = Math.Log(1 + (spec.Std * spec.Std) / (spec.Mean * spec.Mean));
        var mu = Math.Log(spec.Mean) - sigma2 / 2;
        return LogNormal.Sample(random, mu, Math.Sqrt(sigma2));
    }
}
