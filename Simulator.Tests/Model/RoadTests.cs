using CsCheck;
using Simulator.Model;

namespace Simulator.Tests.Model;

/// <summary>
/// A lane's road keeps its lots in the order .NET's <see cref="PriorityQueue{TElement, TPriority}"/> would: runs sum lots
/// due at one hour in the heap's order, so their bytes depend on it.
/// </summary>
public sealed class RoadTests
{
    [Test]
    public void Shipping_and_receiving_keep_the_lots_in_the_order_of_a_priority_queue()
    {
        // Hours from a few values, so that many lots are due at once; true: ship, false: receive the first lot due.
        var steps = Gen.Select(Gen.Bool, Gen.Int[0, 6], Gen.Double[0.5, 9]).Array[1, 60];
        steps.Sample(script =>
        {
            var road = new Road();
            var queue = new PriorityQueue<double, double>();
            foreach (var (ship, hour, units) in script)
            {
                if (ship || queue.Count == 0)
                {
                    road.Enqueue(units, hour * 0.5);
                    queue.Enqueue(units, hour * 0.5);
                }
                else
                {
                    road.Dequeue();
                    queue.Dequeue();
                }

                Assert.That(road.Count, Is.EqualTo(queue.Count));
                var expected = queue.UnorderedItems.Select(l => (l.Element, l.Priority));
                var actual = Enumerable.Range(0, road.Count).Select(i => (road.Get(i).Units, road.Get(i).Hours));
                Assert.That(actual, Is.EqualTo(expected), "the heap's slots, in order");
                Assert.That(road.TryPeek(out var u, out var h), Is.EqualTo(queue.TryPeek(out var qu, out var qh)));
                Assert.That((u, h), Is.EqualTo(queue.Count > 0 ? (qu, qh) : (0.0, 0.0)));
            }
        });
    }
}
