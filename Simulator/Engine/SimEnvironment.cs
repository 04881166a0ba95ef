using System.Globalization;
using System.Runtime.ExceptionServices;

namespace Simulator.Engine;

/// <summary>
/// The simulation clock (in hours) and its event queue. Events run in order of (time, priority, insertion
/// sequence), so events due at the same time and priority run first in, first out, and a run is deterministic.
/// </summary>
public sealed partial class SimEnvironment
{
    private readonly EventQueue _queue = new();
    private readonly Stack<TimeoutEvent> _timeoutPool = new();
    private readonly Stack<TimedCall> _callPool = new();
    private double _now;
    private long _processedEvents;
    private long _processCount;

    /// <summary>Creates an environment whose clock starts at 0 h.</summary>
    public SimEnvironment()
        : this(0.0)
    {
    }

    /// <summary>Creates an environment whose clock starts at <paramref name="initialTime"/> hours.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is not finite.</exception>
    public SimEnvironment(double initialTime)
    {
        if (!double.IsFinite(initialTime))
        {
            throw new ArgumentOutOfRangeException(nameof(initialTime), initialTime, "The initial time must be a finite number of hours.");
        }

        _now = initialTime;
    }

    /// <summary>The current simulation time in hours.</summary>
    public double Now => _now;

    /// <summary>How many events have been taken from the queue and processed so far (process starts included).</summary>
    public long ProcessedEvents => _processedEvents;

    /// <summary>The process whose iterator is running right now, or null between process steps.</summary>
    public SimProcess? ActiveProcess { get; internal set; }

    /// <summary>
    /// Called with each event just before it is processed (the clock already at its time), process starts included;
    /// meant for traces and debugging, null by default.
    /// </summary>
    public Action<Event>? Trace { get; set; }

    /// <summary>The time of the next scheduled event, or positive infinity when the queue is empty.</summary>
    public double PeekTime
    {
        get
        {
            DropStaleEntries();
            return _queue.PeekTime;
        }
    }

    /// <summary>Creates a pending event that the caller succeeds or fails later.</summary>
    public Event Event() => new(this);

    /// <summary>Creates a timeout processed <paramref name="delayHours"/> after now, succeeding with <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative, infinite or NaN.</exception>
    public TimeoutEvent Timeout(double delayHours, object? value = null)
    {
        CheckDelay(delayHours);
        return new TimeoutEvent(this, delayHours, value, pooled: false);
    }

    /// <summary>
    /// A wait of <paramref name="delayHours"/> for the calling process, free of allocation: yield the result at once
    /// and only once, and do not keep it, inspect it, add callbacks to it or put it in a condition. Inside a process
    /// the result is a marker owned by that process and reused by its next <c>Delay</c>, and the queue entry refers
    /// to the process itself, so waking it touches no other object; outside a process it is a pooled timeout
    /// recycled once the process that yields it has resumed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative, infinite or NaN.</exception>
    public TimeoutEvent Delay(double delayHours)
    {
        CheckDelay(delayHours);
        if (ActiveProcess is { } process)
        {
            return process.ArmDelay(delayHours);
        }

        if (_timeoutPool.TryPop(out var timeout))
        {
            timeout.Arm(delayHours, null);
            return timeout;
        }

        return new TimeoutEvent(this, delayHours, null, pooled: true);
    }

    /// <summary>
    /// A wait without an end for the calling process, free of allocation: it sleeps until another process or a callback
    /// calls its <see cref="SimProcess.Activate"/>, and then resumes at that time after the events already due, as if it
    /// had waited on an event succeeded there. Yield the result at once, like a <see cref="Delay"/>'s: it is the same
    /// marker, and the process has no queue entry while it sleeps.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called outside a running process.</exception>
    public TimeoutEvent Passivate()
    {
        if (ActiveProcess is not { } process)
        {
            throw new InvalidOperationException("Passivate() puts the running process to sleep; it was called outside a process.");
        }

        return process.ArmPassive();
    }

    /// <summary>
    /// Calls <paramref name="handler"/> with <paramref name="argument"/> <paramref name="delayHours"/> from now, ordered
    /// exactly like a <see cref="Timeout"/> of that delay made now with one callback, but free of allocation once warm:
    /// the queue entry is a pooled <see cref="TimedCall"/> that nothing can wait on, and no value is boxed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative, infinite or NaN.</exception>
    public void CallAfter(double delayHours, ITimedHandler handler, double argument)
    {
        ArgumentNullException.ThrowIfNull(handler);
        CheckDelay(delayHours);
        var call = _callPool.TryPop(out var pooled) ? pooled : new TimedCall(this);
        call.Arm(handler, argument);
        Schedule(call, delayHours, EventPriority.Normal);
    }

