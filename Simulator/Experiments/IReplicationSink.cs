namespace Simulator.Experiments;

/// <summary>
/// Receives replications as an experiment completes them, for writing while the experiment runs. Calls come one at a
/// time and in a fixed order, whatever the thread count: replication 0 of every policy (in policy order), then
/// replication 1, and so on.
/// </summary>
public interface IReplicationSink
{
    /// <summary>Takes one replication; it is not kept by the experiment afterwards unless it is replication 0.</summary>
    void Accept(ReplicationResult replication);
}
