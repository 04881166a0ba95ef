namespace Simulator.Engine;

public sealed partial class SimEnvironment
{
    /// <summary>
    /// Every event waiting in the queue, in the order the kernel will process them (by time, then priority, then the
    /// order they were scheduled in); a process's stale wake-ups are left out. Lets a caller compare two runs' futures
    /// or inspect what is due without running anything.
    /// </summary>
    public IReadOnlyList<PendingEvent> PendingEvents()
    {
        var entries = new List<(double Time, ulong Key, Event Item)>(_queue.Count);
        _queue.CopyEntries(entries);
        entries.RemoveAll(e => e.Item is SimProcess process && e.Key != process.QueueKey);
        entries.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Key.CompareTo(b.Key));
        return entries.Select(e => new PendingEvent(e.Time, EventQueue.PriorityOf(e.Key), e.Item)).ToArray();
    }
}
