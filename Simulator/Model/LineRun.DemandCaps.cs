namespace Simulator.Model;

/// <summary>The state's demand per day (<c>state.demand</c>) as a cap on the jobs a line builds those days.</summary>
internal sealed partial class LineRun
{
    private int _capIndex;
    private bool _capDayStarted;
    private long _jobsBeforeCapDay;
    private double _idleUntil = double.NegativeInfinity;

    /// <summary>
    /// The end of today's capped day when the line has built today's demand, else <paramref name="now"/>. The jobs of
    /// a day are counted from the first time the line looks at it, before any job of that day has started.
    /// </summary>
    private double DemandMetUntil(double now)
    {
        var caps = Plan.JobCaps;
        while (_capIndex < caps.Count && caps[_capIndex].ToHours <= now)
        {
            _capIndex++;
            _capDayStarted = false;
        }

        if (_capIndex >= caps.Count || caps[_capIndex].FromHours > now)
        {
            return now;
        }

        if (!_capDayStarted)
        {
            _capDayStarted = true;
            _jobsBeforeCapDay = JobsStarted;
        }

        if (JobsStarted - _jobsBeforeCapDay + 1 <= caps[_capIndex].Units + 1e-9)
        {
            return now;
        }

        _idleUntil = caps[_capIndex].ToHours;
        return _idleUntil;
    }

    /// <summary>
    /// Jobs the state's demand still lets the line build in the capped day that holds <paramref name="now"/>, or null
    /// outside one; reading it changes nothing.
    /// </summary>
    public double? DemandLeft(double now)
    {
        var caps = Plan.JobCaps;
        for (var i = _capIndex; i < caps.Count; i++)
        {
            if (caps[i].FromHours <= now && now < caps[i].ToHours)
            {
                var built = i == _capIndex && _capDayStarted ? JobsStarted - _jobsBeforeCapDay : 0;
                return Math.Max(0, caps[i].Units - built);
            }
        }

        return null;
    }

    /// <summary>True while the line stands because it has built the day's demand (a planned stop, not a halt).</summary>
    private bool DemandIdle(double now) => now < _idleUntil;
}
