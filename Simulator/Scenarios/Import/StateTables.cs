namespace Simulator.Scenarios.Import;

/// <summary>Reads the PURIS state tables (stock, demand, deliveries) into <see cref="StateRecords"/>, checking every row.</summary>
internal sealed class StateTables(MasterData master, ImportProblems problems, StateRecords records)
{
    public void ReadStock(CsvTable table)
    {
        foreach (var c in table.Rows.Select(r => new Cells(r, problems)))
        {
            var material = master.Material(c, "ownMaterialNumber");
            var partner = Partner(c);
            var quantity = Quantity(c, material);
            var site = Site(c, "stockSiteBpns", required: true);
            var blocked = c.Boolean("isBlocked", defaultValue: false);
            var updated = c.Timestamp("lastUpdatedOnDateTime", required: true);
            bool? outbound = c.Text("direction").ToUpperInvariant() switch
            {
                "OUTBOUND" => true,
                "INBOUND" => false,
                _ => null,
            };
            if (outbound is null)
            {
                c.Error("direction", $"direction must be INBOUND or OUTBOUND, not '{c.Text("direction")}'", "INBOUND: stock of a material at the site that consumes it; OUTBOUND: finished goods at the supplier that makes them");
            }

            if (material is null || partner is null || quantity is null || site is null || blocked is null || updated is null || outbound is null)
            {
                continue;
            }

            var key = string.Join('|', material, partner, site, c.Text("stockAddressBpna"), c.Text("customerOrderNumber"), c.Text("customerPositionId"), c.Text("supplierOrderNumber"), outbound, blocked);
            records.Stocks.Add(new StockRecord(Origin.Of(c, "ownMaterialNumber"), key, material, site, outbound.Value, blocked.Value, quantity.Value, updated.Value));
        }
    }

