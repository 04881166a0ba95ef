namespace Simulator.Model;

internal sealed partial class OrderBook
{
    /// <summary>Writes the open orders in the order they are served.</summary>
    public void WriteState(StateDigest digest)
    {
        digest.Add(_count);
        var mask = _lanes.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var at = (_head + i) & mask;
            digest.Add(_lanes[at]);
            digest.Add(_pieces[at]);
            digest.Add(_need[at]);
        }
    }
}
