namespace Simulator.Engine;

/// <summary>Tie-breaker between events scheduled for the same time: urgent events run before normal ones.</summary>
public enum EventPriority
{
    /// <summary>Runs before every normal event of the same time (process starts, interrupts).</summary>
    Urgent = 0,

    /// <summary>The default priority of succeeded, failed and timed-out events.</summary>
    Normal = 1,
}
