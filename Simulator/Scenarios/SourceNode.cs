using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulator.Scenarios;

/// <summary>
/// A node of a scenario file as written: a scalar, a mapping or a list, with where it starts. The readers need no more
/// of YAML than this, so the file is read into these instead of YamlDotNet's representation model, which keeps an
/// ordered dictionary per mapping and a tag, anchor and end mark per node.
/// </summary>
internal abstract class SourceNode(Mark start)
{
    /// <summary>Where the node starts in the file.</summary>
    public Mark Start { get; } = start;
}

/// <summary>A scalar: its text as written (empty for an empty value) and how it was quoted.</summary>
internal sealed class SourceScalar(Mark start, string value, ScalarStyle style, string tag) : SourceNode(start)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>The explicit tag (<c>!!str</c> written out), or empty; two keys are the same key when text and tag are.</summary>
    public string Tag { get; } = tag;
}

/// <summary>A mapping: its keys and values in the order written.</summary>
internal sealed class SourceMapping(Mark start, MappingStyle style, List<KeyValuePair<SourceNode, SourceNode>> children) : SourceNode(start)
{
    public MappingStyle Style { get; } = style;

    /// <summary>The entries; filled by <see cref="SourceTree"/> while it reads the mapping, never changed after.</summary>
    public IReadOnlyList<KeyValuePair<SourceNode, SourceNode>> Children { get; } = children;

    /// <summary>The value of the first entry whose key is the scalar <paramref name="key"/>, or null.</summary>
    public SourceNode? ValueOf(string key)
    {
        var entries = Children;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is { Key: SourceScalar scalar, Value: var value } && scalar.Value == key)
            {
                return value;
            }
        }

        return null;
    }
}

/// <summary>A list: its entries in the order written.</summary>
internal sealed class SourceSequence(Mark start, List<SourceNode> children) : SourceNode(start)
{
    /// <summary>The entries; filled by <see cref="SourceTree"/> while it reads the list, never changed after.</summary>
    public IReadOnlyList<SourceNode> Children { get; } = children;
}
