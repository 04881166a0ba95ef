namespace Simulator.Engine;

/// <summary>
/// A level of a continuous or discrete quantity between 0 and <see cref="Capacity"/>. Puts wait while the amount
/// does not fit and gets wait while the level is too low; each side is served strictly in arrival order, so a
/// large request at the head is not overtaken by smaller ones behind it.
/// </summary>
public sealed class Container
{
    private readonly Queue<ContainerRequest> _puts = new();
    private readonly Queue<ContainerRequest> _gets = new();
    private int _cancelledPuts;
    private int _cancelledGets;

    /// <summary>Creates a container holding <paramref name="initialLevel"/> out of <paramref name="capacity"/> (unbounded by default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive or the initial level lies outside [0, capacity].</exception>
    public Container(SimEnvironment environment, double capacity = double.PositiveInfinity, double initialLevel = 0.0, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!(capacity > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be positive.");
        }

        if (!(initialLevel >= 0.0 && initialLevel <= capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(initialLevel), initialLevel, $"The initial level must lie between 0 and the capacity {capacity}.");
        }

        Environment = environment;
        Capacity = capacity;
        Level = initialLevel;
        Name = name ?? nameof(Container);
    }

    /// <summary>The environment the container lives in.</summary>
    public SimEnvironment Environment { get; }

    /// <summary>The name used in error messages.</summary>
    public string Name { get; }

    /// <summary>The largest level the container can hold.</summary>
    public double Capacity { get; }

    /// <summary>The current level.</summary>
    public double Level { get; private set; }

    /// <summary>How many puts wait for room.</summary>
    public int PutQueueLength => _puts.Count - _cancelledPuts;

    /// <summary>How many gets wait for stock.</summary>
    public int GetQueueLength => _gets.Count - _cancelledGets;

    /// <summary>Adds <paramref name="amount"/> once it fits; the event succeeds at that moment.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive or exceeds the capacity.</exception>
    public ContainerRequest Put(double amount)
    {
        CheckAmount(amount);
        var request = new ContainerRequest(this, amount, isPut: true);
        _puts.Enqueue(request);
        Settle();
        return request;
    }

    /// <summary>Removes <paramref name="amount"/> once the level allows it; the event succeeds at that moment.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive or exceeds the capacity.</exception>
    public ContainerRequest Get(double amount)
    {
        CheckAmount(amount);
        var request = new ContainerRequest(this, amount, isPut: false);
        _gets.Enqueue(request);
        Settle();
        return request;
    }

    internal void Withdraw(ContainerRequest request)
    {
        if (request.IsPut)
        {
            _cancelledPuts++;
        }
        else
        {
            _cancelledGets++;
        }

        // A withdrawn head may have blocked requests behind it.
        Settle();
    }

    /// <summary>Serves puts and gets alternately until neither head can move, since each side can unblock the other.</summary>
    private void Settle()
    {
        bool moved;
        do
        {
            moved = ServePuts() | ServeGets();
        }
        while (moved);
    }

    private bool ServePuts()
    {
        var moved = false;
        while (_puts.TryPeek(out var head))
        {
            if (head.IsCancelled)
            {
                _puts.Dequeue();
                _cancelledPuts--;
                continue;
            }

            if (Capacity - Level < head.Amount)
            {
                break;
            }

            _puts.Dequeue();
            Level += head.Amount;
            head.Succeed(head.Amount);
            moved = true;
        }

        return moved;
    }

    private bool ServeGets()
    {
        var moved = false;
        while (_gets.TryPeek(out var head))
        {
            if (head.IsCancelled)
            {
                _gets.Dequeue();
                _cancelledGets--;
                continue;
            }

            if (Level < head.Amount)
            {
                break;
            }

            _gets.Dequeue();
            Level -= head.Amount;
            head.Succeed(head.Amount);
            moved = true;
        }

        return moved;
    }

    private void CheckAmount(double amount)
    {
        if (!(amount > 0.0 && amount <= Capacity))
        {
            var by = Environment.ActiveProcess is { } active ? $" (in process '{active.Name}')" : string.Empty;
            throw new ArgumentOutOfRangeException(
                nameof(amount),
                amount,
                $"An amount on container '{Name}' must be positive and at most its capacity {Capacity}{by}.");
        }
    }
}
