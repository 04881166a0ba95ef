namespace Simulator.Engine;

/// <summary>Succeeds once every listed event has been processed successfully; fails with the first failure.</summary>
public sealed class AllOf : Condition
{
    internal AllOf(SimEnvironment environment, Event[] events)
        : base(environment, events, requireAll: true)
    {
    }
}
