using Simulator.Model.Specs;

namespace Simulator.Scenarios.Import;

/// <summary>
/// Puts the state as of a time into the network: unblocked stock becomes the initial stock of the line or supplier
/// that holds it, departed and not yet arrived deliveries go on the road of their lane, demand from that day on and
/// output planned to complete after the time are kept.
/// </summary>
internal sealed class StateApplication(MasterData master, ImportProblems problems)
{
    /// <summary>Counts for the import summary.</summary>
    public int StocksApplied { get; private set; }

    public int BlockedSkipped { get; private set; }

    public StateSpec Apply(StateRecords records, DateTimeOffset asOf)
    {
        ApplyStocks(StateRecords.AsOf(records.Stocks, s => s.Key, s => s.UpdatedOn, asOf));
        var inTransit = InTransit(StateRecords.AsOf(records.Deliveries, d => d.Key, d => d.UpdatedOn, asOf), asOf);
        var demand = Demand(StateRecords.AsOf(records.Demands, d => d.Key, d => d.UpdatedOn, asOf), asOf);
        var output = StateRecords.AsOf(records.PlannedOutputs, o => o.Key, o => o.UpdatedOn, asOf)
            .Where(o => o.Completion >= asOf && o.Quantity > 0)
            .Select(o => new PlannedOutputSpec(o.MaterialId, o.SiteId, o.Quantity, (o.Completion - asOf).TotalHours))
            .ToList();
        return new StateSpec(inTransit, demand, output);
    }

    private void ApplyStocks(List<StockRecord> stocks)
    {
        // Summed per holder and material first: several positions (partners, orders, addresses) make one stock.
        var totals = new Dictionary<(StockDraft Stock, object Holder), double>();
        var order = new List<(StockDraft Stock, object Holder)>();
        foreach (var s in stocks)
        {
            if (s.Blocked)
            {
                BlockedSkipped++;
                continue;
            }

            foreach (var (stock, holder, fraction) in Holders(s))
            {
                if (!totals.ContainsKey((stock, holder)))
                {
                    order.Add((stock, holder));
                    totals[(stock, holder)] = 0;
                }

                totals[(stock, holder)] += s.Quantity * fraction;
            }

            StocksApplied++;
        }

        foreach (var key in order)
        {
            var units = totals[key];
            key.Stock.Initial = StockAmount.InUnits(units);
            // Only a line's maximum is space; a supplier's target is a level to build or order up to.
            if (key.Holder is LineDraft && key.Stock.Maximum is { Unit: StockUnit.Units } max && units > max.Value)
            {
                var at = master.Origins.GetValueOrDefault("node:" + HolderId(key.Holder));
                problems.Warning(at?.File ?? "stock", at?.Row ?? 0, at?.Column ?? 0, HolderId(key.Holder),
                    $"stock of {key.Stock.PartId} ({units}) is above its maximum ({max.Value}); the scenario keeps the maximum and starts above it",
                    "check the stock or raise maximum in stock_levels.csv");
            }
        }
    }

    private static string HolderId(object holder) => holder switch
    {
        LineDraft l => l.Id,
        SupplierDraft s => s.Id,
        _ => string.Empty,
    };

