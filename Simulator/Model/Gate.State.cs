namespace Simulator.Model;

internal sealed partial class Gate
{
    /// <summary>Open, with nothing holding it: what every gate is in an undisrupted run.</summary>
    public bool IsIdle => _holds.Count == 0 && Factor == 1 && Cause is null;

    /// <summary>Writes the gate's holds and the capacity they leave.</summary>
    public void WriteState(StateDigest digest)
    {
        digest.Add(Entity);
        digest.Add((long)Function);
        digest.Add(Factor);
        digest.Add(_holds.Count);
        foreach (var (key, factor, label, planned) in _holds)
        {
            digest.Add(key);
            digest.Add(factor);
            digest.Add((long)label.Kind);
            digest.Add(label.Id);
            digest.Add(label.Tier ?? -1);
            digest.Add(label.Function is { } function ? (long)function : -1);
            digest.Add(label.ManualFallback);
            digest.Add(planned);
        }
    }
}
