namespace Simulator.Model;

internal sealed partial class FeedHeap
{
    /// <summary>Writes the heap in array order: which of two equal keys is on top depends on it.</summary>
    public void WriteState(StateDigest digest)
    {
        digest.Add(_items.Count);
        foreach (var (k, feed) in _items)
        {
            digest.Add(k);
            digest.Add(feed.Plan.Index);
        }
    }
}
