using Simulator.Engine;

namespace Simulator.Tests.Engine;

/// <summary>
/// CallAfter: a handler called back at a time with a number, ordered like a timeout with one callback made at the same
/// moment, from a pool of entries, so that it allocates nothing once warm.
/// </summary>
public sealed class TimedCallTests
{
    [Test]
    public void A_timed_call_runs_where_a_timeout_with_a_callback_made_at_that_moment_would()
    {
        Assert.That(Order(timed: true), Is.EqualTo(Order(timed: false)));
        Assert.That(Order(timed: true), Is.EqualTo(new[] { "before@2", "call 7@2", "after@2", "call 0.5@2.5" }));
    }

    [Test]
    public void Pending_calls_show_their_handler_and_argument_and_calls_allocate_nothing_once_warm()
    {
        var env = new SimEnvironment();
        var handler = new Recorder(env) { Limit = 2 };
        env.CallAfter(1, handler, 3);
        env.CallAfter(2, handler, 4);

        var pending = env.PendingEvents();
        Assert.That(pending.Select(p => (p.TimeHours, ((TimedCall)p.Event).Handler, ((TimedCall)p.Event).Argument)), Is.EqualTo(new[] { (1.0, (ITimedHandler)handler, 3.0), (2.0, handler, 4.0) }));
        env.Run();

        // The two entries are back in the pool: once the code is warm, calls two at a time allocate nothing per call.
        Calls(1000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Calls(1000);

        using (Assert.EnterMultipleScope())
        {
            // A timeout and a boxed argument per call would be some 180 kB here; the runtime's own warm-up may take a few bytes.
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1000), "bytes allocated by 2,000 warm calls");
            Assert.That(handler.Log, Is.EqualTo(new[] { "call 3@1", "call 4@2" }));
            Assert.That(handler.Count, Is.EqualTo(4002));
        }

        void Calls(int rounds)
        {
            for (var i = 0; i < rounds; i++)
            {
                env.CallAfter(1, handler, i);
                env.CallAfter(1, handler, -i);
                env.Run();
            }
        }
    }

    [Test]
    public void A_timed_call_cannot_be_waited_on_and_a_negative_delay_is_refused()
    {
        var env = new SimEnvironment();
        env.CallAfter(1, new Recorder(env), 0);
        var call = env.PendingEvents()[0].Event;

        var observed = Assert.Throws<InvalidOperationException>(() => call.AddCallback(_ => { }));
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => env.CallAfter(-1, new Recorder(env), 0));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(observed!.Message, Is.EqualTo("A timed call cannot be waited on or observed; use Timeout() for an event to wait on."));
            Assert.That(negative!.Message, Does.StartWith("A delay must be a finite, non-negative number of hours, not -1"));
        }
    }

    private static List<string> Order(bool timed)
    {
        var env = new SimEnvironment();
        var handler = new Recorder(env);
        env.Process(Scheduler());
        env.Run();
        return handler.Log;

        IEnumerable<Event> Scheduler()
        {
            yield return env.Delay(2);
            env.Timeout(0).AddCallback(_ => handler.Log.Add($"before@{env.Now}"));
            Schedule(0, 7);
            env.Timeout(0).AddCallback(_ => handler.Log.Add($"after@{env.Now}"));
            Schedule(0.5, 0.5);
        }

        void Schedule(double delay, double argument)
        {
            if (timed)
            {
                env.CallAfter(delay, handler, argument);
            }
            else
            {
                env.Timeout(delay, argument).AddCallback(e => handler.OnTime((double)e.Value!));
            }
        }
    }

    private sealed class Recorder(SimEnvironment env) : ITimedHandler
    {
        public List<string> Log { get; } = [];

        public int Count { get; private set; }

        /// <summary>How many calls to log (the rest are only counted).</summary>
        public int Limit { get; init; } = int.MaxValue;

        public void OnTime(double argument)
        {
            if (Count < Limit)
            {
                Log.Add(FormattableString.Invariant($"call {argument}@{env.Now}"));
            }

            Count++;
        }
    }
}
