namespace Simulator.Model;

/// <summary>
/// An indexed binary min-heap of feeds keyed by a job count, so a line finds its next run-out or reorder point in
/// O(1) per job and re-keys a feed in O(log n) per delivery or order.
/// </summary>
internal sealed partial class FeedHeap(Func<FeedRun, long> key, bool reorderSlot)
{
    private readonly List<(long Key, FeedRun Feed)> _items = [];

    public int Count => _items.Count;

    public long MinKey => _items.Count > 0 ? _items[0].Key : long.MaxValue;

    public FeedRun Min => _items[0].Feed;

    public void Add(FeedRun feed)
    {
        _items.Add((key(feed), feed));
        SetSlot(_items.Count - 1);
        Up(_items.Count - 1);
    }

    /// <summary>Re-reads the key of <paramref name="feed"/> and restores the heap order.</summary>
    public void Update(FeedRun feed)
    {
        var i = reorderSlot ? feed.ReorderSlot : feed.HeapSlot;
        if (i < 0)
        {
            return;
        }

        var old = _items[i].Key;
        var k = key(feed);
        _items[i] = (k, feed);
        if (k < old)
        {
            Up(i);
        }
        else
        {
            Down(i);
        }
    }

    private void Up(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_items[parent].Key <= _items[i].Key)
            {
                break;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void Down(int i)
    {
        while (true)
        {
            var l = (2 * i) + 1;
            if (l >= _items.Count)
            {
                return;
            }

            var smallest = l + 1 < _items.Count && _items[l + 1].Key < _items[l].Key ? l + 1 : l;
            if (_items[i].Key <= _items[smallest].Key)
            {
                return;
            }

            Swap(i, smallest);
            i = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_items[a], _items[b]) = (_items[b], _items[a]);
        SetSlot(a);
        SetSlot(b);
    }

    private void SetSlot(int i)
    {
        if (reorderSlot)
        {
            _items[i].Feed.ReorderSlot = i;
        }
        else
        {
            _items[i].Feed.HeapSlot = i;
        }
    }
}
