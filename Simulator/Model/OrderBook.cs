namespace Simulator.Model;

/// <summary>
/// The orders of one product waiting for production, first come first served: a ring of (lane slot, pieces)
/// in which consecutive orders of the same lane merge, so a stream of sequence call-offs costs no allocation.
/// </summary>
internal sealed class OrderBook
{
    private int[] _lanes = new int[4];
    private double[] _pieces = new double[4];
    private int _head;
    private int _count;

    public int Count => _count;

    public void Add(int lane, double pieces)
    {
        if (_count > 0)
        {
            var tail = (_head + _count - 1) & (_lanes.Length - 1);
            if (_lanes[tail] == lane)
            {
                _pieces[tail] += pieces;
                return;
            }
        }

        if (_count == _lanes.Length)
        {
            Grow();
        }

        var at = (_head + _count) & (_lanes.Length - 1);
        _lanes[at] = lane;
        _pieces[at] = pieces;
        _count++;
    }

    /// <summary>Assigns up to <paramref name="made"/> pieces to the oldest orders; returns the pieces left over.</summary>
    public double Serve(double made, double[] readyByLane)
    {
        while (made > 1e-12 && _count > 0)
        {
            var assigned = Math.Min(_pieces[_head], made);
            readyByLane[_lanes[_head]] += assigned;
            _pieces[_head] -= assigned;
            made -= assigned;
            if (_pieces[_head] <= 1e-12)
            {
                _head = (_head + 1) & (_lanes.Length - 1);
                _count--;
            }
        }

        return made;
    }

    /// <summary>Drops every order of <paramref name="lane"/>, keeping the others in their order.</summary>
    public void Remove(int lane)
    {
        var kept = 0;
        var mask = _lanes.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var from = (_head + i) & mask;
            if (_lanes[from] == lane)
            {
                continue;
            }

            var to = (_head + kept) & mask;
            _lanes[to] = _lanes[from];
            _pieces[to] = _pieces[from];
            kept++;
        }

        _count = kept;
    }

    private void Grow()
    {
        var lanes = new int[_lanes.Length * 2];
        var pieces = new double[_lanes.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            var from = (_head + i) & (_lanes.Length - 1);
            lanes[i] = _lanes[from];
            pieces[i] = _pieces[from];
        }

        _lanes = lanes;
        _pieces = pieces;
        _head = 0;
    }
}
