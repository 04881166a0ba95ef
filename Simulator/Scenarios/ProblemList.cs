using YamlDotNet.Core;

namespace Simulator.Scenarios;

/// <summary>Collects the problems of one file; loading never stops at the first.</summary>
internal sealed class ProblemList(string file)
{
    private readonly List<ScenarioProblem> _items = [];

    public string File => file;

    public bool HasErrors => _items.Exists(p => p.Severity == ProblemSeverity.Error);

    public void Error(Mark at, string? id, string message, string? hint) =>
        _items.Add(new ScenarioProblem(file, (int)at.Line, (int)at.Column, id, message, hint));

    public void Warning(Mark at, string? id, string message, string? hint) =>
        _items.Add(new ScenarioProblem(file, (int)at.Line, (int)at.Column, id, message, hint, ProblemSeverity.Warning));

    public void FileError(string message, string? hint) => _items.Add(new ScenarioProblem(file, 0, 0, null, message, hint));

    /// <summary>The problems in file order; problems at the same place keep the order they were found in.</summary>
    public IReadOnlyList<ScenarioProblem> InFileOrder() => [.. _items.OrderBy(p => p.Line).ThenBy(p => p.Column)];
}
