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
    /// <exception cref="BoundExceededException">
    /// An alias inside the list or mapping it names, or aliases that repeat more than
    /// <see cref="ScenarioBounds.MaxAliasedValues"/> values.
    /// </exception>
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
        private readonly List<(Mark At, SourceNode? Container, SourceNode Target)> _aliases = [];
        private readonly List<(Mark At, SourceNode? Container, Unresolved Alias)> _forwardAliases = [];
        private long _nodes;

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
                        _nodes++;
                        complete = Anchor(scalar, new SourceScalar(scalar.Start, scalar.Value, scalar.Style, scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value));
                        break;
                    case AnchorAlias alias:
                        complete = Alias(alias);
                        break;
                    case MappingStart start:
                        _nodes++;
                        var entries = new List<KeyValuePair<SourceNode, SourceNode>>();
                        _open.Push(new OpenCollection(Anchor(start, new SourceMapping(start.Start, start.Style, entries)), entries, null));
                        continue;
                    case SequenceStart start:
                        _nodes++;
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
                    var root = Resolved(complete);
                    CheckExpansion();
                    return root;
                }

                _open.Peek().Add(complete);
            }
        }

        private SourceNode Alias(AnchorAlias alias)
        {
            var container = _open.Count > 0 ? _open.Peek().Node : null;
            if (_anchors.TryGetValue(alias.Value.Value, out var anchored))
            {
                if (_open.Any(o => ReferenceEquals(o.Node, anchored)))
                {
                    throw Endless(alias.Start);
                }

                _aliases.Add((alias.Start, container, anchored));
                return anchored;
            }

            var unresolved = new Unresolved(alias.Start, alias.Value.Value);
            _forwardAliases.Add((alias.Start, container, unresolved));
            return unresolved;
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

        /// <summary>
        /// Refuses a document whose aliases would repeat values without end (an alias inside what it names) or more than
        /// <see cref="ScenarioBounds.MaxAliasedValues"/> of them, counting each alias as a copy of what it names, before
        /// anything reads it.
        /// </summary>
        private void CheckExpansion()
        {
            foreach (var (at, container, alias) in _forwardAliases)
            {
                _aliases.Add((at, container, Target(alias)));
            }

            if (_aliases.Count == 0)
            {
                return;
            }

            // Each alias stands for a copy of what it names, so the values repeated are the sum of the named nodes' sizes.
            var sizes = new ExpandedSizes();
            long repeated = 0;
            foreach (var (_, _, target) in _aliases)
            {
                repeated = Math.Min(ExpandedSizes.Endless, repeated + sizes.Of(target));
                if (sizes.Loop is var (from, to))
                {
                    // Only aliases written before their anchors get here (the others are refused as they are read). The
                    // edge that closes the loop is an alias in `from` naming `to`: written values nest, aliases loop.
                    var closing = _aliases.Find(a => ReferenceEquals(a.Container, from) && ReferenceEquals(a.Target, to));
                    throw Endless(closing.Target is null ? _aliases.Find(a => ReferenceEquals(a.Target, to)).At : closing.At);
                }
            }

            // Linear use (an anchored trigger for every lane) repeats fewer values than it writes; aliases of lists of
            // aliases multiply at every level.
            var allowed = Math.Max(ScenarioBounds.MaxAliasedValues, 2 * _nodes);
            if (repeated > allowed)
            {
                var largest = _aliases.MaxBy(a => sizes.Of(a.Target));
                throw new BoundExceededException(
                    largest.At,
                    $"the aliases of this file repeat {Count(repeated)} values on top of the {Count(_nodes)} written; at most "
                    + $"{Count(allowed)} may be repeated (the larger of {Count(ScenarioBounds.MaxAliasedValues)} and twice the values written; "
                    + $"see docs/reliability.md); this alias alone names {Count(sizes.Of(largest.Target))}",
                    "let an alias repeat a piece of the file, not lists of other aliases; write repeated entries out where they are meant");
            }
        }

        private static BoundExceededException Endless(Mark at) => new(
            at,
            "this alias is inside the list or mapping it names, which would repeat it without end",
            "point the alias at a value written outside the list or mapping that holds it");

        private static string Count(long values) =>
            values >= ExpandedSizes.Endless ? "more than 10^18" : values.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);

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

    /// <summary>
    /// How many values each node stands for with every alias in it replaced by a copy of what it names, counted once per
    /// node and without recursion; the count stops growing at <see cref="Endless"/>.
    /// </summary>
    private sealed class ExpandedSizes
    {
        public const long Endless = 1_000_000_000_000_000_000;

        private readonly Dictionary<SourceNode, long> _sizes = new(ReferenceEqualityComparer.Instance);

        /// <summary>
        /// The first edge found from a node to one whose size was still being counted (its ancestor): an alias inside
        /// what it names, written in <c>From</c> and naming <c>To</c>.
        /// </summary>
        public (SourceNode From, SourceNode To)? Loop { get; private set; }

        public long Of(SourceNode node)
        {
            if (node is SourceScalar)
            {
                return 1;
            }

            if (_sizes.TryGetValue(node, out var known))
            {
                return known;
            }

            // Post-order over the collections below: a node is summed once all its children are.
            var pending = new Stack<(SourceNode Node, bool ChildrenDone)>();
            pending.Push((node, false));
            while (pending.Count > 0)
            {
                var (current, childrenDone) = pending.Pop();
                if (childrenDone)
                {
                    long size = 1;
                    foreach (var child in Children(current))
                    {
                        size = Math.Min(Endless, size + (child is SourceScalar ? 1 : _sizes[child]));
                    }

                    _sizes[current] = size;
                    continue;
                }

                if (_sizes.ContainsKey(current))
                {
                    // Counted meanwhile through another alias (a node on the current path is caught below, when pushed).
                    continue;
                }

                _sizes[current] = -1;
                pending.Push((current, true));
                foreach (var child in Children(current))
                {
                    if (child is not SourceScalar)
                    {
                        if (_sizes.TryGetValue(child, out var state) && state < 0)
                        {
                            Loop = (current, child);
                            return Endless;
                        }

                        pending.Push((child, false));
                    }
                }
            }

            return _sizes[node];
        }

        private static IEnumerable<SourceNode> Children(SourceNode node) => node switch
        {
            SourceMapping mapping => mapping.Children.SelectMany(e => new[] { e.Key, e.Value }),
            SourceSequence sequence => sequence.Children,
            _ => [],
        };
    }

    /// <summary>An alias read before its anchor; it never leaves <see cref="DocumentReader"/>.</summary>
    private sealed class Unresolved(Mark start, string anchor) : SourceNode(start)
    {
        public string Anchor { get; } = anchor;
    }
}
