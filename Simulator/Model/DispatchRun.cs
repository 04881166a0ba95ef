using Simulator.Engine;

namespace Simulator.Model;

/// <summary>
/// The trucks of one supplier that leave on one cadence: one process per supplier and dispatch interval, not one
/// per lane. At each dispatch time every lane of the group ships what is ready for it; while no lane has anything to
/// ship the dispatcher sleeps until an order is transmitted or (sequence lanes) a line it serves starts a job.
/// </summary>
internal sealed class DispatchRun
{
    private readonly SimEnvironment _env;
    private readonly double _everyHours;
    private readonly List<LaneRun> _lanes = [];
    private readonly List<LaneRun> _lateLanes = [];
    private readonly List<LineRun> _sequenceLines = [];
    private Event? _wake;
    private double _lastDispatch = double.NaN;
    private bool _lateDispatchPending;

    public DispatchRun(SimEnvironment env, string name, double everyHours)
    {
        _env = env;
        Name = name;
        _everyHours = everyHours;
    }

    /// <summary>Process name, for traces.</summary>
    public string Name { get; }

    public void Add(LaneRun lane)
    {
        _lanes.Add(lane);
        if (lane.SequenceLine is { } line && !_sequenceLines.Contains(line))
        {
            _sequenceLines.Add(line);
        }
    }

    public IEnumerable<Event> Dispatching()
    {
        var every = _everyHours;
        while (true)
        {
            _lastDispatch = _env.Now;
            var busy = false;
            foreach (var lane in _lanes)
            {
                busy |= lane.Depart(every);
            }

            if (!busy)
            {
                // Nothing to ship: sleep until an order is placed or a served line starts a job, rather than sending
                // empty trucks through every night and weekend.
                _wake = _env.Event();
                foreach (var line in _sequenceLines)
                {
                    line.WakeAtNextJob(this);
                }

                yield return _wake;

                // Woken by an order: the truck leaves at the next dispatch time, which may be right now.
                var woken = _env.Now;
                var due = Math.Ceiling((woken / every) - 1e-9) * every;
                if (due > woken)
                {
                    yield return _env.Delay(due - woken);
                }

                continue;
            }

            var now = _env.Now;
            var next = (Math.Floor(now / every + 1e-9) + 1) * every;
            yield return _env.Delay(next - now);
        }
    }

    /// <summary>A served line started a job: a sleeping dispatcher wakes to take in its call-offs.</summary>
    public void WakeUp()
    {
        var wake = _wake;
        if (wake is { IsTriggered: false })
        {
            _wake = null;
            wake.Succeed();
        }
    }

    /// <summary>
    /// New work for <paramref name="lane"/>: wakes the sleeping dispatcher; an order for a lane that had nothing to
    /// ship when the trucks left at this very instant still catches a truck at this instant.
    /// </summary>
    public void Wake(LaneRun lane)
    {
        if (_wake is { IsTriggered: false })
        {
            WakeUp();
            return;
        }

        if (_env.Now == _lastDispatch && !lane.BusyAtLastDispatch && !_lateLanes.Contains(lane))
        {
            _lateLanes.Add(lane);
            if (!_lateDispatchPending)
            {
                _lateDispatchPending = true;
                _env.Timeout(0).AddCallback(_ => DispatchLate());
            }
        }
    }

    private void DispatchLate()
    {
        _lateDispatchPending = false;
        for (var i = 0; i < _lateLanes.Count; i++)
        {
            _lateLanes[i].Depart(_everyHours);
        }

        _lateLanes.Clear();
    }
}
