namespace Simulator.Scenarios;

/// <summary>How serious a scenario problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>The scenario cannot be run until this is fixed.</summary>
    Error,

    /// <summary>The scenario runs, but probably not as the author meant.</summary>
    Warning,
}

/// <summary>One problem found in a scenario file, located by 1-based line and column (0, 0 when it concerns the whole file).</summary>
/// <param name="File">File name as given to the loader.</param>
/// <param name="Line">1-based line, or 0 when the problem is not tied to a place in the file.</param>
/// <param name="Column">1-based column, or 0 when the problem is not tied to a place in the file.</param>
/// <param name="Id">Id of the entity the problem belongs to, or null for scenario-wide problems.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">What would fix it, or null.</param>
/// <param name="Severity">Error (scenario invalid) or warning.</param>
public sealed record ScenarioProblem(
    string File,
    int Line,
    int Column,
    string? Id,
    string Message,
    string? Hint,
    ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <summary>
    /// Compiler-style one-line form: <c>file:line:column: error [id]: message (hint: hint)</c>; a problem with the file
    /// as a whole (missing, unreadable; line 0) has no position: <c>file: error: message</c>.
    /// </summary>
    public override string ToString()
    {
        var severity = Severity == ProblemSeverity.Error ? "error" : "warning";
        var id = Id is null ? string.Empty : $" [{Id}]";
        var hint = Hint is null ? string.Empty : $" (hint: {Hint})";
        var at = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return $"{at}: {severity}{id}: {Message}{hint}";
    }
}
