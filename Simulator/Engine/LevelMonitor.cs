namespace Simulator.Engine;

/// <summary>
/// Time-weighted statistics of a level that changes at discrete times (queue length, stock, units in use): each
/// value is weighted by how long it held. Statistics cover the time from the start (or the last
/// <see cref="Reset"/>) up to the environment's current time.
/// </summary>
public sealed class LevelMonitor
{
    private readonly SimEnvironment _environment;
    private double _startTime;
    private double _lastTime;
    private double _integral;
    private double _timeAtZero;

    /// <summary>Starts monitoring at the current time with <paramref name="initialLevel"/>.</summary>
    public LevelMonitor(SimEnvironment environment, double initialLevel = 0.0)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        Current = initialLevel;
        Reset();
    }

    /// <summary>The level now.</summary>
    public double Current { get; private set; }

    /// <summary>The smallest level held since the start.</summary>
    public double Min { get; private set; }

    /// <summary>The largest level held since the start.</summary>
    public double Max { get; private set; }

    /// <summary>Hours covered by the statistics.</summary>
    public double Duration => _environment.Now - _startTime;

    /// <summary>The integral of the level over time (level × hours).</summary>
    public double Integral => _integral + (Current * (_environment.Now - _lastTime));

    /// <summary>The time-weighted mean level; the current level when no time has passed.</summary>
    public double Mean => Duration > 0.0 ? Integral / Duration : Current;

    /// <summary>Hours during which the level was exactly zero.</summary>
    public double TimeAtZero => _timeAtZero + (Current == 0.0 ? _environment.Now - _lastTime : 0.0);

    /// <summary>The share of the covered time with the level at zero (0 when no time has passed).</summary>
    public double FractionAtZero => Duration > 0.0 ? TimeAtZero / Duration : 0.0;

    /// <summary>Records that the level changes to <paramref name="level"/> now.</summary>
    public void Record(double level)
    {
        Accumulate();
        Current = level;
        Min = Math.Min(Min, level);
        Max = Math.Max(Max, level);
    }

    /// <summary>Records a change of the level by <paramref name="delta"/> now.</summary>
    public void Add(double delta) => Record(Current + delta);

    /// <summary>Forgets the history and restarts the statistics now from the current level (for example after a warm-up).</summary>
    public void Reset()
    {
        _startTime = _environment.Now;
        _lastTime = _startTime;
        _integral = 0.0;
        _timeAtZero = 0.0;
        Min = Current;
        Max = Current;
    }

    private void Accumulate()
    {
        var now = _environment.Now;
        var held = now - _lastTime;
        _integral += Current * held;
        if (Current == 0.0)
        {
            _timeAtZero += held;
        }

        _lastTime = now;
    }
}
