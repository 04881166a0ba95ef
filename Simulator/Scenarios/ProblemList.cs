using YamlDotNet.Core;

namespace Simulator.Scenarios;

/// <summary>Collects the problems of one file; loading never stops at the first.</summary>
internal sealed class ProblemList(string file)
{
    private readonly List<ScenarioProblem> _items = [];

    public string File => file;

    public bool HasErrors => _items.Exists(p => p.Severity == ProblemSeverity.Error);

    public void Error(Mark at, string? id, string message, string? hint) => Add(at.Line, at.Column, id, message, hint, ProblemSeverity.Error);

    public void Warning(Mark at, string? id, string message, string? hint) => Add(at.Line, at.Column, id, message, hint, ProblemSeverity.Warning);

    public void FileError(string message, string? hint) => Add(0, 0, null, message, hint, ProblemSeverity.Error);

    // Problems quote the file's own text, which may hold newlines or zero-width characters: shown raw they would
    // split the one-line report or hide what is wrong, so they are shown as code points.
    private void Add(long line, long column, string? id, string message, string? hint, ProblemSeverity severity) =>
        _items.Add(new ScenarioProblem(
            file, (int)line, (int)column, id is null ? null : Printable.Escape(id), Printable.Escape(message), hint is null ? null : Printable.Escape(hint), severity));

    /// <summary>The problems in file order; problems at the same place keep the order they were found in.</summary>
    public IReadOnlyList<ScenarioProblem> InFileOrder() => [.. _items.OrderBy(p => p.Line).ThenBy(p => p.Column)];
}
