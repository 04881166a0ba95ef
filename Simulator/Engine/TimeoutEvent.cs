namespace Simulator.Engine;

/// <summary>An event that the environment processes a fixed delay after its creation; it is triggered from the start.</summary>
public sealed class TimeoutEvent : Event
{
    internal TimeoutEvent(SimEnvironment environment, double delayHours, object? value, bool pooled)
        : base(environment)
    {
        IsPooled = pooled;
        Arm(delayHours, value);
    }

    /// <summary>The marker a process yields for <see cref="SimEnvironment.Delay"/>; it is never queued itself.</summary>
    internal TimeoutEvent(SimProcess owner)
        : base(owner.Environment)
    {
        Owner = owner;
        Delay = double.NaN;
        State = EventState.Triggered;
    }

    /// <summary>The process that owns this marker, or null for an ordinary timeout.</summary>
    internal SimProcess? Owner { get; }

    /// <summary>The delay in hours between the creation of the timeout and its processing (NaN for a process's Delay marker).</summary>
    public double Delay { get; private set; }

    /// <summary>Pooled timeouts come from <see cref="SimEnvironment.Delay"/> and return to the pool once their process resumed.</summary>
    internal bool IsPooled { get; }

    internal void Arm(double delayHours, object? value)
    {
        Delay = delayHours;
        ValueCore = value;
        State = EventState.Triggered;
        Environment.Schedule(this, delayHours, EventPriority.Normal);
    }

    internal override string Describe() => Owner is { } owner ? $"Delay of process '{owner.Name}'" : $"Timeout({Delay.ToString(System.Globalization.CultureInfo.InvariantCulture)} h)";
}
