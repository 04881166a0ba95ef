using YamlDotNet.Core;

namespace Simulator.Scenarios;

/// <summary>
/// Remembers which YAML mapping each spec record was read from, so that checks made after reading
/// (references, shares, cycles) can still point at the exact key. Keyed by reference because records
/// compare by value and two identical BOM rows on different lines are different places in the file.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<object, SourceMapping> _nodes = new(ReferenceEqualityComparer.Instance);

    public T Register<T>(T spec, SourceMapping node)
        where T : class
    {
        _nodes[spec] = node;
        return spec;
    }

    /// <summary>
    /// Where <paramref name="key"/>'s value of <paramref name="spec"/> starts (its <paramref name="index"/>-th
    /// element for a list); falls back to the key, then to the mapping itself.
    /// </summary>
    public Mark Locate(object spec, string? key = null, int index = -1)
    {
        if (!_nodes.TryGetValue(spec, out var node))
        {
            return Mark.Empty;
        }

        var value = key is null ? null : node.ValueOf(key);
        if (value is null)
        {
            return node.Start;
        }

        if (index >= 0 && value is SourceSequence sequence && index < sequence.Children.Count)
        {
            return sequence.Children[index].Start;
        }

        return value.Start;
    }

    /// <summary>True when <paramref name="spec"/> was read from a mapping that writes <paramref name="key"/> (so a value is not a default).</summary>
    public bool Wrote(object spec, string key) => _nodes.TryGetValue(spec, out var node) && node.ValueOf(key) is not null;
}
