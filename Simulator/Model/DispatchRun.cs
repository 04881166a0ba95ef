using System.Collections;
using Simulator.Engine;

namespace Simulator.Model;

/// <summary>
/// The trucks of one supplier that leave on one cadence: one process per supplier and dispatch interval, not one
/// per lane. At each dispatch time the lanes with work ship what is ready for them; a lane with nothing to ship
/// drops out until an order is transmitted for it or (sequence lanes) its line starts a job, and the dispatcher
/// sleeps while no lane has work.
/// </summary>
/// <remarks>
/// The dispatcher is its own process's steps (an enumerator written out rather than an iterator method), and its
/// lanes' array is made with it: the kernel starts loading a process's steps before it wakes, which then loads the
/// dispatcher and the start of its lanes' array rather than a separate iterator object that leads to them.
/// </remarks>
internal sealed partial class DispatchRun : IEnumerable<Event>, IEnumerator<Event>
{
    private readonly SimEnvironment _env;
    private readonly double _everyHours;

    // The lanes of the next departure, in order, in one array kept in place: a departure keeps the lanes that still
    // have work by moving them down over those that drop out (no second list, no list object between the dispatcher
    // and its lanes), and whether a lane is among them is the lane's own flag (it asks to join only when it is not).
    private LaneRun[] _active;
    private int _activeCount;
    private readonly List<LaneRun> _lanes;
    private readonly List<LaneRun> _lateLanes;
    private SimProcess? _process;
    private bool _asleep;
    private bool _woken;
    private double _lastDispatch = double.NaN;
    private bool _lateDispatchPending;

    // Where the process resumes: not started, at the next departure, or woken from its sleep.
    private Step _step;
    private Event? _current;

    /// <summary>A dispatcher for <paramref name="lanes"/> lanes (its lanes' array is sized for them once).</summary>
    public DispatchRun(SimEnvironment env, string name, double everyHours, int lanes)
    {
        _env = env;
        Name = name;
        _everyHours = everyHours;
        _active = new LaneRun[Math.Max(1, lanes)];
        _lanes = new List<LaneRun>(lanes);
        _lateLanes = [];
    }

    private enum Step
    {
        Start,
        Depart,
        Woken,
    }

    /// <summary>Process name, for traces.</summary>
    public string Name { get; }

    /// <summary>Adds a lane, active from the start; returns its slot, which the lane passes back when it wakes.</summary>
    public int Add(LaneRun lane)
    {
        _lanes.Add(lane);
        Append(lane);
        return _lanes.Count - 1;
    }

    /// <summary>The process's steps: the dispatcher itself.</summary>
    public IEnumerable<Event> Dispatching() => this;

    /// <inheritdoc/>
    public Event Current => _current!;

    object IEnumerator.Current => Current;

    IEnumerator<Event> IEnumerable<Event>.GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

    /// <summary>
    /// Resumes the process: ships at a dispatch time, then waits for the next one, or sleeps when no lane has work. Woken
    /// by an order, the trucks leave at the next dispatch time, which may be right now.
    /// </summary>
    public bool MoveNext()
    {
        if (_step == Step.Start)
        {
            _process = _env.ActiveProcess;
        }
        else if (_step == Step.Woken)
        {
            _woken = false;
            var woken = _env.Now;
            var due = Math.Ceiling((woken / _everyHours) - 1e-9) * _everyHours;
            if (due > woken)
            {
                _step = Step.Depart;
                _current = _env.Delay(due - woken);
                return true;
            }
        }

        Depart();
        if (_activeCount == 0)
        {
            // Nothing to ship: sleep rather than sending empty trucks through every night and weekend.
            _asleep = true;
            _step = Step.Woken;
            _current = _env.Passivate();
            return true;
        }

        var now = _env.Now;
        var next = (Math.Floor(now / _everyHours + 1e-9) + 1) * _everyHours;
        _step = Step.Depart;
        _current = _env.Delay(next - now);
        return true;
    }

    /// <summary>Not supported: a process's steps run once.</summary>
    public void Reset() => throw new NotSupportedException("a dispatcher's steps cannot be restarted");

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }

    private void Depart()
    {
        _lastDispatch = _env.Now;

        // No lane joins the departure while it runs (a lane woken at this instant waits for the late one), so the lanes
        // kept move down in their order over the slots already read.
        var every = _everyHours;
        var active = _active.AsSpan(0, _activeCount);
        var kept = 0;
        for (var i = 0; i < active.Length; i++)
        {
            LaneRun.WarmAhead(active, i);
            var lane = active[i];
            if (lane.Depart(every))
            {
                active[kept++] = lane;
            }
            else
            {
                lane.OnIdle();
            }
        }

        active[kept..].Clear();
        _activeCount = kept;
    }

    /// <summary>
    /// New work for <paramref name="lane"/>, which is not on the next departure: it joins it, and wakes the dispatcher if
    /// it sleeps. An order for a lane that had nothing to ship when the trucks left at this very instant still catches
    /// a truck now.
    /// </summary>
    public void Wake(LaneRun lane)
    {
        if (_asleep)
        {
            Append(lane);
            _asleep = false;
            _woken = true;
            _process!.Activate();
            return;
        }

        if (_env.Now == _lastDispatch)
        {
            _lateLanes.Add(lane);
            if (!_lateDispatchPending)
            {
                _lateDispatchPending = true;
                _env.Timeout(0).AddCallback(_ => DispatchLate());
            }

            return;
        }

        Append(lane);
    }

    private void Append(LaneRun lane)
    {
        if (_activeCount == _active.Length)
        {
            Array.Resize(ref _active, _active.Length * 2);
        }

        _active[_activeCount++] = lane;
    }

    private void DispatchLate()
    {
        _lateDispatchPending = false;
        foreach (var lane in _lateLanes)
        {
            if (lane.Depart(_everyHours))
            {
                Append(lane);
            }
            else
            {
                lane.OnIdle();
            }
        }

        _lateLanes.Clear();
    }
}
