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

if (args is ["scenario", var size, ..])
{
    // A quick timed replication outside BenchmarkDotNet: wall time, events and allocation of one run.
    var network = ScenarioBenchmarks.Build(size);
    var partSeries = args.Contains("--part-series");
    Simulator.Model.Simulation.Run(network, 1, new Simulator.Model.RunOptions(RecordPartSeries: partSeries));

    // --repeat N: N more runs of the measured seed first, each one's CPU printed, and the least of them (a noisy
    // machine only ever adds time); the last run is then measured as usual.
    var repeatAt = Array.IndexOf(args, "--repeat");
    if (repeatAt >= 0 && repeatAt + 1 < args.Length)
    {
        var cpus = new List<double>();
        for (var r = 0; r < int.Parse(args[repeatAt + 1], System.Globalization.CultureInfo.InvariantCulture); r++)
        {
            var start = ProcessCost.Now();
            Simulator.Model.Simulation.Run(network, 2, new Simulator.Model.RunOptions(RecordPartSeries: partSeries));
            cpus.Add(ProcessCost.Now().Since(start).Cpu.TotalSeconds);
        }

        Console.WriteLine($"repeated runs, s CPU: {string.Join(" ", cpus.Select(c => c.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}; least {cpus.Min():F3}");
    }

    var before = ProcessCost.Now();
    using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
    var watch = Stopwatch.StartNew();
    var trace = Simulator.Model.Simulation.Run(network, 2, new Simulator.Model.RunOptions(RecordPartSeries: partSeries));
    var seconds = watch.Elapsed.TotalSeconds;
    var cost = ProcessCost.Now().Since(before);
    var cpu = cost.Cpu.TotalSeconds;
    var allocated = cost.AllocatedBytes;
    var pause = cost.Pause.TotalSeconds;
    var collections = cost.Gen0;
    if (args.Contains("--profile"))
    {
        var counts = new Dictionary<string, long>();
        Simulator.Model.Simulation.Run(network, 2, new Simulator.Model.RunOptions(RecordPartSeries: partSeries, Trace: e =>
        {
            var key = e is Simulator.Engine.SimProcess p ? p.Name.Split(':')[0] + (p.Name.StartsWith("lane:") ? "" : "") : e.GetType().Name;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }));
        Console.WriteLine(string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
        var lanes = network.Scenario.Lanes;
        Console.WriteLine($"lanes {lanes.Count}: " + string.Join(", ", lanes.GroupBy(l => l.Trigger.Kind).Select(g => $"{g.Key} {g.Count()} (mean cadence {g.Average(l => l.DispatchEveryHours):F2} h)")));
        Console.WriteLine($"suppliers {network.Scenario.Suppliers.Count}, lines {network.Scenario.Plants.Sum(p => p.Lines.Count)}, line parts {network.Scenario.Plants.SelectMany(p => p.Lines).Sum(l => l.Bom.Count)}");
    }

    if (sampler is not null)
    {
        // What the measured run allocated, by type (the runtime's allocation samples).
        Console.WriteLine(sampler.Report(20));
    }

     Console.WriteLine($"{size}: {seconds:F3} s wall, {cpu:F3} s CPU (all threads, GC included), {trace.ProcessedEvents} events ({trace.ProcessedEvents / seconds / 1e6:F2} M/s), {allocated / 1048576.0:F0} MiB allocated ({(double)allocated / trace.ProcessedEvents:F0} B/event), GC pauses {pause:F3} s ({pause / seconds:P1} of wall, {collections} gen-0 collections), peak working set {System.Environment.WorkingSet / 1048576.0:F0} MiB");
    return;
}

if (args is ["divergence", var file, ..])
{
    // How many runtime objects a stress outage leaves in the baseline's state (see Divergence).
    var sample = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 40;
    var hours = args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 72;
    Divergence.Run(file, sample, hours);
    return;
}

if (args is ["lp", var lpFile])
{
    // The stress test's LP optimum alone (time-to-survive and least loss of every target), timed.
    var scenario = Simulator.Scenarios.ScenarioLoader.Load(lpFile).Scenario ?? throw new InvalidOperationException($"{lpFile} does not load");
    var before = ProcessCost.Now();
    var watch = Stopwatch.StartNew();
    var plan = Simulator.Experiments.StressTest.Plan(scenario, new Simulator.Experiments.StressTestOptions(Method: Simulator.Experiments.StressMethod.Lp));
    var cpu = ProcessCost.Now().Since(before).Cpu.TotalSeconds;
    var surviving = plan.Optimum!.Count(o => o[0].TimeToSurviveHours is null);
    var distinct = plan.Simulations.Select(s => s.Target).Distinct().Count();
    Console.WriteLine($"{plan.Targets.Count} targets ({surviving} survive the horizon, {distinct} distinct outages): {watch.Elapsed.TotalSeconds:F2} s wall, {cpu:F2} s CPU");
    return;
}

if (args is ["stress", var stressFile, ..])
{
    // A whole stress test in this process (72 h outages, every core), timed, with what the garbage collector cost.
    var scenario = Simulator.Scenarios.ScenarioLoader.Load(stressFile).Scenario ?? throw new InvalidOperationException($"{stressFile} does not load");
    using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
    var before = ProcessCost.Now();
    var watch = Stopwatch.StartNew();
    var result = Simulator.Experiments.StressTest.Run(scenario, new Simulator.Experiments.StressTestOptions(DurationsHours: [72]));
    var seconds = watch.Elapsed.TotalSeconds;
    var cost = ProcessCost.Now().Since(before);
    var cpu = cost.Cpu.TotalSeconds;
    var pause = cost.Pause.TotalSeconds;
    var allocated = cost.AllocatedBytes / 1048576.0;
    Console.WriteLine(
        $"{result.Ranking.Count} targets: {seconds:F2} s wall, {cpu:F2} s CPU, {allocated:F0} MiB allocated, GC pauses {pause:F2} s ({pause / seconds:P0} of wall), "
        + $"collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, peak working set {System.Environment.WorkingSet / 1048576.0:F0} MiB");
    if (sampler is not null)
    {
        Console.WriteLine(sampler.Report(25));
    }

    return;
}

if (args is ["load", var loadFile, ..])
{
    // Loading a scenario file cold and then warm: CPU, allocation and what the garbage collector cost each time.
    using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
    for (var round = 0; round < 2; round++)
    {
        var before = ProcessCost.Now();
        var watch = Stopwatch.StartNew();
        var loaded = Simulator.Scenarios.ScenarioLoader.Load(loadFile);
        var seconds = watch.Elapsed.TotalSeconds;
        var cost = ProcessCost.Now().Since(before);
        Console.WriteLine(
            $"{(round == 0 ? "cold" : "warm")}: {(loaded.Scenario is null ? "does not load" : "loaded")}, {seconds:F3} s wall, {cost.Cpu.TotalSeconds:F3} s CPU, "
            + $"{cost.AllocatedBytes / 1048576.0:F0} MiB allocated, GC pauses {cost.Pause.TotalSeconds:F3} s, collections gen0 {cost.Gen0}, gen1 {cost.Gen1}, gen2 {cost.Gen2}");
    }

    if (sampler is not null)
    {
        Console.WriteLine(sampler.Report(25));
    }

    return;
}

if (args is ["quick", ..])
{
    QuickRun.Run(args.Length > 1 ? args[1] : string.Empty);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
