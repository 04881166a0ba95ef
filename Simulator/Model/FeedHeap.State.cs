namespace Simulator.Model;

internal sealed partial class FeedHeap
{
    /// <summary>Writes the heap in array order (ties between equal keys depend on it), keys relative to <paramref name="jobs"/>.</summary>
    public void WriteState(StateDigest digest, long jobs)
    {
        digest.Add(_items.Count);
        foreach (var (k, feed) in _items)
        {
            digest.Add(k - jobs);
            digest.Add(feed.Plan.Index);
        }
    }
}
