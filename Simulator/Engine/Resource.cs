namespace Simulator.Engine;

/// <summary>A resource with <see cref="ResourceBase.Capacity"/> units granted first come, first served.</summary>
public sealed class Resource : ResourceBase
{
    /// <summary>Creates a resource with <paramref name="capacity"/> units (at least one).</summary>
    public Resource(SimEnvironment environment, int capacity = 1, string? name = null)
        : base(environment, capacity, name)
    {
    }

    /// <summary>Requests a unit; the event succeeds (with the request as value) when the unit is granted.</summary>
    public Request Request() => Enqueue(0, preempt: false);
}
