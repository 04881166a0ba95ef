using Simulator.Engine;
using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>
/// One synthetic network under construction. Each step draws from its own named random stream, so a change to one
/// step never shifts the draws of another, and the result depends on the options only.
/// </summary>
internal sealed partial class NetworkDraft
{
    /// <summary>Monday 06:00, the start of the early shift.</summary>
    private static readonly DateTimeOffset StartTime = new(2025, 9, 1, 6, 0, 0, TimeSpan.FromHours(1));

    /// <summary>Day 2 (Tuesday) at 10:00, in hours from <see cref="StartTime"/>.</summary>
    private const double DisruptionStartHours = 28;

    private readonly GeneratorOptions _options;
    private readonly IReadOnlyList<int> _suppliersPerTier;
    private readonly RandomStreams _streams;
    private readonly List<PlantDraft> _plants = [];
    private readonly List<LineDraft> _lines = [];
    private readonly List<LinePartDraft> _lineParts = [];
    private readonly List<PartSpec> _parts = [];
    private readonly List<SupplierDraft> _suppliers = [];

    /// <summary>Tier-k materials per tier (index 0 holds the line parts' ids, unused).</summary>
    private readonly List<List<MaterialDraft>> _materials = [];

    public NetworkDraft(GeneratorOptions options, IReadOnlyList<int> suppliersPerTier)
    {
        _options = options;
        _suppliersPerTier = suppliersPerTier;
        _streams = new RandomStreams(options.Seed);
    }

    public ScenarioSpec Build()
    {
        BuildPlants();
        BuildLineParts();
        BuildBoms();
        BuildTier1();
        BuildDeeperTiers();
        PlanLineLogistics();
        ComputeDemand();
        var lanes = BuildLanes();
        var plants = _plants.Select(p => new PlantSpec(p.Id, p.Name, p.Lines.Select(ToSpec).ToArray())).ToArray();
        var suppliers = _suppliers.Select(ToSpec).ToArray();
        var systems = BuildItSystems();
        var start = DisruptionStartHours < _options.HorizonHours ? DisruptionStartHours : Math.Floor(_options.HorizonHours / 4);
        var disruptions = _options.WithDisruption
            ? new[]
            {
                new DisruptionSpec("edi-outage", [_plants[0].Id + "-EDI"], start, DistributionSpec.Fixed(24), RecoverySpec.Default),
            }
            : [];
        var calendars = Calendars.Where(c => _lines.Any(l => l.CalendarId == c.Id) || _suppliers.Any(s => s.CalendarId == c.Id)).ToArray();
        return new ScenarioSpec(
            $"generated-{_options.Plants}x{_options.LinesPerPlant}-{_options.Parts}-t{_options.Tiers}-seed{_options.Seed}",
            Description(lanes.Count),
            StartTime,
            _options.HorizonHours,
            1,
            0.25,
            start,
            calendars,
            _parts,
            plants,
            suppliers,
            lanes,
            systems,
            disruptions,
            BuildPolicies());
    }

    private string Description(int lanes) =>
        $"Synthetic network (seed {_options.Seed}): {_plants.Count} plant(s) with {_lines.Count} line(s), {_lineParts.Count} line parts, "
        + $"{_suppliers.Count} suppliers in {_options.Tiers} tier(s) ({string.Join("/", _suppliersPerTier)}), {lanes} lanes"
        + (_options.WithDisruption ? $"; {_plants[0].Id}'s EDI is down for 24 h from day 2, 10:00." : "; no disruption.");

    private LineSpec ToSpec(LineDraft line) => new(
        line.Id,
        line.PlantId,
        line.RatePerHour,
        line.CalendarId,
        line.Bom.Select(p => new BomItem(p.Id, p.QuantityPerJob)).ToArray(),
        line.Bom.Select(p => new LineStockSpec(p.Id, p.LineInitial, p.LineMaximum)).ToArray(),
        new RestartRule(StockHours: 0.5, RampUpHours: 2, RampStartFraction: 0.5));

    private static SupplierSpec ToSpec(SupplierDraft supplier) => new(
        supplier.Id,
        supplier.Name,
        supplier.Tier,
        supplier.CalendarId,
        supplier.Products.Select(p => new ProductSpec(p.PartId, p.CapacityPerHour, p.Inputs, p.Finished, p.Finished)).ToArray(),
        supplier.InputStocks,
        RecoveryHours: supplier.Tier == 1 ? 72 : 96);

    private RandomStream Stream(string step) => _streams.For($"generator/{step}");

    /// <summary>A value in [low, high] on a grid of <paramref name="step"/>.</summary>
    private static double Steps(RandomStream random, double low, double high, double step) =>
        low + (step * random.Next((int)Math.Round((high - low) / step) + 1));

    private static double RoundUp(double value, double step) => Math.Ceiling((value / step) - 1e-9) * step;

    private static T Pick<T>(RandomStream random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static void Shuffle<T>(RandomStream random, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Lognormal around a median with the given spread, rounded to cents and at least one cent.</summary>
    private static double Cost(RandomStream random, double median, double sigma) =>
        Math.Max(0.01, Math.Round(random.LogNormal(Math.Log(median), sigma), 2));
}
