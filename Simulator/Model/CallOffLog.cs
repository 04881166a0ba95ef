using Simulator.Engine;

namespace Simulator.Model;

/// <summary>
/// A lane's orders not yet transmitted to its supplier, each with the hour it is needed: (cumulative allocated pieces
/// at the order's end, need hour), oldest first. Orders held by an outage keep their own need dates, so the supplier
/// can build them by need date across its customers when transmission returns.
/// </summary>
/// <remarks>
/// While transmission works an order is booked as soon as it is logged, so the log holds at most one call-off: that
/// one is kept inline (in the lane that holds the log), and only the later ones of an outage go to a ring made when
/// first needed. A call-off then touches no other object.
/// </remarks>
internal partial struct CallOffLog
{
    private CallOff _oldest;
    private CallOff[]? _later;
    private int _head;
    private int _count;

    /// <summary>An empty log.</summary>
    public CallOffLog()
    {
    }

    public readonly int Count => _count;

    /// <summary>Cumulative allocated pieces at the end of the oldest order.</summary>
    public readonly double OldestEnd => _oldest.End;

    /// <summary>Need hour of the oldest order.</summary>
    public readonly double OldestNeedHours => _oldest.Need;

    /// <summary>
    /// Logs an order that ends at <paramref name="allocatedEnd"/> pieces and is needed at <paramref name="needHours"/>;
    /// it extends the newest one when that is needed at the same hour.
    /// </summary>
    public void Add(double allocatedEnd, double needHours)
    {
        if (_count == 0)
        {
            _oldest = new CallOff(allocatedEnd, needHours);
            _count = 1;
            return;
        }

        if (_count == 1 && _oldest.Need == needHours)
        {
            _oldest.End = allocatedEnd;
            return;
        }

        if (_count > 1)
        {
            ref var newest = ref _later![(_head + _count - 2) & (_later.Length - 1)];
            if (newest.Need == needHours)
            {
                newest.End = allocatedEnd;
                return;
            }
        }

        _later ??= new CallOff[4];
        if (_count - 1 == _later.Length)
        {
            Grow();
        }

        _later[(_head + _count - 1) & (_later.Length - 1)] = new CallOff(allocatedEnd, needHours);
        _count++;
    }

    /// <summary>Starts loading the ring of later call-offs, when there are any.</summary>
    public readonly void Warm()
    {
        if (_count > 1)
        {
            CacheWarming.Prefetch(_later);
        }
    }

    /// <summary>Drops the oldest order (fully transmitted).</summary>
    public void DropOldest()
    {
        _count--;
        if (_count > 0)
        {
            _oldest = _later![_head];
            _head = (_head + 1) & (_later.Length - 1);
        }
    }

    /// <summary>Drops every order (the lane failed over).</summary>
    public void Clear()
    {
        _head = 0;
        _count = 0;
    }

    /// <summary>The <paramref name="i"/>-th call-off, oldest first.</summary>
    private readonly CallOff At(int i) => i == 0 ? _oldest : _later![(_head + i - 1) & (_later.Length - 1)];

    private void Grow()
    {
        var later = new CallOff[_later!.Length * 2];
        for (var i = 0; i < _count - 1; i++)
        {
            later[i] = _later[(_head + i) & (_later.Length - 1)];
        }

        _later = later;
        _head = 0;
    }

    private record struct CallOff(double End, double Need);
}
