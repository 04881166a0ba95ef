namespace Simulator.Engine;

/// <summary>Where a resource request stands; it moves forward only.</summary>
public enum RequestStatus
{
    /// <summary>Waiting in the resource's queue.</summary>
    Queued = 0,

    /// <summary>Holding a unit of the resource.</summary>
    Granted = 1,

    /// <summary>Lost its unit to a request of higher priority; its owner was interrupted with <see cref="Preempted"/>.</summary>
    Preempted = 2,

    /// <summary>Released by its owner (or withdrawn from the queue before it was granted).</summary>
    Released = 3,

    /// <summary>
    /// Refused on arrival because the resource's waiting line was full (see <see cref="ResourceBase.QueueCapacity"/>);
    /// the request failed with a <see cref="QueueFullException"/>, already defused.
    /// </summary>
    Rejected = 4,
}
