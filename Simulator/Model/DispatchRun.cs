using System.Runtime.InteropServices;
using Simulator.Engine;

namespace Simulator.Model;

/// <summary>
/// The trucks of one supplier that leave on one cadence: one process per supplier and dispatch interval, not one
/// per lane. At each dispatch time the lanes with work ship what is ready for them; a lane with nothing to ship
/// drops out until an order is transmitted for it or (sequence lanes) its line starts a job, and the dispatcher
/// sleeps while no lane has work.
/// </summary>
internal sealed partial class DispatchRun
{
    private readonly SimEnvironment _env;
    private readonly double _everyHours;
    private readonly List<LaneRun> _lanes = [];
    private bool[] _isActive = new bool[4];
    private List<LaneRun> _active = [];
    private List<LaneRun> _stillActive = [];
    private readonly List<LaneRun> _lateLanes = [];
    private SimProcess? _process;
    private bool _asleep;
    private bool _woken;
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

    /// <summary>Adds a lane, active from the start; returns its slot, which the lane passes back when it wakes.</summary>
    public int Add(LaneRun lane)
    {
        _lanes.Add(lane);
        if (_lanes.Count > _isActive.Length)
        {
            Array.Resize(ref _isActive, _isActive.Length * 2);
        }

        _isActive[_lanes.Count - 1] = true;
        _active.Add(lane);
        return _lanes.Count - 1;
    }

    public IEnumerable<Event> Dispatching()
    {
        _process = _env.ActiveProcess;
        var every = _everyHours;
        while (true)
        {
            _lastDispatch = _env.Now;
            var active = CollectionsMarshal.AsSpan(_active);
            for (var i = 0; i < active.Length; i++)
            {
                LaneRun.WarmAhead(active, i);
                var lane = active[i];
                if (lane.Depart(every))
                {
                    _stillActive.Add(lane);
                }
                else
                {
                    _isActive[lane.DispatchSlot] = false;
                    lane.OnIdle();
                }
            }

            (_active, _stillActive) = (_stillActive, _active);
            _stillActive.Clear();
            if (_active.Count == 0)
            {
                // Nothing to ship: sleep rather than sending empty trucks through every night and weekend.
                _asleep = true;
                yield return _env.Passivate();
                _woken = false;

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

    /// <summary>
    /// New work for <paramref name="lane"/>: it rejoins the next departure, and wakes the dispatcher if it sleeps. An
    /// order for a lane that had nothing to ship when the trucks left at this very instant still catches a truck now.
    /// </summary>
    public void Wake(LaneRun lane)
    {
        if (_isActive[lane.DispatchSlot])
        {
            return;
        }

        _isActive[lane.DispatchSlot] = true;
        if (_asleep)
        {
            _active.Add(lane);
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

        _active.Add(lane);
    }

    private void DispatchLate()
    {
        _lateDispatchPending = false;
        foreach (var lane in _lateLanes)
        {
            if (lane.Depart(_everyHours))
            {
                _active.Add(lane);
            }
            else
            {
                _isActive[lane.DispatchSlot] = false;
                lane.OnIdle();
            }
        }

        _lateLanes.Clear();
    }
}
