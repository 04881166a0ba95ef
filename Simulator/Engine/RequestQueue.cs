namespace Simulator.Engine;

/// <summary>
/// Waiting requests ordered by (priority, request time, preempting before not preempting, arrival): a binary min-heap whose withdrawn entries are skipped when
/// they reach the top, so that withdrawing a request costs nothing on the hot path.
/// </summary>
internal sealed class RequestQueue
{
    private Request[] _heap = new Request[8];
    private int _size;

    /// <summary>Requests still queued (withdrawn ones excluded).</summary>
    public int Count { get; private set; }

    public void Enqueue(Request request)
    {
        if (_size == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var index = _size++;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!Less(request, _heap[parent]))
            {
                break;
            }

            _heap[index] = _heap[parent];
            index = parent;
        }

        _heap[index] = request;
        Count++;
    }

    /// <summary>The first request still queued, or null.</summary>
    public Request? Peek()
    {
        while (_size > 0 && _heap[0].Status != RequestStatus.Queued)
        {
            RemoveTop();
        }

        return _size > 0 ? _heap[0] : null;
    }

    /// <summary>Removes the request returned by the last <see cref="Peek"/>.</summary>
    public void Dequeue()
    {
        RemoveTop();
        Count--;
    }

    /// <summary>Called when a queued request is withdrawn; its heap slot is dropped lazily.</summary>
    public void Withdrawn() => Count--;

    /// <summary>The queued requests in service order (allocates; for inspection, not for hot paths).</summary>
    public IReadOnlyList<Request> Snapshot()
    {
        var list = new List<Request>(Count);
        for (var i = 0; i < _size; i++)
        {
            if (_heap[i].Status == RequestStatus.Queued)
            {
                list.Add(_heap[i]);
            }
        }

        list.Sort(static (a, b) => Less(a, b) ? -1 : Less(b, a) ? 1 : 0);
        return list;
    }

    private void RemoveTop()
    {
        var last = _heap[--_size];
        _heap[_size] = null!;
        if (_size == 0)
        {
            return;
        }

        var index = 0;
        while (true)
        {
            var child = (index << 1) + 1;
            if (child >= _size)
            {
                break;
            }

            if (child + 1 < _size && Less(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Less(_heap[child], last))
            {
                break;
            }

            _heap[index] = _heap[child];
            index = child;
        }

        _heap[index] = last;
    }

    private static bool Less(Request a, Request b)
    {
        if (a.Priority != b.Priority)
        {
            return a.Priority < b.Priority;
        }

        if (a.RequestTime != b.RequestTime)
        {
            return a.RequestTime < b.RequestTime;
        }

        return a.Preempt != b.Preempt ? a.Preempt : a.Sequence < b.Sequence;
    }
}
