using Simulator.Engine;

namespace Simulator.Model;

internal sealed partial class LaneRun
{
    /// <summary>
    /// Writes the pieces allocated, transmitted, shipped and received so far, the call-offs, the goods on the road with
    /// their arrival hours, the failover state and the position of the transit-time stream. The gate factors the lane
    /// keeps are left out: they are the gates' own, read again whenever a gate changes. Whether it is on its
    /// dispatcher's next departure is written with the dispatcher's state.
    /// </summary>
    public void WriteState(StateDigest digest)
    {
        digest.Add(Allocated);
        digest.Add(Transmitted);
        digest.Add(Shipped);
        digest.Add(Received);
        _callOffs.WriteState(digest);
        WriteRoad(digest);

        // The time of the last transmission matters only while a fallback lets a fraction through.
        var factor = Transmission.Factor;
        digest.Add(factor);
        digest.Add(factor is > 0 and < 1 ? _lastTransmitSync : 0);
        digest.Add(_sourceDown);
        digest.Add(Active);
        digest.Add(TakesOver);
        digest.Add(_jobsAtLastTick);
        if (_transit is RandomStream stream)
        {
            var (s0, s1, s2, s3) = stream.State;
            digest.Add(true);
            digest.Add((long)s0);
            digest.Add((long)s1);
            digest.Add((long)s2);
            digest.Add((long)s3);
        }
        else
        {
            digest.Add(_transit is null);
            if (_transit is not null)
            {
                digest.Undescribable();
            }
        }
    }

    /// <summary>
    /// Lots are received in arrival order; with distinct arrival hours that order is the whole story, else (lots due at
    /// once are summed in the heap's order) the heap's own order is written.
    /// </summary>
    private void WriteRoad(StateDigest digest)
    {
        var lots = Enumerable.Range(0, _road.Count).Select(_road.Get).ToArray();
        var sorted = lots.OrderBy(l => l.Hours).ToArray();
        var distinct = true;
        for (var i = 1; i < sorted.Length; i++)
        {
            distinct &= sorted[i].Hours != sorted[i - 1].Hours;
        }

        digest.Add(lots.Length);
        digest.Add(distinct);
        foreach (var (units, hours) in distinct ? sorted : lots)
        {
            digest.Add(units);
            digest.Add(hours);
        }
    }
}