    /// <summary>Which stock drafts one record fills, with the fraction of its quantity each gets.</summary>
    private List<(StockDraft Stock, object Holder, double Fraction)> Holders(StockRecord s)
    {
        var result = new List<(StockDraft, object, double)>();
        if (master.SuppliersById.TryGetValue(s.SiteId, out var supplier))
        {
            if (s.Outbound && supplier.Product(s.MaterialId) is { } product)
            {
                // The finished stock's make-to-stock level stays what the master data says.
                if (product.Finished.Maximum is null)
                {
                    product.Finished = new StockDraft(product.PartId, product.Finished.Initial, product.Finished.Initial);
                }

                result.Add((product.Finished, supplier, 1.0));
            }
            else if (!s.Outbound && supplier.Consumes(s.MaterialId))
            {
                var input = supplier.Inputs.Find(i => i.PartId == s.MaterialId);
                if (input is null)
                {
                    input = new StockDraft(s.MaterialId, StockAmount.Zero, null);
                    supplier.Inputs.Add(input);
                }

                result.Add((input, supplier, 1.0));
            }
            else
            {
                Error(s, $"{s.SiteId} {(s.Outbound ? "ships no" : "consumes no")} {s.MaterialId}",
                    s.Outbound ? "OUTBOUND stock is finished goods of a material the site ships (supply.csv); use INBOUND for stock of its inputs" : "INBOUND stock is of a material the site consumes (bom.csv); use OUTBOUND for its finished goods");
            }

            return result;
        }

        if (s.Outbound)
        {
            Error(s, $"{s.SiteId} is an own plant or line: its stock is INBOUND", "own plants hold INBOUND stock of the materials their lines consume");
            return result;
        }

        var lines = master.LinesById.TryGetValue(s.SiteId, out var one) ? [one] : master.PlantsById[s.SiteId].Lines;
        var users = lines.Select(l => (Line: l, Use: l.RatePerHour * l.QuantityOf(s.MaterialId))).Where(u => u.Use > 0).ToList();
        if (users.Count == 0)
        {
            Error(s, $"no line of {s.SiteId} consumes {s.MaterialId}", "add the material to a line's bom in bom.csv, or name the line that holds the stock");
            return result;
        }

        // A plant's stock is shared by its lines in proportion to their planned use.
        var total = users.Sum(u => u.Use);
        foreach (var (line, use) in users)
        {
            var stock = line.StockOf(s.MaterialId);
            if (stock is null)
            {
                stock = new StockDraft(s.MaterialId, StockAmount.Zero, null);
                line.AddStock(stock);
            }

            result.Add((stock, line, use / total));
        }

        return result;
    }

    private List<InTransitSpec> InTransit(List<DeliveryRecord> deliveries, DateTimeOffset asOf)
    {
        var result = new List<InTransitSpec>();
        foreach (var d in deliveries)
        {
            var departed = d.DepartureTime is { } departure && departure <= asOf;
            var arrived = d.ArrivalIsActual && d.ArrivalTime is { } a && a <= asOf;
            if (!departed || arrived)
            {
                continue;
            }

            var lanes = master.LanesFrom.GetValueOrDefault((d.OriginSiteId, d.MaterialId), [])
                .Where(l => l.To == d.DestinationId || (master.LinesById.TryGetValue(l.To, out var line) && line.PlantId == d.DestinationId)).ToList();
            if (lanes.Count == 0)
            {
                Error(d.At, d.MaterialId, $"no relation in supply.csv ships {d.MaterialId} from {d.OriginSiteId} to {d.DestinationId}", "add the relation to supply.csv, or check origin and destination");
                continue;
            }

            var arrivalHours = d.ArrivalTime is { } at ? Math.Max(0, (at - asOf).TotalHours) : 0;
            var weights = lanes.Select(l => master.LinesById.TryGetValue(l.To, out var line) ? line.RatePerHour * line.QuantityOf(l.PartId) * l.Share : l.Share).ToList();
            var total = weights.Sum();
            for (var i = 0; i < lanes.Count; i++)
            {
                var quantity = total > 0 ? d.Quantity * weights[i] / total : d.Quantity / lanes.Count;
                if (quantity > 0)
                {
                    result.Add(new InTransitSpec(lanes[i].Id, quantity, arrivalHours, d.Reference));
                }
            }
        }

        return result;
    }

    private static List<DemandSpec> Demand(List<DemandRecord> demands, DateTimeOffset asOf)
    {
        var today = DateOnly.FromDateTime(asOf.DateTime);
        var totals = new Dictionary<(string, string, string?, DateOnly), double>();
        var order = new List<(string Part, string Node, string? Supplier, DateOnly Day)>();
        foreach (var d in demands.Where(d => d.Day >= today))
        {
            var key = (d.MaterialId, d.NodeId, d.SupplierSiteId, d.Day);
            if (!totals.ContainsKey(key))
            {
                order.Add(key);
                totals[key] = 0;
            }

            totals[key] += d.Quantity;
        }

        return [.. order.Select(k => new DemandSpec(k.Part, k.Node, k.Supplier, k.Day, totals[k]))];
    }

    private void Error(StockRecord s, string message, string hint) => Error(s.At, s.MaterialId, message, hint);

    private void Error(Origin at, string id, string message, string hint) => problems.Error(at.File, at.Row, at.Column, id, message, hint);
}
