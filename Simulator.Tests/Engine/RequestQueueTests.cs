using Simulator.Engine;

namespace Simulator.Tests.Engine;

/// <summary>The order of waiting requests (priority, time, preempting first) and bounded waiting lines.</summary>
public sealed class RequestQueueTests
{
    [Test]
    public void A_preempting_request_goes_ahead_of_a_waiting_one_of_equal_priority_and_time_and_preempts_at_once()
    {
        var env = new SimEnvironment();
        var resource = new PreemptiveResource(env, name: "press");
        var log = new List<string>();
        var holder = env.Process(Holder(), "holder");
        env.Process(Claimant("polite", preempt: false));
        env.Process(Claimant("urgent", preempt: true));

        env.Run();

        Assert.That(log, Is.EqualTo(new[]
        {
            "holder granted at 0", "holder preempted at 1", "urgent granted at 1", "polite granted at 3",
        }));
        Assert.That(holder.IsOk, Is.True);

        IEnumerable<Event> Holder()
        {
            var request = resource.Request(priority: 1);
            yield return request;
            log.Add($"holder granted at {env.Now}");
            yield return env.Timeout(10.0);
            if (env.ActiveProcess!.IsInterrupted)
            {
                env.ActiveProcess.HandleInterrupt();
                log.Add($"holder preempted at {env.Now}");
            }

            resource.Release(request);
        }

        IEnumerable<Event> Claimant(string name, bool preempt)
        {
            yield return env.Timeout(1.0);
            var request = resource.Request(priority: 0, preempt: preempt);
            yield return request;
            log.Add($"{name} granted at {env.Now}");
            yield return env.Timeout(2.0);
            resource.Release(request);
        }
    }

    [Test]
    public void A_preempting_request_does_not_overtake_an_earlier_request_of_equal_priority()
    {
        var env = new SimEnvironment();
        var resource = new PreemptiveResource(env);
        var log = new List<string>();
        var holder = resource.Request(priority: 1);
        env.Timeout(1.0).AddCallback(_ => Track("polite", resource.Request(priority: 0, preempt: false)));
        env.Timeout(2.0).AddCallback(_ => Track("urgent", resource.Request(priority: 0, preempt: true)));
        env.Timeout(4.0).AddCallback(_ => resource.Release(holder));

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Is.EqualTo(new[] { "polite granted at 4" }));
            Assert.That(holder.Status, Is.EqualTo(RequestStatus.Released));
            Assert.That(resource.Queue, Has.Count.EqualTo(1));
            Assert.That(resource.Queue[0].Preempt, Is.True);
        }

        void Track(string name, Request request) => request.AddCallback(_ => log.Add($"{name} granted at {env.Now}"));
    }

    [Test]
    public void The_waiting_line_is_ordered_by_priority_then_time_then_preempting_first()
    {
        var env = new SimEnvironment();
        var resource = new PreemptiveResource(env);
        resource.Request(priority: -1);
        var late = (Request?)null;
        env.Timeout(1.0).AddCallback(_ => late = resource.Request(priority: 2, preempt: true));
        var plain = resource.Request(priority: 2, preempt: false);
        var preempting = resource.Request(priority: 2, preempt: true);
        var high = resource.Request(priority: 1, preempt: false);

        env.Run();

        Assert.That(resource.Queue, Is.EqualTo(new[] { high, preempting, plain, late }));
    }

    [Test]
    public void A_request_arriving_at_a_full_waiting_line_is_rejected_and_defused()
    {
        var env = new SimEnvironment();
        var resource = new Resource(env, capacity: 1, name: "dock", queueCapacity: 1);
        var user = resource.Request();
        var waiting = resource.Request();

        var refused = resource.Request();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.Status, Is.EqualTo(RequestStatus.Granted));
            Assert.That(waiting.Status, Is.EqualTo(RequestStatus.Queued));
            Assert.That(refused.Status, Is.EqualTo(RequestStatus.Rejected));
            Assert.That(refused.Error, Is.InstanceOf<QueueFullException>()
                .With.Message.EqualTo("Request on 'dock' by no process was refused: 1 requests already wait, the most resource 'dock' queues."));
            Assert.That(refused.IsDefused, Is.True);
            Assert.That(resource.QueueLength, Is.EqualTo(1));
        }

        // Nobody yields the refused request, and the run still ends normally.
        env.Run();
        resource.Release(refused);
        Assert.That(refused.Status, Is.EqualTo(RequestStatus.Released));
    }

    [Test]
    public void A_process_yielding_a_rejected_request_resumes_with_the_fault_and_can_balk()
    {
        var env = new SimEnvironment();
        var resource = new Resource(env, capacity: 1, queueCapacity: 0);
        var served = new List<string>();
        var balked = new List<string>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            env.Process(Customer(name), name);
        }

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(served, Is.EqualTo(new[] { "a at 0" }));
            Assert.That(balked, Is.EqualTo(new[] { "b", "c" }));
        }

        IEnumerable<Event> Customer(string name)
        {
            var request = resource.Request();
            yield return request;
            var self = env.ActiveProcess!;
            if (self.Fault is QueueFullException && self.HandleFault())
            {
                balked.Add(name);
                yield break;
            }

            served.Add($"{name} at {env.Now}");
            yield return env.Timeout(1.0);
            resource.Release(request);
        }
    }

    [Test]
    public void A_preempting_request_is_not_rejected_when_it_takes_a_unit_at_once()
    {
        var env = new SimEnvironment();
        var resource = new PreemptiveResource(env, queueCapacity: 0);
        var low = resource.Request(priority: 5);

        var high = resource.Request(priority: 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(high.Status, Is.EqualTo(RequestStatus.Granted));
            Assert.That(low.Status, Is.EqualTo(RequestStatus.Preempted));
        }
    }

    [Test]
    public void A_loss_system_blocks_the_erlang_b_share_of_arrivals()
    {
        // M/M/2/2: arrival rate 1, service rate 1, offered load a = 1; Erlang B gives (a^2/2) / (1 + a + a^2/2) = 0.2.
        var env = new SimEnvironment();
        var streams = new RandomStreams(7);
        var arrivals = streams.For("arrivals");
        var services = streams.For("services");
        var resource = new Resource(env, capacity: 2, queueCapacity: 0);
        var offered = 0;
        var blocked = 0;
        env.Process(Source());

        env.Run(40_000.0);

        Assert.That(blocked / (double)offered, Is.EqualTo(0.2).Within(0.01));

        IEnumerable<Event> Source()
        {
            while (true)
            {
                yield return env.Timeout(arrivals.Exponential(1.0));
                offered++;
                var request = resource.Request();
                if (request.Status == RequestStatus.Rejected)
                {
                    blocked++;
                    continue;
                }

                var hold = services.Exponential(1.0);
                env.Timeout(hold).AddCallback(_ => resource.Release(request));
            }
        }
    }
}
