using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>The outcome of loading a scenario: the validated scenario, or every problem found.</summary>
/// <param name="Scenario">The validated scenario; null when any error was found.</param>
/// <param name="Problems">Every error and warning, ordered by position in the file.</param>
public sealed record LoadResult(ScenarioSpec? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>True when a scenario was produced and no problem is an error (warnings allowed).</summary>
    public bool IsValid => Scenario is not null && Problems.All(p => p.Severity != ProblemSeverity.Error);

    /// <summary>The errors only.</summary>
    public IEnumerable<ScenarioProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    /// <summary>Where each spec record was read from, for checks made after loading.</summary>
    internal SourceMap? Sources { get; init; }

    /// <summary>The file name problems are reported under.</summary>
    internal string? FileLabel { get; init; }

    /// <summary>The warnings only.</summary>
    public IEnumerable<ScenarioProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);
}
