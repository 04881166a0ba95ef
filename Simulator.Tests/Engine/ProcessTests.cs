using Simulator.Engine;

namespace Simulator.Tests.Engine;

public sealed class ProcessTests
{
    [Test]
    public void Timeout_resumes_the_process_after_its_delay_with_its_value()
    {
        var env = new SimEnvironment();
        object? received = null;
        var resumedAt = -1.0;
        env.Process(Wait());

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(resumedAt, Is.EqualTo(4.0));
            Assert.That(received, Is.EqualTo(42));
        }

        IEnumerable<Event> Wait()
        {
            var timeout = env.Timeout(4.0, 42);
            yield return timeout;
            received = timeout.Value;
            resumedAt = env.Now;
        }
    }

    [Test]
    public void A_process_is_an_event_that_succeeds_with_its_returned_value()
    {
        var env = new SimEnvironment();
        object? childValue = null;
        var parent = env.Process(Parent());

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(childValue, Is.EqualTo("result"));
            Assert.That(parent.IsAlive, Is.False);
            Assert.That(parent.IsOk, Is.True);
            Assert.That(parent.Value, Is.Null);
            Assert.That(env.Now, Is.EqualTo(2.0));
        }

        IEnumerable<Event> Child()
        {
            yield return env.Timeout(2.0);
            env.ActiveProcess!.Return("result");
        }

        IEnumerable<Event> Parent()
        {
            var child = env.Process(Child(), "child");
            yield return child;
            childValue = child.Value;
        }
    }

    [Test]
    public void Yielding_an_already_processed_event_continues_at_once()
    {
        var env = new SimEnvironment();
        var done = env.Event().Succeed(7);
        var resumedAt = new List<double>();
        env.Process(Twice());

        env.Run();

        Assert.That(resumedAt, Is.EqualTo(new[] { 1.0, 1.0 }));

        IEnumerable<Event> Twice()
        {
            yield return env.Timeout(1.0);
            resumedAt.Add(env.Now);
            yield return done;
            resumedAt.Add(env.Now);
        }
    }

    [Test]
    public void Interrupt_while_waiting_on_a_timeout_is_delivered_and_the_process_continues()
    {
        var env = new SimEnvironment();
        var log = new List<string>();
        var worker = env.Process(Worker(), "worker");
        env.Process(Interrupter());

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Is.EqualTo(new[] { "interrupted at 3 by stop", "finished at 8" }));
            Assert.That(worker.IsOk, Is.True);
        }

        IEnumerable<Event> Worker()
        {
            yield return env.Timeout(10.0);
            var self = env.ActiveProcess!;
            if (self.IsInterrupted)
            {
                log.Add($"interrupted at {env.Now} by {self.HandleInterrupt()}");
                yield return env.Timeout(5.0);
                log.Add($"finished at {env.Now}");
            }
        }

        IEnumerable<Event> Interrupter()
        {
            yield return env.Timeout(3.0);
            worker.Interrupt("stop");
        }
    }

    [Test]
    public void An_unhandled_interrupt_fails_the_process_with_a_message_naming_it()
    {
        var env = new SimEnvironment();
        var worker = env.Process(Ignorant(env), "stubborn");
        env.Process(InterruptAt(env, worker, 1.0));

        Assert.That(() => env.Run(), Throws.InvalidOperationException.With.Message.Contains("'stubborn'").And.Message.Contains("HandleInterrupt"));
        Assert.That(worker.IsAlive, Is.False);
    }

    [Test]
    public void Interrupting_a_terminated_process_throws()
    {
        var env = new SimEnvironment();
        var process = env.Process(Ignorant(env), "done");
        env.Run();

        Assert.That(() => process.Interrupt(), Throws.InvalidOperationException.With.Message.Contains("'done'"));
    }

    [Test]
    public void A_failed_event_resumes_its_waiter_with_a_fault_it_can_handle()
    {
        var env = new SimEnvironment();
        var signal = env.Event();
        var handled = false;
        var waiter = env.Process(Wait());
        env.Process(FailLater());

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(handled, Is.True);
            Assert.That(waiter.IsOk, Is.True);
        }

        IEnumerable<Event> Wait()
        {
            yield return signal;
            handled = env.ActiveProcess!.HandleFault();
        }

        IEnumerable<Event> FailLater()
        {
            yield return env.Timeout(1.0);
            signal.Fail(new InvalidDataException("bad"));
        }
    }

    [Test]
    public void An_unhandled_fault_propagates_through_the_chain_of_waiting_processes()
    {
        var env = new SimEnvironment();
        var signal = env.Event();
        Exception? seenByParent = null;
        env.Process(Parent());
        env.Process(FailLater());

        env.Run();

        Assert.That(seenByParent, Is.InstanceOf<InvalidDataException>().With.Message.EqualTo("bad"));

        IEnumerable<Event> Child()
        {
            yield return signal;
        }

        IEnumerable<Event> Parent()
        {
            var child = env.Process(Child(), "child");
            yield return child;
            seenByParent = env.ActiveProcess!.Fault;
            env.ActiveProcess.HandleFault();
        }

        IEnumerable<Event> FailLater()
        {
            yield return env.Timeout(1.0);
            signal.Fail(new InvalidDataException("bad"));
        }
    }

    [Test]
    public void An_exception_in_a_process_nobody_waits_on_surfaces_from_run()
    {
        var env = new SimEnvironment();
        env.Process(Throwing(env), "thrower");

        Assert.That(() => env.Run(), Throws.InstanceOf<FormatException>().With.Message.EqualTo("boom"));
    }

    [Test]
    public void Yielding_null_fails_with_a_message_naming_the_process()
    {
        var env = new SimEnvironment();
        env.Process(YieldNull(env), "nuller");

        Assert.That(() => env.Run(), Throws.InvalidOperationException.With.Message.Contains("'nuller'").And.Message.Contains("null"));
    }

    [Test]
    public void Yielding_an_event_of_another_environment_fails_with_a_message_naming_the_process()
    {
        var env = new SimEnvironment();
        var other = new SimEnvironment();
        env.Process(YieldForeign(other), "stranger");

        Assert.That(() => env.Run(), Throws.InvalidOperationException.With.Message.Contains("'stranger'").And.Message.Contains("another environment"));
    }

    [Test]
    public void AllOf_waits_for_every_event_and_lists_them()
    {
        var env = new SimEnvironment();
        var first = env.Timeout(1.0, "a");
        var second = env.Timeout(3.0, "b");
        var all = env.AllOf(first, second);

        env.Run(all);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(env.Now, Is.EqualTo(3.0));
            Assert.That(all.Value, Is.EqualTo(new Event[] { first, second }));
        }
    }

    [Test]
    public void AnyOf_succeeds_with_the_first_event_processed()
    {
        var env = new SimEnvironment();
        var slow = env.Timeout(5.0);
        var fast = env.Timeout(2.0);
        var any = slow | fast;

        env.Run(any);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(env.Now, Is.EqualTo(2.0));
            Assert.That(any.Value, Is.EqualTo(new Event[] { fast }));
        }
    }

    [Test]
    public void Empty_conditions_succeed_at_once()
    {
        var env = new SimEnvironment();
        var all = env.AllOf();
        var any = env.AnyOf();
        env.Run();

        Assert.That(all.IsOk && any.IsOk, Is.True);
    }

    [Test]
    public void A_condition_fails_when_one_of_its_events_fails()
    {
        var env = new SimEnvironment();
        var failing = env.Event();
        var all = env.AllOf(env.Timeout(5.0), failing);
        failing.Fail(new InvalidDataException("x"));

        Assert.That(() => env.Run(all), Throws.InstanceOf<InvalidDataException>());
        Assert.That(env.Now, Is.Zero);
    }

    [Test]
    public void Delay_timeouts_are_reused_once_their_process_resumed()
    {
        var env = new SimEnvironment();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        env.Process(Loop());

        env.Run();

        Assert.That(seen, Has.Count.LessThanOrEqualTo(2));

        IEnumerable<Event> Loop()
        {
            for (var i = 0; i < 100; i++)
            {
                var delay = env.Delay(1.0);
                seen.Add(delay);
                yield return delay;
            }
        }
    }

    [Test]
    public void An_interrupted_delay_does_not_wake_the_process_later()
    {
        var env = new SimEnvironment();
        var resumedAt = new List<double>();
        var sleeper = env.Process(Sleeper(), "sleeper");
        env.Process(InterruptAt(env, sleeper, 1.0));

        env.Run();

        // Interrupted at 1 while waiting until 5, then waits 10 more: the stale wake-up at 5 must be ignored.
        Assert.That(resumedAt, Is.EqualTo(new[] { 1.0, 11.0 }));

        IEnumerable<Event> Sleeper()
        {
            yield return env.Delay(5.0);
            resumedAt.Add(env.Now);
            env.ActiveProcess!.HandleInterrupt();
            yield return env.Delay(10.0);
            resumedAt.Add(env.Now);
        }
    }

    [Test]
    public void Run_until_a_time_stops_at_the_bound_even_behind_a_stale_delay()
    {
        var env = new SimEnvironment();
        var sleeper = env.Process(Sleeper(), "sleeper");
        env.Process(InterruptAt(env, sleeper, 1.0));
        var later = env.Timeout(8.0);

        env.Run(until: 6.0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(later.IsProcessed, Is.False);
            Assert.That(env.Now, Is.EqualTo(6.0));
            Assert.That(env.PeekTime, Is.EqualTo(8.0));
        }

        IEnumerable<Event> Sleeper()
        {
            yield return env.Delay(5.0);
            env.ActiveProcess!.HandleInterrupt();
            yield return env.Delay(10.0);
        }
    }

    [Test]
    public void Yielding_a_used_delay_again_fails_with_a_message_naming_the_process()
    {
        var env = new SimEnvironment();
        env.Process(Twice(), "reuser");

        Assert.That(() => env.Run(), Throws.InvalidOperationException.With.Message.Contains("'reuser'").And.Message.Contains("already used"));

        IEnumerable<Event> Twice()
        {
            var delay = env.Delay(1.0);
            yield return delay;
            yield return delay;
        }
    }

    [Test]
    public void A_delay_cannot_be_put_in_a_condition()
    {
        var env = new SimEnvironment();
        env.Process(Combine(), "combiner");

        Assert.That(() => env.Run(), Throws.InvalidOperationException.With.Message.Contains("'combiner'").And.Message.Contains("Timeout()"));

        IEnumerable<Event> Combine()
        {
            yield return env.AnyOf(env.Delay(1.0), env.Timeout(2.0));
        }
    }

    private static IEnumerable<Event> Ignorant(SimEnvironment env)
    {
        yield return env.Timeout(5.0);
        yield return env.Timeout(5.0);
    }

    private static IEnumerable<Event> InterruptAt(SimEnvironment env, SimProcess victim, double time)
    {
        yield return env.Timeout(time);
        victim.Interrupt();
    }

    private static IEnumerable<Event> Throwing(SimEnvironment env)
    {
        yield return env.Timeout(1.0);
        throw new FormatException("boom");
    }

    private static IEnumerable<Event> YieldNull(SimEnvironment env)
    {
        yield return env.Timeout(1.0);
        yield return null!;
    }

    private static IEnumerable<Event> YieldForeign(SimEnvironment other)
    {
        yield return other.Timeout(1.0);
    }
}
