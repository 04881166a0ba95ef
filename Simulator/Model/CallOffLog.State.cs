namespace Simulator.Model;

internal partial struct CallOffLog
{
    /// <summary>Writes the call-offs oldest first: where each ends in the lane's allocated total, and its need hour.</summary>
    public readonly void WriteState(StateDigest digest)
    {
        digest.Add(_count);
        for (var i = 0; i < _count; i++)
        {
            var callOff = At(i);
            digest.Add(callOff.End);
            digest.Add(callOff.Need);
        }
    }
}
