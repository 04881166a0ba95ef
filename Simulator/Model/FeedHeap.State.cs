namespace Simulator.Model;

internal sealed partial class FeedHeap
{
    /// <summary>
    /// Writes the heap in array order: which of two equal keys is on top depends on it. The feeds by member, their
    /// only lanes and their slots are the line's own feeds and follow from that order.
    /// </summary>
    public void WriteState(StateDigest digest)
    {
        digest.Add(_count);
        for (var i = 0; i < _count; i++)
        {
            digest.Add(_items[i].Key);
            digest.Add(_feeds[_items[i].Member].Plan.Index);
        }
    }
}
