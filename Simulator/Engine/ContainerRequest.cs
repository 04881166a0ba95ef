namespace Simulator.Engine;

/// <summary>A put or get of an amount on a <see cref="Container"/>; the event succeeds when the amount has moved.</summary>
public sealed class ContainerRequest : Event
{
    internal ContainerRequest(Container container, double amount, bool isPut)
        : base(container.Environment)
    {
        Container = container;
        Amount = amount;
        IsPut = isPut;
    }

    /// <summary>The container the amount moves into or out of.</summary>
    public Container Container { get; }

    /// <summary>The amount to put or get.</summary>
    public double Amount { get; }

    /// <summary>True for a put, false for a get.</summary>
    public bool IsPut { get; }

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
        Container.Withdraw(this);
        return true;
    }

    internal override string Describe() => $"{(IsPut ? "Put" : "Get")} of {Amount} on '{Container.Name}'";
}
