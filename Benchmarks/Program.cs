using System.Diagnostics;
using BenchmarkDotNet.Running;
using Benchmarks;

if (args is ["machine-shop"])
{
    // A single timed run with its counts, to check the model against the reference figures.
    var watch = Stopwatch.StartNew();
    var shop = new MachineShop(seed: 42, machines: 10);
    shop.Run(MachineShopBenchmark.TenYearsMinutes);
    Console.WriteLine($"parts {shop.Parts}, breakdowns {shop.Breakdowns}, events {shop.ProcessedEvents}, wall {watch.Elapsed.TotalSeconds:F3} s");
    return;
}

if (args is ["quick", ..])
{
    QuickRun.Run(args.Length > 1 ? args[1] : string.Empty);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
