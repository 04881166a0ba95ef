using System.Runtime.CompilerServices;

namespace Simulator.Model;

/// <summary>
/// The lots a lane has on the road to a line, by arrival hour: a 4-ary min-heap kept inline in its lane. The first
/// two lots live in the lane itself and only a road with more lots than that (rare: a lane seldom has more than two
/// trucks under way) spills into an array, so a shipment or a receipt touches no object but the lane.
/// </summary>
/// <remarks>
/// It orders lots exactly as <see cref="PriorityQueue{TElement, TPriority}"/> did before it (the same sift rules, strict
/// comparisons up, ties kept down), so lots due at one hour are summed in the same order and runs keep their bytes.
/// </remarks>
internal struct Road
{
    private const int Inline = 2;

    private InlineLots _inline;
    private Lot[]? _spill;
    private int _count;

    /// <summary>Lots on the road.</summary>
    public readonly int Count => _count;

    /// <summary>Puts <paramref name="units"/> on the road, due at <paramref name="arrivalHours"/>.</summary>
    public void Enqueue(double units, double arrivalHours)
    {
        var index = _count;
        if (index >= Inline && (_spill is null || index - Inline == _spill.Length))
        {
            Array.Resize(ref _spill, Math.Max(4, (_spill?.Length ?? 0) * 2));
        }

        _count = index + 1;
        var lot = new Lot(units, arrivalHours);
        while (index > 0)
        {
            var parentIndex = (index - 1) >> 2;
            var parent = Get(parentIndex);
            if (!Before(lot.Hours, parent.Hours))
            {
                break;
            }

            Set(index, parent);
            index = parentIndex;
        }

        Set(index, lot);
    }

    /// <summary>The first lot due, if any.</summary>
    public readonly bool TryPeek(out double units, out double arrivalHours)
    {
        if (_count == 0)
        {
            units = 0;
            arrivalHours = 0;
            return false;
        }

        var first = _inline[0];
        units = first.Units;
        arrivalHours = first.Hours;
        return true;
    }

    /// <summary>Takes the first lot due off the road.</summary>
    public void Dequeue()
    {
        var last = --_count;
        if (last > 0)
        {
            MoveDown(Get(last));
        }

        Set(last, default);
    }

    /// <summary>The lot in heap slot <paramref name="i"/> (slots 0 to <see cref="Count"/> - 1, in the heap's order).</summary>
    public readonly Lot Get(int i) => i < Inline ? _inline[i] : _spill![i - Inline];

    private void Set(int i, Lot lot)
    {
        if (i < Inline)
        {
            _inline[i] = lot;
        }
        else
        {
            _spill![i - Inline] = lot;
        }
    }

    private void MoveDown(Lot lot)
    {
        var index = 0;
        var count = _count;
        int child;
        while ((child = (index << 2) + 1) < count)
        {
            var least = Get(child);
            var leastIndex = child;
            var end = Math.Min(child + 4, count);
            while (++child < end)
            {
                var next = Get(child);
                if (Before(next.Hours, least.Hours))
                {
                    least = next;
                    leastIndex = child;
                }
            }

            if (!Before(least.Hours, lot.Hours))
            {
                break;
            }

            Set(index, least);
            index = leastIndex;
        }

        Set(index, lot);
    }

    // The default comparer's order (CompareTo), which also places NaN.
    private static bool Before(double a, double b) => a.CompareTo(b) < 0;

    /// <summary>Pieces on the road and the hour they arrive.</summary>
    public readonly record struct Lot(double Units, double Hours);

    [InlineArray(Inline)]
    private struct InlineLots
    {
        private Lot _lot;
    }
}
