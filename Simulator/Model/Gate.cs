using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>The number of gate changes so far in one run.</summary>
internal sealed class GateEpoch
{
    public int Value { get; set; }
}

/// <summary>Reacts to a change of a gate: before it (to settle lazily computed state) and after it.</summary>
internal interface IGateListener
{
    void BeforeGateChange();

    void AfterGateChange();
}

/// <summary>
/// The capacity left of one function of one node or lane: 1 when up, a fallback fraction, or 0 when down.
/// Several outages may hold the same gate; the lowest factor wins.
/// </summary>
internal sealed partial class Gate(string entity, ItFunction function, GateEpoch epoch)
{
    private readonly List<(string Key, double Factor, CauseLink Label, bool Planned)> _holds = [];
    private readonly List<IGateListener> _listeners = [];

    // A plant's gates have every lane to its lines as listeners: past a few, a set keeps adding one from costing a pass
    // over all (most gates, a lane's own, have one or two and no set).
    private HashSet<IGateListener>? _listening;

    public string Entity { get; } = entity;

    public ItFunction Function { get; } = function;

    /// <summary>Counts gate changes in the run, so that groups can cache their factor between changes.</summary>
    public GateEpoch Epoch { get; } = epoch;

    public double Factor { get; private set; } = 1;

    /// <summary>Label of the hold with the lowest factor, for cause chains; null when up.</summary>
    public CauseLink? Cause { get; private set; }

    /// <summary>True when the hold that <see cref="Cause"/> names is a planned stop rather than a failure.</summary>
    public bool CauseIsPlanned { get; private set; }

    public void Listen(IGateListener listener)
    {
        if (_listening is not null)
        {
            if (_listening.Add(listener))
            {
                _listeners.Add(listener);
            }

            return;
        }

        if (!_listeners.Contains(listener))
        {
            _listeners.Add(listener);
            if (_listeners.Count > ListenersBeforeSet)
            {
                _listening = new HashSet<IGateListener>(_listeners, ReferenceEqualityComparer.Instance);
            }
        }
    }

    private const int ListenersBeforeSet = 16;

    public void Hold(string key, double factor, CauseLink label, bool planned = false)
    {
        var i = _holds.FindIndex(h => h.Key == key);
        Change(() =>
        {
            if (i >= 0)
            {
                _holds[i] = (key, factor, label, planned);
            }
            else
            {
                _holds.Add((key, factor, label, planned));
            }
        });
    }

    public void Release(string key)
    {
        var i = _holds.FindIndex(h => h.Key == key);
        if (i >= 0)
        {
            Change(() => _holds.RemoveAt(i));
        }
    }

    private void Change(Action mutate)
    {
        foreach (var l in _listeners)
        {
            l.BeforeGateChange();
        }

        mutate();
        Epoch.Value++;
        Factor = 1;
        Cause = null;
        CauseIsPlanned = false;
        foreach (var (_, factor, label, planned) in _holds)
        {
            if (factor < Factor || Cause is null)
            {
                Factor = Math.Min(Factor, factor);
                Cause = label;
                CauseIsPlanned = planned;
            }
        }

        foreach (var l in _listeners)
        {
            l.AfterGateChange();
        }
    }
}

/// <summary>Several gates that must all be up for a function to work (for example a line's and its plant's MES).</summary>
internal sealed class GateGroup(Gate[] gates)
{
    private readonly Gate[] _gates = gates;
    private readonly GateEpoch? _runEpoch = gates.Length > 0 ? gates[0].Epoch : null;
    private int _epoch = -1;
    private double _factor = 1;

    /// <summary>The gates, as a span: spreading or iterating it allocates nothing (several groups are built per lane and run).</summary>
    public ReadOnlySpan<Gate> Gates => _gates;

    /// <summary>The lowest factor of the gates; read on every dispatch, so cached until any gate of the run changes.</summary>
    public double Factor
    {
        get
        {
            if (_runEpoch is null || _runEpoch.Value == _epoch)
            {
                return _factor;
            }

            var f = 1.0;
            foreach (var g in _gates)
            {
                f = Math.Min(f, g.Factor);
            }

            _epoch = _runEpoch.Value;
            _factor = f;
            return f;
        }
    }

    /// <summary>Label of the most restrictive hold, or null when fully up.</summary>
    public CauseLink? Cause => Worst()?.Cause;

    /// <summary>True when the group is down and its most restrictive hold is a planned stop.</summary>
    public bool StoppedByPlan => Factor <= 0 && Worst() is { CauseIsPlanned: true };

    private Gate? Worst()
    {
        Gate? worst = null;
        foreach (var g in Gates)
        {
            if (g.Cause is not null && (worst is null || g.Factor < worst.Factor))
            {
                worst = g;
            }
        }

        return worst;
    }

    public void Listen(IGateListener listener)
    {
        foreach (var g in Gates)
        {
            g.Listen(listener);
        }
    }
}