    /// <summary>Creates a timeout processed at the absolute time <paramref name="timeHours"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time lies in the past or is not finite.</exception>
    public TimeoutEvent TimeoutAt(double timeHours, object? value = null)
    {
        if (!(timeHours >= _now) || !double.IsFinite(timeHours))
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeHours),
                timeHours,
                $"Cannot schedule at {Format(timeHours)} h, which is in the past of now = {Format(_now)} h{InActiveProcess()}.");
        }

        return new TimeoutEvent(this, timeHours - _now, value, pooled: false);
    }

    /// <summary>
    /// Starts a process that runs <paramref name="generator"/> from now on, ahead of normal events due now; without a
    /// <paramref name="name"/> it is called "process-N", N counting the processes of this environment from 1.
    /// </summary>
    public SimProcess Process(IEnumerable<Event> generator, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _processCount++;
        return new SimProcess(this, generator, name, _processCount, 0.0);
    }

    /// <summary>
    /// Starts a process that runs <paramref name="generator"/> from <paramref name="delayHours"/> after now on: the
    /// start is ordered like a timeout of that delay created now (a delay of 0 starts it like <see cref="Process"/>).
    /// Until then the process is alive with no target; an interrupt that arrives before the start starts the
    /// iterator at once with <see cref="SimProcess.IsInterrupted"/> set.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative, infinite or NaN.</exception>
    public SimProcess StartDelayed(IEnumerable<Event> generator, double delayHours, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        CheckDelay(delayHours);
        _processCount++;
        return new SimProcess(this, generator, name, _processCount, delayHours);
    }

    /// <summary>An event that succeeds once all <paramref name="events"/> succeeded, or fails with the first failure.</summary>
    public AllOf AllOf(params Event[] events) => new(this, (Event[])events.Clone());

    /// <summary>An event that succeeds once all <paramref name="events"/> succeeded, or fails with the first failure.</summary>
    public AllOf AllOf(IEnumerable<Event> events) => new(this, [.. events]);

    /// <summary>An event that succeeds once any of <paramref name="events"/> succeeded, or fails with the first failure.</summary>
    public AnyOf AnyOf(params Event[] events) => new(this, (Event[])events.Clone());

    /// <summary>An event that succeeds once any of <paramref name="events"/> succeeded, or fails with the first failure.</summary>
    public AnyOf AnyOf(IEnumerable<Event> events) => new(this, [.. events]);

    /// <summary>Processes events until none remain.</summary>
    /// <exception cref="Exception">A failed event that nothing handled (such as a failed process nobody waits on) is rethrown.</exception>
    public void Run()
    {
        while (Step())
        {
        }
    }

    /// <summary>
    /// Processes every event scheduled before <paramref name="until"/> hours, then sets the clock to exactly
    /// <paramref name="until"/>; events due at <paramref name="until"/> stay queued.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="until"/> lies before now or is NaN.</exception>
    public void Run(double until)
    {
        if (!(until >= _now))
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"Cannot run until {Format(until)} h, which is before now = {Format(_now)} h.");
        }

        while (PeekTime < until)
        {
            Step();
        }

        _now = until;
    }

    /// <summary>
    /// Processes events until <paramref name="until"/> has been processed (not at all when it already was) and
    /// returns its value; rethrows its error when it failed, whether or not something handled the failure.
    /// </summary>
    /// <exception cref="InvalidOperationException">The queue ran empty before <paramref name="until"/> was processed.</exception>
    public object? Run(Event until)
    {
        ArgumentNullException.ThrowIfNull(until);
        if (until.Environment != this)
        {
            throw new ArgumentException($"{until.Describe()} belongs to another environment.", nameof(until));
        }

        while (!until.IsProcessed)
        {
            if (!Step())
            {
                throw new InvalidOperationException($"No events left at {Format(_now)} h, but {until.Describe()} was never processed.");
            }
        }

        if (until.ErrorCore is { } error)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }

        return until.ValueCore;
    }

    /// <summary>Processes the next event; returns false when the queue is empty.</summary>
    /// <exception cref="Exception">The event failed and nothing handled the failure; its error is rethrown.</exception>
    public bool Step()
    {
        Event item;
        while (true)
        {
            if (_queue.Count == 0)
            {
                return false;
            }

            item = _queue.Pop(out var time, out var key);
            _now = time;

            // Start loading what the next events will touch, so that their cache misses overlap with this
            // event's work; it matters with 10,000s of pending events.
            CacheWarming.PrefetchWakeData(_queue.WarmNext());
            if (item is not SimProcess process)
            {
                break;
            }

            // A process has at most one live entry (start, wake-up from Delay, or completion); others are stale.
            if (key != process.QueueKey)
            {
                continue;
            }

            _processedEvents++;
            if (process.State == EventState.Pending)
            {
                Trace?.Invoke(process.IsStarted ? process.OwnDelay! : process);
                process.Wake();
                return true;
            }

            Trace?.Invoke(process);
            FireOrThrow(process);
            return true;
        }

        _processedEvents++;
        Trace?.Invoke(item);
        if (item is TimedCall call)
        {
            // Back to the pool before the handler runs, which may schedule the next call with it.
            var (handler, argument) = call.Take();
            _callPool.Push(call);
            handler.OnTime(argument);
            return true;
        }

        var recycle = item is TimeoutEvent { IsPooled: true } && item.PeekSoleObserver() is SimProcess;
        FireOrThrow(item);
        if (recycle)
        {
            var timeout = (TimeoutEvent)item;
            timeout.ResetForReuse();
            _timeoutPool.Push(timeout);
        }

        return true;
    }

    internal ulong Schedule(Event item, double delayHours, EventPriority priority) => _queue.Push(_now + delayHours, priority, item);

    /// <summary>Removes stale process entries from the front, so that the front is the next event really processed.</summary>
    private void DropStaleEntries()
    {
        while (_queue.Count > 0 && _queue.Peek(out _, out var key) is SimProcess process && key != process.QueueKey)
        {
            _queue.Pop(out _, out _);
        }
    }

    private static void FireOrThrow(Event item)
    {
        if (!item.Fire())
        {
            ExceptionDispatchInfo.Capture(item.ErrorCore!).Throw();
        }
    }

    private void CheckDelay(double delayHours)
    {
        if (!(delayHours >= 0.0) || double.IsPositiveInfinity(delayHours))
        {
            throw new ArgumentOutOfRangeException(
                nameof(delayHours),
                delayHours,
                $"A delay must be a finite, non-negative number of hours, not {Format(delayHours)}{InActiveProcess()}.");
        }
    }

    private string InActiveProcess() => ActiveProcess is { } process ? $" (in process '{process.Name}')" : string.Empty;

    private static string Format(double hours) => hours.ToString("R", CultureInfo.InvariantCulture);
}
