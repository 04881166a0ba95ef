namespace Simulator.Engine;

/// <summary>A put or get of one item on a <see cref="Store{T}"/>, <see cref="PriorityStore{T}"/> or <see cref="FilterStore{T}"/>; succeeds when the item has moved.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
public sealed class StoreRequest<T> : Event
{
    private readonly Action<StoreRequest<T>> _withdraw;

    internal StoreRequest(SimEnvironment environment, bool isPut, T item, Func<T, bool>? filter, Action<StoreRequest<T>> withdraw)
        : base(environment)
    {
        IsPut = isPut;
        Item = item;
        Filter = filter;
        _withdraw = withdraw;
    }

    /// <summary>True for a put, false for a get.</summary>
    public bool IsPut { get; }

    /// <summary>The item put, or for a get the item received once the event succeeded (default before).</summary>
    public T Item { get; internal set; }

    /// <summary>For a get on a <see cref="FilterStore{T}"/>, the condition the item must meet; null otherwise.</summary>
    public Func<T, bool>? Filter { get; }

    /// <summary>For a waiting get on a <see cref="FilterStore{T}"/>, the number of the last item its filter tested (-1 for none).</summary>
    internal long TestedThrough { get; set; } = -1;

    /// <summary>True once withdrawn with <see cref="Cancel"/>.</summary>
    public bool IsCancelled { get; private set; }

    /// <summary>Withdraws the request if it still waits (for example after its process was interrupted); returns whether it did.</summary>
    public bool Cancel()
    {
        if (IsTriggered || IsCancelled)
        {
            return false;
        }

        IsCancelled = true;
        _withdraw(this);
        return true;
    }

    internal override string Describe() => IsPut ? "Store put" : "Store get";
}
