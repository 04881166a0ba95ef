using System.Globalization;
using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Lanes connect a supplier that makes a part to a consumer of it, and every consumed part is delivered.</summary>
internal static class LaneRules
{
    private const double ShareTolerance = 1e-6;

    public static void Check(Validation v)
    {
        foreach (var lane in v.Spec.Lanes)
        {
            CheckFrom(v, lane);
            CheckTo(v, lane);
        }

        CheckGroups(v);
        CheckDelivered(v);
        CheckStockedPartsAreConsumed(v);
        CheckProductsShipped(v);
    }

    private static void CheckFrom(Validation v, LaneSpec lane)
    {
        if (lane.From.Length == 0)
        {
            return;
        }

        if (v.Suppliers.TryGetValue(lane.From, out var supplier))
        {
            if (v.Parts.ContainsKey(lane.PartId) && !supplier.Products.Any(p => p.PartId == lane.PartId))
            {
                var makers = v.Spec.Suppliers.Where(s => s.Products.Any(p => p.PartId == lane.PartId)).Select(s => s.Id).ToList();
                var hint = makers.Count > 0
                    ? $"ship from a supplier that makes it ({string.Join(", ", makers)}), or add {lane.PartId} to the products of {lane.From}"
                    : $"add {lane.PartId} to the products of {lane.From}";
                v.Error(lane, "from", lane.Id, $"supplier '{lane.From}' does not make {lane.PartId}", hint);
            }
        }
        else if (v.NodeIds.Contains(lane.From))
        {
            v.Error(lane, "from", lane.Id, $"lanes ship from suppliers, but '{lane.From}' is a {NodeKind(v, lane.From)}", $"name the supplier that ships {lane.PartId}");
        }
        else
        {
            v.Known(lane, "from", -1, lane.Id, lane.From, "supplier", v.Suppliers.Keys.ToList());
        }
    }

    private static void CheckTo(Validation v, LaneSpec lane)
    {
        if (lane.To.Length == 0)
        {
            return;
        }

        var partKnown = v.Parts.ContainsKey(lane.PartId);
        if (v.Lines.TryGetValue(lane.To, out var line))
        {
            if (partKnown && !line.Bom.Any(b => b.PartId == lane.PartId))
            {
                v.Error(lane, "to", lane.Id, $"line '{lane.To}' does not use {lane.PartId}: it is not in its bom", $"add {{ part: {lane.PartId}, quantity: 1 }} to the bom of {lane.To}, or deliver to a line that uses it");
            }
        }
        else if (v.Suppliers.TryGetValue(lane.To, out var supplier))
        {
            if (partKnown && !supplier.Products.Any(p => p.Inputs.Any(i => i.PartId == lane.PartId)))
            {
                v.Error(lane, "to", lane.Id, $"supplier '{lane.To}' does not consume {lane.PartId}: no product lists it among its inputs", $"add {{ part: {lane.PartId}, quantity: 1 }} to the inputs of the product it goes into");
            }

            if (lane.Trigger is { Kind: TriggerKind.Sequence })
            {
                v.Error(lane, "trigger", lane.Id, $"a sequence trigger needs a line's build sequence, but '{lane.To}' is a supplier", "use kind: kanban, base_stock or schedule for lanes into suppliers");
            }
        }
        else if (v.Plants.TryGetValue(lane.To, out var plant))
        {
            v.Error(lane, "to", lane.Id, $"lanes deliver to lines, but '{lane.To}' is a plant", $"use one of its lines: {string.Join(", ", plant.Lines.Select(l => l.Id))}");
        }
        else
        {
            v.Known(lane, "to", -1, lane.Id, lane.To, "line or supplier", v.Lines.Keys.Concat(v.Suppliers.Keys).ToList());
        }
    }

