using System.Globalization;
using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Scenarios;

namespace Benchmarks;

/// <summary>
/// How far a stress outage's effect spreads: for a sample of stress targets, the share of runtime objects (lines,
/// stocks, lanes, suppliers) whose state differs from the undisrupted baseline's at checkpoints after the restore.
/// A measurement for the design of incremental runs, not a benchmark: an object whose state equals the baseline's
/// would not need simulating again.
/// </summary>
internal static class Divergence
{
    private const double CheckpointHours = 24;

    public static void Run(string path, int sample, double durationHours)
    {
        var scenario = ScenarioLoader.Load(path).Scenario ?? throw new InvalidOperationException($"{path} does not load");
        var network = Network.Build(scenario);
        var seed = Experiment.ReplicationSeed(1, 0);
        var quiet = new RunOptions(RecordPartSeries: false, WithDisruptions: false);
        var baseline = new Observer(network);
        var baselineTrace = Simulation.RunObserved(network, seed, quiet, baseline);
        var targets = StressTarget.AllOf(scenario);
        var step = Math.Max(1, targets.Count / sample);
        var restore = scenario.ReferenceHours + durationHours;
        int[] after = [0, 24, 72, 168, 336];
        Console.WriteLine($"{targets.Count} targets, every {step}th; objects: {network.Lines.Count} lines, {network.Feeds.Count} stocks, {network.Lanes.Count} lanes, {network.Suppliers.Count} suppliers; outage {durationHours} h from {scenario.ReferenceHours} h");
        Console.WriteLine("target,kind,tier,lost_units," + string.Join(",", after.Select(a => $"differing_at_restore+{a}h")));
        var shares = after.Select(_ => new List<double>()).ToArray();
        for (var t = 0; t < targets.Count; t += step)
        {
            var target = targets[t];
            var outage = new DisruptionSpec($"stress:{target.Id}", [target.Id], scenario.ReferenceHours, DistributionSpec.Fixed(durationHours), RecoverySpec.Default);
            var observer = new Observer(network);
            var trace = Simulation.RunObserved(network, seed, new RunOptions(RecordPartSeries: false, Disruptions: [outage]), observer);
            var lost = LineMetricsCalculator.Compute(network.Policy.Id, 0, seed, trace, baselineTrace).Sum(l => l.LostUnits);
            var cells = new List<string>();
            for (var a = 0; a < after.Length; a++)
            {
                var index = (int)Math.Ceiling((restore + after[a]) / CheckpointHours);
                if (index >= observer.Sections.Count || index >= baseline.Sections.Count)
                {
                    cells.Add("");
                    continue;
                }

                var (differing, objects, text) = Compare(network, baseline.Sections[index], observer.Sections[index]);
                shares[a].Add((double)differing / objects);
                cells.Add(text);
            }

            Console.WriteLine($"{target.Id},{target.Kind},{target.Tier},{lost.ToString("F0", CultureInfo.InvariantCulture)},{string.Join(",", cells)}");
        }

        for (var a = 0; a < after.Length; a++)
        {
            var sorted = shares[a].Order().ToArray();
            if (sorted.Length > 0)
            {
                Console.WriteLine($"restore+{after[a]}h: objects differing, median {sorted[sorted.Length / 2]:P1}, min {sorted[0]:P1}, max {sorted[^1]:P1}, runs with none differing {sorted.Count(s => s == 0)} of {sorted.Length}");
            }
        }
    }

    /// <summary>Differing objects in all, and per kind as "lines/stocks/lanes/suppliers".</summary>
    private static (int Differing, int Objects, string Text) Compare(Network network, ulong[] expected, ulong[] actual)
    {
        int[] counts = [network.Lines.Count, network.Feeds.Count, network.Lanes.Count, network.Suppliers.Count];
        var differing = new int[counts.Length];
        var index = 1; // section 0 is the hour
        for (var k = 0; k < counts.Length; k++)
        {
            for (var i = 0; i < counts[k]; i++, index++)
            {
                if (index >= expected.Length || index >= actual.Length || expected[index] != actual[index])
                {
                    differing[k]++;
                }
            }
        }

        return (differing.Sum(), counts.Sum(), string.Join("/", differing));
    }

    /// <summary>Keeps the section hashes of every checkpoint; never ends the run.</summary>
    private sealed class Observer(Network network) : Checkpointing(CheckpointHours)
    {
        public List<ulong[]> Sections { get; } = [[]];

        protected override bool At(int index, RunRuntime runtime)
        {
            using var digest = runtime.Digest();
            Sections.Add(digest.SectionHashes());
            return false;
        }

        public override RunTrace Stopped(RunRuntime runtime) => throw new InvalidOperationException($"{network.Scenario.Name}: an observed run does not stop");
    }
}
