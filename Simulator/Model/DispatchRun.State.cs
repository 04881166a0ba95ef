namespace Simulator.Model;

internal sealed partial class DispatchRun
{
    /// <summary>Writes which lanes depart at the next dispatch, in order, and whether the dispatcher sleeps.</summary>
    public void WriteState(StateDigest digest)
    {
        digest.Add(_active.Count);
        foreach (var lane in _active)
        {
            digest.Add(lane.DispatchSlot);
        }

        for (var slot = 0; slot < _lanes.Count; slot++)
        {
            digest.Add(_isActive[slot]);
        }

        digest.Add(_wake is { IsTriggered: false });
        digest.Add(_stillActive.Count);
        digest.Add(_lateLanes.Count);
        digest.Add(_lateDispatchPending);
    }
}
