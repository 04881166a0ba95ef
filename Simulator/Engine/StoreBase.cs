namespace Simulator.Engine;

/// <summary>
/// Discrete items held up to <see cref="Capacity"/>. Puts wait while the store is full, gets wait while it is
/// empty; each side is served in arrival order. <see cref="Store{T}"/> hands items out first in, first out,
/// <see cref="PriorityStore{T}"/> smallest first.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public abstract class StoreBase<T>
{
    private readonly Queue<StoreRequest<T>> _puts = new();
    private readonly Queue<StoreRequest<T>> _gets = new();
    private readonly Action<StoreRequest<T>> _withdraw;
    private int _cancelledPuts;
    private int _cancelledGets;

    private protected StoreBase(SimEnvironment environment, int capacity, string name)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Environment = environment;
        Capacity = capacity;
        Name = name;
        _withdraw = Withdraw;
    }

    /// <summary>The environment the store lives in.</summary>
    public SimEnvironment Environment { get; }

    /// <summary>The name used in error messages.</summary>
    public string Name { get; }

    /// <summary>The largest number of items the store holds.</summary>
    public int Capacity { get; }

    /// <summary>How many items the store holds.</summary>
    public abstract int Count { get; }

    /// <summary>The items in the order they will be taken (a copy).</summary>
    public abstract IReadOnlyList<T> Items { get; }

    /// <summary>How many puts wait for room.</summary>
    public int PutQueueLength => _puts.Count - _cancelledPuts;

    /// <summary>How many gets wait for an item.</summary>
    public int GetQueueLength => _gets.Count - _cancelledGets;

    /// <summary>Adds <paramref name="item"/> once there is room; the event succeeds at that moment.</summary>
    public StoreRequest<T> Put(T item)
    {
        var request = new StoreRequest<T>(Environment, isPut: true, item, filter: null, _withdraw);
        _puts.Enqueue(request);
        Settle();
        return request;
    }

    /// <summary>Takes the next item once there is one; the event succeeds with the item as value and <see cref="StoreRequest{T}.Item"/>.</summary>
    public StoreRequest<T> Get()
    {
        var request = new StoreRequest<T>(Environment, isPut: false, default!, filter: null, _withdraw);
        _gets.Enqueue(request);
        Settle();
        return request;
    }

    private protected abstract void Add(T item);

    private protected abstract T Take();

    private void Withdraw(StoreRequest<T> request)
    {
        if (request.IsPut)
        {
            _cancelledPuts++;
        }
        else
        {
            _cancelledGets++;
        }
    }

    private void Settle()
    {
        bool moved;
        do
        {
            moved = false;
            while (_puts.TryPeek(out var put) && (put.IsCancelled || Count < Capacity))
            {
                _puts.Dequeue();
                if (put.IsCancelled)
                {
                    _cancelledPuts--;
                    continue;
                }

                Add(put.Item);
                put.Succeed(put.Item);
                moved = true;
            }

            while (_gets.TryPeek(out var get) && (get.IsCancelled || Count > 0))
            {
                _gets.Dequeue();
                if (get.IsCancelled)
                {
                    _cancelledGets--;
                    continue;
                }

                var item = Take();
                get.Item = item;
                get.Succeed(item);
                moved = true;
            }
        }
        while (moved);
    }
}
