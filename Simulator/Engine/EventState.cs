namespace Simulator.Engine;

/// <summary>Life cycle of an event: pending until succeeded or failed, then processed once its observers ran.</summary>
internal enum EventState : byte
{
    Pending = 0,
    Triggered = 1,
    Processed = 2,
}
