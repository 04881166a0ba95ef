namespace Simulator.Engine;

/// <summary>
/// A priority resource where a request that finds every unit busy takes the unit of the user with the lowest
/// priority (the latest among equals) if that priority is strictly lower; the displaced user's process is
/// interrupted with a <see cref="Preempted"/> cause.
/// </summary>
public sealed class PreemptiveResource : ResourceBase
{
    /// <summary>
    /// Creates a resource with <paramref name="capacity"/> units (at least one) where at most
    /// <paramref name="queueCapacity"/> requests wait (see <see cref="ResourceBase.QueueCapacity"/>).
    /// </summary>
    public PreemptiveResource(SimEnvironment environment, int capacity = 1, string? name = null, int queueCapacity = int.MaxValue)
        : base(environment, capacity, name, queueCapacity)
    {
    }

    private protected override bool Preemptive => true;

    /// <summary>
    /// Requests a unit at <paramref name="priority"/> (lower is served first); with <paramref name="preempt"/> it may
    /// displace a user of lower priority. Succeeds when granted.
    /// </summary>
    public Request Request(int priority = 0, bool preempt = true) => Enqueue(priority, preempt);
}
