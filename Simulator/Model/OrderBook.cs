namespace Simulator.Model;

/// <summary>
/// The orders of one product waiting for production, earliest need date first: a ring of (lane slot, pieces, need
/// hour) kept sorted by need hour and then by lane slot (the lanes' order in the scenario). Orders of one lane with
/// the same need hour merge, and a new order almost always belongs at the tail, so booking costs no allocation and
/// no search on the hot path (the ring only grows while the backlog does).
/// </summary>
internal partial struct OrderBook
{
    // One array of entries rather than one per field: booking and serving touch one cache line, not three. A struct,
    // kept inline in its product's state: one object fewer to reach on every booking.
    private Order[] _orders = new Order[4];
    private int _head;
    private int _count;

    /// <summary>An empty book.</summary>
    public OrderBook()
    {
    }

    public int Count => _count;

    /// <summary>Books <paramref name="pieces"/> for <paramref name="lane"/>, needed at <paramref name="needHours"/>.</summary>
    public void Add(int lane, double pieces, double needHours)
    {
        var mask = _orders.Length - 1;
        var at = _count;
        while (at > 0)
        {
            ref var before = ref _orders[(_head + at - 1) & mask];
            if (before.Need < needHours || (before.Need == needHours && before.Lane <= lane))
            {
                if (before.Lane == lane && before.Need == needHours)
                {
                    before.Pieces += pieces;
                    return;
                }

                break;
            }

            at--;
        }

        if (_count == _orders.Length)
        {
            Grow();
            mask = _orders.Length - 1;
        }

        for (var i = _count; i > at; i--)
        {
            _orders[(_head + i) & mask] = _orders[(_head + i - 1) & mask];
        }

        _orders[(_head + at) & mask] = new Order(lane, pieces, needHours);
        _count++;
    }

    /// <summary>Assigns up to <paramref name="made"/> pieces to the orders needed first; returns the pieces left over.</summary>
    public double Serve(double made, double[] readyByLane)
    {
        while (made > 1e-12 && _count > 0)
        {
            ref var oldest = ref _orders[_head];
            var assigned = Math.Min(oldest.Pieces, made);
            readyByLane[oldest.Lane] += assigned;
            oldest.Pieces -= assigned;
            made -= assigned;
            if (oldest.Pieces <= 1e-12)
            {
                _head = (_head + 1) & (_orders.Length - 1);
                _count--;
            }
        }

        return made;
    }

    /// <summary>Drops every order of <paramref name="lane"/>, keeping the others in their order.</summary>
    public void Remove(int lane)
    {
        var kept = 0;
        var mask = _orders.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var order = _orders[(_head + i) & mask];
            if (order.Lane != lane)
            {
                _orders[(_head + kept) & mask] = order;
                kept++;
            }
        }

        _count = kept;
    }

    private void Grow()
    {
        var orders = new Order[_orders.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            orders[i] = _orders[(_head + i) & (_orders.Length - 1)];
        }

        _orders = orders;
        _head = 0;
    }

    /// <summary>Pieces booked for a lane's slot, needed at an hour.</summary>
    private record struct Order(int Lane, double Pieces, double Need);
}
