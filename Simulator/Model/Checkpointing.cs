namespace Simulator.Model;

/// <summary>
/// Runs the kernel to the horizon in stretches that end at checkpoints (every <see cref="EveryHours"/> hours), between
/// two instants: the kernel processes events before the checkpoint, then the state is looked at, then it goes on, so a
/// run with checkpoints is the same run as one without.
/// </summary>
internal abstract class Checkpointing(double everyHours)
{
    public double EveryHours { get; } = everyHours > 0 && double.IsFinite(everyHours)
        ? everyHours
        : throw new ArgumentOutOfRangeException(nameof(everyHours), everyHours, "checkpoints must be a positive number of hours apart");

    /// <summary>Hour of checkpoint <paramref name="index"/> (from 1).</summary>
    public double TimeOf(int index) => index * EveryHours;

    /// <summary>Runs until the horizon's last checkpoint; true when a checkpoint ended the run there.</summary>
    public bool Run(RunRuntime runtime, double horizonHours)
    {
        var env = runtime.Context.Env;
        for (var k = 1; TimeOf(k) < horizonHours; k++)
        {
            env.Run(TimeOf(k));
            if (At(k, runtime))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Looks at checkpoint <paramref name="index"/>; true ends the run.</summary>
    protected abstract bool At(int index, RunRuntime runtime);

    /// <summary>The trace of a run that a checkpoint ended.</summary>
    public abstract RunTrace Stopped(RunRuntime runtime);

    /// <summary>The run went to the horizon and gave <paramref name="trace"/>.</summary>
    public virtual void Finished(RunRuntime runtime, RunTrace trace)
    {
    }
}

/// <summary>
/// The checkpoints of a baseline run: its state digest at each (with the values when <c>keepValues</c>, to check that
/// equal hashes mean equal states), what its lines reported there and at the horizon, and its trace, whose events after
/// a checkpoint are every stopped run's remainder.
/// </summary>
internal sealed class BaselineCheckpoints(double everyHours, bool keepValues) : Checkpointing(everyHours)
{
    private readonly List<RecordedDigest?> _digests = [null];
    private readonly List<LineCheckpoint[]> _lines = [[]];

    public IReadOnlyList<LineCheckpoint> Final { get; private set; } = [];

    public RunTrace? Trace { get; private set; }

    public int Count => _digests.Count - 1;

    /// <summary>The digest at checkpoint <paramref name="index"/>, or null when the state there was not describable.</summary>
    public RecordedDigest? Digest(int index) => index < _digests.Count ? _digests[index] : null;

    public IReadOnlyList<LineCheckpoint> LinesAt(int index) => _lines[index];

    protected override bool At(int index, RunRuntime runtime)
    {
        using var digest = runtime.Digest(keepValues: keepValues);
        _digests.Add(digest.Record());
        _lines.Add(runtime.Lines.Select(l => l.Checkpoint()).ToArray());
        return false;
    }

    public override RunTrace Stopped(RunRuntime runtime) => throw new InvalidOperationException("a baseline runs to the horizon");

    public override void Finished(RunRuntime runtime, RunTrace trace)
    {
        Final = runtime.Lines.Select(l => l.Checkpoint()).ToArray();
        Trace = trace;
    }
}

/// <summary>
/// The checkpoints of a disrupted run paired with <paramref name="baseline"/> (same network and seed): from
/// <paramref name="fromHours"/> on, the first checkpoint at which its state digest equals the baseline's ends it, and its
/// report is what it reported there joined with the baseline's remainder.
/// </summary>
internal sealed class RejoinCheckpoints(BaselineCheckpoints baseline, double fromHours, bool explain) : Checkpointing(baseline.EveryHours)
{
    private int _index;
    private LineCheckpoint[] _lines = [];

    /// <summary>With <c>explain</c>: at each checkpoint that did not match, what differed first.</summary>
    public List<(double Hours, string? Difference)> Differences { get; } = [];

    /// <summary>Hour of the checkpoint that ended the run, or null when it went to the horizon.</summary>
    public double? StoppedAtHours { get; private set; }

    protected override bool At(int index, RunRuntime runtime)
    {
        if (TimeOf(index) < fromHours || baseline.Digest(index) is not { } expected)
        {
            return false;
        }

        using var digest = runtime.Digest(expected);
        if (!digest.Matches())
        {
            if (explain)
            {
                Differences.Add((TimeOf(index), digest.Difference()));
            }

            return false;
        }

        _index = index;
        _lines = runtime.Lines.Select(l => l.Checkpoint()).ToArray();
        StoppedAtHours = TimeOf(index);
        return true;
    }

    /// <summary>
    /// This run's report: the states are equal from the checkpoint on, so every line does from there what it did in the
    /// baseline. Jobs are this run's up to the checkpoint plus the baseline's after it; a line that had not halted halts
    /// first where the baseline halts next; the hour it was last back at full rate is the baseline's when the baseline
    /// got there after the checkpoint, else this run's; events after the checkpoint are the baseline's. Downtime is
    /// this run's plus the baseline's after the checkpoint (summed in another order than a full run would). The
    /// stopped run has no samples and no inventory value.
    /// </summary>
    public override RunTrace Stopped(RunRuntime runtime)
    {
        var t = TimeOf(_index);
        var ctx = runtime.Context;
        var trace = baseline.Trace ?? throw new InvalidOperationException("the baseline has not finished");
        var later = trace.Events.Where(e => e.TimeHours >= t).ToArray();
        var outcomes = new LineOutcome[runtime.Lines.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var line = runtime.Lines[i];
            var id = line.Plan.Spec.Id;
            var own = _lines[i];
            var at = baseline.LinesAt(_index)[i];
            var end = baseline.Final[i];
            var mine = later.Select((e, j) => (e, j)).Where(x => x.e.Entity == id).ToArray();
            var halts = mine.Where(x => x.e.Kind == EventKinds.Halt).ToArray();
            var (firstHalt, cause, restart) = (own.FirstHalt, own.FirstHaltCause, own.RestartAfterFirstHalt);
            if (firstHalt is null && halts.Length > 0)
            {
                (firstHalt, cause) = (halts[0].e.TimeHours, halts[0].e.Cause);
                restart = mine.Where(x => x.j > halts[0].j && x.e.Kind == EventKinds.Restart).Select(x => (double?)x.e.TimeHours).FirstOrDefault();
            }
            else if (firstHalt is not null && restart is null)
            {
                restart = mine.Where(x => x.e.Kind == EventKinds.Restart).Select(x => (double?)x.e.TimeHours).FirstOrDefault();
            }

            var affected = own.Affected || halts.Length > 0;
            double? since = end.FullRateSince is { } x ? (x >= t ? x : own.FullRateSince) : null;
            outcomes[i] = new LineOutcome(
                line.Plan.Spec.PlantId,
                id,
                firstHalt,
                cause,
                own.DowntimeHours + (trace.Lines[i].DowntimeHours - at.DowntimeHours),
                restart,
                affected && !end.Halted ? since : null,
                line.Plan.PlannedUnits,
                own.JobsCompleted + (end.JobsCompleted - at.JobsCompleted),
                own.DisruptionEnd);
        }

        return new RunTrace(
            outcomes,
            ctx.Windows.ToArray(),
            [.. ctx.Events.OrderBy(e => e.TimeHours), .. later],
            [],
            double.NaN,
            ctx.Env.ProcessedEvents)
        {
            Clock = ctx.Network.Clock,
        };
    }
}
