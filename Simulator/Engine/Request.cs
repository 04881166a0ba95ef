namespace Simulator.Engine;

/// <summary>
/// A claim on one unit of a resource; the event succeeds when the unit is granted. Give it back with
/// <see cref="ResourceBase.Release"/>, which also withdraws a request that is still queued.
/// </summary>
public sealed class Request : Event
{
    internal Request(ResourceBase resource, int priority, bool preempt, long sequence)
        : base(resource.Environment)
    {
        Resource = resource;
        Priority = priority;
        Preempt = preempt;
        Sequence = sequence;
        Owner = resource.Environment.ActiveProcess;
        RequestTime = resource.Environment.Now;
    }

    /// <summary>The resource this request claims a unit of.</summary>
    public ResourceBase Resource { get; }

    /// <summary>Lower numbers are served first; 0 for a plain <see cref="Engine.Resource"/>.</summary>
    public int Priority { get; }

    /// <summary>Whether this request may preempt a user of lower priority (only on a <see cref="PreemptiveResource"/>).</summary>
    public bool Preempt { get; }

    /// <summary>The process that made the request, or null when it was made outside any process.</summary>
    public SimProcess? Owner { get; }

    /// <summary>The time in hours at which the request was made.</summary>
    public double RequestTime { get; }

    /// <summary>The time in hours at which the unit was granted; NaN until then.</summary>
    public double UsageSince { get; internal set; } = double.NaN;

    /// <summary>Where the request stands.</summary>
    public RequestStatus Status { get; internal set; }

    internal long Sequence { get; }

    internal string OwnerName => Owner is { } owner ? $"process '{owner.Name}'" : "no process";

    internal override string Describe() => $"Request on '{Resource.Name}' by {OwnerName}";
}
