using Simulator.Engine;

namespace Simulator.Tests.Engine;

public sealed class EnvironmentTests
{
    [Test]
    public void Same_time_events_run_in_fifo_order()
    {
        var env = new SimEnvironment();
        var order = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var index = i;
            env.Timeout(2.0).AddCallback(_ => order.Add(index));
        }

        env.Run();

        Assert.That(order, Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
    }

    [Test]
    public void Events_run_in_time_order_whatever_their_creation_order()
    {
        var env = new SimEnvironment();
        var times = new List<double>();
        foreach (var delay in new[] { 5.0, 1.0, 3.0, 0.5, 4.0 })
        {
            env.Timeout(delay).AddCallback(_ => times.Add(env.Now));
        }

        env.Run();

        Assert.That(times, Is.EqualTo(new[] { 0.5, 1.0, 3.0, 4.0, 5.0 }));
    }

    [Test]
    public void Process_start_is_urgent_and_runs_before_normal_events_due_now()
    {
        var env = new SimEnvironment();
        var order = new List<string>();
        env.Timeout(0.0).AddCallback(_ => order.Add("timeout"));
        env.Process(Mark(order, "process"));

        env.Run();

        Assert.That(order, Is.EqualTo(new[] { "process", "timeout" }));
    }

    [Test]
    public void Clock_starts_at_the_initial_time()
    {
        var env = new SimEnvironment(10.0);
        env.Timeout(2.5);
        env.Run();

        Assert.That(env.Now, Is.EqualTo(12.5));
    }

    [Test]
    public void Run_until_a_time_stops_before_events_at_the_bound_and_sets_now_exactly()
    {
        var env = new SimEnvironment();
        var fired = new List<double>();
        foreach (var delay in new[] { 1.0, 2.0, 3.0 })
        {
            env.Timeout(delay).AddCallback(_ => fired.Add(env.Now));
        }

        env.Run(until: 2.0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.EqualTo(new[] { 1.0 }));
            Assert.That(env.Now, Is.EqualTo(2.0));
            Assert.That(env.PeekTime, Is.EqualTo(2.0));
        }

        env.Run(until: 10.0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fired, Is.EqualTo(new[] { 1.0, 2.0, 3.0 }));
            Assert.That(env.Now, Is.EqualTo(10.0));
        }
    }

    [Test]
    public void Run_until_an_event_stops_once_it_is_processed()
    {
        var env = new SimEnvironment();
        var target = env.Timeout(3.0);
        env.Timeout(7.0);

        env.Run(target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(env.Now, Is.EqualTo(3.0));
            Assert.That(target.IsProcessed, Is.True);
            Assert.That(env.PeekTime, Is.EqualTo(7.0));
        }
    }

    [Test]
    public void Run_until_an_event_throws_when_the_queue_runs_empty_first()
    {
        var env = new SimEnvironment();
        env.Timeout(1.0);
        var never = env.Event();

        Assert.That(() => env.Run(never), Throws.InvalidOperationException.With.Message.Contains("never processed"));
    }

    [Test]
    public void Run_until_a_time_in_the_past_is_rejected()
    {
        var env = new SimEnvironment(5.0);

        Assert.That(() => env.Run(4.0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Step_returns_false_and_peek_time_is_infinite_when_the_queue_is_empty()
    {
        var env = new SimEnvironment();
        env.Timeout(1.0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(env.PeekTime, Is.EqualTo(1.0));
            Assert.That(env.Step(), Is.True);
            Assert.That(env.Step(), Is.False);
            Assert.That(env.PeekTime, Is.EqualTo(double.PositiveInfinity));
        }
    }

    [Test]
    public void Processed_events_counts_every_event_taken_from_the_queue()
    {
        var env = new SimEnvironment();
        env.Process(Ticks(env, 3));

        env.Run();

        // One start, three timeouts, and the process's own completion.
        Assert.That(env.ProcessedEvents, Is.EqualTo(5));
    }

    [Test]
    public void Callbacks_run_in_the_order_they_were_added()
    {
        var env = new SimEnvironment();
        var order = new List<int>();
        var evt = env.Event();
        evt.AddCallback(_ => order.Add(1));
        evt.AddCallback(_ => order.Add(2));
        evt.Succeed("done");

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(order, Is.EqualTo(new[] { 1, 2 }));
            Assert.That(evt.Value, Is.EqualTo("done"));
            Assert.That(evt.IsOk, Is.True);
        }
    }

    [Test]
    public void Adding_a_callback_to_a_processed_event_throws()
    {
        var env = new SimEnvironment();
        var evt = env.Event().Succeed();
        env.Run();

        Assert.That(() => evt.AddCallback(_ => { }), Throws.InvalidOperationException.With.Message.Contains("already been processed"));
    }

    [Test]
    public void Succeeding_an_event_twice_throws()
    {
        var env = new SimEnvironment();
        var evt = env.Event();
        evt.Succeed();

        Assert.That(() => evt.Succeed(), Throws.InvalidOperationException.With.Message.Contains("already been triggered"));
    }

    [Test]
    public void An_unobserved_failed_event_surfaces_from_run()
    {
        var env = new SimEnvironment();
        env.Event().Fail(new TimeoutException("lost"));

        Assert.That(() => env.Run(), Throws.InstanceOf<TimeoutException>().With.Message.EqualTo("lost"));
    }

    [Test]
    public void Negative_delay_throws_an_error_naming_the_process()
    {
        var env = new SimEnvironment();
        var process = env.Process(NegativeDelay(env), "sleeper");

        Assert.That(() => env.Run(), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("'sleeper'"));
        Assert.That(process.IsOk, Is.False);
    }

    [Test]
    public void Scheduling_in_the_past_throws_an_error_naming_the_process()
    {
        var env = new SimEnvironment(10.0);
        env.Process(ScheduleAt(env, 5.0), "time-traveller");

        Assert.That(() => env.Run(), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("'time-traveller'").And.Message.Contains("past"));
    }

    [Test]
    public void Timeout_at_an_absolute_time_is_processed_then()
    {
        var env = new SimEnvironment(10.0);
        var timeout = env.TimeoutAt(12.5, "v");
        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(env.Now, Is.EqualTo(12.5));
            Assert.That(timeout.Delay, Is.EqualTo(2.5));
            Assert.That(timeout.Value, Is.EqualTo("v"));
        }
    }

    private static IEnumerable<Event> Mark(List<string> order, string label)
    {
        order.Add(label);
        yield break;
    }

    private static IEnumerable<Event> Ticks(SimEnvironment env, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return env.Timeout(1.0);
        }
    }

    private static IEnumerable<Event> NegativeDelay(SimEnvironment env)
    {
        yield return env.Timeout(1.0);
        yield return env.Timeout(-1.0);
    }

    private static IEnumerable<Event> ScheduleAt(SimEnvironment env, double time)
    {
        yield return env.TimeoutAt(time);
    }
}
