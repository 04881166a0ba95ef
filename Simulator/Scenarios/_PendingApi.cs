// PLACEHOLDER, branch `output` only: the scenario loader's public surface, so that the CLI compiles before the
// scenarios branch is merged. DELETE THIS FILE AT MERGE; the real ScenarioLoader, LoadResult and ScenarioProblem
// replace it with the same signatures. The records mirror the real ones (data only); the loader is not implemented.
using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>How serious a scenario problem is (placeholder until the scenarios branch is merged).</summary>
public enum ProblemSeverity
{
    /// <summary>The scenario cannot be run until this is fixed.</summary>
    Error,

    /// <summary>The scenario runs, but probably not as the author meant.</summary>
    Warning,
}

/// <summary>One problem found in a scenario file (placeholder until the scenarios branch is merged).</summary>
/// <param name="File">File name as given to the loader.</param>
/// <param name="Line">1-based line, or 0.</param>
/// <param name="Column">1-based column, or 0.</param>
/// <param name="Id">Id of the entity concerned, or null.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">What would fix it, or null.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record ScenarioProblem(string File, int Line, int Column, string? Id, string Message, string? Hint, ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <summary>Compiler-style one-line form: <c>file:line:column: error [id]: message (hint: hint)</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == ProblemSeverity.Error ? "error" : "warning";
        var id = Id is null ? string.Empty : $" [{Id}]";
        var hint = Hint is null ? string.Empty : $" (hint: {Hint})";
        return $"{File}:{Line}:{Column}: {severity}{id}: {Message}{hint}";
    }
}

/// <summary>The outcome of loading a scenario (placeholder until the scenarios branch is merged).</summary>
/// <param name="Scenario">The validated scenario, or null.</param>
/// <param name="Problems">Every error and warning.</param>
public sealed record LoadResult(ScenarioSpec? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>True when a scenario was produced and no problem is an error.</summary>
    public bool IsValid => Scenario is not null && Problems.All(p => p.Severity != ProblemSeverity.Error);
}

/// <summary>Loads scenario files (placeholder until the scenarios branch is merged: not implemented here).</summary>
public static class ScenarioLoader
{
    /// <summary>Not implemented in this branch.</summary>
    public static LoadResult Load(string path) => throw new NotImplementedException("placeholder: merge the scenarios branch");

    /// <summary>Not implemented in this branch.</summary>
    public static LoadResult Parse(string yamlText, string fileName) => throw new NotImplementedException("placeholder: merge the scenarios branch");
}
