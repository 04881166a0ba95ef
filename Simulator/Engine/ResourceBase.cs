namespace Simulator.Engine;

/// <summary>
/// A pool of identical units that processes request and release. Waiting requests are granted in order of
/// (priority, request time, preempting before not preempting, arrival), and only the first of them may take a
/// unit, so a request never overtakes one ahead of it; <see cref="Resource"/>, <see cref="PriorityResource"/> and <see cref="PreemptiveResource"/>
/// differ in which priorities they accept and whether a request may take a unit from a current user.
/// </summary>
public abstract class ResourceBase
{
    private readonly RequestQueue _queue = new();
    private readonly List<Request> _users;
    private long _sequence;

    private protected ResourceBase(SimEnvironment environment, int capacity, string? name, int queueCapacity)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(queueCapacity);
        Environment = environment;
        Capacity = capacity;
        QueueCapacity = queueCapacity;
        Name = name ?? GetType().Name;
        _users = new List<Request>(Math.Min(capacity, 64));
    }

    /// <summary>The environment the resource lives in.</summary>
    public SimEnvironment Environment { get; }

    /// <summary>How many units the resource has.</summary>
    public int Capacity { get; }

    /// <summary>
    /// How many requests may wait (unbounded by default). A request that would have to wait while that many
    /// already do is refused on arrival: its <see cref="Request.Status"/> is <see cref="RequestStatus.Rejected"/>
    /// and it fails, already defused, with a <see cref="QueueFullException"/>.
    /// </summary>
    public int QueueCapacity { get; }

    /// <summary>The name used in error messages.</summary>
    public string Name { get; }

    /// <summary>How many units are in use.</summary>
    public int Count => _users.Count;

    /// <summary>How many requests wait for a unit.</summary>
    public int QueueLength => _queue.Count;

    /// <summary>The granted requests, in the order they were granted.</summary>
    public IReadOnlyList<Request> Users => _users;

    /// <summary>The waiting requests in the order they will be served (a copy).</summary>
    public IReadOnlyList<Request> Queue => _queue.Snapshot();

    /// <summary>
    /// Gives back the unit held by <paramref name="request"/> and grants it to the next waiting request; withdraws
    /// the request instead when it is still queued. Releasing a preempted or rejected request does nothing, since it
    /// holds no unit.
    /// </summary>
    /// <exception cref="InvalidOperationException">The request was already released.</exception>
    /// <exception cref="ArgumentException">The request belongs to another resource.</exception>
    public void Release(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resource != this)
        {
            throw new ArgumentException($"{request.Describe()} does not belong to resource '{Name}'.", nameof(request));
        }

        switch (request.Status)
        {
            case RequestStatus.Granted:
                _users.Remove(request);
                request.Status = RequestStatus.Released;
                GrantWaiting();
                break;
            case RequestStatus.Queued:
                request.Status = RequestStatus.Released;
                _queue.Withdrawn();
                break;
            case RequestStatus.Preempted or RequestStatus.Rejected:
                request.Status = RequestStatus.Released;
                break;
            default:
                var by = Environment.ActiveProcess is { } active ? $" (in process '{active.Name}')" : string.Empty;
                throw new InvalidOperationException(
                    $"The request of {request.OwnerName} on resource '{Name}' was already released; it cannot be released twice{by}.");
        }
    }

    /// <summary>Whether a waiting request may take a unit from a user of lower priority.</summary>
    private protected virtual bool Preemptive => false;

    private protected Request Enqueue(int priority, bool preempt)
    {
        var request = new Request(this, priority, preempt, _sequence++);
        _queue.Enqueue(request);
        GrantWaiting();
        if (request.Status == RequestStatus.Queued && _queue.Count > QueueCapacity)
        {
            request.Status = RequestStatus.Rejected;
            _queue.Withdrawn();
            request.Fail(new QueueFullException(request));
            request.Defused = true;
        }

        return request;
    }

    private void GrantWaiting()
    {
        while (_queue.Peek() is { } next)
        {
            if (_users.Count >= Capacity && !(Preemptive && next.Preempt && TryPreemptFor(next)))
            {
                return;
            }

            _queue.Dequeue();
            next.Status = RequestStatus.Granted;
            next.UsageSince = Environment.Now;
            _users.Add(next);
            next.Succeed(next);
        }
    }

    private bool TryPreemptFor(Request request)
    {
        var victimIndex = -1;
        for (var i = 0; i < _users.Count; i++)
        {
            var user = _users[i];
            if (victimIndex < 0 || IsWorse(user, _users[victimIndex]))
            {
                victimIndex = i;
            }
        }

        var victim = _users[victimIndex];
        if (victim.Priority <= request.Priority)
        {
            return false;
        }

        _users.RemoveAt(victimIndex);
        victim.Status = RequestStatus.Preempted;
        if (victim.Owner is { IsAlive: true } owner && owner != Environment.ActiveProcess)
        {
            owner.Interrupt(new Preempted(request.Owner, victim.UsageSince, this, victim));
        }

        return true;
    }

    private static bool IsWorse(Request a, Request b) => a.Priority > b.Priority || (a.Priority == b.Priority && a.Sequence > b.Sequence);
}
