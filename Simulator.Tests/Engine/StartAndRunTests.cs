using Simulator.Engine;

namespace Simulator.Tests.Engine;

/// <summary>Delayed process starts and running until an event.</summary>
public sealed class StartAndRunTests
{
    [Test]
    public void A_delayed_process_starts_after_its_delay_and_is_alive_without_a_target_until_then()
    {
        var env = new SimEnvironment(1.0);
        var startedAt = double.NaN;
        var process = env.StartDelayed(Body(), 4.0, "late");

        env.Run(3.0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(process.IsAlive, Is.True);
            Assert.That(process.Target, Is.Null);
            Assert.That(startedAt, Is.NaN);
        }

        env.Run();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(startedAt, Is.EqualTo(5.0));
            Assert.That(process.IsOk, Is.True);
            Assert.That(env.Now, Is.EqualTo(6.0));
        }

        IEnumerable<Event> Body()
        {
            startedAt = env.Now;
            yield return env.Timeout(1.0);
        }
    }

    [Test]
    public void A_delayed_start_is_ordered_like_a_timeout_created_at_the_same_moment()
    {
        var env = new SimEnvironment();
        var order = new List<string>();
        env.Timeout(2.0).AddCallback(_ => order.Add("timeout before"));
        env.StartDelayed(Mark(), 2.0);
        env.Timeout(2.0).AddCallback(_ => order.Add("timeout after"));

        env.Run();

        Assert.That(order, Is.EqualTo(new[] { "timeout before", "process", "timeout after" }));

        IEnumerable<Event> Mark()
        {
            order.Add("process");
            yield break;
        }
    }

    [Test]
    public void A_delayed_start_of_zero_starts_like_an_ordinary_process()
    {
        var env = new SimEnvironment();
        var order = new List<string>();
        env.Timeout(0.0).AddCallback(_ => order.Add("timeout"));
        env.StartDelayed(Mark(), 0.0);

        env.Run();

        Assert.That(order, Is.EqualTo(new[] { "process", "timeout" }));

        IEnumerable<Event> Mark()
        {
            order.Add("process");
            yield break;
        }
    }

    [Test]
    public void A_negative_start_delay_is_rejected()
    {
        var env = new SimEnvironment();

        Assert.Throws<ArgumentOutOfRangeException>(() => env.StartDelayed(Array.Empty<Event>(), -1.0));
    }

    [Test]
    public void An_interrupt_before_a_delayed_start_starts_the_process_once_with_the_interrupt_pending()
    {
        var env = new SimEnvironment();
        var starts = new List<(double Time, object? Cause)>();
        var process = env.StartDelayed(Body(), 5.0);
        var finishedAt = double.NaN;
        process.AddCallback(_ => finishedAt = env.Now);
        env.Timeout(1.0).AddCallback(_ => process.Interrupt("cancelled"));

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(starts, Is.EqualTo(new[] { (1.0, (object?)"cancelled") }));
            Assert.That(process.IsOk, Is.True);
            Assert.That(finishedAt, Is.EqualTo(3.0));
        }

        IEnumerable<Event> Body()
        {
            var self = env.ActiveProcess!;
            starts.Add((env.Now, self.IsInterrupted ? self.HandleInterrupt() : null));
            yield return env.Delay(2.0);
        }
    }

    [Test]
    public void Run_until_an_event_returns_its_value()
    {
        var env = new SimEnvironment();
        var process = env.Process(Compute());

        var value = env.Run(process);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(value, Is.EqualTo(42));
            Assert.That(env.Now, Is.EqualTo(3.0));
            Assert.That(env.Run(env.Timeout(1.5, "later")), Is.EqualTo("later"));
            Assert.That(env.Now, Is.EqualTo(4.5));
            Assert.That(env.Run(process), Is.EqualTo(42), "an event already processed returns at once");
            Assert.That(env.Now, Is.EqualTo(4.5));
        }

        IEnumerable<Event> Compute()
        {
            yield return env.Timeout(3.0);
            env.ActiveProcess!.Return(42);
        }
    }
}
