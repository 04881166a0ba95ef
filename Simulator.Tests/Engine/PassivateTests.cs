using Simulator.Engine;

namespace Simulator.Tests.Engine;

/// <summary>
/// A process that sleeps in Passivate() until another activates it: no event is made for the wait, and it resumes
/// where a process waiting on an event succeeded at that moment would, among the other events due then.
/// </summary>
public sealed class PassivateTests
{
    [Test]
    public void An_activated_process_resumes_at_the_activation_in_the_order_of_an_event_succeeded_there()
    {
        // Two runs that differ only in how the sleeper waits: on an event the waker succeeds, or in Passivate().
        Assert.That(Order(passivate: true), Is.EqualTo(Order(passivate: false)));
        // "late" was due at 3 before the waker ran; what the waker scheduled at 3 before activating goes first.
        Assert.That(Order(passivate: true), Is.EqualTo(new[] { "early@3", "waker@3", "late@3", "same-time@3", "sleeper@3" }));
    }

    [Test]
    public void A_passive_process_has_no_pending_entry_and_the_run_ends_while_it_sleeps()
    {
        var env = new SimEnvironment();
        var sleeper = env.Process(Sleep(), "sleeper");

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sleeper.IsPassive, Is.True);
            Assert.That(sleeper.IsAlive, Is.True);
            Assert.That(env.PendingEvents(), Is.Empty);
            Assert.That(env.Now, Is.EqualTo(1.0));
        }

        IEnumerable<Event> Sleep()
        {
            yield return env.Delay(1);
            yield return env.Passivate();
        }
    }

    [Test]
    public void An_interrupt_wakes_a_passive_process_which_is_then_no_longer_passive()
    {
        var env = new SimEnvironment();
        object? cause = null;
        var sleeper = env.Process(Sleep(), "sleeper");
        env.Process(Interrupter());

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cause, Is.EqualTo("wake up"));
            Assert.That(sleeper.IsPassive, Is.False);
            Assert.That(sleeper.IsAlive, Is.False);
            Assert.That(env.Now, Is.EqualTo(2.0));
        }

        IEnumerable<Event> Sleep()
        {
            yield return env.Passivate();
            cause = env.ActiveProcess!.HandleInterrupt();
        }

        IEnumerable<Event> Interrupter()
        {
            yield return env.Delay(2);
            sleeper.Interrupt("wake up");
        }
    }

    [Test]
    public void Activating_a_process_that_does_not_sleep_in_Passivate_fails_with_a_message_naming_it()
    {
        var env = new SimEnvironment();
        var delayed = env.Process(Wait(), "waiter");
        env.Run(0.5);

        var error = Assert.Throws<InvalidOperationException>(delayed.Activate);
        Assert.That(error!.Message, Is.EqualTo("Process 'waiter' is not sleeping in Passivate(), so it cannot be activated."));

        IEnumerable<Event> Wait()
        {
            yield return env.Delay(1);
        }
    }

    [Test]
    public void Passivate_outside_a_process_fails()
    {
        var env = new SimEnvironment();

        var error = Assert.Throws<InvalidOperationException>(() => env.Passivate());
        Assert.That(error!.Message, Does.Contain("outside a process"));
    }

    private static List<string> Order(bool passivate)
    {
        var env = new SimEnvironment();
        var log = new List<string>();
        Event? wake = null;
        SimProcess? sleeper = null;
        env.Process(At(3, "early"));
        sleeper = env.Process(Sleeper());
        env.Process(Waker());
        env.Process(At(3, "late"));
        env.Run();
        return log;

        IEnumerable<Event> At(double hours, string name)
        {
            yield return env.Delay(hours);
            log.Add($"{name}@{env.Now}");
        }

        IEnumerable<Event> Sleeper()
        {
            if (passivate)
            {
                yield return env.Passivate();
            }
            else
            {
                wake = env.Event();
                yield return wake;
            }

            log.Add($"sleeper@{env.Now}");
        }

        IEnumerable<Event> Waker()
        {
            yield return env.Delay(3);
            log.Add($"waker@{env.Now}");

            // Something else due at this instant, scheduled before the wake-up: it goes first.
            env.Timeout(0).AddCallback(_ => log.Add($"same-time@{env.Now}"));
            if (passivate)
            {
                sleeper!.Activate();
            }
            else
            {
                wake!.Succeed();
            }
        }
    }
}
