using Simulator.Engine;

namespace Simulator.Tests.Engine;

public sealed class ResourceTests
{
    [Test]
    public void Resource_grants_units_first_come_first_served()
    {
        var env = new SimEnvironment();
        var resource = new Resource(env, capacity: 2, name: "desk");
        var log = new List<string>();
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            env.Process(Use(env, resource, name, 3.0, log), name);
        }

        env.Run();

        Assert.That(log, Is.EqualTo(new[] { "a@0", "b@0", "c@3", "d@3" }));
    }

    [Test]
    public void Priority_resource_serves_lower_priority_numbers_first_then_in_arrival_order()
    {
        var env = new SimEnvironment();
        var resource = new PriorityResource(env);
        var log = new List<string>();
        env.Process(UsePriority(env, resource, "holder", 0, 0.0, log));
        env.Process(UsePriority(env, resource, "low", 5, 0.1, log));
        env.Process(UsePriority(env, resource, "high-1", 1, 0.2, log));
        env.Process(UsePriority(env, resource, "high-2", 1, 0.3, log));

        env.Run();

        Assert.That(log, Is.EqualTo(new[] { "holder", "high-1", "high-2", "low" }));
    }

    [Test]
    public void Preemptive_request_interrupts_the_lower_priority_user_with_a_preempted_cause()
    {
        var env = new SimEnvironment();
        var resource = new PreemptiveResource(env, name: "crane");
        Preempted? cause = null;
        var worked = 0.0;
        var victim = env.Process(Victim(), "victim");
        var boss = env.Process(Boss(), "boss");

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cause, Is.Not.Null);
            Assert.That(cause!.By, Is.SameAs(boss));
            Assert.That(cause.UsageSince, Is.Zero);
            Assert.That(cause.Request.Status, Is.EqualTo(RequestStatus.Released));
            Assert.That(worked, Is.EqualTo(2.0));
            Assert.That(victim.IsOk, Is.True);
            Assert.That(resource.Count, Is.Zero);
        }

        IEnumerable<Event> Victim()
        {
            var request = resource.Request(priority: 2);
            yield return request;
            yield return env.Timeout(10.0);
            var self = env.ActiveProcess!;
            if (self.IsInterrupted)
            {
                cause = (Preempted)self.HandleInterrupt()!;
                worked = env.Now - request.UsageSince;
            }

            resource.Release(request);
        }

        IEnumerable<Event> Boss()
        {
            yield return env.Timeout(2.0);
            var request = resource.Request(priority: 1);
            yield return request;
            yield return env.Timeout(1.0);
            resource.Release(request);
        }
    }

    [Test]
    public void Preempted_job_resumes_its_remaining_work_after_the_preempting_job()
    {
        var env = new SimEnvironment();
        var worker = new PreemptiveResource(env, name: "worker");
        var finishedAt = -1.0;
        env.Process(SideJob(), "side-job");
        env.Process(Urgent());

        env.Run();

        // 30 h of work, 10 h done before a 5 h urgent job: the side job ends at 35 h.
        Assert.That(finishedAt, Is.EqualTo(35.0));

        IEnumerable<Event> SideJob()
        {
            var remaining = 30.0;
            while (remaining > 0.0)
            {
                var request = worker.Request(priority: 2);
                yield return request;
                var started = env.Now;
                yield return env.Delay(remaining);
                remaining = env.ActiveProcess!.IsInterrupted ? remaining - (env.Now - started) : 0.0;
                env.ActiveProcess.HandleInterrupt();
                worker.Release(request);
            }

            finishedAt = env.Now;
        }

        IEnumerable<Event> Urgent()
        {
            yield return env.Timeout(10.0);
            var request = worker.Request(priority: 1);
            yield return request;
            yield return env.Delay(5.0);
            worker.Release(request);
        }
    }

    [Test]
    public void Request_without_preempt_waits_for_the_user_to_finish()
    {
        var env = new SimEnvironment();
        var resource = new PreemptiveResource(env);
        var grantedAt = -1.0;
        env.Process(UsePriority(env, resource, "low", 5, 0.0, []));
        env.Process(Polite());

        env.Run();

        Assert.That(grantedAt, Is.EqualTo(1.0));

        IEnumerable<Event> Polite()
        {
            yield return env.Timeout(0.5);
            var request = resource.Request(priority: 0, preempt: false);
            yield return request;
            grantedAt = env.Now;
            resource.Release(request);
        }
    }

    [Test]
    public void Interrupt_while_waiting_on_a_resource_lets_the_process_withdraw_its_request()
    {
        var env = new SimEnvironment();
        var resource = new Resource(env, name: "phone");
        var log = new List<string>();
        env.Process(Use(env, resource, "holder", 5.0, log), "holder");
        var impatient = env.Process(Impatient(), "impatient");
        env.Process(Use(env, resource, "next", 1.0, log), "next");
        env.Process(InterruptAt(env, impatient, 2.0));

        env.Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Is.EqualTo(new[] { "holder@0", "gave up@2", "next@5" }));
            Assert.That(resource.QueueLength, Is.Zero);
        }

        IEnumerable<Event> Impatient()
        {
            var request = resource.Request();
            yield return request;
            if (env.ActiveProcess!.IsInterrupted)
            {
                env.ActiveProcess.HandleInterrupt();
                resource.Release(request);
                log.Add($"gave up@{env.Now}");
            }
        }
    }

    [Test]
    public void Releasing_a_request_twice_throws_an_error_naming_the_process()
    {
        var env = new SimEnvironment();
        var resource = new Resource(env, name: "printer");
        env.Process(ReleaseTwice(), "careless");

        Assert.That(
            () => env.Run(),
            Throws.InvalidOperationException.With.Message.Contains("'careless'").And.Message.Contains("released").And.Message.Contains("'printer'"));

        IEnumerable<Event> ReleaseTwice()
        {
            var request = resource.Request();
            yield return request;
            resource.Release(request);
            resource.Release(request);
        }
    }

    [Test]
    public void Resource_reports_users_and_queue()
    {
        var env = new SimEnvironment();
        var resource = new Resource(env);
        var first = resource.Request();
        var second = resource.Request();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(resource.Users, Is.EqualTo(new[] { first }));
            Assert.That(resource.Queue, Is.EqualTo(new[] { second }));
            Assert.That(first.Status, Is.EqualTo(RequestStatus.Granted));
            Assert.That(second.Status, Is.EqualTo(RequestStatus.Queued));
        }
    }

    private static IEnumerable<Event> Use(SimEnvironment env, Resource resource, string name, double hours, List<string> log)
    {
        var request = resource.Request();
        yield return request;
        log.Add($"{name}@{env.Now}");
        yield return env.Timeout(hours);
        resource.Release(request);
    }

    private static IEnumerable<Event> UsePriority(SimEnvironment env, ResourceBase resource, string name, int priority, double arrival, List<string> log)
    {
        yield return env.Timeout(arrival);
        var request = resource switch
        {
            PriorityResource priorityResource => priorityResource.Request(priority),
            PreemptiveResource preemptive => preemptive.Request(priority),
            _ => throw new ArgumentException("unexpected resource", nameof(resource)),
        };
        yield return request;
        log.Add(name);
        yield return env.Timeout(1.0);
        resource.Release(request);
    }

    private static IEnumerable<Event> InterruptAt(SimEnvironment env, SimProcess victim, double time)
    {
        yield return env.Timeout(time);
        victim.Interrupt("timeout");
    }
}
