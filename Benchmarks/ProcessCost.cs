using System.Diagnostics;

namespace Benchmarks;

/// <summary>What the process has spent so far (CPU of all threads, GC pauses, bytes allocated, collections); the difference of two is what ran between them.</summary>
internal readonly record struct ProcessCost(TimeSpan Cpu, TimeSpan Pause, long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public static ProcessCost Now() => new(
        Process.GetCurrentProcess().TotalProcessorTime,
        GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(precise: true),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2));

    /// <summary>The cost since <paramref name="before"/>.</summary>
    public ProcessCost Since(ProcessCost before) => new(
        Cpu - before.Cpu, Pause - before.Pause, AllocatedBytes - before.AllocatedBytes, Gen0 - before.Gen0, Gen1 - before.Gen1, Gen2 - before.Gen2);
}
