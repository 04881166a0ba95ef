using BenchmarkDotNet.Attributes;
using Simulator.Model;
using Simulator.Scenarios;

namespace Benchmarks;

/// <summary>
/// One replication of whole networks: the bundled quick start (small), and generated medium and large networks.
/// The network is resolved once (as the experiment runner does); a replication is a disrupted run over the horizon.
/// </summary>
[MemoryDiagnoser]
public class ScenarioBenchmarks
{
    private Network _network = null!;

    /// <summary>Network size.</summary>
    [Params("small", "medium", "large", "oem")]
    public string Size { get; set; } = "small";

    /// <summary>Whether part-level time series are recorded (the CLI records them for replication 0 only).</summary>
    [Params(false)]
    public bool PartSeries { get; set; }

    [GlobalSetup]
    public void Setup() => _network = Build(Size);

    [Benchmark]
    public long Replication() => Simulation.Run(_network, 1, new RunOptions(RecordPartSeries: PartSeries)).ProcessedEvents;

    internal static Network Build(string size) => size switch
    {
        "small" => Network.Build(ScenarioLoader.Load(Path.Combine(RepositoryRoot(), "scenarios", "quickstart.yaml")).Scenario!),
        "medium" => Network.Build(NetworkGenerator.Generate(GeneratorOptions.Medium)),
        "large" => Network.Build(NetworkGenerator.Generate(GeneratorOptions.Large)),
        "oem" => Network.Build(NetworkGenerator.Generate(GeneratorOptions.Oem)),
        _ => Network.Build(NetworkGenerator.Generate(GeneratorOptions.Large with { Parts = int.Parse(size, System.Globalization.CultureInfo.InvariantCulture) })),
    };

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Simulation.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