    public void ReadDemand(CsvTable table)
    {
        foreach (var c in table.Rows.Select(r => new Cells(r, problems)))
        {
            var material = master.Material(c, "ownMaterialNumber");
            var partner = Partner(c);
            var quantity = Quantity(c, material);
            var node = Site(c, "demandSiteBpns", required: true);
            var supplier = c.Has("expectedSupplierSiteBpns") ? SupplierSite(c, "expectedSupplierSiteBpns") : string.Empty;
            var day = Day(c);
            var updated = c.Timestamp("lastUpdatedOnDateTime", required: true);
            if (material is null || partner is null || quantity is null || node is null || supplier is null || day is null || updated is null)
            {
                continue;
            }

            var key = string.Join('|', material, partner, node, supplier, c.Text("demandCategoryCode"), day.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            records.Demands.Add(new DemandRecord(Origin.Of(c, "ownMaterialNumber"), key, material, node, supplier.Length == 0 ? null : supplier, day.Value, quantity.Value, updated.Value));
        }
    }

    public void ReadDeliveries(CsvTable table)
    {
        foreach (var c in table.Rows.Select(r => new Cells(r, problems)))
        {
            var material = master.Material(c, "ownMaterialNumber");
            var partner = Partner(c);
            var quantity = Quantity(c, material);
            var origin = SupplierSite(c, "originSiteBpns");
            var destination = Site(c, "destinationSiteBpns", required: true);
            var departure = c.Timestamp("departureTime", required: false);
            var arrival = c.Timestamp("arrivalTime", required: false);
            var departureOk = EventType(c, "departureType", "departure");
            var arrivalType = EventType(c, "arrivalType", "arrival");
            var updated = c.Timestamp("lastUpdatedOnDateTime", required: true);
            if (material is null || partner is null || quantity is null || origin is null || destination is null || departureOk is null || arrivalType is null || updated is null)
            {
                continue;
            }

            var key = string.Join('|', material, partner, origin, destination, c.Text("trackingNumber"), c.Text("customerOrderNumber"), c.Text("customerPositionId"), c.Text("supplierOrderNumber"));
            var reference = c.Has("trackingNumber") ? c.Text("trackingNumber") : c.Text("customerOrderNumber");
            records.Deliveries.Add(new DeliveryRecord(
                Origin.Of(c, "ownMaterialNumber"), key, material, origin, destination, quantity.Value, departure, arrival, arrivalType == "actual", reference, updated.Value));
        }
    }

    /// <summary>"estimated" or "actual", or null after a problem; an empty type goes with an empty time.</summary>
    private static string? EventType(Cells c, string column, string what)
    {
        var text = c.Text(column).ToLowerInvariant();
        var timeColumn = what + "Time";
        if (text.Length == 0 && !c.Has(timeColumn))
        {
            return "none";
        }

        if (text == $"estimated-{what}")
        {
            return "estimated";
        }

        if (text == $"actual-{what}")
        {
            return "actual";
        }

        c.Error(column, $"{column} must be estimated-{what} or actual-{what}, not '{c.Text(column)}'", $"write estimated-{what} or actual-{what}, as in DeliveryInformation 2.0.0");
        return null;
    }

    private string? Partner(Cells c)
    {
        var bpnl = c.Required("partnerBpnl", "BPNL00000003AYRE");
        if (bpnl is null || master.Partners.ContainsKey(bpnl))
        {
            return bpnl;
        }

        c.Error("partnerBpnl", $"unknown partner '{bpnl}'", Suggestions.DidYouMean(bpnl, master.Partners.Keys, "partners in partners.csv:") ?? "add the partner to partners.csv");
        return null;
    }

    /// <summary>The quantity converted to the material's unit; a unit of another dimension is a problem.</summary>
    private double? Quantity(Cells c, string? material)
    {
        var quantity = c.Number("quantity", NumberRule.NonNegative, required: true);
        var unitText = c.Required("unitOfMeasurement", "unit:piece");
        if (quantity is null || unitText is null || material is null)
        {
            return null;
        }

        return Convert(c, "unitOfMeasurement", quantity.Value, unitText, master.Materials[material]);
    }

    /// <summary><paramref name="quantity"/> of <paramref name="unitText"/> in the unit of <paramref name="material"/>, or null after a problem.</summary>
    public static double? Convert(Cells c, string column, double quantity, string unitText, MaterialDraft material)
    {
        var unit = MeasurementUnit.Parse(unitText);
        if (unit is null)
        {
            c.Error(column, $"unknown unit '{unitText}'", Suggestions.DidYouMean(unitText, [.. MeasurementUnit.Names], "Catena-X units:"));
            return null;
        }

        if (unit.ConvertTo(quantity, material.Unit) is { } converted)
        {
            return converted;
        }

        c.Error(column, $"{unit.Name} cannot be converted to {material.Unit.Name}, the unit of {material.Part.Id}",
            $"give the quantity in {material.Unit.Name} (or a unit of the same kind), or change unit_of_measurement of {material.Part.Id} in materials.csv");
        return null;
    }

    private string? Site(Cells c, string column, bool required)
    {
        var id = required ? c.Required(column, "BPNS000000000001") : c.Text(column);
        if (id is null || id.Length == 0 || master.PlantsById.ContainsKey(id) || master.SuppliersById.ContainsKey(id) || master.LinesById.ContainsKey(id))
        {
            return id;
        }

        if (master.Broken.Contains("node:" + id))
        {
            return null;
        }

        c.Error(column, $"unknown site '{id}'", Suggestions.DidYouMean(id, [.. master.PlantsById.Keys, .. master.SuppliersById.Keys, .. master.LinesById.Keys], "sites and lines:") ?? "add the site to sites.csv");
        return null;
    }

    private string? SupplierSite(Cells c, string column)
    {
        var id = c.Required(column, "BPNS000000000002");
        if (id is null || master.SuppliersById.ContainsKey(id))
        {
            return id;
        }

        var hint = master.PlantsById.ContainsKey(id) ? $"'{id}' is an own plant; only supplier sites (partners of tier >= 1) ship" : Suggestions.DidYouMean(id, master.SuppliersById.Keys, "supplier sites:") ?? "add the site to sites.csv";
        c.Error(column, $"unknown supplier site '{id}'", hint);
        return null;
    }

    private static DateOnly? Day(Cells c)
    {
        var text = c.Required("day", "2025-09-02");
        if (text is null)
        {
            return null;
        }

        if (ScalarParsers.TryDate(text, out var date))
        {
            return date;
        }

        if (ScalarParsers.TryTimestamp(text, out var timestamp))
        {
            return DateOnly.FromDateTime(timestamp.DateTime);
        }

        c.Error("day", $"day must be a date yyyy-mm-dd or a timestamp with offset, not '{text}'", "e.g. 2025-09-02");
        return null;
    }
}
