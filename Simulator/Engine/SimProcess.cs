namespace Simulator.Engine;

/// <summary>
/// A process: an iterator of events that the environment advances each time the event it yielded is processed.
/// The process is itself an event that succeeds when the iterator ends (with the value given to
/// <see cref="Return"/>, or null) and fails when the iterator throws or leaves an interrupt or a fault unhandled.
/// </summary>
/// <remarks>
/// C# iterators cannot receive exceptions at their yield, so interrupts and failures of awaited events are
/// delivered as flags: after each <c>yield return</c> the process code checks <see cref="IsInterrupted"/> and
/// calls <see cref="HandleInterrupt"/>, or calls <see cref="HandleFault"/> when the awaited event may fail; a flag
/// still set at the next yield fails the process. docs/kernel.md shows the pattern. The running process is
/// <see cref="SimEnvironment.ActiveProcess"/>.
/// </remarks>
public sealed class SimProcess : Event
{
    private IEnumerator<Event>? _generator;
    private Event? _target;
    private bool _interrupted;
    private object? _interruptCause;
    private Exception? _fault;
    private object? _returnValue;

    private readonly long _number;
    private string? _name;
    private TimeoutEvent? _ownDelay;
    private bool _delayArmed;
    private bool _passive;

    internal SimProcess(SimEnvironment environment, IEnumerable<Event> generator, string? name, long number, double startDelayHours)
        : base(environment)
    {
        _name = name;
        _number = number;
        _generator = generator.GetEnumerator();

        // The process itself stands in the queue while still pending: that marks its start and saves an event. A
        // delayed start is ordered like a timeout of that delay; an immediate one goes ahead of normal events.
        QueueKey = startDelayHours > 0.0
            ? environment.Schedule(this, startDelayHours, EventPriority.Normal)
            : environment.Schedule(this, 0.0, EventPriority.Urgent);
    }

    // No queue key has all bits set (the priority takes two bits above a sequence far below 2^62).
    private const ulong NoQueueEntry = ulong.MaxValue;

    /// <summary>The key of the process's one live queue entry (start, Delay wake-up or completion); older entries are stale.</summary>
    internal ulong QueueKey { get; private set; }

    internal bool IsStarted { get; private set; }

    internal TimeoutEvent? OwnDelay => _ownDelay;

    internal IEnumerator<Event>? Generator => _generator;

    /// <summary>The name used in error messages and traces.</summary>
    public string Name => _name ??= string.Create(System.Globalization.CultureInfo.InvariantCulture, $"process-{_number}");

    /// <summary>True until the iterator has ended or failed.</summary>
    public bool IsAlive => State == EventState.Pending;

    /// <summary>True while the process sleeps in a <see cref="SimEnvironment.Passivate"/> that no <see cref="Activate"/> has ended.</summary>
    public bool IsPassive => _passive;

    /// <summary>The event the process currently waits for, or null while it runs, before it starts, or after it ended.</summary>
    public Event? Target => _target;

    /// <summary>True when the process was resumed by an interrupt that it has not handled yet.</summary>
    public bool IsInterrupted => _interrupted;

    /// <summary>The cause given to <see cref="Interrupt"/> while the interrupt is unhandled; null otherwise.</summary>
    public object? InterruptCause => _interruptCause;

    /// <summary>The failure of the awaited event while unhandled; null otherwise.</summary>
    public Exception? Fault => _fault;

    /// <summary>Clears the pending interrupt and returns its cause (null when there was none).</summary>
    public object? HandleInterrupt()
    {
        var cause = _interruptCause;
        _interrupted = false;
        _interruptCause = null;
        return cause;
    }

    /// <summary>Returns true and clears the fault when the awaited event failed; false when it succeeded.</summary>
    public bool HandleFault()
    {
        if (_fault is null)
        {
            return false;
        }

        _fault = null;
        return true;
    }

    /// <summary>Sets the value the process succeeds with when its iterator ends; the last call wins.</summary>
    public void Return(object? value) => _returnValue = value;

    /// <summary>
    /// Interrupts the process: at the current time, ahead of normal events, it is detached from the event it waits
    /// for and resumed with <see cref="IsInterrupted"/> set to true and <see cref="InterruptCause"/> set to
    /// <paramref name="cause"/>. An interrupt that reaches a process that has ended meanwhile is dropped.
    /// </summary>
    /// <exception cref="InvalidOperationException">The process has ended, or tries to interrupt itself.</exception>
    public void Interrupt(object? cause = null)
    {
        if (!IsAlive)
        {
            throw new InvalidOperationException($"Process '{Name}' has terminated and cannot be interrupted.");
        }

        if (Environment.ActiveProcess == this)
        {
            throw new InvalidOperationException($"Process '{Name}' cannot interrupt itself.");
        }

        _ = new Interruption(this, cause);
    }

    /// <summary>
    /// Ends the process's <see cref="SimEnvironment.Passivate"/>: it resumes at the current time after the events already
    /// due (ordered as an event succeeded now would be).
    /// </summary>
    /// <exception cref="InvalidOperationException">The process is not sleeping in a Passivate().</exception>
    public void Activate()
    {
        if (!_passive || _target != _ownDelay || _target is null)
        {
            throw new InvalidOperationException($"Process '{Name}' is not sleeping in Passivate(), so it cannot be activated.");
        }

        _passive = false;
        QueueKey = Environment.Schedule(this, 0.0, EventPriority.Normal);
    }

