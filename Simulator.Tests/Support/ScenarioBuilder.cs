using Simulator.Model.Specs;

namespace Simulator.Tests.Support;

/// <summary>Builds small scenarios in code: a fluent alternative to YAML fixtures.</summary>
internal sealed class ScenarioBuilder
{
    private readonly List<CalendarSpec> _calendars = [];
    private readonly List<PartSpec> _parts = [];
    private readonly List<PlantSpec> _plants = [];
    private readonly List<SupplierSpec> _suppliers = [];
    private readonly List<LaneSpec> _lanes = [];
    private readonly List<ItSystemSpec> _systems = [];
    private readonly List<DisruptionSpec> _disruptions = [];
    private readonly List<PolicySpec> _policies = [];
    private DateTimeOffset _start = new(2025, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private double _horizon = 48;
    private double _sampleEvery = 1;

    public ScenarioBuilder Start(DateTimeOffset start)
    {
        _start = start;
        return this;
    }

    public ScenarioBuilder Horizon(double hours)
    {
        _horizon = hours;
        return this;
    }

    public ScenarioBuilder SampleEvery(double hours)
    {
        _sampleEvery = hours;
        return this;
    }

    public ScenarioBuilder Calendar(string id, DayOfWeek[] days, TimeOnly start, TimeOnly end)
    {
        _calendars.Add(new CalendarSpec(id, [new ShiftSpec(days, start, end)], []));
        return this;
    }

    public ScenarioBuilder Part(string id, double unitCost = 1, PartKind kind = PartKind.Jit)
    {
        _parts.Add(new PartSpec(id, id, unitCost, kind));
        return this;
    }

    /// <summary>A line with one part per job of each listed part and the given initial line-side units.</summary>
    public ScenarioBuilder Line(
        string id,
        string plant,
        double ratePerHour,
        IReadOnlyList<(string Part, double InitialUnits)> parts,
        string calendar = CalendarSpec.AlwaysOpenId,
        RestartRule? restart = null)
    {
        var line = new LineSpec(
            id,
            plant,
            ratePerHour,
            calendar,
            parts.Select(p => new BomItem(p.Part, 1)).ToArray(),
            parts.Select(p => new LineStockSpec(p.Part, StockAmount.InUnits(p.InitialUnits), null)).ToArray(),
            restart ?? RestartRule.Immediate);
        var i = _plants.FindIndex(p => p.Id == plant);
        if (i < 0)
        {
            _plants.Add(new PlantSpec(plant, plant, [line]));
        }
        else
        {
            _plants[i] = _plants[i] with { Lines = [.. _plants[i].Lines, line] };
        }

        return this;
    }

    public ScenarioBuilder Supplier(
        string id,
        int tier,
        string part,
        double capacityPerHour,
        double finishedUnits = 0,
        IReadOnlyList<(string Part, double PerUnit, double InitialUnits)>? inputs = null,
        string calendar = CalendarSpec.AlwaysOpenId,
        double? targetUnits = null)
    {
        inputs ??= [];
        var product = new ProductSpec(
            part,
            capacityPerHour,
            inputs.Select(i => new BomItem(i.Part, i.PerUnit)).ToArray(),
            StockAmount.InUnits(finishedUnits),
            StockAmount.InUnits(targetUnits ?? finishedUnits));
        _suppliers.Add(new SupplierSpec(
            id,
            id,
            tier,
            calendar,
            [product],
            inputs.Select(i => new InputStockSpec(i.Part, StockAmount.InUnits(i.InitialUnits), null)).ToArray()));
        return this;
    }

    /// <summary>A supplier whose <paramref name="capacityPerHour"/> is shared by its products (each may have a lower own capacity).</summary>
    public ScenarioBuilder SharedSupplier(string id, int tier, double capacityPerHour, IReadOnlyList<(string Part, double? OwnCapacityPerHour)> products)
    {
        _suppliers.Add(new SupplierSpec(
            id,
            id,
            tier,
            CalendarSpec.AlwaysOpenId,
            products.Select(p => new ProductSpec(p.Part, p.OwnCapacityPerHour ?? capacityPerHour, [], StockAmount.Zero, StockAmount.Zero)).ToArray(),
            [],
            CapacityPerHour: capacityPerHour));
        return this;
    }

    public ScenarioBuilder Lane(
        string id,
        string from,
        string to,
        string part,
        TriggerSpec trigger,
        double transitHours = 0,
        double dispatchEveryHours = 0.25,
        double share = 1,
        double qualificationHours = 0)
    {
        _lanes.Add(new LaneSpec(id, from, to, part, DistributionSpec.Fixed(transitHours), dispatchEveryHours, trigger, share, qualificationHours));
        return this;
    }

    public ScenarioBuilder ItSystem(string id, ItFunction functions, string[] nodes, FallbackSpec? fallback = null, string? owner = null, string[]? lanes = null)
    {
        _systems.Add(new ItSystemSpec(id, owner ?? id, functions, nodes, lanes ?? [], fallback));
        return this;
    }

    public ScenarioBuilder Disruption(string id, string[] targets, double startHours, double durationHours, RecoverySpec? recovery = null) =>
        Disruption(id, targets, startHours, DistributionSpec.Fixed(durationHours), recovery);

    public ScenarioBuilder Disruption(string id, string[] targets, double startHours, DistributionSpec duration, RecoverySpec? recovery = null)
    {
        _disruptions.Add(new DisruptionSpec(id, targets, startHours, duration, recovery ?? RecoverySpec.Default));
        return this;
    }

    /// <summary>A planned stop of the named plants, lines or suppliers from <paramref name="startHours"/> to <paramref name="endHours"/>.</summary>
    public ScenarioBuilder PlannedStop(string id, string[] targets, double startHours, double endHours)
    {
        _disruptions.Add(new DisruptionSpec(id, targets, startHours, DistributionSpec.Fixed(endHours - startHours), RecoverySpec.Default, DisruptionKind.PlannedStop));
        return this;
    }

    public ScenarioBuilder Policy(PolicySpec policy)
    {
        _policies.Add(policy);
        return this;
    }

    public ScenarioSpec Build() => new(
        "test",
        "built in code",
        _start,
        _horizon,
        _sampleEvery,
        0.25,
        0,
        _calendars,
        _parts,
        _plants,
        _suppliers,
        _lanes,
        _systems,
        _disruptions,
        _policies.Count > 0 ? _policies : [PolicySpec.AsWritten]);

    public static TriggerSpec Sequence(double leadHours) => new(TriggerKind.Sequence, LeadHours: leadHours);

    public static TriggerSpec Kanban(double reorderUnits, double quantityUnits) =>
        new(TriggerKind.Kanban, ReorderPoint: StockAmount.InUnits(reorderUnits), Quantity: StockAmount.InUnits(quantityUnits));

    public static TriggerSpec BaseStock(double reviewHours, double orderUpToUnits) =>
        new(TriggerKind.BaseStock, ReviewHours: reviewHours, OrderUpTo: StockAmount.InUnits(orderUpToUnits));
}
