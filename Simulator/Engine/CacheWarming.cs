using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Simulator.Engine;

/// <summary>
/// Software prefetch of the objects the next events will touch. A prefetch only hints the processor: an address
/// that is stale because the garbage collector moved the object meanwhile costs nothing but a wasted fetch.
/// </summary>
internal static class CacheWarming
{
    /// <summary>Starts loading the first cache lines of <paramref name="item"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch(object? item)
    {
        if (item is null)
        {
            return;
        }

        if (Sse.IsSupported)
        {
            var address = (byte*)Unsafe.As<object, nint>(ref item);
            Sse.Prefetch0(address);
            Sse.Prefetch0(address + 64);
            Sse.Prefetch0(address + 128);
        }
    }

    /// <summary>Like <see cref="Prefetch"/> for an object of up to five cache lines (320 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void PrefetchWide(object? item)
    {
        Prefetch(item);
        if (item is not null && Sse.IsSupported)
        {
            var tail = (byte*)Unsafe.As<object, nint>(ref item) + 192;
            Sse.Prefetch0(tail);
            Sse.Prefetch0(tail + 64);
        }
    }

    /// <summary>
    /// Starts loading what waking <paramref name="item"/> reads beyond the item itself (a process's iterator, a timed
    /// call's handler, an event's first observer); reading the reference loads the item, which an earlier call should have prefetched.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PrefetchWakeData(Event? item)
    {
        if (item is SimProcess process)
        {
            Prefetch(process.Generator);
        }
        else if (item is TimedCall call)
        {
            Prefetch(call.Handler);
        }
        else if (item is not null)
        {
            Prefetch(item.PeekSoleObserver());
        }
    }
}