    internal override string Describe() => $"Process '{Name}'";

    /// <summary>Advances the iterator; <paramref name="trigger"/> is the processed event that woke the process.</summary>
    internal void Resume(Event trigger)
    {
        if (State != EventState.Pending)
        {
            return;
        }

        var environment = Environment;
        if (trigger is Interruption interruption)
        {
            _target?.RemoveObserver(this);
            _interrupted = true;
            _interruptCause = interruption.ValueCore;
            if (!IsStarted)
            {
                // Interrupted before its delayed start: the iterator starts now, and the start entry goes stale.
                IsStarted = true;
                QueueKey = NoQueueEntry;
            }
        }
        else if (trigger.ErrorCore is { } error)
        {
            // The process takes the failure over: it handles it or fails with it.
            trigger.Defused = true;
            _fault = error;
        }

        _target = null;
        _passive = false;
        environment.ActiveProcess = this;
        try
        {
            Advance(environment);
        }
        finally
        {
            environment.ActiveProcess = null;
        }
    }

    /// <summary>Arms the process's own marker without a queue entry: it sleeps until <see cref="Activate"/>.</summary>
    internal TimeoutEvent ArmPassive()
    {
        _delayArmed = true;
        _passive = true;
        QueueKey = NoQueueEntry;
        return _ownDelay ??= new TimeoutEvent(this);
    }

    /// <summary>Schedules the process's own wake-up and returns the marker it yields for it.</summary>
    internal TimeoutEvent ArmDelay(double delayHours)
    {
        _delayArmed = true;
        _passive = false;
        QueueKey = Environment.Schedule(this, delayHours, EventPriority.Normal);
        return _ownDelay ??= new TimeoutEvent(this);
    }

    /// <summary>Starts the iterator, or resumes it from a Delay; called when the process's live entry leaves the queue.</summary>
    internal void Wake()
    {
        if (IsStarted)
        {
            // A wake-up counts only while the process still waits on its Delay (not after an interrupt, say).
            if (_target != _ownDelay || _target is null)
            {
                return;
            }

            _target = null;
        }

        IsStarted = true;
        var environment = Environment;
        environment.ActiveProcess = this;
        try
        {
            Advance(environment);
        }
        finally
        {
            environment.ActiveProcess = null;
        }
    }

    private void Advance(SimEnvironment environment)
    {
        var generator = _generator!;
        while (true)
        {
            bool moved;
            try
            {
                moved = generator.MoveNext();
            }
            catch (Exception exception)
            {
                Terminate(exception);
                return;
            }

            if (_fault is { } fault)
            {
                Terminate(fault);
                return;
            }

            if (_interrupted)
            {
                Terminate(new InvalidOperationException(
                    $"Process '{Name}' was interrupted (cause: {_interruptCause ?? "none"}) and " +
                    $"{(moved ? "yielded again" : "ended")} without calling HandleInterrupt()."));
                return;
            }

            if (!moved)
            {
                Finish();
                return;
            }

            var next = generator.Current;

            // The process's own Delay marker, recognised by reference without loading the marker object (at
            // 100,000s of pending waits that load is a cache miss per wake-up).
            if (ReferenceEquals(next, _ownDelay) && next is not null)
            {
                if (!_delayArmed)
                {
                    Terminate(new InvalidOperationException($"Process '{Name}' yielded a Delay() that was already used; call Delay() for each wait."));
                    return;
                }

                _delayArmed = false;
                _target = next;
                return;
            }

            if (next is null)
            {
                Terminate(new InvalidOperationException($"Process '{Name}' yielded null; a process may only yield events."));
                return;
            }

            if (next.Environment != environment)
            {
                Terminate(new InvalidOperationException($"Process '{Name}' yielded {next.Describe()} of another environment."));
                return;
            }

            if (next is TimeoutEvent { Owner: { } owner })
            {
                if (owner != this || !_delayArmed)
                {
                    Terminate(new InvalidOperationException(
                        owner != this
                            ? $"Process '{Name}' yielded the Delay() of process '{owner.Name}'; a Delay can only be yielded by the process that created it."
                            : $"Process '{Name}' yielded a Delay() that was already used; call Delay() for each wait."));
                    return;
                }

                _delayArmed = false;
                _target = next;
                return;
            }

            if (next.State != EventState.Processed)
            {
                _target = next;
                next.AddObserver(this);
                return;
            }

            // An event that was processed already resumes the process at once with its outcome.
            if (next.ErrorCore is { } error)
            {
                _fault = error;
            }
        }
    }

    private void Finish()
    {
        ReleaseGenerator();
        ValueCore = _returnValue;
        State = EventState.Triggered;
        QueueKey = Environment.Schedule(this, 0.0, EventPriority.Normal);
    }

    private void Terminate(Exception error)
    {
        _fault = null;
        _interrupted = false;
        _interruptCause = null;
        ReleaseGenerator();
        ErrorCore = error;
        State = EventState.Triggered;
        QueueKey = Environment.Schedule(this, 0.0, EventPriority.Normal);
    }

    private void ReleaseGenerator()
    {
        var generator = _generator;
        _generator = null;
        generator?.Dispose();
    }
}
