using Simulator.Engine;

namespace Simulator.Model;

/// <summary>
/// A lane's orders not yet transmitted to its supplier, each with the hour it is needed: a ring of (cumulative
/// allocated pieces at the order's end, need hour). Orders held by an outage keep their own need dates, so the
/// supplier can build them by need date across its customers when transmission returns.
/// </summary>
internal partial struct CallOffLog
{
    // One array of entries rather than one per field: a call-off touches one cache line, not two. A struct, kept
    // inline in its lane: one object fewer to reach on every call-off.
    private CallOff[] _callOffs = new CallOff[4];
    private int _head;
    private int _count;

    /// <summary>An empty log.</summary>
    public CallOffLog()
    {
    }

    public int Count => _count;

    /// <summary>Cumulative allocated pieces at the end of the oldest order.</summary>
    public double OldestEnd => _callOffs[_head].End;

    /// <summary>Need hour of the oldest order.</summary>
    public double OldestNeedHours => _callOffs[_head].Need;

    /// <summary>Records that the lane's allocation reached <paramref name="allocatedEnd"/> with an order needed at <paramref name="needHours"/>.</summary>
    public void Add(double allocatedEnd, double needHours)
    {
        if (_count > 0)
        {
            ref var newest = ref _callOffs[(_head + _count - 1) & (_callOffs.Length - 1)];
            if (newest.Need == needHours)
            {
                newest.End = allocatedEnd;
                return;
            }
        }

        if (_count == _callOffs.Length)
        {
            Grow();
        }

        _callOffs[(_head + _count) & (_callOffs.Length - 1)] = new CallOff(allocatedEnd, needHours);
        _count++;
    }

    /// <summary>Starts loading the entries into the cache (see <see cref="CacheWarming"/>).</summary>
    public readonly void Warm() => CacheWarming.Prefetch(_callOffs);

    public void DropOldest()
    {
        _head = (_head + 1) & (_callOffs.Length - 1);
        _count--;
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
    }

    private void Grow()
    {
        var callOffs = new CallOff[_callOffs.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            callOffs[i] = _callOffs[(_head + i) & (_callOffs.Length - 1)];
        }

        _callOffs = callOffs;
        _head = 0;
    }

    /// <summary>Where a call-off ends in the lane's allocated total, and when it is needed.</summary>
    private record struct CallOff(double End, double Need);
}
