namespace Simulator.Model;

/// <summary>
/// The orders of one product waiting for production, earliest need date first: a ring of (lane slot, pieces, need
/// hour) kept sorted by need hour and then by lane slot (the lanes' order in the scenario). Orders of one lane with
/// the same need hour merge, and a new order almost always belongs at the tail, so booking costs no allocation and
/// no search on the hot path (the ring only grows while the backlog does).
/// </summary>
internal sealed partial class OrderBook
{
    private int[] _lanes = new int[4];
    private double[] _pieces = new double[4];
    private double[] _need = new double[4];
    private int _head;
    private int _count;

    public int Count => _count;

    /// <summary>Books <paramref name="pieces"/> for <paramref name="lane"/>, needed at <paramref name="needHours"/>.</summary>
    public void Add(int lane, double pieces, double needHours)
    {
        var mask = _lanes.Length - 1;
        var at = _count;
        while (at > 0)
        {
            var before = (_head + at - 1) & mask;
            if (_need[before] < needHours || (_need[before] == needHours && _lanes[before] <= lane))
            {
                if (_lanes[before] == lane && _need[before] == needHours)
                {
                    _pieces[before] += pieces;
                    return;
                }

                break;
            }

            at--;
        }

        if (_count == _lanes.Length)
        {
            Grow();
            mask = _lanes.Length - 1;
        }

        for (var i = _count; i > at; i--)
        {
            var to = (_head + i) & mask;
            var from = (_head + i - 1) & mask;
            _lanes[to] = _lanes[from];
            _pieces[to] = _pieces[from];
            _need[to] = _need[from];
        }

        var slot = (_head + at) & mask;
        _lanes[slot] = lane;
        _pieces[slot] = pieces;
        _need[slot] = needHours;
        _count++;
    }

    /// <summary>Assigns up to <paramref name="made"/> pieces to the orders needed first; returns the pieces left over.</summary>
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
            _need[to] = _need[from];
            kept++;
        }

        _count = kept;
    }

    private void Grow()
    {
        var lanes = new int[_lanes.Length * 2];
        var pieces = new double[_lanes.Length * 2];
        var need = new double[_lanes.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            var from = (_head + i) & (_lanes.Length - 1);
            lanes[i] = _lanes[from];
            pieces[i] = _pieces[from];
            need[i] = _need[from];
        }

        _lanes = lanes;
        _pieces = pieces;
        _need = need;
        _head = 0;
    }
}
