namespace Simulator.Model;

internal partial struct OrderBook
{
    /// <summary>Writes the open orders in the order they are served.</summary>
    public readonly void WriteState(StateDigest digest)
    {
        digest.Add(_count);
        var mask = _orders.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var order = _orders[(_head + i) & mask];
            digest.Add(order.Lane);
            digest.Add(order.Pieces);
            digest.Add(order.Need);
        }
    }
}
