using Simulator.Engine;

namespace Simulator.Tests.Engine;

/// <summary><see cref="SimEnvironment.PendingEvents"/>: what is due, in the order the kernel will process it.</summary>
public sealed class PendingEventsTests
{
    [Test]
    public void Pending_events_come_in_processing_order_with_their_observers_and_without_stale_wake_ups()
    {
        var env = new SimEnvironment();
        var order = new List<string>();
        var late = env.Timeout(5, "late");
        late.AddCallback(_ => order.Add("late"));
        var early = env.Timeout(2, "early");
        Action<Event> callback = _ => order.Add("early");
        early.AddCallback(callback);
        var tie = env.Timeout(5, "tie");
        tie.AddCallback(_ => order.Add("tie"));
        var sleeper = env.Process(Sleep(env, 3), "sleeper");
        env.Run(1);

        var pending = env.PendingEvents();

        Assert.Multiple(() =>
        {
            Assert.That(pending.Select(p => p.TimeHours), Is.EqualTo(new[] { 2.0, 3.0, 5.0, 5.0 }));
            Assert.That(pending.Select(p => p.Event), Is.EqualTo(new Event[] { early, sleeper, late, tie }));
            Assert.That(pending[0].Event.Observers(), Is.EqualTo(new object[] { callback }));
            Assert.That(pending.Select(p => p.Priority), Is.All.EqualTo(EventPriority.Normal));
        });

        env.Run();
        Assert.That(order, Is.EqualTo(new[] { "early", "late", "tie" }), "the kernel processed them in another order");
    }

    [Test]
    public void An_interrupted_process_is_listed_once_at_its_new_wake_up()
    {
        var env = new SimEnvironment();
        var sleeper = env.Process(SleepAndRecover(env), "sleeper");
        env.Process(Interrupt(env, sleeper), "waker");
        env.Run(1.5);

        var pending = env.PendingEvents();

        // The sleeper's first Delay (due at 10) was cut at hour 1; it now sleeps until 1 + 4 = 5.
        Assert.That(pending.Select(p => (p.TimeHours, p.Event)), Is.EqualTo(new[] { (5.0, (Event)sleeper) }));
    }

    [Test]
    public void Nothing_is_pending_once_the_queue_is_empty()
    {
        var env = new SimEnvironment();
        env.Timeout(1);
        env.Run();

        Assert.That(env.PendingEvents(), Is.Empty);
    }

    private static IEnumerable<Event> Sleep(SimEnvironment env, double hours)
    {
        yield return env.Delay(hours);
    }

    private static IEnumerable<Event> SleepAndRecover(SimEnvironment env)
    {
        yield return env.Delay(10);
        if (env.ActiveProcess is { IsInterrupted: true } self)
        {
            self.HandleInterrupt();
            yield return env.Delay(4);
        }
    }

    private static IEnumerable<Event> Interrupt(SimEnvironment env, SimProcess target)
    {
        yield return env.Delay(1);
        target.Interrupt("wake up");
    }
}
