namespace Simulator.Model.Specs;

/// <summary>Family of a random duration.</summary>
public enum DistributionKind
{
    /// <summary>Always <see cref="DistributionSpec.Mean"/>.</summary>
    Fixed,

    /// <summary>Exponential with the given mean.</summary>
    Exponential,

    /// <summary>Normal with mean and standard deviation, truncated at zero.</summary>
    Normal,

    /// <summary>Lognormal with the given mean and standard deviation of the variable itself.</summary>
    LogNormal,

    /// <summary>Gamma with shape and scale.</summary>
    Gamma,

    /// <summary>Weibull with shape and scale.</summary>
    Weibull,

    /// <summary>Triangular with min, mode and max.</summary>
    Triangular,

    /// <summary>Uniform between min and max.</summary>
    Uniform,

    /// <summary>One of the listed values, equally likely.</summary>
    Empirical,
}

/// <summary>A non-negative random duration in hours; unused parameters are NaN.</summary>
/// <param name="Kind">Family.</param>
/// <param name="Mean">Fixed value, or mean (exponential, normal, lognormal).</param>
/// <param name="Std">Standard deviation (normal, lognormal).</param>
/// <param name="Min">Minimum (triangular, uniform).</param>
/// <param name="Mode">Mode (triangular).</param>
/// <param name="Max">Maximum (triangular, uniform).</param>
/// <param name="Shape">Shape (gamma, Weibull).</param>
/// <param name="Scale">Scale (gamma, Weibull).</param>
/// <param name="Values">Values (empirical).</param>
public sealed record DistributionSpec(
    DistributionKind Kind,
    double Mean = double.NaN,
    double Std = double.NaN,
    double Min = double.NaN,
    double Mode = double.NaN,
    double Max = double.NaN,
    double Shape = double.NaN,
    double Scale = double.NaN,
    IReadOnlyList<double>? Values = null)
{
    /// <summary>A fixed duration.</summary>
    public static DistributionSpec Fixed(double hours) => new(DistributionKind.Fixed, Mean: hours);

    /// <summary>True when every draw gives the same value.</summary>
    public bool IsDeterministic => Kind == DistributionKind.Fixed;
}
