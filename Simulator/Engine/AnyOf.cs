namespace Simulator.Engine;

/// <summary>Succeeds once any listed event has been processed successfully (at once when none is listed); fails with the first failure.</summary>
public sealed class AnyOf : Condition
{
    internal AnyOf(SimEnvironment environment, Event[] events)
        : base(environment, events, requireAll: false)
    {
    }
}
