using Simulator.Model.Specs;

namespace Simulator.Model;

internal sealed partial class FeedRun
{
    /// <summary>
    /// Writes the stock, what it allows relative to the line's jobs, and what is ordered but not received; the running
    /// totals of ordered and received pieces only as their difference.
    /// </summary>
    public void WriteState(StateDigest digest)
    {
        digest.Add(OnHand);
        digest.Relative(Ordered, Delivered);
        digest.Add(StockOut);
        if (Line is { } line)
        {
            var jobs = line.JobsStarted;
            digest.Add(JobsAllowed - jobs);
            digest.Add(Plan.Trigger == TriggerKind.Kanban ? NextReorderJob - jobs : 0);
            digest.Add(Plan.Trigger == TriggerKind.Sequence ? _lastSequenceJobs - jobs : 0);
        }
    }
}
