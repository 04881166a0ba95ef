using CsCheck;
using Simulator.Engine;

namespace Simulator.Tests.Engine;

/// <summary>
/// The kernel's 4-ary heap against .NET's <see cref="PriorityQueue{TElement, TPriority}"/> ordered by the same
/// (time, priority, insertion sequence) key, on random sequences of operations that CsCheck shrinks on failure.
/// </summary>
public sealed class EventQueuePropertyTests
{
    private enum Kind
    {
        Push,
        Pop,
        Peek,
        WarmNext,
    }

    private readonly record struct Operation(Kind Kind, int TimeSlot, EventPriority Priority);

    // Few distinct times, so that ties on time (and on time and priority) are common.
    private static readonly Gen<Operation> OperationGen = Gen.Select(
        Gen.Frequency((5, Gen.Const(Kind.Push)), (3, Gen.Const(Kind.Pop)), (1, Gen.Const(Kind.Peek)), (1, Gen.Const(Kind.WarmNext))),
        Gen.Int[0, 6],
        Gen.OneOf(Gen.Const(EventPriority.Urgent), Gen.Const(EventPriority.Normal)),
        (kind, slot, priority) => new Operation(kind, slot, priority));

    [Test]
    public void Random_operation_sequences_pop_in_the_order_of_a_reference_priority_queue()
    {
        Gen.Select(Gen.Int[0, 3], OperationGen.Array[0, 400])
            .Sample((prefillThousands, operations) => Replay(prefillThousands * 1_000, operations), iter: 300, threads: 1);
    }

    [Test]
    public void Large_queues_where_prefetching_applies_keep_the_reference_order()
    {
        // Above the prefetch threshold (2,048 entries), WarmNext inspects the root and its children.
        Gen.Select(Gen.Int[2_100, 5_000], OperationGen.Array[50, 400])
            .Sample((prefill, operations) => Replay(prefill, operations), iter: 40, threads: 1);
    }

    private static void Replay(int prefill, Operation[] operations)
    {
        var env = new SimEnvironment();
        var queue = new EventQueue();
        var reference = new PriorityQueue<Event, (double Time, EventPriority Priority, long Sequence)>();
        var keys = new Dictionary<Event, ulong>(ReferenceEqualityComparer.Instance);
        var usedKeys = new HashSet<ulong>();
        long sequence = 0;

        void Push(double time, EventPriority priority)
        {
            var item = new Event(env);
            var key = queue.Push(time, priority, item);
            keys.Add(item, key);
            if (!usedKeys.Add(key))
            {
                throw new InvalidOperationException($"Push returned the key {key} twice.");
            }

            reference.Enqueue(item, (time, priority, sequence++));
        }

        for (var i = 0; i < prefill; i++)
        {
            Push((i * 7919 % 97) * 0.25, i % 3 == 0 ? EventPriority.Urgent : EventPriority.Normal);
        }

        foreach (var operation in operations)
        {
            switch (operation.Kind)
            {
                case Kind.Push:
                    Push(operation.TimeSlot * 0.5, operation.Priority);
                    break;
                case Kind.Pop when reference.Count > 0:
                    reference.TryDequeue(out var expected, out var expectedKey);
                    var popped = queue.Pop(out var time, out var key);
                    Expect(popped, time, key, expected!, expectedKey.Time, keys, "Pop");
                    break;
                case Kind.Peek when reference.Count > 0:
                    reference.TryPeek(out var front, out var frontKey);
                    var peeked = queue.Peek(out var peekTime, out var peekKey);
                    Expect(peeked, peekTime, peekKey, front!, frontKey.Time, keys, "Peek");
                    break;
                case Kind.WarmNext:
                    // A hint only: it may return null, and otherwise one of the pending items; it must not change the heap.
                    var hint = queue.WarmNext();
                    if (hint is not null && !reference.UnorderedItems.Any(entry => ReferenceEquals(entry.Element, hint)))
                    {
                        throw new InvalidOperationException("WarmNext returned an item that is not pending.");
                    }

                    break;
            }

            var expectedTime = reference.TryPeek(out _, out var next) ? next.Time : double.PositiveInfinity;
            if (queue.Count != reference.Count || queue.PeekTime != expectedTime)
            {
                throw new InvalidOperationException(
                    $"After {operation}: count {queue.Count}, front time {queue.PeekTime}; expected {reference.Count} and {expectedTime}.");
            }
        }

        while (reference.TryDequeue(out var expected, out var expectedKey))
        {
            var popped = queue.Pop(out var time, out var key);
            Expect(popped, time, key, expected, expectedKey.Time, keys, "Drain");
        }

        if (queue.Count != 0)
        {
            throw new InvalidOperationException($"The queue still holds {queue.Count} entries after the reference ran empty.");
        }
    }

    private static void Expect(Event actual, double time, ulong key, Event expected, double expectedTime, Dictionary<Event, ulong> keys, string step)
    {
        if (!ReferenceEquals(actual, expected) || time != expectedTime || key != keys[actual])
        {
            throw new InvalidOperationException(
                $"{step} gave an item at {time} h with key {key}; expected the item pushed with key {keys[expected]} at {expectedTime} h.");
        }
    }
}
