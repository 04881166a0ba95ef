using Simulator.Engine;

namespace Simulator.Tests.Engine;

/// <summary>A failure that nobody handles ends the run with its error; handling is explicit.</summary>
public sealed class FailureHandlingTests
{
    [Test]
    public void A_member_failing_after_its_condition_triggered_ends_the_run()
    {
        var env = new SimEnvironment();
        var late = env.Event();
        var any = env.Timeout(1.0) | late;
        var resumedAt = double.NaN;
        env.Process(Wait());
        env.Timeout(2.0).AddCallback(_ => late.Fail(new InvalidDataException("late")));

        var error = Assert.Throws<InvalidDataException>(() => env.Run());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Is.EqualTo("late"));
            Assert.That(resumedAt, Is.EqualTo(1.0));
            Assert.That(env.Now, Is.EqualTo(2.0));
            Assert.That(late.IsDefused, Is.False);
        }

        IEnumerable<Event> Wait()
        {
            yield return any;
            resumedAt = env.Now;
        }
    }

    [Test]
    public void A_callback_alone_does_not_handle_a_failure()
    {
        var env = new SimEnvironment();
        var signal = env.Event();
        var called = 0;
        signal.AddCallback(_ => called++);
        signal.Fail(new InvalidDataException("nobody handles me"));

        Assert.Throws<InvalidDataException>(() => env.Run());
        Assert.That(called, Is.EqualTo(1));
    }

    [Test]
    public void A_callback_that_defuses_the_failure_lets_the_run_go_on()
    {
        var env = new SimEnvironment();
        var signal = env.Event();
        Exception? seen = null;
        signal.AddCallback(e =>
        {
            seen = e.Error;
            e.Defuse();
        });
        signal.Fail(new InvalidDataException("handled"));
        env.Timeout(3.0);

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen, Is.InstanceOf<InvalidDataException>());
            Assert.That(signal.IsDefused, Is.True);
            Assert.That(env.Now, Is.EqualTo(3.0));
        }
    }

    [Test]
    public void A_failure_defused_before_it_is_processed_does_not_end_the_run()
    {
        var env = new SimEnvironment();
        env.Event().Fail(new InvalidDataException("expected")).Defuse();
        env.Timeout(1.0);

        env.Run();

        Assert.That(env.Now, Is.EqualTo(1.0));
    }

    [Test]
    public void A_process_waiting_on_a_failed_event_takes_the_failure_over()
    {
        var env = new SimEnvironment();
        var signal = env.Event();
        var handled = false;
        env.Process(Wait());
        env.Timeout(1.0).AddCallback(_ => signal.Fail(new InvalidDataException("bad")));

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(handled, Is.True);
            Assert.That(signal.IsDefused, Is.True);
        }

        IEnumerable<Event> Wait()
        {
            yield return signal;
            handled = env.ActiveProcess!.HandleFault();
        }
    }

    [Test]
    public void A_pending_condition_takes_a_failure_over_and_its_waiter_handles_it()
    {
        var env = new SimEnvironment();
        var bad = env.Event();
        var all = env.Timeout(5.0) & bad;
        Exception? fault = null;
        env.Process(Wait());
        env.Timeout(1.0).AddCallback(_ => bad.Fail(new InvalidDataException("part")));

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fault, Is.InstanceOf<InvalidDataException>().With.Message.EqualTo("part"));
            Assert.That(bad.IsDefused, Is.True);
            Assert.That(all.IsDefused, Is.True);
            Assert.That(all.IsOk, Is.False);
            Assert.That(env.Now, Is.EqualTo(5.0));
        }

        IEnumerable<Event> Wait()
        {
            yield return all;
            fault = env.ActiveProcess!.Fault;
            env.ActiveProcess.HandleFault();
        }
    }

    [Test]
    public void A_failed_condition_nobody_waits_on_ends_the_run_with_the_member_error()
    {
        var env = new SimEnvironment();
        var bad = env.Event();
        _ = env.AnyOf(bad, env.Timeout(5.0));
        bad.Fail(new InvalidDataException("member"));

        var error = Assert.Throws<InvalidDataException>(() => env.Run());

        Assert.That(error!.Message, Is.EqualTo("member"));
        Assert.That(env.Now, Is.Zero);
    }

    [Test]
    public void A_failed_process_with_only_a_callback_ends_the_run()
    {
        var env = new SimEnvironment();
        var process = env.Process(Crash());
        var called = false;
        process.AddCallback(_ => called = true);

        Assert.Throws<InvalidDataException>(() => env.Run());
        Assert.That(called, Is.True);

        IEnumerable<Event> Crash()
        {
            yield return env.Timeout(1.0);
            throw new InvalidDataException("crash");
        }
    }

    [Test]
    public void Run_until_a_failed_event_rethrows_its_error_even_when_it_was_defused()
    {
        var env = new SimEnvironment();
        var signal = env.Event();
        env.Timeout(2.0).AddCallback(_ => signal.Fail(new InvalidDataException("stop")).Defuse());

        var error = Assert.Throws<InvalidDataException>(() => env.Run(signal));

        Assert.That(error!.Message, Is.EqualTo("stop"));
        Assert.That(env.Now, Is.EqualTo(2.0));
    }

    [Test]
    public void Reading_the_value_of_a_pending_event_fails_naming_the_event()
    {
        var env = new SimEnvironment();
        var signal = env.Event();
        var process = env.Process(Wait());

        var error = Assert.Throws<InvalidOperationException>(() => _ = signal.Value);
        Assert.That(error!.Message, Does.Contain("not yet available").And.Contain("Event event"));
        Assert.Throws<InvalidOperationException>(() => _ = process.Value);

        signal.Succeed(7);
        Assert.That(signal.Value, Is.EqualTo(7), "a triggered event has its value before it is processed");
        env.Run();
        Assert.That(process.Value, Is.EqualTo("done"));

        IEnumerable<Event> Wait()
        {
            yield return signal;
            env.ActiveProcess!.Return("done");
        }
    }
}
