namespace Simulator.Model;

/// <summary>
/// An indexed binary min-heap of a line's feeds keyed by a job count, so a line finds its next run-out or reorder point
/// in O(1) per job and re-keys a feed in O(log n) per delivery or order. The heap keeps each feed's position itself (by
/// the feed's <see cref="FeedRun.LineIndex"/>), so that moving feeds up and down reads and writes only its own arrays,
/// not the feeds it passes.
/// </summary>
internal sealed partial class FeedHeap
{
    private readonly Func<FeedRun, long> _key;
    private readonly Entry[] _items;
    private readonly int[] _slotOf;
    private int _count;

    /// <summary>An empty heap for the feeds of a line with <paramref name="feeds"/> feeds.</summary>
    public FeedHeap(Func<FeedRun, long> key, int feeds)
    {
        _key = key;
        _items = new Entry[feeds];
        _slotOf = new int[feeds];
        Array.Fill(_slotOf, -1);
    }

    public int Count => _count;

    public long MinKey => _count > 0 ? _items[0].Key : long.MaxValue;

    public FeedRun Min => _items[0].Feed;

    public void Add(FeedRun feed)
    {
        _items[_count] = new Entry(_key(feed), feed, feed.LineIndex);
        _slotOf[feed.LineIndex] = _count;
        _count++;
        Up(_count - 1);
    }

    /// <summary>Re-reads the key of <paramref name="feed"/> and restores the heap order.</summary>
    public void Update(FeedRun feed)
    {
        var i = _slotOf[feed.LineIndex];
        if (i < 0)
        {
            return;
        }

        var old = _items[i].Key;
        var k = _key(feed);
        _items[i] = _items[i] with { Key = k };
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
            if (l >= _count)
            {
                return;
            }

            var smallest = l + 1 < _count && _items[l + 1].Key < _items[l].Key ? l + 1 : l;
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
        _slotOf[_items[a].Member] = a;
        _slotOf[_items[b].Member] = b;
    }

    /// <summary>A feed in the heap with its key and its index among the line's feeds.</summary>
    private record struct Entry(long Key, FeedRun Feed, int Member);
}
