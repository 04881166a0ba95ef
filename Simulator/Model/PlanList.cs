using System.Collections;

namespace Simulator.Model;

/// <summary>
/// A read-only list of a network's plans: indexed and enumerated without allocation on the runtime's hot paths, and
/// with no way to change it once built (the builder hands over its array and keeps no reference).
/// </summary>
internal readonly struct PlanList<T> : IReadOnlyList<T>
{
    private readonly T[] _items;

    /// <summary>Takes <paramref name="items"/> over: the caller must not change it after the network is built.</summary>
    public PlanList(T[] items) => _items = items;

    public int Count => _items?.Length ?? 0;

    public T this[int index] => _items[index];

    public Enumerator GetEnumerator() => new(_items ?? []);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? []).GetEnumerator();

    /// <summary>Enumerates without allocating.</summary>
    public struct Enumerator(T[] items)
    {
        private int _index = -1;

        public readonly T Current => items[_index];

        public bool MoveNext() => ++_index < items.Length;
    }
}
