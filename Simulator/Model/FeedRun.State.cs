using Simulator.Model.Specs;

namespace Simulator.Model;

internal sealed partial class FeedRun
{
    /// <summary>
    /// Writes the stock (a supplier input's own; a line's is derived from what was received and the line's jobs), what
    /// was ordered and received so far, whether it ran out, and a sequence stock's last call-off. When it was last
    /// received is left out: it is always before a checkpoint, where every use of it reads the same. So is the order
    /// split over the lanes, which follows from the lanes' failover state (the lanes write it), and the production cell
    /// an input stock belongs to, a line stock's index among its line's and its only lane, all fixed when the run is
    /// built.
    /// </summary>
    public void WriteState(StateDigest digest)
    {
        digest.Add(_supplierOnHand);
        digest.Add(Ordered);
        digest.Add(Delivered);
        digest.Add(StockOut);
        digest.Add(Plan.Trigger == TriggerKind.Sequence ? _lastSequenceJobs : 0);
    }
}
