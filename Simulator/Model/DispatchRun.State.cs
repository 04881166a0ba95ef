namespace Simulator.Model;

internal sealed partial class DispatchRun
{
    /// <summary>
    /// Writes which lanes depart at the next dispatch, in order, and whether the dispatcher sleeps or was just woken. Its
    /// process is the one named in the pending events; where the process resumes follows from the two flags (woken from
    /// its sleep while either is set, at a departure otherwise), and the event it waits for is among the pending ones.
    /// </summary>
    public void WriteState(StateDigest digest)
    {
        digest.Add(_activeCount);
        for (var i = 0; i < _activeCount; i++)
        {
            digest.Add(_active[i].DispatchSlot);
        }

        foreach (var lane in _lanes)
        {
            digest.Add(lane.OnNextDeparture);
        }

        // Whether it sleeps, or was woken and resumes at its pending entry (then to wait for the next dispatch time).
        digest.Add(_asleep);
        digest.Add(_woken);
        digest.Add(_lateLanes.Count);
        digest.Add(_lateDispatchPending);
    }
}
