namespace Simulator.Engine;

/// <summary>A resource whose waiting requests are served by priority (lower number first), then first come, first served.</summary>
public sealed class PriorityResource : ResourceBase
{
    /// <summary>
    /// Creates a resource with <paramref name="capacity"/> units (at least one) where at most
    /// <paramref name="queueCapacity"/> requests wait (see <see cref="ResourceBase.QueueCapacity"/>).
    /// </summary>
    public PriorityResource(SimEnvironment environment, int capacity = 1, string? name = null, int queueCapacity = int.MaxValue)
        : base(environment, capacity, name, queueCapacity)
    {
    }

    /// <summary>Requests a unit at <paramref name="priority"/> (lower is served first); succeeds when granted.</summary>
    public Request Request(int priority = 0) => Enqueue(priority, preempt: false);
}
