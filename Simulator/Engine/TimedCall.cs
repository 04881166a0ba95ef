namespace Simulator.Engine;

/// <summary>What <see cref="SimEnvironment.CallAfter"/> calls back at its time, with the number it was given.</summary>
public interface ITimedHandler
{
    /// <summary>Called when the scheduled time has come, with the argument given when it was scheduled.</summary>
    void OnTime(double argument);
}

/// <summary>
/// The queue entry of <see cref="SimEnvironment.CallAfter"/>: it calls its handler when processed and goes back to its
/// environment's pool, so a call costs no allocation once the pool is warm. It cannot be waited on or observed; it is
/// seen only among <see cref="SimEnvironment.PendingEvents"/>, with the handler and argument it will call.
/// </summary>
public sealed class TimedCall : Event
{
    internal TimedCall(SimEnvironment environment)
        : base(environment)
    {
    }

    /// <summary>What the call will call back (null once it has run and returned to the pool).</summary>
    public ITimedHandler? Handler { get; private set; }

    /// <summary>The number it will pass.</summary>
    public double Argument { get; private set; }

    internal void Arm(ITimedHandler handler, double argument)
    {
        Handler = handler;
        Argument = argument;
        State = EventState.Triggered;
    }

    /// <summary>Marks the call done and empties it for reuse; returns what to call.</summary>
    internal (ITimedHandler Handler, double Argument) Take()
    {
        var taken = (Handler!, Argument);
        Handler = null;
        Argument = 0;
        State = EventState.Pending;
        return taken;
    }

    internal override string Describe() => $"Timed call of {Handler?.GetType().Name ?? "nothing"}";
}
