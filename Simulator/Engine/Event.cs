namespace Simulator.Engine;

/// <summary>
/// Something that happens at one point of simulated time. An event is pending until it is succeeded or failed
/// (triggered); the environment then processes it at its scheduled time, resuming the processes that wait on it
/// and running its callbacks in the order they were added. A failed event must be handled: a process that waits
/// on it takes the failure over, a pending condition over it takes it over, and a callback handles it only by
/// calling <see cref="Defuse"/>; a failure still not defused once the event is processed ends the run with its
/// error.
/// </summary>
public partial class Event
{
    private readonly SimEnvironment _environment;
    private object? _firstObserver;
    private List<object>? _moreObservers;

    /// <summary>Creates a pending event bound to <paramref name="environment"/>.</summary>
    public Event(SimEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
    }

    internal EventState State;
    internal object? ValueCore;
    internal Exception? ErrorCore;
    internal bool Defused;

    /// <summary>Set by events whose value is only final when they are processed (conditions); see <see cref="OnProcessing"/>.</summary>
    internal bool HasProcessingStep;

    /// <summary>The environment that schedules this event.</summary>
    public SimEnvironment Environment => _environment;

    /// <summary>True once the event has been succeeded or failed (it is scheduled or already processed).</summary>
    public bool IsTriggered => State != EventState.Pending;

    /// <summary>True once the environment has processed the event and run its callbacks.</summary>
    public bool IsProcessed => State == EventState.Processed;

    /// <summary>True when the event has been triggered and succeeded.</summary>
    public bool IsOk => State != EventState.Pending && ErrorCore is null;

    /// <summary>The value the event succeeded with, or null when it failed.</summary>
    /// <exception cref="InvalidOperationException">The event is still pending, so it has no value yet.</exception>
    public object? Value => State != EventState.Pending ? ValueCore : throw NotYetAvailable();

    /// <summary>The exception the event failed with; null while pending or when it succeeded.</summary>
    public Exception? Error => ErrorCore;

    /// <summary>True once the failure of this event has been handled (see <see cref="Defuse"/>).</summary>
    public bool IsDefused => Defused;

    /// <summary>
    /// Marks the failure of this event as handled, so that it does not end the run when the event is processed.
    /// A callback that deals with a failure calls this; a process waiting on the event, or a pending condition
    /// over it, defuses it by taking the failure over. Defusing an event that has not failed (yet) is harmless.
    /// </summary>
    public void Defuse() => Defused = true;

    /// <summary>Triggers the event successfully; it is processed at the current time after events already due.</summary>
    /// <exception cref="InvalidOperationException">The event was already triggered.</exception>
    public Event Succeed(object? value = null)
    {
        EnsurePending();
        ValueCore = value;
        State = EventState.Triggered;
        _environment.Schedule(this, 0.0, EventPriority.Normal);
        return this;
    }

    /// <summary>
    /// Triggers the event as failed. Processes waiting on it resume with the fault pending (see
    /// <see cref="SimProcess.HandleFault"/>); a failure that no process or pending condition takes over and no
    /// callback defuses (see <see cref="Defuse"/>) ends the run: <see cref="SimEnvironment.Run()"/> rethrows it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The event was already triggered.</exception>
    public Event Fail(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        EnsurePending();
        ErrorCore = error;
        State = EventState.Triggered;
        _environment.Schedule(this, 0.0, EventPriority.Normal);
        return this;
    }

    /// <summary>
    /// Adds a callback that runs when the event is processed, after the observers added before it. A callback
    /// does not handle a failure by being there: it must call <see cref="Defuse"/>, or the failure ends the run.
    /// </summary>
    /// <exception cref="InvalidOperationException">The event has already been processed (its callbacks have run).</exception>
    public void AddCallback(Action<Event> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (State == EventState.Processed)
        {
            throw new InvalidOperationException($"{Describe()} has already been processed; a callback added now would never run.");
        }

        AddObserver(callback);
    }

    /// <summary>Removes a callback added with <see cref="AddCallback"/>; returns false when it was not registered.</summary>
    public bool RemoveCallback(Action<Event> callback) => RemoveObserver(callback);

    /// <summary>Builds an <see cref="AllOf"/> of both events.</summary>
    public static AllOf operator &(Event left, Event right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left._environment.AllOf(left, right);
    }

    /// <summary>Builds an <see cref="AnyOf"/> of both events.</summary>
    public static AnyOf operator |(Event left, Event right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left._environment.AnyOf(left, right);
    }

    /// <summary>A short description used in error messages.</summary>
    public override string ToString() => Describe();

    internal virtual string Describe() => $"{GetType().Name} event";

    /// <summary>Observers are processes, conditions or callbacks; storing them untyped avoids a delegate per wait.</summary>
    internal void AddObserver(object observer)
    {
        if (this is TimeoutEvent { Owner: { } owner })
        {
            throw new InvalidOperationException(
                $"The Delay() of process '{owner.Name}' can only be yielded by that process; use Timeout() to wait on it otherwise.");
        }

        if (this is TimedCall)
        {
            throw new InvalidOperationException("A timed call cannot be waited on or observed; use Timeout() for an event to wait on.");
        }

        if (_firstObserver is null && _moreObservers is null)
        {
            _firstObserver = observer;
        }
        else
        {
            (_moreObservers ??= []).Add(observer);
        }
    }

    internal bool RemoveObserver(object observer)
    {
        if (ReferenceEquals(_firstObserver, observer))
        {
            if (_moreObservers is { Count: > 0 } more)
            {
                _firstObserver = more[0];
                more.RemoveAt(0);
            }
            else
            {
                _firstObserver = null;
            }

            return true;
        }

        return _moreObservers?.Remove(observer) ?? false;
    }

    /// <summary>Marks the event processed and notifies its observers; returns false when a failure was not defused.</summary>
    internal bool Fire()
    {
        State = EventState.Processed;
        if (HasProcessingStep)
        {
            OnProcessing();
        }

        var first = _firstObserver;
        if (first is null)
        {
            return ErrorCore is null || Defused;
        }

        var more = _moreObservers;
        _firstObserver = null;
        _moreObservers = null;
        Notify(first);
        if (more is not null)
        {
            foreach (var observer in more)
            {
                Notify(observer);
            }
        }

        return ErrorCore is null || Defused;
    }

    internal void ResetForReuse()
    {
        State = EventState.Pending;
        ValueCore = null;
        ErrorCore = null;
        Defused = false;
        _firstObserver = null;
        _moreObservers = null;
    }

    /// <summary>Runs when the event is processed, before its observers; only called when <see cref="HasProcessingStep"/> is set.</summary>
    internal virtual void OnProcessing()
    {
    }

    internal object? PeekSoleObserver() => _moreObservers is null ? _firstObserver : null;

    private void Notify(object observer)
    {
        switch (observer)
        {
            case SimProcess process:
                process.Resume(this);
                break;
            case Condition condition:
                condition.Check(this);
                break;
            default:
                ((Action<Event>)observer)(this);
                break;
        }
    }

    private InvalidOperationException NotYetAvailable()
    {
        var who = _environment.ActiveProcess is { } process ? $" (read in process '{process.Name}')" : string.Empty;
        return new InvalidOperationException($"The value of {Describe()} is not yet available: the event is still pending{who}.");
    }

    private void EnsurePending()
    {
        if (State != EventState.Pending)
        {
            var who = _environment.ActiveProcess is { } process ? $" (in process '{process.Name}')" : string.Empty;
            throw new InvalidOperationException($"{Describe()} has already been triggered and cannot be succeeded or failed again{who}.");
        }
    }
}
