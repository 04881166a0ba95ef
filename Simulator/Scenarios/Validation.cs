using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>
/// What the cross-entity rules share: the read scenario, where each record came from, and lookups by id.
/// Lookups keep the first declaration of a duplicated id (the duplicate itself is reported by <see cref="IdRules"/>).
/// Empty ids and references mark values the reader already reported; rules skip them.
/// </summary>
internal sealed class Validation
{
    public Validation(ScenarioSpec spec, SourceMap sources, ProblemList problems)
    {
        Spec = spec;
        Sources = sources;
        Problems = problems;
        Parts = First(spec.Parts, p => p.Id);
        Calendars = First(spec.Calendars, c => c.Id);
        Plants = First(spec.Plants, p => p.Id);
        Lines = First(spec.Plants.SelectMany(p => p.Lines), l => l.Id);
        Suppliers = First(spec.Suppliers, s => s.Id);
        Lanes = First(spec.Lanes, l => l.Id);
        Systems = First(spec.ItSystems, s => s.Id);
        NodeIds = [.. Plants.Keys, .. Lines.Keys, .. Suppliers.Keys];
        Providers = [.. spec.ItSystems.Select(s => s.Owner).Where(o => o.Length > 0 && !NodeIds.Contains(o))];
    }

    public ScenarioSpec Spec { get; }

    public SourceMap Sources { get; }

    public ProblemList Problems { get; }

    public IReadOnlyDictionary<string, PartSpec> Parts { get; }

    public IReadOnlyDictionary<string, CalendarSpec> Calendars { get; }

    public IReadOnlyDictionary<string, PlantSpec> Plants { get; }

    public IReadOnlyDictionary<string, LineSpec> Lines { get; }

    public IReadOnlyDictionary<string, SupplierSpec> Suppliers { get; }

    public IReadOnlyDictionary<string, LaneSpec> Lanes { get; }

    public IReadOnlyDictionary<string, ItSystemSpec> Systems { get; }

    /// <summary>Plants, lines and suppliers: one id space.</summary>
    public HashSet<string> NodeIds { get; }

    /// <summary>IT system owners that are not nodes: shared service providers.</summary>
    public HashSet<string> Providers { get; }

    public void Error(object at, string? key, string? id, string message, string? hint, int index = -1) =>
        Problems.Error(Sources.Locate(at, key, index), id, message, hint);

    public void Warning(object at, string? key, string? id, string message, string? hint, int index = -1) =>
        Problems.Warning(Sources.Locate(at, key, index), id, message, hint);

    /// <summary>Reports an unknown reference with a did-you-mean hint; true when <paramref name="name"/> is known or empty.</summary>
    public bool Known(object at, string key, int index, string? id, string name, string what, IReadOnlyCollection<string> known)
    {
        if (name.Length == 0 || known.Contains(name))
        {
            return true;
        }

        Error(at, key, id, $"unknown {what} '{name}'", Suggestions.DidYouMean(name, known, $"known {what} ids:"), index);
        return false;
    }

    private static Dictionary<string, T> First<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var result = new Dictionary<string, T>();
        foreach (var item in items)
        {
            result.TryAdd(id(item), item);
        }

        return result;
    }
}
