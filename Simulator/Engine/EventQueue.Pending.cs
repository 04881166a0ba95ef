namespace Simulator.Engine;

internal sealed partial class EventQueue
{
    /// <summary>Copies every entry, in no particular order, with the key that orders entries of the same time.</summary>
    public void CopyEntries(List<(double Time, ulong Key, Event Item)> into)
    {
        Settle();
        for (var i = 0; i < _count; i++)
        {
            var entry = _items[i];
            into.Add((entry.Time, entry.Key, entry.Item));
        }
    }

    /// <summary>The priority encoded in an entry's key.</summary>
    public static EventPriority PriorityOf(ulong key) => (EventPriority)(key >> PriorityShift);
}
