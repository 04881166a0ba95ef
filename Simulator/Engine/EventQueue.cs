using System.Runtime.CompilerServices;

namespace Simulator.Engine;

/// <summary>
/// A 4-ary min-heap of struct entries ordered by (time, key), where the key packs the priority above the
/// insertion sequence. Struct entries keep the queue free of per-event allocations, and the 4-ary shape halves
/// the depth compared with a binary heap, which matters once hundreds of thousands of events are pending.
/// </summary>
internal sealed class EventQueue
{
    private const int PriorityShift = 62;

    private Entry[] _items = new Entry[64];
    private int _count;
    private ulong _sequence;

    public int Count => _count;

    public double PeekTime => _count == 0 ? double.PositiveInfinity : _items[0].Time;

    /// <summary>The item that <see cref="Pop"/> returns next, or null.</summary>
    public Event? PeekItem => _count == 0 ? null : _items[0].Item;

    /// <summary>Adds an entry and returns its key, unique within the queue.</summary>
    public ulong Push(double time, EventPriority priority, Event item)
    {
        var key = ((ulong)priority << PriorityShift) | _sequence++;
        var entry = new Entry(time, key, item);
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var items = _items;
        var index = _count++;
        while (index > 0)
        {
            var parent = (index - 1) >> 2;
            if (!Less(entry, items[parent]))
            {
                break;
            }

            items[index] = items[parent];
            index = parent;
        }

        items[index] = entry;
        return key;
    }

    public Event Pop(out double time, out ulong key)
    {
        var items = _items;
        var root = items[0];
        time = root.Time;
        key = root.Key;
        var last = items[--_count];
        items[_count] = default;
        if (_count > 0)
        {
            SiftDown(items, last, _count);
        }

        return root.Item;
    }

    private static void SiftDown(Entry[] items, Entry entry, int count)
    {
        var index = 0;
        while (true)
        {
            var first = (index << 2) + 1;
            if (first >= count)
            {
                break;
            }

            var best = first;
            var end = Math.Min(first + 4, count);
            for (var child = first + 1; child < end; child++)
            {
                if (Less(items[child], items[best]))
                {
                    best = child;
                }
            }

            if (!Less(items[best], entry))
            {
                break;
            }

            items[index] = items[best];
            index = best;
        }

        items[index] = entry;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Key < b.Key);

    private readonly struct Entry(double time, ulong key, Event item)
    {
        public readonly double Time = time;
        public readonly ulong Key = key;
        public readonly Event Item = item;
    }
}
