namespace Simulator.Engine;

/// <summary>
/// An event over a set of events: it fails as soon as one of them fails, and otherwise succeeds when its rule
/// holds (all processed for <see cref="AllOf"/>, one processed for <see cref="AnyOf"/>). Its value is the
/// <see cref="IReadOnlyList{T}"/> of the listed events that had been processed successfully at that moment, in
/// the order they were listed.
/// </summary>
public class Condition : Event
{
    private readonly Event[] _events;
    private readonly bool _requireAll;
    private int _processedCount;

    internal Condition(SimEnvironment environment, Event[] events, bool requireAll)
        : base(environment)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = events;
        _requireAll = requireAll;
        foreach (var item in events)
        {
            if (item is null)
            {
                throw new ArgumentException($"{Describe()}{InProcess()} was given a null event.", nameof(events));
            }

            if (item.Environment != environment)
            {
                throw new ArgumentException($"{Describe()}{InProcess()} was given {item.Describe()} of another environment.", nameof(events));
            }
        }

        if (events.Length == 0)
        {
            Complete();
            return;
        }

        foreach (var item in events)
        {
            if (State != EventState.Pending)
            {
                break;
            }

            if (item.IsProcessed)
            {
                Check(item);
            }
            else
            {
                item.AddObserver(this);
            }
        }
    }

    /// <summary>The events this condition waits on, in the order given.</summary>
    public IReadOnlyList<Event> Events => _events;

    internal void Check(Event item)
    {
        if (State != EventState.Pending)
        {
            return;
        }

        _processedCount++;
        if (item.ErrorCore is { } error)
        {
            Fail(error);
        }
        else if (!_requireAll || _processedCount == _events.Length)
        {
            Complete();
        }
    }

    internal override string Describe() => _requireAll ? "AllOf condition" : "AnyOf condition";

    private void Complete()
    {
        var fired = new List<Event>(_events.Length);
        foreach (var item in _events)
        {
            if (item.IsProcessed && item.ErrorCore is null)
            {
                fired.Add(item);
            }
        }

        Succeed(fired);
    }

    private string InProcess() => Environment.ActiveProcess is { } process ? $" in process '{process.Name}'" : string.Empty;
}
