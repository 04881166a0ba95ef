using Simulator.Engine;
using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>Per-replication state shared by the runtime entities: the kernel, the gates, the logs.</summary>
internal sealed partial class RunContext
{
    private readonly Dictionary<(string Entity, ItFunction Function), Gate> _gates;
    private readonly GateEpoch _epoch = new();

    public RunContext(Network network, SimEnvironment env, RandomStreams streams, RunOptions options)
    {
        // Every lane holds two gates of its own and every node three: sized once, not grown entry by entry.
        _gates = new Dictionary<(string, ItFunction), Gate>((2 * network.Lanes.Count) + (3 * (network.Suppliers.Count + network.Lines.Count + network.Scenario.Plants.Count)));
        Inventory = new InventoryLedger(network.HorizonHours);
        Network = network;
        Env = env;
        Streams = streams;
        Options = options;
    }

    public Network Network { get; }

    public SimEnvironment Env { get; }

    public RandomStreams Streams { get; }

    public RunOptions Options { get; }

    public InventoryLedger Inventory { get; }

    public double Horizon => Network.HorizonHours;

    /// <summary>Start of the first disruption that has begun; +infinity before any.</summary>
    public double FirstDisruptionStart { get; set; } = double.PositiveInfinity;

    public List<EventRecord> Events { get; } = [];

    public List<Sample> Samples { get; } = [];

    public List<DisruptionWindow> Windows { get; } = [];

    public Gate Gate(string entity, ItFunction function)
    {
        if (!_gates.TryGetValue((entity, function), out var gate))
        {
            gate = new Gate(entity, function, _epoch);
            _gates[(entity, function)] = gate;
        }

        return gate;
    }

    public void Log(string entity, string kind, string detail)
    {
        if (Env.Now <= Horizon)
        {
            Events.Add(new EventRecord(Env.Now, entity, kind, detail));
        }
    }

    /// <summary>Logs an event that has a cause (a halt, a fallback), with <paramref name="detail"/> after it.</summary>
    public void Log(string entity, string kind, CauseChain cause, string detail = "")
    {
        if (Env.Now <= Horizon)
        {
            Events.Add(new EventRecord(Env.Now, entity, kind, detail, cause));
        }
    }
}

/// <summary>What a single run records.</summary>
/// <param name="RecordPartSeries">Sample line-side and supplier stocks per part (false: lines only).</param>
/// <param name="WithDisruptions">False for the paired baseline run.</param>
/// <param name="Disruptions">
/// Disruptions to inject instead of the scenario's own, or null for the scenario's; lets a stress test run one
/// resolved network under many single disruptions without resolving it again.
/// </param>
/// <param name="Trace">Called for every kernel event as it is processed (profiling, debugging), or null.</param>
/// <param name="PartSeriesAsSamples">
/// With <paramref name="RecordPartSeries"/>: also list every part stock in <see cref="RunTrace.Samples"/> (true), or keep
/// them only in the compact <see cref="RunTrace.Parts"/>, from which <see cref="RunTrace.WithPartSamples"/> picks some.
/// </param>
public sealed record RunOptions(
    bool RecordPartSeries = true,
    bool WithDisruptions = true,
    IReadOnlyList<DisruptionSpec>? Disruptions = null,
    Action<Event>? Trace = null,
    bool PartSeriesAsSamples = true);
