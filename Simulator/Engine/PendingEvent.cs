namespace Simulator.Engine;

/// <summary>An event waiting in the kernel's queue: when it will be processed and what it will notify.</summary>
/// <param name="TimeHours">Hour it is due.</param>
/// <param name="Priority">Its priority among events of the same hour.</param>
/// <param name="Event">The event itself; a process waiting on its own delay is listed as the process.</param>
public readonly record struct PendingEvent(double TimeHours, EventPriority Priority, Event Event);
