namespace Simulator.Model;

internal sealed partial class LineRun
{
    /// <summary>
    /// Writes what decides this line's future at checkpoint <paramref name="now"/> (between two instants): job counts,
    /// halt and wait state, ramp-up while it lasts, the job-end anchor, the lanes waiting for its next job and both heaps. What is only reported (first halt, downtime, affected) is left out; see
    /// <see cref="Checkpoint"/> for how the report is joined.
    /// </summary>
    public void WriteState(StateDigest digest, double now)
    {
        digest.Add(JobsStarted);
        digest.Add(JobsCompleted);
        digest.Add(Halted);
        digest.Add(Halted ? _haltStart : 0);
        digest.Add(_waitingForStock);
        digest.Add(_wake is null);
        digest.Add(_wake is { IsTriggered: false });

        // Which stock blocks the line and when it wakes are read only while it waits for stock; they stay behind after.
        digest.Add(_waitingForStock ? _blocking?.Plan.Index ?? -1 : -2);
        digest.Add(_waitingForStock ? _wakeAt : 0);

        // A ramp-up that ended before the checkpoint no longer affects the rate; the next restart sets all three anew.
        var ramping = _rampEnd > now;
        digest.Add(ramping);
        digest.Add(ramping ? _rampStart : 0);
        digest.Add(ramping ? _rampEnd : 0);
        digest.Add(ramping ? _rampHours : 0);
        digest.Add(_fullRateSince is null);
        digest.Add(RampOverride);
        digest.Add(_anchorRate);
        digest.Add(_anchorTime);
        digest.Add(_expectedStart);
        digest.Add(_anchorJobs);
        digest.Add(_sleepingLanes.Count);
        foreach (var lane in _sleepingLanes)
        {
            digest.Add(lane.Plan.Index);
        }

        _runout.WriteState(digest);
        _reorder.WriteState(digest);

        // Demand caps: which day's cap applies and the jobs before it; an idle spell that ended is read as none.
        digest.Add(_capIndex);
        digest.Add(_capDayStarted);
        digest.Add(_jobsBeforeCapDay);
        digest.Add(_idleUntil > now ? _idleUntil : double.NegativeInfinity);
    }

    /// <summary>What the report of this line needs from a checkpoint to join a baseline's remainder to it.</summary>
    public LineCheckpoint Checkpoint() => new(
        JobsCompleted, Halted, _fullRateSince, _affected, FirstHalt, FirstHaltCause, RestartAfterFirstHalt, DowntimeHours, DisruptionEnd);
}

/// <summary>A line's reported values at a checkpoint (or at the horizon).</summary>
internal sealed record LineCheckpoint(
    long JobsCompleted,
    bool Halted,
    double? FullRateSince,
    bool Affected,
    double? FirstHalt,
    CauseChain? FirstHaltCause,
    double? RestartAfterFirstHalt,
    double DowntimeHours,
    double? DisruptionEnd);
