namespace Simulator.Scenarios.Import;

/// <summary>Collects the problems of every table of one import; importing never stops at the first.</summary>
internal sealed class ImportProblems
{
    private readonly List<ScenarioProblem> _items = [];

    public bool HasErrors => _items.Exists(p => p.Severity == ProblemSeverity.Error);

    public IReadOnlyList<ScenarioProblem> All => _items;

    public void Error(string file, int row, int column, string? id, string message, string? hint) =>
        _items.Add(new ScenarioProblem(file, row, column, id, message, hint));

    public void Warning(string file, int row, int column, string? id, string message, string? hint) =>
        _items.Add(new ScenarioProblem(file, row, column, id, message, hint, ProblemSeverity.Warning));

    public void Add(ScenarioProblem problem) => _items.Add(problem);

    /// <summary>The problems grouped by file (in the order files were read), then by row and column.</summary>
    public IReadOnlyList<ScenarioProblem> InOrder()
    {
        var files = _items.Select(p => p.File).Distinct(StringComparer.Ordinal).Select((f, i) => (f, i)).ToDictionary(e => e.f, e => e.i, StringComparer.Ordinal);
        return [.. _items.OrderBy(p => files[p.File]).ThenBy(p => p.Line).ThenBy(p => p.Column)];
    }
}
