namespace Simulator.Model;

/// <summary>
/// A lane's orders not yet transmitted to its supplier, each with the hour it is needed: a ring of (cumulative
/// allocated pieces at the order's end, need hour). Orders held by an outage keep their own need dates, so the
/// supplier can build them by need date across its customers when transmission returns.
/// </summary>
internal sealed partial class CallOffLog
{
    private double[] _ends = new double[4];
    private double[] _need = new double[4];
    private int _head;
    private int _count;

    public int Count => _count;

    /// <summary>Cumulative allocated pieces at the end of the oldest order.</summary>
    public double OldestEnd => _ends[_head];

    /// <summary>Need hour of the oldest order.</summary>
    public double OldestNeedHours => _need[_head];

    /// <summary>Records that the lane's allocation reached <paramref name="allocatedEnd"/> with an order needed at <paramref name="needHours"/>.</summary>
    public void Add(double allocatedEnd, double needHours)
    {
        if (_count > 0)
        {
            var tail = (_head + _count - 1) & (_ends.Length - 1);
            if (_need[tail] == needHours)
            {
                _ends[tail] = allocatedEnd;
                return;
            }
        }

        if (_count == _ends.Length)
        {
            Grow();
        }

        var at = (_head + _count) & (_ends.Length - 1);
        _ends[at] = allocatedEnd;
        _need[at] = needHours;
        _count++;
    }

    public void DropOldest()
    {
        _head = (_head + 1) & (_ends.Length - 1);
        _count--;
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
    }

    private void Grow()
    {
        var ends = new double[_ends.Length * 2];
        var need = new double[_ends.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            var from = (_head + i) & (_ends.Length - 1);
            ends[i] = _ends[from];
            need[i] = _need[from];
        }

        _ends = ends;
        _need = need;
        _head = 0;
    }
}
