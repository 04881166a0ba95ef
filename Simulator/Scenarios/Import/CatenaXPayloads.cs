using System.Globalization;
using System.Text.Json;
using Simulator.Model.Specs;

namespace Simulator.Scenarios.Import;

/// <summary>
/// Reads Catena-X aspect payloads (JSON files of the import folder, one payload or a list of them per file):
/// ItemStock 2.0.0, ShortTermMaterialDemand 1.0.0 and DeliveryInformation 2.0.0 become state records, as do
/// PlannedProductionOutput 2.0.0 planned output, SingleLevelBomAsPlanned 4.0.0 supplier BOM rows.
/// Materials are matched by their Catena-X id (<c>catenax_id</c> of materials.csv); problems name the JSON line and column.
/// </summary>
internal sealed class CatenaXPayloads(MasterData master, ImportProblems problems, StateRecords records)
{
    private MasterData Master => master;

    private ImportProblems Problems => problems;

    private readonly List<(Payload At, MaterialDraft Parent, MaterialDraft Child, double Quantity, string Path)> _bomRows = [];

    public void Read(string path, string label)
    {
        byte[] bytes;
        JsonDocument document;
        try
        {
            bytes = File.ReadAllBytes(path);
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            problems.Error(label, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, null, $"JSON syntax error: {e.Message.Split(" LineNumber", 2)[0]}", "check brackets, commas and quotes");
            return;
        }
        catch (IOException e)
        {
            problems.Error(label, 0, 0, null, $"cannot read the file: {e.Message}", "check that the file is readable");
            return;
        }

        using (document)
        {
            var locations = new JsonLocations(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in root.EnumerateArray())
                {
                    ReadPayload(new Payload(label, locations, this), item, $"[{i++}]");
                }
            }
            else
            {
                ReadPayload(new Payload(label, locations, this), root, string.Empty);
            }
        }
    }

    /// <summary>Adds the BOM rows of SingleLevelBomAsPlanned payloads to the products of the parent material at the suppliers that receive the child.</summary>
    public void ApplyBoms()
    {
        foreach (var (at, parent, child, quantity, path) in _bomRows)
        {
            // Each maker of the parent that is supplied with the child uses it: with several sources of the parent, the
            // payload of one maker must not give the others a component they never receive.
            var makers = master.Suppliers.Where(s => s.Product(parent.Part.Id) is not null).ToList();
            var products = makers.Where(s => master.Lanes.Exists(l => l.To == s.Id && l.PartId == child.Part.Id)).Select(s => s.Product(parent.Part.Id)).ToList();
            if (makers.Count == 0)
            {
                at.Error(path, parent.Part.Id, $"no supplier ships {parent.Part.Id} (the BOM's parent)", "add a supply.csv relation for the parent material, or leave this payload out");
                continue;
            }

            if (products.Count == 0)
            {
                at.Error(path, child.Part.Id, $"no supply relation delivers {child.Part.Id} to a maker of {parent.Part.Id} ({string.Join(", ", makers.Select(m => m.Id))})", "add the relation that supplies the component to supply.csv");
                continue;
            }

            foreach (var product in products)
            {
                if (product!.Inputs.Find(i => i.PartId == child.Part.Id) is { } known)
                {
                    if (known.QuantityPerJob != quantity)
                    {
                        at.Error(path, child.Part.Id, $"quantity {quantity} of {child.Part.Id} in {parent.Part.Id} differs from {known.QuantityPerJob} in bom.csv", "give one quantity per product and component");
                    }

                    continue;
                }

                product.Inputs.Add(new BomItem(child.Part.Id, quantity));
            }
        }
    }

    private void ReadPayload(Payload p, JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            p.Error(path, null, "a payload must be a JSON object", "give one payload object, or a list of them");
            return;
        }

        if (e.TryGetProperty("childItems", out _))
        {
            ReadBom(p, e, path);
        }
        else if (e.TryGetProperty("demandSeries", out _))
        {
            ReadDemand(p, e, path);
        }
        else if (e.TryGetProperty("positions", out var positions) && positions.ValueKind == JsonValueKind.Array)
        {
            var first = positions.EnumerateArray().FirstOrDefault();
            if (e.TryGetProperty("direction", out _))
            {
                ReadStock(p, e, path);
            }
            else if (first.ValueKind == JsonValueKind.Object && first.TryGetProperty("deliveries", out _))
            {
                ReadDeliveries(p, e, path);
            }
            else if (first.ValueKind == JsonValueKind.Object && first.TryGetProperty("allocatedPlannedProductionOutputs", out _))
            {
                ReadPlannedOutput(p, e, path);
            }
            else if (first.ValueKind != JsonValueKind.Undefined)
            {
                p.Error(path, null, "unknown payload: positions without allocatedStocks, deliveries or allocatedPlannedProductionOutputs", Known);
            }
        }
        else
        {
            p.Error(path, null, "unknown payload", Known);
        }
    }

    private const string Known = "the import reads ItemStock 2.0.0, ShortTermMaterialDemand 1.0.0, DeliveryInformation 2.0.0, PlannedProductionOutput 2.0.0 and SingleLevelBomAsPlanned 4.0.0";

    private void ReadStock(Payload p, JsonElement e, string path)
    {
        var material = p.Material(e, path, "materialGlobalAssetId");
        var direction = p.String(e, path, "direction");
        if (direction is not ("INBOUND" or "OUTBOUND"))
        {
            p.Error(Join(path, "direction"), null, $"direction must be INBOUND or OUTBOUND, not '{direction}'", "INBOUND: the customer's stock; OUTBOUND: the supplier's finished goods");
            return;
        }

        foreach (var (position, positionPath) in p.Items(e, path, "positions"))
        {
            var reference = position.TryGetProperty("orderPositionReference", out var r) ? r.GetRawText() : string.Empty;
            foreach (var (stock, at) in p.Items(position, positionPath, "allocatedStocks"))
            {
                var site = p.Site(stock, at, "stockLocationBPNS");
                var blocked = stock.TryGetProperty("isBlocked", out var b) && b.ValueKind == JsonValueKind.True;
                var quantity = p.Quantity(stock, at, "quantityOnAllocatedStock", material);
                var updated = p.Timestamp(stock, at, "lastUpdatedOnDateTime");
                if (material is null || site is null || quantity is null || updated is null)
                {
                    continue;
                }

                var key = string.Join('|', material.Part.Id, site, Payload.OptionalString(stock, "stockLocationBPNA"), reference, direction, blocked);
                records.Stocks.Add(new StockRecord(p.Origin(at), key, material.Part.Id, site, direction == "OUTBOUND", blocked, quantity.Value, updated.Value));
            }
        }
    }

    private void ReadDemand(Payload p, JsonElement e, string path)
    {
        var material = p.Material(e, path, "materialGlobalAssetId");
        foreach (var (series, at) in p.Items(e, path, "demandSeries"))
        {
            var node = p.Site(series, at, "customerLocationBpns");
            var supplier = series.TryGetProperty("expectedSupplierLocationBpns", out _) ? p.Site(series, at, "expectedSupplierLocationBpns") : string.Empty;
            var updated = p.Timestamp(series, at, "lastUpdatedOnDateTime");
            var category = series.TryGetProperty("demandCategory", out var c) && c.TryGetProperty("demandCategoryCode", out var code) ? code.GetString() : string.Empty;
            foreach (var (demand, dayPath) in p.Items(series, at, "demands"))
            {
                var quantity = p.Quantity(demand, dayPath, "demand", material);
                var dayText = p.String(demand, dayPath, "day");
                DateOnly day = default;
                if (dayText is not null && !ScalarParsers.TryDate(dayText, out day))
                {
                    p.Error(Join(dayPath, "day"), material?.Part.Id, $"day must be a date yyyy-mm-dd, not '{dayText}'", "e.g. 2025-09-02");
                    continue;
                }

                if (material is null || node is null || supplier is null || quantity is null || updated is null || dayText is null)
                {
                    continue;
                }

                if (supplier.Length > 0 && !master.SuppliersById.ContainsKey(supplier))
                {
                    p.Error(Join(at, "expectedSupplierLocationBpns"), material.Part.Id, $"'{supplier}' is not a supplier site", "name a site of a partner with tier >= 1");
                    continue;
                }

                var key = string.Join('|', material.Part.Id, node, supplier, category, dayText);
                records.Demands.Add(new DemandRecord(p.Origin(dayPath), key, material.Part.Id, node, supplier.Length == 0 ? null : supplier, day, quantity.Value, updated.Value));
            }
        }
    }

    private void ReadDeliveries(Payload p, JsonElement e, string path)
    {
        var material = p.Material(e, path, "materialGlobalAssetId");
        foreach (var (position, positionPath) in p.Items(e, path, "positions"))
        {
            var reference = position.TryGetProperty("orderPositionReference", out var r) ? r.GetRawText() : string.Empty;
            foreach (var (delivery, at) in p.Items(position, positionPath, "deliveries"))
            {
                var quantity = p.Quantity(delivery, at, "deliveryQuantity", material);
                var updated = p.Timestamp(delivery, at, "lastUpdatedOnDateTime");
                string? origin = null, destination = null;
                if (delivery.TryGetProperty("transitLocations", out var locations))
                {
                    var locationsPath = Join(at, "transitLocations");
                    origin = locations.TryGetProperty("origin", out var o) ? p.Site(o, Join(locationsPath, "origin"), "bpnsProperty") : null;
                    destination = locations.TryGetProperty("destination", out var d) ? p.Site(d, Join(locationsPath, "destination"), "bpnsProperty") : null;
                }
                else
                {
                    p.Error(at, material?.Part.Id, "the delivery has no transitLocations", "give transitLocations with origin and destination BPNS");
                }

                DateTimeOffset? departure = null, arrival = null;
                var arrivalActual = false;
                foreach (var (ev, evPath) in p.Items(delivery, at, "transitEvents"))
                {
                    var type = p.String(ev, evPath, "eventType");
                    var time = p.Timestamp(ev, evPath, "dateTimeOfEvent");
                    switch (type)
                    {
                        case "actual-departure":
                            departure = time;
                            break;
                        case "estimated-departure":
                            departure ??= time;
                            break;
                        case "actual-arrival":
                            arrival = time;
                            arrivalActual = true;
                            break;
                        case "estimated-arrival" when !arrivalActual:
                            arrival = time;
                            break;
                        case "estimated-arrival":
                            break;
                        default:
                            p.Error(Join(evPath, "eventType"), material?.Part.Id, $"unknown eventType '{type}'", "use estimated-departure, actual-departure, estimated-arrival or actual-arrival");
                            break;
                    }
                }

                if (material is null || quantity is null || updated is null || origin is null || destination is null)
                {
                    continue;
                }

                if (!master.SuppliersById.ContainsKey(origin))
                {
                    p.Error(Join(at, "transitLocations.origin.bpnsProperty"), material.Part.Id, $"'{origin}' is not a supplier site", "deliveries leave supplier sites (partners of tier >= 1)");
                    continue;
                }

                var tracking = Payload.OptionalString(delivery, "trackingNumber");
                var key = string.Join('|', material.Part.Id, origin, destination, tracking, reference);
                records.Deliveries.Add(new DeliveryRecord(p.Origin(at), key, material.Part.Id, origin, destination, quantity.Value, departure, arrival, arrivalActual, tracking, updated.Value));
            }
        }
    }

    private void ReadPlannedOutput(Payload p, JsonElement e, string path)
    {
        var material = p.Material(e, path, "materialGlobalAssetId");
        foreach (var (position, positionPath) in p.Items(e, path, "positions"))
        {
            var reference = position.TryGetProperty("orderPositionReference", out var r) ? r.GetRawText() : string.Empty;
            foreach (var (output, at) in p.Items(position, positionPath, "allocatedPlannedProductionOutputs"))
            {
                var site = p.Site(output, at, "productionSiteBpns");
                var quantity = p.Quantity(output, at, "plannedProductionQuantity", material);
                var completion = p.Timestamp(output, at, "estimatedTimeOfCompletion");
                var updated = p.Timestamp(output, at, "lastUpdatedOnDateTime");
                if (material is null || site is null || quantity is null || completion is null || updated is null)
                {
                    continue;
                }

                if (!master.SuppliersById.TryGetValue(site, out var supplier) || supplier.Product(material.Part.Id) is null)
                {
                    p.Error(Join(at, "productionSiteBpns"), material.Part.Id, $"{site} ships no {material.Part.Id}", "planned output belongs to a supplier site with a supply.csv relation for the material");
                    continue;
                }

                var key = string.Join('|', material.Part.Id, site, reference, completion.Value.ToString("O", CultureInfo.InvariantCulture));
                records.PlannedOutputs.Add(new PlannedOutputRecord(p.Origin(at), key, material.Part.Id, site, quantity.Value, completion.Value, updated.Value));
            }
        }
    }

    private void ReadBom(Payload p, JsonElement e, string path)
    {
        var parent = p.Material(e, path, "globalAssetId");
        foreach (var (child, at) in p.Items(e, path, "childItems"))
        {
            var material = p.Material(child, at, "globalAssetId");
            var quantity = p.Quantity(child, at, "quantity", material);
            if (parent is null || material is null || quantity is null)
            {
                continue;
            }

            if (quantity <= 0)
            {
                p.Error(Join(at, "quantity"), material.Part.Id, "the quantity of a BOM child must be more than 0", "give the pieces of the child per piece of the parent");
                continue;
            }

            _bomRows.Add((p, parent, material, quantity.Value, at));
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>Located access to one payload file.</summary>
    private sealed class Payload(string label, JsonLocations locations, CatenaXPayloads owner)
    {
        public Origin Origin(string path)
        {
            var (line, column) = locations.Of(path);
            return new Origin(label, line, column);
        }

        public void Error(string path, string? id, string message, string hint)
        {
            var (line, column) = locations.Of(path);
            owner.Problems.Error(label, line, column, id, $"{message} (at {(path.Length == 0 ? "the root" : path)})", hint);
        }

        public string? String(JsonElement e, string path, string name)
        {
            if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
            {
                return v.GetString();
            }

            Error(Join(path, name), null, $"{name} is missing or not a string", $"give {name} as in the Catena-X model");
            return null;
        }

        public static string OptionalString(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty;

        public IEnumerable<(JsonElement Item, string Path)> Items(JsonElement e, string path, string name)
        {
            if (!e.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
            {
                Error(Join(path, name), null, $"{name} is missing or not a list", $"give {name} as a JSON array");
                yield break;
            }

            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                yield return (item, $"{Join(path, name)}[{i++}]");
            }
        }

        public MaterialDraft? Material(JsonElement e, string path, string name)
        {
            var id = String(e, path, name);
            if (id is null)
            {
                return null;
            }

            if (owner.Master.MaterialsByCatenaXId.TryGetValue(id, out var material))
            {
                return material;
            }

            Error(Join(path, name), id, $"no material has Catena-X id '{id}'", "give the material's catenax_id in materials.csv");
            return null;
        }

        public string? Site(JsonElement e, string path, string name)
        {
            var id = String(e, path, name);
            if (id is null || owner.Master.PlantsById.ContainsKey(id) || owner.Master.SuppliersById.ContainsKey(id))
            {
                return id;
            }

            Error(Join(path, name), id, $"unknown site '{id}'", Suggestions.DidYouMean(id, [.. owner.Master.PlantsById.Keys, .. owner.Master.SuppliersById.Keys], "sites:") ?? "add the site to sites.csv");
            return null;
        }

        public DateTimeOffset? Timestamp(JsonElement e, string path, string name)
        {
            var text = String(e, path, name);
            if (text is null)
            {
                return null;
            }

            if (ScalarParsers.TryTimestamp(text, out var t))
            {
                return t;
            }

            Error(Join(path, name), null, $"{name} must be an ISO-8601 timestamp with offset, not '{text}'", "e.g. 2025-09-01T06:00:00+02:00");
            return null;
        }

        /// <summary>A quantity object { value, unit } in the unit of <paramref name="material"/>.</summary>
        public double? Quantity(JsonElement e, string path, string name, MaterialDraft? material)
        {
            var at = Join(path, name);
            if (!e.TryGetProperty(name, out var q) || q.ValueKind != JsonValueKind.Object
                || !q.TryGetProperty("value", out var v) || v.ValueKind != JsonValueKind.Number
                || !q.TryGetProperty("unit", out var u) || u.ValueKind != JsonValueKind.String)
            {
                Error(at, material?.Part.Id, $"{name} must be {{ \"value\": number, \"unit\": \"unit:...\" }}", "e.g. { \"value\": 20.0, \"unit\": \"unit:piece\" }");
                return null;
            }

            var value = v.GetDouble();
            if (value < 0)
            {
                Error(Join(at, "value"), material?.Part.Id, $"{name} must not be negative, got {value.ToString(CultureInfo.InvariantCulture)}", "give 0 or more");
                return null;
            }

            if (material is null)
            {
                return null;
            }

            var unit = MeasurementUnit.Parse(u.GetString()!);
            if (unit is null)
            {
                Error(Join(at, "unit"), material.Part.Id, $"unknown unit '{u.GetString()}'", Suggestions.DidYouMean(u.GetString()!, [.. MeasurementUnit.Names], "Catena-X units:"));
                return null;
            }

            if (unit.ConvertTo(value, material.Unit) is { } converted)
            {
                return converted;
            }

            Error(Join(at, "unit"), material.Part.Id, $"{unit.Name} cannot be converted to {material.Unit.Name}, the unit of {material.Part.Id}",
                $"give the quantity in {material.Unit.Name}, or change unit_of_measurement of {material.Part.Id} in materials.csv");
            return null;
        }
    }
}
