using Simulator.Engine;

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
    private readonly FeedRun[] _feeds;

    // Each feed's lane when it has only one (most have): what handling the feed reads next, warmed from here without
    // first loading the feed.
    private readonly LaneRun?[] _onlyLanes;
    private int _count;

    /// <summary>An empty heap for the feeds of a line with <paramref name="feeds"/> feeds.</summary>
    public FeedHeap(Func<FeedRun, long> key, int feeds)
    {
        _key = key;
        _items = new Entry[feeds];
        _slotOf = new int[feeds];
        _feeds = new FeedRun[feeds];
        _onlyLanes = new LaneRun?[feeds];
        Array.Fill(_slotOf, -1);
    }

    public int Count => _count;

    public long MinKey => _count > 0 ? _items[0].Key : long.MaxValue;

    public FeedRun Min => _feeds[_items[0].Member];

    /// <summary>
    /// Starts loading the feeds that come next after the minimum is re-keyed (its two children; one of them is the next
    /// minimum unless the minimum stays) and their lanes, from the heap's own arrays, so that a line working through
    /// several stocks at one instant does not wait for each in turn.
    /// </summary>
    public void WarmAfterMin()
    {
        for (var slot = 1; slot <= 2 && slot < _count; slot++)
        {
            var member = _items[slot].Member;
            CacheWarming.Prefetch(_feeds[member]);
            CacheWarming.Prefetch(_onlyLanes[member]);
        }
    }

    public void Add(FeedRun feed)
    {
        _feeds[feed.LineIndex] = feed;
        _onlyLanes[feed.LineIndex] = feed.OnlyLane;
        _items[_count] = new Entry(_key(feed), feed.LineIndex);
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

    // Both sifts carry the moving entry in hand and write it once where it stops, which leaves every entry where
    // swapping it level by level would: the same comparisons, fewer writes.
    private void Up(int i)
    {
        var items = _items;
        var moving = items[i];
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (items[parent].Key <= moving.Key)
            {
                break;
            }

            Place(items[parent], i);
            i = parent;
        }

        Place(moving, i);
    }

    private void Down(int i)
    {
        var items = _items;
        var count = _count;
        var moving = items[i];
        while (true)
        {
            var l = (2 * i) + 1;
            if (l >= count)
            {
                break;
            }

            var smallest = l + 1 < count && items[l + 1].Key < items[l].Key ? l + 1 : l;
            if (moving.Key <= items[smallest].Key)
            {
                break;
            }

            Place(items[smallest], i);
            i = smallest;
        }

        Place(moving, i);
    }

    private void Place(Entry entry, int slot)
    {
        _items[slot] = entry;
        _slotOf[entry.Member] = slot;
    }

    /// <summary>
    /// A feed in the heap: its key and its index among the line's feeds (no reference, so moving entries costs no
    /// write barrier).
    /// </summary>
    private record struct Entry(long Key, int Member);
}