    /// <summary>Lanes feeding one (destination, part) split its demand: shares add up to 1 and they order the same way.</summary>
    private static void CheckGroups(Validation v)
    {
        var groups = v.Spec.Lanes
            .Where(l => (v.Lines.ContainsKey(l.To) || v.Suppliers.ContainsKey(l.To)) && v.Parts.ContainsKey(l.PartId))
            .GroupBy(l => (l.To, l.PartId));
        foreach (var group in groups)
        {
            var lanes = group.ToList();
            var (to, part) = group.Key;
            if (lanes.All(l => double.IsFinite(l.Share)))
            {
                var sum = lanes.Sum(l => l.Share);
                if (Math.Abs(sum - 1) > ShareTolerance)
                {
                    var list = string.Join(", ", lanes.Select(l => $"{l.Id}: {Format(l.Share)}"));
                    var hint = lanes.Count == 1
                        ? "a single lane carries all the demand: drop share or set it to 1"
                        : $"make the shares of {string.Join(", ", lanes.Select(l => l.Id))} add up to 1";
                    v.Error(lanes[0], "share", lanes[0].Id, $"the shares of the lanes delivering {part} to {to} add up to {Format(sum)}, not 1 ({list})", hint);
                }
            }

            var withTrigger = lanes.Where(l => l.Trigger is not null).ToList();
            var odd = withTrigger.FirstOrDefault(l => l.Trigger.Kind != withTrigger[0].Trigger.Kind);
            if (odd is not null)
            {
                var list = string.Join(", ", withTrigger.Select(l => $"{l.Id}: {Name(l.Trigger.Kind)}"));
                v.Error(odd, "trigger", odd.Id, $"the lanes delivering {part} to {to} use different trigger kinds ({list})", $"use one trigger kind for all of them, e.g. {Name(withTrigger[0].Trigger.Kind)}");
            }
        }
    }

    private static void CheckDelivered(Validation v)
    {
        var delivered = v.Spec.Lanes.Select(l => (l.To, l.PartId)).ToHashSet();
        foreach (var line in v.Spec.Plants.SelectMany(p => p.Lines).Where(l => l.Id.Length > 0))
        {
            foreach (var item in line.Bom.Where(b => v.Parts.ContainsKey(b.PartId) && !delivered.Contains((line.Id, b.PartId))))
            {
                v.Error(item, "part", line.Id, $"no lane delivers {item.PartId} to line '{line.Id}'", $"add a lane with to: {line.Id}, part: {item.PartId}");
            }
        }

        foreach (var supplier in v.Spec.Suppliers.Where(s => s.Id.Length > 0))
        {
            foreach (var input in supplier.Products.SelectMany(p => p.Inputs).Where(i => v.Parts.ContainsKey(i.PartId)))
            {
                if (!delivered.Contains((supplier.Id, input.PartId)))
                {
                    v.Error(input, "part", supplier.Id, $"no lane delivers input {input.PartId} to supplier '{supplier.Id}'", $"add a lane with to: {supplier.Id}, part: {input.PartId}");
                }
            }
        }
    }

    private static void CheckStockedPartsAreConsumed(Validation v)
    {
        foreach (var line in v.Spec.Plants.SelectMany(p => p.Lines))
        {
            foreach (var stock in line.Stocks.Where(s => v.Parts.ContainsKey(s.PartId) && !line.Bom.Any(b => b.PartId == s.PartId)))
            {
                v.Error(stock, "part", line.Id, $"line '{line.Id}' stocks {stock.PartId} but its bom does not use it", $"remove the stock entry, or add {stock.PartId} to the bom");
            }
        }

        foreach (var supplier in v.Spec.Suppliers)
        {
            foreach (var stock in supplier.InputStocks.Where(s => v.Parts.ContainsKey(s.PartId) && !supplier.Products.Any(p => p.Inputs.Any(i => i.PartId == s.PartId))))
            {
                v.Error(stock, "part", supplier.Id, $"supplier '{supplier.Id}' stocks input {stock.PartId} but none of its products consumes it", $"remove the input_stock entry, or add {stock.PartId} to a product's inputs");
            }
        }
    }

    private static void CheckProductsShipped(Validation v)
    {
        var shipped = v.Spec.Lanes.Select(l => (l.From, l.PartId)).ToHashSet();
        foreach (var supplier in v.Spec.Suppliers.Where(s => s.Id.Length > 0))
        {
            foreach (var product in supplier.Products.Where(p => p.PartId.Length > 0 && !shipped.Contains((supplier.Id, p.PartId))))
            {
                v.Warning(product, "part", supplier.Id, $"no lane ships {product.PartId} from supplier '{supplier.Id}'", $"add a lane with from: {supplier.Id}, part: {product.PartId}, or remove the product");
            }
        }
    }

    private static string NodeKind(Validation v, string id) => v.Plants.ContainsKey(id) ? "plant" : v.Lines.ContainsKey(id) ? "line" : "supplier";

    private static string Name(TriggerKind kind) => Vocabulary.NameOf(Vocabulary.TriggerKinds, kind);

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
