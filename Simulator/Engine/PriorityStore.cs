namespace Simulator.Engine;

/// <summary>
/// A store whose gets take the smallest item by its comparer (for example the job with the earliest due date),
/// items that compare equal first in, first out. Puts wait while the store is full, gets wait while it is empty;
/// each side is served in arrival order.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public sealed class PriorityStore<T> : StoreBase<T>
{
    private readonly PriorityQueue<T, Ranked> _items;
    private readonly RankComparer _comparer;
    private long _sequence;

    /// <summary>
    /// Creates an empty store for at most <paramref name="capacity"/> items (unbounded by default), ordered by
    /// <paramref name="comparer"/> (the default comparer of <typeparamref name="T"/> when null).
    /// </summary>
    public PriorityStore(SimEnvironment environment, IComparer<T>? comparer = null, int capacity = int.MaxValue, string? name = null)
        : base(environment, capacity, name ?? "PriorityStore")
    {
        _comparer = new RankComparer(comparer ?? Comparer<T>.Default);
        _items = new PriorityQueue<T, Ranked>(_comparer);
    }

    /// <inheritdoc/>
    public override int Count => _items.Count;

    /// <inheritdoc/>
    public override IReadOnlyList<T> Items
    {
        get
        {
            var ranked = _items.UnorderedItems.Select(entry => entry.Priority).ToList();
            ranked.Sort(_comparer);
            return ranked.ConvertAll(entry => entry.Item);
        }
    }

    private protected override void Add(T item) => _items.Enqueue(item, new Ranked(item, _sequence++));

    private protected override T Take() => _items.Dequeue();

    private readonly record struct Ranked(T Item, long Sequence);

    private sealed class RankComparer(IComparer<T> items) : IComparer<Ranked>
    {
        public int Compare(Ranked x, Ranked y)
        {
            var order = items.Compare(x.Item, y.Item);
            return order != 0 ? order : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
