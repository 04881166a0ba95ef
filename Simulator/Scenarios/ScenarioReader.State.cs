using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>The state at hour 0: goods in transit, planned demand and planned output.</summary>
internal static partial class ScenarioReader
{
    private static StateSpec ReadState(MappingReader r)
    {
        var inTransit = r.Items("in_transit", ScenarioKeys.InTransit)
            .Select(t => t.Register(new InTransitSpec(
                t.Reference("lane"),
                t.Number("quantity", NumberRule.Positive, required: true) ?? double.NaN,
                t.Number("arrival_hours", NumberRule.NonNegative, required: true) ?? double.NaN,
                t.Text("reference") ?? string.Empty)))
            .ToList();
        var demand = r.Items("demand", ScenarioKeys.Demand).Select(ReadDemand).ToList();
        var output = r.Items("planned_output", ScenarioKeys.PlannedOutput)
            .Select(o => o.Register(new PlannedOutputSpec(
                o.Reference("part"),
                o.Reference("node"),
                o.Number("quantity", NumberRule.Positive, required: true) ?? double.NaN,
                o.Number("completion_hours", NumberRule.NonNegative, required: true) ?? double.NaN)))
            .ToList();
        return r.Register(new StateSpec(inTransit, demand, output));
    }

    private static DemandSpec ReadDemand(MappingReader r)
    {
        var part = r.Reference("part");
        var node = r.Reference("node");
        var supplier = r.Text("supplier");
        var text = r.Text("day", required: true);
        var day = default(DateOnly);
        if (text is not null && !ScalarParsers.TryDate(text, out day))
        {
            r.Error(r.At("day"), $"day '{text}' is not a date", KeyHelp.Use(ScenarioKeys.Demand, "day"));
        }

        var quantity = r.Number("quantity", NumberRule.NonNegative, required: true) ?? double.NaN;
        return r.Register(new DemandSpec(part, node, supplier, day, quantity));
    }
}
