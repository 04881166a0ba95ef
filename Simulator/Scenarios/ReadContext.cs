namespace Simulator.Scenarios;

/// <summary>State shared while reading one file: where problems go, where records came from, and the scenario's start.</summary>
internal sealed class ReadContext(ProblemList problems, SourceMap sources)
{
    public ProblemList Problems { get; } = problems;

    public SourceMap Sources { get; } = sources;

    /// <summary>The scenario's hour 0, once read; disruption timestamps are converted against it.</summary>
    public DateTimeOffset? Start { get; set; }
}

/// <summary>Which values a numeric key accepts.</summary>
internal enum NumberRule
{
    /// <summary>Any finite number.</summary>
    Any,

    /// <summary>Zero or more.</summary>
    NonNegative,

    /// <summary>More than zero.</summary>
    Positive,

    /// <summary>In (0, 1].</summary>
    Fraction,
}
