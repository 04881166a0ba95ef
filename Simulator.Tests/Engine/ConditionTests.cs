using Simulator.Engine;

namespace Simulator.Tests.Engine;

/// <summary>Values of nested conditions and of conditions whose members are processed together.</summary>
public sealed class ConditionTests
{
    [Test]
    public void A_nested_condition_value_lists_the_leaf_events_processed_by_then()
    {
        var env = new SimEnvironment();
        var t0 = env.Timeout(0.0, "a");
        var t1 = env.Timeout(1.0, "b");
        var t2 = env.Timeout(2.0, "c");
        var outer = (t0 | t1) & t2;
        object? value = null;
        env.Process(Wait());

        env.Run();

        // The inner AnyOf triggered at 0 h with t0 alone, but t1 had been processed too when the outer
        // condition was processed at 2 h.
        Assert.That(value, Is.EqualTo(new Event[] { t0, t1, t2 }));

        IEnumerable<Event> Wait()
        {
            yield return outer;
            value = outer.Value;
        }
    }

    [Test]
    public void A_nested_condition_value_leaves_out_leaves_still_pending()
    {
        var env = new SimEnvironment();
        var t1 = env.Timeout(1.0);
        var t3 = env.Timeout(3.0);
        var t2 = env.Timeout(2.0);
        var outer = env.AllOf(env.AnyOf(t1, t3), t2);

        var value = env.Run(outer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(value, Is.EqualTo(new Event[] { t1, t2 }));
            Assert.That(env.Now, Is.EqualTo(2.0));
        }
    }

    [Test]
    public void An_any_of_value_includes_members_processed_at_the_same_time_before_it()
    {
        var env = new SimEnvironment();
        var first = env.Timeout(1.0);
        var second = env.Timeout(1.0);

        // The condition triggers when `first` is processed and is queued behind `second`, due at the same time.
        var value = env.Run(first | second);

        Assert.That(value, Is.EqualTo(new Event[] { first, second }));
    }

    [Test]
    public void A_condition_value_keeps_the_listed_order_not_the_processing_order()
    {
        var env = new SimEnvironment();
        var late = env.Timeout(2.0);
        var early = env.Timeout(1.0);

        var value = env.Run(env.AllOf(late, early));

        Assert.That(value, Is.EqualTo(new Event[] { late, early }));
    }

    [Test]
    public void A_triggered_condition_lets_go_of_its_pending_members()
    {
        var env = new SimEnvironment();
        var pending = env.Event();
        var any = env.Timeout(1.0) | pending;
        env.Run(any);

        // With the condition gone from its observers, a failure of the member is nobody's.
        pending.Fail(new InvalidDataException("orphan"));

        Assert.Throws<InvalidDataException>(() => env.Run());
    }

    [Test]
    public void A_condition_over_processed_events_is_decided_at_once()
    {
        var env = new SimEnvironment();
        var done = env.Timeout(0.0, 5);
        env.Run();
        var pending = env.Event();

        var any = done | pending;
        env.Run(any);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(any.Value, Is.EqualTo(new Event[] { done }));
            Assert.That(env.Now, Is.Zero);
        }
    }
}
