using System.Diagnostics;

namespace Benchmarks;

/// <summary>
/// A fallback to BenchmarkDotNet for a shared, busy machine: runs each benchmark body repeatedly and reports the
/// fastest repetition by wall time and by process CPU time, which other processes' load inflates far less.
/// </summary>
internal static class QuickRun
{
    private const int Repetitions = 12;

    public static void Run(string only)
    {
        foreach (var processes in only == "heap" ? [] : only == "large" ? new[] { 10_000, 100_000 } : new[] { 1, 100, 1_000, 10_000, 100_000 })
        {
            foreach (var pooled in new[] { true, false })
            {
                var timeouts = new TimeoutBenchmarks { Processes = processes, Pooled = pooled };
                timeouts.Setup();
                Report($"Timeouts n={processes} {(pooled ? "Delay" : "Timeout")}", TimeoutBenchmarks.OperationsPerInvoke, () => timeouts.Timeouts());
            }
        }

        if (only == "large")
        {
            return;
        }

        if (only == "heap")
        {
            foreach (var pending in new[] { 1_000, 10_000, 100_000 })
            {
                var heap = new EventQueueBaseline { Pending = pending };
                heap.Setup();
                Report($"EventQueue pending={pending}", EventQueueBaseline.OperationsPerInvoke, () => (long)heap.PopPush());
                var baseline = new PriorityQueueBaseline { Pending = pending };
                baseline.Setup();
                Report($"PriorityQueue pending={pending}", PriorityQueueBaseline.OperationsPerInvoke, () => baseline.PopPush());
            }

            return;
        }

        foreach (var pending in new[] { 100, 1_000, 10_000, 100_000 })
        {
            var baseline = new PriorityQueueBaseline { Pending = pending };
            baseline.Setup();
            Report($"PriorityQueue pending={pending}", PriorityQueueBaseline.OperationsPerInvoke, () => baseline.PopPush());
        }

        var spawn = new SpawnBenchmarks();
        spawn.Setup();
        Report("Spawn", SpawnBenchmarks.OperationsPerInvoke, () => spawn.Spawn());

        var resource = new ResourceBenchmarks();
        resource.Setup();
        Report("Resource", ResourceBenchmarks.OperationsPerInvoke, () => resource.RequestRelease());

        var shop = new MachineShopBenchmark();
        Report("Machine shop 10 years", 1, shop.TenYears, repetitions: 5);
    }

    private static void Report(string name, int operations, Func<long> body, int repetitions = Repetitions)
    {
        body();
        var bestWall = double.MaxValue;
        var bestCpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < repetitions; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.GetTimestamp();
            body();
            var wallSeconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            bestWall = Math.Min(bestWall, wallSeconds);
            bestCpu = Math.Min(bestCpu, cpuSeconds);
        }

        Console.WriteLine(FormattableString.Invariant(
            $"{name,-32} wall {bestWall / operations * 1e9,10:F1} ns/op {operations / bestWall / 1e6,8:F2} M/s | cpu {bestCpu / operations * 1e9,10:F1} ns/op {operations / bestCpu / 1e6,8:F2} M/s"));
    }
}
