namespace Simulator.Engine;

/// <summary>
/// A store whose gets name a condition: each waiting get, in arrival order, takes the oldest item that meets its
/// condition, so a get whose item is missing does not block gets behind it that can be served. A get tests each
/// item at most once, so the condition must depend on the item alone.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public sealed class FilterStore<T>
{
    private static readonly Func<T, bool> AnyItem = static _ => true;

    private readonly List<(long Sequence, T Item)> _items = [];
    private readonly Queue<StoreRequest<T>> _puts = new();
    private readonly List<StoreRequest<T>> _gets = [];
    private readonly Action<StoreRequest<T>> _withdraw;
    private int _cancelledPuts;
    private long _sequence;

    /// <summary>Creates an empty store for at most <paramref name="capacity"/> items (unbounded by default).</summary>
    public FilterStore(SimEnvironment environment, int capacity = int.MaxValue, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Environment = environment;
        Capacity = capacity;
        Name = name ?? "FilterStore";
        _withdraw = Withdraw;
    }

    /// <summary>The environment the store lives in.</summary>
    public SimEnvironment Environment { get; }

    /// <summary>The name used in error messages.</summary>
    public string Name { get; }

    /// <summary>The largest number of items the store holds.</summary>
    public int Capacity { get; }

    /// <summary>How many items the store holds.</summary>
    public int Count => _items.Count;

    /// <summary>The items, oldest first (a copy).</summary>
    public IReadOnlyList<T> Items => _items.ConvertAll(entry => entry.Item);

    /// <summary>How many puts wait for room.</summary>
    public int PutQueueLength => _puts.Count - _cancelledPuts;

    /// <summary>How many gets wait for a matching item.</summary>
    public int GetQueueLength => _gets.Count;

    /// <summary>Adds <paramref name="item"/> once there is room; the event succeeds at that moment.</summary>
    public StoreRequest<T> Put(T item)
    {
        var request = new StoreRequest<T>(Environment, isPut: true, item, filter: null, _withdraw);
        _puts.Enqueue(request);
        Settle();
        return request;
    }

    /// <summary>Takes the oldest item meeting <paramref name="filter"/> (any item when null) once there is one.</summary>
    public StoreRequest<T> Get(Func<T, bool>? filter = null)
    {
        var request = new StoreRequest<T>(Environment, isPut: false, default!, filter ?? AnyItem, _withdraw);
        _gets.Add(request);
        Settle();
        return request;
    }

    private void Withdraw(StoreRequest<T> request)
    {
        if (request.IsPut)
        {
            _cancelledPuts++;
        }
        else
        {
            // Gets do not block one another, so withdrawing one serves nobody else.
            _gets.Remove(request);
        }
    }

    /// <summary>
    /// Serves puts and gets until neither can move: new items may serve gets, and served gets make room for puts.
    /// </summary>
    private void Settle()
    {
        ServePuts();
        while (ServeGets() && ServePuts())
        {
        }
    }

    private bool ServePuts()
    {
        var moved = false;
        while (_puts.TryPeek(out var put) && (put.IsCancelled || _items.Count < Capacity))
        {
            _puts.Dequeue();
            if (put.IsCancelled)
            {
                _cancelledPuts--;
                continue;
            }

            _items.Add((_sequence++, put.Item));
            put.Succeed(put.Item);
            moved = true;
        }

        return moved;
    }

    /// <summary>Lets each waiting get test the items that arrived since it last looked; returns whether one was served.</summary>
    private bool ServeGets()
    {
        var moved = false;
        for (var g = 0; g < _gets.Count && _items.Count > 0; g++)
        {
            var get = _gets[g];
            var index = FirstAfter(get.TestedThrough);
            for (; index < _items.Count; index++)
            {
                var (sequence, item) = _items[index];
                get.TestedThrough = sequence;
                if (get.Filter!(item))
                {
                    _items.RemoveAt(index);
                    _gets.RemoveAt(g--);
                    get.Item = item;
                    get.Succeed(item);
                    moved = true;
                    break;
                }
            }
        }

        return moved;
    }

    /// <summary>The index of the first item put after the one numbered <paramref name="sequence"/> (items are in put order).</summary>
    private int FirstAfter(long sequence)
    {
        int low = 0, high = _items.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_items[middle].Sequence <= sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
