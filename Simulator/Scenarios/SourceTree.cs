using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulator.Scenarios;

/// <summary>
/// Reads the documents of a YAML stream into <see cref="SourceNode"/> trees, from YamlDotNet's parser events and
/// without recursion. Anchors and aliases resolve as in YamlDotNet's representation model: an alias is the anchored
/// node itself (shared, not copied), an alias written before its anchor is resolved at the end of the document, and a
/// later anchor of the same name replaces the earlier one from there on.
/// </summary>
internal static class SourceTree
{
    // Mappings with more keys than this find duplicates through a set instead of comparing with every key before.
    private const int ScannedKeys = 8;

    /// <summary>The root node of each document <paramref name="parser"/> reads, in order.</summary>
    /// <exception cref="YamlException">A syntax error, a key written twice in one mapping, or an alias without its anchor.</exception>
    public static IReadOnlyList<SourceNode> Read(IParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        parser.Consume<StreamStart>();
        var documents = new List<SourceNode>();
        while (!parser.TryConsume<StreamEnd>(out _))
        {
            parser.Consume<DocumentStart>();
            documents.Add(new DocumentReader().Read(parser));
            parser.Consume<DocumentEnd>();
        }

        return documents;
    }

    /// <summary>The anchors and open collections of one document while it is read.</summary>
    private sealed class DocumentReader
    {
        private readonly Dictionary<string, SourceNode> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<OpenCollection> _open = new();
        private readonly List<OpenCollection> _withUnresolved = [];

        public SourceNode Read(IParser parser)
        {
            while (true)
            {
                var parsed = parser.Current ?? parser.Require<ParsingEvent>();
                if (parsed is MappingEnd && _open.Peek().AwaitsValue)
                {
                    // Thrown before the end is consumed, as YamlDotNet's model does, so the loader locates it at the key.
                    throw new ArgumentException("a mapping ends after a key without its value");
                }

                parser.MoveNext();
                SourceNode complete;
                switch (parsed)
                {
                    case Scalar scalar:
                        complete = Anchor(scalar, new SourceScalar(scalar.Start, scalar.Value, scalar.Style, scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value));
                        break;
                    case AnchorAlias alias:
                        complete = _anchors.TryGetValue(alias.Value.Value, out var anchored) ? anchored : new Unresolved(alias.Start, alias.Value.Value);
                        break;
                    case MappingStart start:
                        var entries = new List<KeyValuePair<SourceNode, SourceNode>>();
                        _open.Push(new OpenCollection(Anchor(start, new SourceMapping(start.Start, start.Style, entries)), entries, null));
                        continue;
                    case SequenceStart start:
                        var items = new List<SourceNode>();
                        _open.Push(new OpenCollection(Anchor(start, new SourceSequence(start.Start, items)), null, items));
                        continue;
                    case MappingEnd or SequenceEnd:
                        var closed = _open.Pop();
                        if (closed.HasUnresolved)
                        {
                            _withUnresolved.Add(closed);
                        }

                        complete = closed.Node;
                        break;
                    default:
                        throw new YamlException(parsed.Start, parsed.End, $"unexpected {parsed.GetType().Name} in a document");
                }

                if (_open.Count == 0)
                {
                    return Resolved(complete);
                }

                _open.Peek().Add(complete);
            }
        }

        private SourceNode Anchor(NodeEvent parsed, SourceNode node)
        {
            if (!parsed.Anchor.IsEmpty)
            {
                _anchors[parsed.Anchor.Value] = node;
            }

            return node;
        }

        /// <summary>
        /// The document's root once every alias written before its anchor points at the anchored node: collections in the
        /// order they ended, entries in order, so that the first unknown anchor reported is YamlDotNet's.
        /// </summary>
        private SourceNode Resolved(SourceNode root)
        {
            foreach (var collection in _withUnresolved)
            {
                collection.Resolve(Target);
            }

            return root is Unresolved alone ? Target(alone) : root;
        }

        private SourceNode Target(Unresolved alias) =>
            _anchors.TryGetValue(alias.Anchor, out var node)
                ? node
                : throw new YamlException(alias.Start, alias.Start, $"The anchor '{alias.Anchor}' does not exists");
    }

    /// <summary>A mapping or list whose end has not been read yet.</summary>
    private sealed class OpenCollection(SourceNode node, List<KeyValuePair<SourceNode, SourceNode>>? entries, List<SourceNode>? items)
    {
        private SourceNode? _key;
        private HashSet<(string Tag, string Value)>? _keys;
        private List<(int Index, bool IsKey, Unresolved Alias)>? _unresolved;

        public SourceNode Node { get; } = node;

        /// <summary>True while a mapping has read a key and not yet its value.</summary>
        public bool AwaitsValue => _key is not null;

        public bool HasUnresolved => _unresolved is not null;

        public void Add(SourceNode node)
        {
            if (items is not null)
            {
                if (node is Unresolved alias)
                {
                    (_unresolved ??= []).Add((items.Count, false, alias));
                }

                items.Add(node);
                return;
            }

            if (_key is null)
            {
                _key = node;
                return;
            }

            if (_key is SourceScalar key)
            {
                CheckUnique(key);
            }

            if (_key is Unresolved keyAlias)
            {
                (_unresolved ??= []).Add((entries!.Count, true, keyAlias));
            }

            if (node is Unresolved valueAlias)
            {
                (_unresolved ??= []).Add((entries!.Count, false, valueAlias));
            }

            entries!.Add(new KeyValuePair<SourceNode, SourceNode>(_key, node));
            _key = null;
        }

        /// <summary>Puts the anchored node, which <paramref name="target"/> finds, where each alias read before its anchor stands.</summary>
        public void Resolve(Func<Unresolved, SourceNode> target)
        {
            foreach (var (index, isKey, alias) in _unresolved ?? [])
            {
                if (items is not null)
                {
                    items[index] = target(alias);
                    continue;
                }

                var entry = entries![index];
                entries[index] = isKey ? new(target(alias), entry.Value) : new(entry.Key, target(alias));
            }
        }

        /// <summary>Throws, as YamlDotNet does, when <paramref name="key"/> (text and tag) is already a key of this mapping.</summary>
        private void CheckUnique(SourceScalar key)
        {
            var duplicate = false;
            if (_keys is null)
            {
                foreach (var (written, _) in entries!)
                {
                    duplicate |= written is SourceScalar other && other.Value == key.Value && other.Tag == key.Tag;
                }

                if (entries.Count >= ScannedKeys && !duplicate)
                {
                    _keys = [.. entries.Select(e => e.Key).OfType<SourceScalar>().Select(k => (k.Tag, k.Value)), (key.Tag, key.Value)];
                }
            }
            else
            {
                duplicate = !_keys.Add((key.Tag, key.Value));
            }

            if (duplicate)
            {
                throw new YamlException(key.Start, key.Start, $"Duplicate key {key.Value}");
            }
        }
    }

    /// <summary>An alias read before its anchor; it never leaves <see cref="DocumentReader"/>.</summary>
    private sealed class Unresolved(Mark start, string anchor) : SourceNode(start)
    {
        public string Anchor { get; } = anchor;
    }
}
