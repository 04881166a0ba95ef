namespace Simulator.Engine;

/// <summary>
/// Discrete items held first in, first out, up to <see cref="StoreBase{T}.Capacity"/>. Puts wait while the store
/// is full, gets wait while it is empty; each side is served in arrival order.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public sealed class Store<T> : StoreBase<T>
{
    private readonly Queue<T> _items = new();

    /// <summary>Creates an empty store for at most <paramref name="capacity"/> items (unbounded by default).</summary>
    public Store(SimEnvironment environment, int capacity = int.MaxValue, string? name = null)
        : base(environment, capacity, name ?? "Store")
    {
    }

    /// <inheritdoc/>
    public override int Count => _items.Count;

    /// <inheritdoc/>
    public override IReadOnlyList<T> Items => [.. _items];

    private protected override void Add(T item) => _items.Enqueue(item);

    private protected override T Take() => _items.Dequeue();
}
