namespace Simulator.Engine;

/// <summary>
/// An event over a set of events: it fails as soon as one of them fails (taking that failure over, so it does
/// not end the run on its own), and otherwise succeeds when its rule holds (all processed for <see cref="AllOf"/>,
/// one processed for <see cref="AnyOf"/>). Once triggered it stops watching its events, so a member that fails
/// later must be handled by someone else. Its value, set when the condition is processed, is the
/// <see cref="IReadOnlyList{T}"/> of the leaf events processed successfully by then: nested conditions are
/// flattened into their own events, depth first in the order listed.
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

        // The value is built when the condition is processed, before anyone waiting on it reads it.
        HasProcessingStep = true;
        if (events.Length == 0)
        {
            Succeed();
            return;
        }

        foreach (var item in events)
        {
            if (item.IsProcessed)
            {
                Check(item);
            }
            else
            {
                item.AddObserver(this);
            }

            if (State != EventState.Pending)
            {
                StopWatching();
                break;
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
            item.Defused = true;
            Fail(error);
        }
        else if (!_requireAll || _processedCount == _events.Length)
        {
            Succeed();
        }
        else
        {
            return;
        }

        StopWatching();
    }

    internal override string Describe() => _requireAll ? "AllOf condition" : "AnyOf condition";

    internal override void OnProcessing()
    {
        if (ErrorCore is null)
        {
            var leaves = new List<Event>(_events.Length);
            CollectLeaves(leaves);
            ValueCore = leaves;
        }
    }

    private void CollectLeaves(List<Event> leaves)
    {
        foreach (var item in _events)
        {
            if (item is Condition nested)
            {
                nested.CollectLeaves(leaves);
            }
            else if (item.IsProcessed && item.ErrorCore is null)
            {
                leaves.Add(item);
            }
        }
    }

    /// <summary>Unregisters from the members not processed yet; the member being processed has let go of its observers.</summary>
    private void StopWatching()
    {
        foreach (var item in _events)
        {
            if (!item.IsProcessed)
            {
                item.RemoveObserver(this);
            }
        }
    }

    private string InProcess() => Environment.ActiveProcess is { } process ? $" in process '{process.Name}'" : string.Empty;
}
