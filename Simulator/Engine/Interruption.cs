namespace Simulator.Engine;

/// <summary>Delivers an interrupt to a process at the current time, ahead of the normal events due now.</summary>
internal sealed class Interruption : Event
{
    public Interruption(SimProcess process, object? cause)
        : base(process.Environment)
    {
        Process = process;
        ValueCore = cause;
        State = EventState.Triggered;
        AddObserver(process);
        Environment.Schedule(this, 0.0, EventPriority.Urgent);
    }

    public SimProcess Process { get; }

    internal override string Describe() => $"Interruption of process '{Process.Name}'";
}
