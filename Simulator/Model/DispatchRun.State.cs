namespace Simulator.Model;

internal sealed partial class DispatchRun
{
    /// <summary>
    /// Writes which lanes depart at the next dispatch, in order, and whether the dispatcher sleeps or was just woken.
    /// Where its process resumes follows from the two flags (woken from its sleep while either is set, at a departure
    /// otherwise); while awake, the process and the delay it waits for are among the pending events, named there (a
    /// sleeping dispatcher has no pending entry).
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
