namespace Simulator.Model;

internal sealed partial class CallOffLog
{
    /// <summary>Writes the call-offs oldest first, their ends relative to <paramref name="reference"/>.</summary>
    public void WriteState(StateDigest digest, double reference)
    {
        digest.Add(_count);
        for (var i = 0; i < _count; i++)
        {
            var at = (_head + i) & (_ends.Length - 1);
            digest.Relative(_ends[at], reference);
            digest.Add(_need[at]);
        }
    }
}
