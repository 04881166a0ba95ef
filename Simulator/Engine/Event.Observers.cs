namespace Simulator.Engine;

public partial class Event
{
    /// <summary>What this event will notify when processed, in order: waiting processes and callbacks (<see cref="Action{T}"/> of <see cref="Event"/>).</summary>
    public IReadOnlyList<object> Observers()
    {
        if (_firstObserver is null)
        {
            return [];
        }

        return _moreObservers is null ? [_firstObserver] : [_firstObserver, .. _moreObservers];
    }
}
