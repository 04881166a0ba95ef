namespace Simulator.Model;

internal sealed partial class RunContext
{
    /// <summary>Writes every gate that something holds, in a fixed order; idle gates (however many a disruption made) behave alike.</summary>
    public void WriteGates(StateDigest digest)
    {
        foreach (var gate in _gates.Values.Where(g => !g.IsIdle).OrderBy(g => g.Entity, StringComparer.Ordinal).ThenBy(g => g.Function))
        {
            gate.WriteState(digest);
        }
    }
}
