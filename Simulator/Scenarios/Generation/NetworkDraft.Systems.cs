using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Calendars, IT systems and buffer-stock policies.</summary>
internal sealed partial class NetworkDraft
{
    private const string TwoShift = "two-shift";
    private const string ThreeShift = "three-shift";
    private const string AlwaysOpen = CalendarSpec.AlwaysOpenId;

    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Two shifts 06:00-22:00 on weekdays; three shifts from Monday 06:00 to Saturday 06:00.</summary>
    private static readonly CalendarSpec[] Calendars =
    [
        new(TwoShift, [new ShiftSpec(Weekdays, new TimeOnly(6, 0), new TimeOnly(22, 0))], []),
        new(ThreeShift, [new ShiftSpec(Weekdays, new TimeOnly(6, 0), new TimeOnly(6, 0))], []),
    ];

    /// <summary>Shared service providers: name, system suffix and the function their outage takes away.</summary>
    private static readonly (string Provider, string System, ItFunction Function)[] Providers =
    [
        ("cloud-edi-1", "portal", ItFunction.OrderTransmission),
        ("cloud-erp-1", "erp", ItFunction.ProductionControl),
        ("cloud-tms-1", "tms", ItFunction.Logistics),
    ];

    private static double WeeklyOpen(string calendarId) => calendarId switch
    {
        TwoShift => 80,
        ThreeShift => 120,
        _ => 168,
    };

    /// <summary>
    /// Per plant an MES, an EDI gateway and a WMS; per supplier an ERP for planning and orders; two or three shared
    /// providers, each hosting one system on which about 15 % of the suppliers depend, with a manual fallback.
    /// </summary>
    private List<ItSystemSpec> BuildItSystems()
    {
        var random = Stream("it");
        var systems = new List<ItSystemSpec>();
        foreach (var plant in _plants)
        {
            systems.Add(new ItSystemSpec($"{plant.Id}-MES", plant.Id, ItFunction.ProductionControl, [plant.Id], [], null, 48));
            systems.Add(new ItSystemSpec($"{plant.Id}-EDI", plant.Id, ItFunction.OrderTransmission, [plant.Id], [], null, 24));
            systems.Add(new ItSystemSpec($"{plant.Id}-WMS", plant.Id, ItFunction.Logistics, [plant.Id], [], null, 24));
        }

        foreach (var supplier in _suppliers)
        {
            systems.Add(new ItSystemSpec($"{supplier.Id}-ERP", supplier.Id, ItFunction.ProductionControl | ItFunction.OrderTransmission, [supplier.Id], [], null, 72));
        }

        var providers = random.NextDouble() < 0.5 ? 2 : 3;
        var dependents = Math.Max(1, (int)Math.Round(0.15 * _suppliers.Count, MidpointRounding.AwayFromZero));
        foreach (var (provider, system, function) in Providers.Take(providers))
        {
            var order = _suppliers.Select(s => s.Id).ToArray();
            Shuffle(random, order);
            var nodes = order.Take(dependents).Order(StringComparer.Ordinal).ToArray();
            systems.Add(new ItSystemSpec($"{provider}-{system}", provider, function, nodes, [], new FallbackSpec(24, 0.3), 48));
        }

        return systems;
    }

    /// <summary>
    /// lean: the network as generated. buffered: twice the line-side stock of every part, two days of finished goods
    /// at tier 1. strategic: buffered, plus 8 h at the line and 3 days at the supplier for every jis part.
    /// </summary>
    private List<PolicySpec> BuildPolicies()
    {
        var doubled = _lineParts.Select(p => new PartOverride(p.Id, p.LineInitial with { Value = 2 * p.LineInitial.Value }, null)).ToArray();
        var strategic = _lineParts.Select((p, i) => p.Kind == PartKind.Jis
                ? new PartOverride(p.Id, StockAmount.InHours(Math.Max(8, 2 * p.LineInitial.Value)), StockAmount.InDays(3))
                : doubled[i])
            .ToArray();
        var tier1 = new Dictionary<int, double> { [1] = 2 };
        return
        [
            new PolicySpec("lean", "Stocks as generated: hours of cover at the lines, half a day to three days at the suppliers", null, new Dictionary<int, double>(), []),
            new PolicySpec("buffered", "Twice the line-side stock of every part and two days of finished goods at tier 1", null, tier1, doubled),
            new PolicySpec("strategic", "Buffered, plus 8 h of every jis part at the line and 3 days of it at its supplier", null, tier1, strategic),
        ];
    }
}
