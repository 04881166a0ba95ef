using CsCheck;
using Simulator.Engine;

namespace Simulator.Tests.Engine;

/// <summary>Invariants of a preemptive resource on random workloads, shrunk by CsCheck on failure.</summary>
public sealed class ResourcePropertyTests
{
    private readonly record struct Job(int ArrivalSlot, int Priority, bool Preempt, int HoldSlots);

    private static readonly Gen<Job> JobGen = Gen.Select(Gen.Int[0, 8], Gen.Int[0, 3], Gen.Bool, Gen.Int[1, 4], (arrival, priority, preempt, hold) => new Job(arrival, priority, preempt, hold));

    [Test]
    public void Grants_follow_priority_time_and_preempt_order_and_preemption_only_displaces_lower_priorities()
    {
        Gen.Select(Gen.Int[1, 3], Gen.Int[0, 3], JobGen.Array[1, 30])
            .Sample((capacity, queueCapacity, jobs) => Replay(capacity, queueCapacity, jobs), iter: 300, threads: 1);
    }

    private static (int Priority, double Time, bool NotPreempt, int Index) KeyOf(Job job, int index) =>
        (job.Priority, job.ArrivalSlot * 0.5, !job.Preempt, index);

    private static void Replay(int capacity, int queueCapacity, Job[] jobs)
    {
        var env = new SimEnvironment();
        var resource = new PreemptiveResource(env, capacity, queueCapacity: queueCapacity);
        var requests = new List<(Request Request, int Index)>();
        var granted = new HashSet<Request>(ReferenceEqualityComparer.Instance);
        var jobOf = new Dictionary<SimProcess, int>();
        var finished = 0;
        for (var i = 0; i < jobs.Length; i++)
        {
            jobOf[env.Process(Worker(i))] = i;
        }

        env.Run();

        if (finished != jobs.Length || resource.Count != 0 || resource.QueueLength != 0)
        {
            throw new InvalidOperationException($"{finished} of {jobs.Length} jobs finished; {resource.Count} units still held, {resource.QueueLength} waiting.");
        }

        // Grants happen inside Request and Release; each request granted by the call must come before every
        // request still waiting after it.
        void CheckAfterCall()
        {
            if (resource.Count > capacity || resource.QueueLength > queueCapacity)
            {
                throw new InvalidOperationException($"{resource.Count} units in use and {resource.QueueLength} waiting; capacity {capacity}, waiting line {queueCapacity}.");
            }

            foreach (var (request, index) in requests)
            {
                if (request.Status != RequestStatus.Granted || !granted.Add(request))
                {
                    continue;
                }

                foreach (var (waiting, other) in requests)
                {
                    if (waiting.Status == RequestStatus.Queued && KeyOf(jobs[other], other).CompareTo(KeyOf(jobs[index], index)) < 0)
                    {
                        throw new InvalidOperationException($"Job {index} was granted ahead of job {other}, which comes first.");
                    }
                }
            }
        }

        IEnumerable<Event> Worker(int index)
        {
            var job = jobs[index];
            var self = env.ActiveProcess!;
            yield return env.Timeout(job.ArrivalSlot * 0.5);
            var queuedBefore = resource.QueueLength;
            var request = resource.Request(job.Priority, job.Preempt);
            requests.Add((request, index));
            CheckAfterCall();
            if (request.Status == RequestStatus.Rejected && queuedBefore < queueCapacity)
            {
                throw new InvalidOperationException($"Job {index} was refused with {queuedBefore} waiting, fewer than {queueCapacity}.");
            }

            yield return request;
            var preempted = false;
            if (!self.HandleFault())
            {
                // Preempted before the grant was even processed, or while holding the unit.
                if (!self.IsInterrupted)
                {
                    yield return env.Timeout(job.HoldSlots * 0.5);
                }

                if (self.IsInterrupted)
                {
                    preempted = true;
                    var by = jobs[jobOf[((Preempted)self.HandleInterrupt()!).By!]];
                    if (by.Priority >= job.Priority || !by.Preempt)
                    {
                        throw new InvalidOperationException($"Job {index} at priority {job.Priority} was preempted by a request at priority {by.Priority} (preempt {by.Preempt}).");
                    }
                }

                if (preempted != (request.Status == RequestStatus.Preempted))
                {
                    throw new InvalidOperationException($"Job {index}: interrupted {preempted}, but its request is {request.Status}.");
                }

                resource.Release(request);
                CheckAfterCall();
            }

            finished++;
        }
    }
}
