namespace Simulator.Engine;

/// <summary>A resource with <see cref="ResourceBase.Capacity"/> units granted first come, first served.</summary>
public sealed class Resource : ResourceBase
{
    /// <summary>
    /// Creates a resource with <paramref name="capacity"/> units (at least one) where at most
    /// <paramref name="queueCapacity"/> requests wait (see <see cref="ResourceBase.QueueCapacity"/>).
    /// </summary>
    public Resource(SimEnvironment environment, int capacity = 1, string? name = null, int queueCapacity = int.MaxValue)
        : base(environment, capacity, name, queueCapacity)
    {
    }

    /// <summary>Requests a unit; the event succeeds (with the request as value) when the unit is granted.</summary>
    public Request Request() => Enqueue(0, preempt: false);
}
