namespace Simulator.Engine;

/// <summary>An event that the environment processes a fixed delay after its creation; it is triggered from the start.</summary>
public sealed class Timeout : Event
{
    internal Timeout(Environment environment, double delayHours, object? value, bool pooled)
        : base(environment)
    {
        IsPooled = pooled;
        Arm(delayHours, value);
    }

    /// <summary>The delay in hours between the creation of the timeout and its processing.</summary>
    public double Delay { get; private set; }

    /// <summary>Pooled timeouts come from <see cref="Environment.Delay"/> and return to the pool once their process resumed.</summary>
    internal bool IsPooled { get; }

    internal void Arm(double delayHours, object? value)
    {
        Delay = delayHours;
        ValueCore = value;
        State = EventState.Triggered;
        Environment.Schedule(this, delayHours, EventPriority.Normal);
    }

    internal override string Describe() => $"Timeout({Delay.ToString(System.Globalization.CultureInfo.InvariantCulture)} h)";
}
