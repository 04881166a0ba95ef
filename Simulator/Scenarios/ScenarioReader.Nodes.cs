using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Plants, lines and suppliers.</summary>
internal static partial class ScenarioReader
{
    private static PlantSpec ReadPlant(MappingReader r)
    {
        var id = r.Id();
        var name = r.Text("name") ?? id;
        var zone = ReadTimeZone(r);
        var lines = r.Items("lines", ScenarioKeys.Line, required: true).Select(line => ReadLine(line, id)).ToList();
        return r.Register(new PlantSpec(id, name, lines, zone));
    }

    private static LineSpec ReadLine(MappingReader r, string plantId)
    {
        var id = r.Id();
        var rate = r.Number("rate_per_hour", NumberRule.Positive, required: true) ?? double.NaN;
        var calendar = r.Text("calendar") ?? CalendarSpec.AlwaysOpenId;
        var restart = r.Child("restart", ScenarioKeys.Restart) is { } rr ? ReadRestart(rr) : RestartRule.Immediate;
        var bom = r.Items("bom", ScenarioKeys.BomItem, required: true).Select(ReadBomItem).ToList();
        var stocks = r.Items("stock", ScenarioKeys.LineStock).Select(ReadLineStock).ToList();
        var margin = r.Number("margin_per_unit", NumberRule.NonNegative);
        return r.Register(new LineSpec(id, plantId, rate, calendar, bom, stocks, restart, margin));
    }

    private static RestartRule ReadRestart(MappingReader r) => new(
        r.Number("stock_hours", NumberRule.NonNegative, 0.0),
        r.Number("ramp_up_hours", NumberRule.NonNegative, 0.0),
        r.Number("ramp_start_fraction", NumberRule.Fraction, 0.5));

    private static BomItem ReadBomItem(MappingReader r) => r.Register(new BomItem(
        r.Reference("part"),
        r.Number("quantity", NumberRule.Positive, required: true) ?? double.NaN));

    private static LineStockSpec ReadLineStock(MappingReader r)
    {
        var part = r.Reference("part");
        var initial = r.Stock("initial", NumberRule.NonNegative) ?? StockAmount.Zero;
        var maximum = r.Stock("maximum", NumberRule.NonNegative);
        CheckNotAbove(r, initial, "initial", maximum, "maximum");
        return r.Register(new LineStockSpec(part, initial, maximum));
    }

    private static SupplierSpec ReadSupplier(MappingReader r)
    {
        var id = r.Id();
        var name = r.Text("name") ?? id;

        // 0 marks an unreadable tier (already reported) so the tier warnings skip it.
        var tier = r.Integer("tier", minimum: 1, required: true) ?? 0;
        var calendar = r.Text("calendar") ?? CalendarSpec.AlwaysOpenId;
        var zone = ReadTimeZone(r);
        var recovery = r.Number("recovery_hours", NumberRule.NonNegative);
        var shared = r.Number("capacity_per_hour", NumberRule.Positive);
        var sharedWritten = r.Has("capacity_per_hour");
        var products = r.Items("products", ScenarioKeys.Product, required: true)
            .Select(p => ReadProduct(p, shared, sharedWritten))
            .ToList();
        var inputs = r.Items("input_stock", ScenarioKeys.InputStock).Select(ReadInputStock).ToList();
        return r.Register(new SupplierSpec(id, name, tier, calendar, products, inputs, recovery, shared, zone));
    }

    /// <param name="r">The product's mapping.</param>
    /// <param name="shared">The supplier's shared capacity, or null.</param>
    /// <param name="sharedWritten">The supplier gives a shared capacity (perhaps an unreadable one, already reported).</param>
    private static ProductSpec ReadProduct(MappingReader r, double? shared, bool sharedWritten)
    {
        var part = r.Reference("part");

        // A product of a supplier with a shared capacity may omit its own: it can then use all of the shared one.
        var capacity = r.Number("capacity_per_hour", NumberRule.Positive) ?? shared ?? double.NaN;
        if (!r.Has("capacity_per_hour") && !sharedWritten)
        {
            r.Error(
                r.Node.Start,
                $"{MappingReader.Describe(r.Section)} is missing required key 'capacity_per_hour' (its supplier has no shared capacity_per_hour)",
                $"{KeyHelp.Add(r.Section, "capacity_per_hour")}, or give the supplier a capacity_per_hour its products share");
        }
        else if (r.Has("capacity_per_hour") && capacity > shared)
        {
            r.Warning(
                r.At("capacity_per_hour"),
                $"capacity_per_hour {capacity} of part {part} exceeds its supplier's shared capacity_per_hour {shared}: the shared one bounds it",
                "lower the product's capacity_per_hour or leave it out to let the part use all of the shared capacity");
        }
        var inputs = r.Items("inputs", ScenarioKeys.BomItem).Select(ReadBomItem).ToList();
        var initial = StockAmount.Zero;
        StockAmount? target = null;
        if (r.Child("finished", ScenarioKeys.FinishedStock) is { } finished)
        {
            initial = finished.Stock("initial", NumberRule.NonNegative) ?? StockAmount.Zero;
            target = finished.Stock("target", NumberRule.NonNegative);
        }

        // Without a target the supplier keeps building back to what it started with.
        return r.Register(new ProductSpec(part, capacity, inputs, initial, target ?? initial));
    }

    private static InputStockSpec ReadInputStock(MappingReader r) => r.Register(new InputStockSpec(
        r.Reference("part"),
        r.Stock("initial", NumberRule.NonNegative) ?? StockAmount.Zero,
        r.Stock("target", NumberRule.NonNegative)));

    /// <summary>Amounts in different units can only be compared once demand is known, so only same-unit pairs are checked.</summary>
    private static void CheckNotAbove(MappingReader r, StockAmount low, string lowKey, StockAmount? high, string highKey)
    {
        if (high is not null && high.Unit == low.Unit && low.Value > high.Value)
        {
            r.Error(r.At(lowKey), $"{lowKey} stock ({low.Value} {low.Unit.ToString().ToLowerInvariant()}) exceeds {highKey} ({high.Value})", $"lower {lowKey} or raise {highKey}");
        }
    }
}
