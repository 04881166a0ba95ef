using Simulator.Model.Specs;

namespace Simulator.Scenarios.Import;

/// <summary>
/// The network read from the master-data tables: partners, sites, calendars, materials, lines, BOMs, supply relations
/// and stock levels, with where each entity was defined. Row checks report here; rules across the whole network
/// (shares, cycles, tiers) are left to the scenario loader, whose problems are traced back through <see cref="Origins"/>.
/// </summary>
internal sealed class MasterData
{
    private readonly ImportProblems _problems;
    private readonly Dictionary<string, CalendarDraft> _calendars = new(StringComparer.Ordinal);

    public MasterData(ImportProblems problems) => _problems = problems;

    public Dictionary<string, PartnerDraft> Partners { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MaterialDraft> Materials { get; } = new(StringComparer.Ordinal);

    /// <summary>Materials by Catena-X id, for payloads that name parts by it.</summary>
    public Dictionary<string, MaterialDraft> MaterialsByCatenaXId { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<PlantDraft> Plants { get; } = [];

    public List<SupplierDraft> Suppliers { get; } = [];

    public List<LaneSpec> Lanes { get; } = [];

    /// <summary>The relations by shipping site and material.</summary>
    public Dictionary<(string From, string Part), List<LaneSpec>> LanesFrom { get; } = [];

    public Dictionary<string, PlantDraft> PlantsById { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, LineDraft> LinesById { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SupplierDraft> SuppliersById { get; } = new(StringComparer.Ordinal);

    /// <summary>Partner of each site.</summary>
    public Dictionary<string, string> SitePartner { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Ids ("node:X", "part:X", "partner:X", "lane:X") of entities whose row was reported as broken, and
    /// "bom:X" for consumers with a broken BOM row: references to them are not reported again, so one mistake gives one problem.
    /// </summary>
    public HashSet<string> Broken { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each id (node, part, calendar, lane) was defined.</summary>
    public Dictionary<string, Origin> Origins { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<CalendarSpec> Calendars => [.. _calendars.Values.Select(c => new CalendarSpec(c.Id, c.Shifts, [.. c.Holidays.Order()]))];

    public void ReadPartners(CsvTable table)
    {
        MarkBroken(table, "partner:");
        foreach (var c in Each(table))
        {
            var bpnl = c.Id("partner_bpnl", "BPNL00000003AYRE");
            var tier = c.Integer("tier", 0);
            if (bpnl is null || tier is null || Duplicate(c, "partner_bpnl", bpnl, Partners.ContainsKey(bpnl)))
            {
                MarkBroken("partner:", bpnl);
                continue;
            }

            Partners[bpnl] = new PartnerDraft(bpnl, c.Text("name") is { Length: > 0 } n ? n : bpnl, tier.Value);
        }
    }

    public void ReadCalendars(CsvTable table)
    {
        foreach (var c in Each(table))
        {
            var id = c.Id("calendar", "two-shift");
            if (id is null)
            {
                continue;
            }

            if (id == CalendarSpec.AlwaysOpenId)
            {
                c.Error("calendar", "calendar id '24x7' is reserved for the built-in always-open calendar", "leave calendar empty in lines and sites to use 24x7, or choose another id");
                continue;
            }

            if (!_calendars.TryGetValue(id, out var calendar))
            {
                _calendars[id] = calendar = new CalendarDraft(id);
                Origins.TryAdd("calendar:" + id, Origin.Of(c, "calendar"));
            }

            var days = new List<DayOfWeek>();
            foreach (var text in c.Text("days").Split([';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (ScalarParsers.TryDay(text, out var day))
                {
                    if (!days.Contains(day))
                    {
                        days.Add(day);
                    }
                }
                else
                {
                    var closest = Suggestions.Closest(text, ScalarParsers.DayNames);
                    c.Error("days", $"unknown day '{text}'", closest is null ? "use mon, tue, wed, thu, fri, sat or sun, separated by ';'" : $"did you mean '{closest}'?");
                }
            }

            var start = Time(c, "start", allowEndOfDay: false);
            var end = Time(c, "end", allowEndOfDay: true);
            if (days.Count > 0 && start is { } s && end is { } e)
            {
                calendar.Shifts.Add(new ShiftSpec(days, s, e));
            }
            else if (days.Count == 0 && c.Has("days") is false)
            {
                c.Error("days", "days is empty", "list the weekdays the shift starts on, e.g. mon;tue;wed;thu;fri");
            }

            foreach (var text in c.Text("holidays").Split([';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (ScalarParsers.TryDate(text, out var date))
                {
                    calendar.Holidays.Add(date);
                }
                else
                {
                    c.Error("holidays", $"holiday '{text}' is not a date", "write dates as yyyy-mm-dd separated by ';', e.g. 2025-12-25;2025-12-26");
                }
            }
        }
    }

    public void ReadMaterials(CsvTable table)
    {
        MarkBroken(table, "part:");
        foreach (var c in Each(table))
        {
            var id = c.Id("material_number", "MNR-7307-AU340474.002");
            var cost = c.Number("unit_cost", NumberRule.NonNegative, 0.0);
            var kind = c.Choice("kind", Vocabulary.PartKinds, PartKind.Jit);
            var unit = MeasurementUnit.Piece;
            if (c.Has("unit_of_measurement"))
            {
                unit = MeasurementUnit.Parse(c.Text("unit_of_measurement"))!;
                if (unit is null)
                {
                    c.Error("unit_of_measurement", $"unknown unit '{c.Text("unit_of_measurement")}'", Suggestions.DidYouMean(c.Text("unit_of_measurement"), [.. MeasurementUnit.Names], "Catena-X units:"));
                    MarkBroken("part:", id);
                    continue;
                }
            }

            if (id is null || kind is null || Duplicate(c, "material_number", id, Materials.ContainsKey(id)))
            {
                MarkBroken("part:", id);
                continue;
            }

            var catenaXId = c.Has("catenax_id") ? c.Text("catenax_id") : null;
            var material = new MaterialDraft(new PartSpec(id, c.Text("description"), cost, kind.Value), unit, catenaXId);
            Materials[id] = material;
            Origins["part:" + id] = Origin.Of(c, "material_number");
            if (catenaXId is not null)
            {
                MaterialsByCatenaXId.TryAdd(catenaXId, material);
            }
        }
    }

    public void ReadSites(CsvTable table)
    {
        MarkBroken(table, "node:");
        foreach (var c in Each(table))
        {
            var id = c.Id("site_bpns", "BPNS000000000001");
            var partnerId = c.Id("partner_bpnl", "BPNL00000003AYRE");
            var calendar = c.Has("calendar") ? Calendar(c, "calendar") : CalendarSpec.AlwaysOpenId;
            var recovery = c.Number("recovery_hours", NumberRule.NonNegative);
            if (id is null || partnerId is null || calendar is null || Duplicate(c, "site_bpns", id, Origins.ContainsKey("node:" + id)))
            {
                MarkBroken("node:", id);
                continue;
            }

            if (!Partners.TryGetValue(partnerId, out var partner))
            {
                MarkBroken("node:", id);
                if (Broken.Contains("partner:" + partnerId))
                {
                    continue;
                }

                c.Error("partner_bpnl", $"unknown partner '{partnerId}'", Suggestions.DidYouMean(partnerId, Partners.Keys, "partners in partners.csv:") ?? "add the partner to partners.csv");
                continue;
            }

            var name = c.Text("name") is { Length: > 0 } n ? n : id;
            Origins["node:" + id] = Origin.Of(c, "site_bpns");
            SitePartner[id] = partnerId;
            if (partner.Tier == 0)
            {
                if (recovery is not null)
                {
                    c.Error("recovery_hours", "recovery_hours applies to supplier sites, not to the own plants", "leave recovery_hours empty for sites of tier-0 partners");
                }

                var plant = new PlantDraft(id, name, c.Has("calendar") ? calendar : null);
                Plants.Add(plant);
                PlantsById[id] = plant;
            }
            else
            {
                var supplier = new SupplierDraft(id, name, partner.Tier, calendar, recovery);
                Suppliers.Add(supplier);
                SuppliersById[id] = supplier;
            }
        }
    }

    public void ReadLines(CsvTable table)
    {
        MarkBroken(table, "node:");
        foreach (var c in Each(table))
        {
            var id = c.Id("line_id", "SOL-A");
            var siteId = c.Id("site_bpns", "BPNS000000000001");
            var rate = c.Number("rate_per_hour", NumberRule.Positive, required: true);
            var calendar = c.Has("calendar") ? Calendar(c, "calendar") : string.Empty;
            var margin = c.Number("margin_per_unit", NumberRule.NonNegative);
            var restart = RestartRule.Immediate;
            if (c.Has("restart_stock_hours") || c.Has("ramp_up_hours") || c.Has("ramp_start_fraction"))
            {
                restart = new RestartRule(
                    c.Number("restart_stock_hours", NumberRule.NonNegative, 0.0),
                    c.Number("ramp_up_hours", NumberRule.NonNegative, 0.0),
                    c.Number("ramp_start_fraction", NumberRule.Fraction, 0.5));
            }

            if (id is null || siteId is null || rate is null || calendar is null || Duplicate(c, "line_id", id, Origins.ContainsKey("node:" + id)))
            {
                MarkBroken("node:", id);
                continue;
            }

            if (!PlantsById.TryGetValue(siteId, out var plant))
            {
                MarkBroken("node:", id);
                if (Broken.Contains("node:" + siteId))
                {
                    continue;
                }

                var hint = SuppliersById.ContainsKey(siteId)
                    ? $"'{siteId}' is a supplier site (its partner has tier >= 1); lines belong to sites of tier-0 partners"
                    : Suggestions.DidYouMean(siteId, PlantsById.Keys, "own plant sites:") ?? "add the site to sites.csv with a tier-0 partner";
                c.Error("site_bpns", $"unknown plant site '{siteId}'", hint);
                continue;
            }

            var line = new LineDraft(id, plant.Id, rate.Value, calendar.Length > 0 ? calendar : plant.CalendarId ?? CalendarSpec.AlwaysOpenId, margin, restart);
            plant.Lines.Add(line);
            LinesById[id] = line;
            Origins["node:" + id] = Origin.Of(c, "line_id");
        }
    }

    public void ReadSupply(CsvTable table)
    {
        MarkBroken(table, "lane:");
        foreach (var c in Each(table))
        {
            var id = c.Id("relation_id", "SEATS-TO-SOL-A");
            var from = c.Id("supplier_site_bpns", "BPNS000000000002");
            var to = c.Id("customer", "SOL-A");
            var part = Material(c, "material_number");
            var transit = c.Duration("transit_hours", required: true);
            var trigger = Trigger(c);
            var share = c.Number("share", NumberRule.Fraction, 1.0);
            var capacity = c.Number("capacity_per_hour", NumberRule.Positive);
            var dispatch = c.Number("dispatch_every_hours", NumberRule.Positive, 1.0);
            var qualification = c.Number("qualification_hours", NumberRule.NonNegative, 0.0);
            if (id is null || from is null || to is null || part is null || transit is null || trigger is null
                || Duplicate(c, "relation_id", id, Origins.ContainsKey("lane:" + id)))
            {
                MarkBroken("lane:", id);
                continue;
            }

            if (Broken.Contains("node:" + from) || Broken.Contains("node:" + to))
            {
                MarkBroken("lane:", id);
                continue;
            }

            if (!SuppliersById.TryGetValue(from, out var supplier))
            {
                var hint = PlantsById.ContainsKey(from)
                    ? $"'{from}' is an own plant (tier-0 partner); only supplier sites ship"
                    : Suggestions.DidYouMean(from, SuppliersById.Keys, "supplier sites:") ?? "add the site to sites.csv";
                c.Error("supplier_site_bpns", $"unknown supplier site '{from}'", hint);
                continue;
            }

            if (!LinesById.ContainsKey(to) && !SuppliersById.ContainsKey(to))
            {
                var hint = PlantsById.TryGetValue(to, out var plant)
                    ? $"'{to}' is a plant; name the line that consumes the material, one of: {string.Join(", ", plant.Lines.Select(l => l.Id))}"
                    : Suggestions.DidYouMean(to, [.. LinesById.Keys, .. SuppliersById.Keys], "lines and supplier sites:") ?? "name a line of lines.csv or a supplier site of sites.csv";
                c.Error("customer", $"unknown customer '{to}'", hint);
                continue;
            }

            var product = supplier.Product(part);
            if (product is null)
            {
                product = new ProductDraft(part);
                supplier.Products.Add(product);
            }

            if (capacity is { } cap)
            {
                if (product.CapacityPerHour is { } known && known != cap)
                {
                    c.Error("capacity_per_hour", $"capacity_per_hour {cap} differs from {known} given for {part} at {from} in row {product.CapacityOrigin!.Row}", "give a supplier's capacity for a material once, or the same on every relation");
                }
                else if (product.CapacityPerHour is null)
                {
                    product.CapacityPerHour = cap;
                    product.CapacityOrigin = Origin.Of(c, "capacity_per_hour");
                }
            }

            var lane = new LaneSpec(id, from, to, part, transit, dispatch, trigger, share, qualification);
            Lanes.Add(lane);
            if (!LanesFrom.TryGetValue((from, part), out var siblings))
            {
                LanesFrom[(from, part)] = siblings = [];
            }

            siblings.Add(lane);
            Origins["lane:" + id] = Origin.Of(c, "relation_id");
        }

        foreach (var supplier in Suppliers)
        {
            foreach (var product in supplier.Products.Where(p => p.CapacityPerHour is null))
            {
                var first = LanesFrom[(supplier.Id, product.PartId)][0];
                var at = Origins["lane:" + first.Id];
                _problems.Error(at.File, at.Row, table.IndexOf("capacity_per_hour") + 1, first.Id, $"no relation gives the capacity of {supplier.Id} for {product.PartId}", "give capacity_per_hour (pieces per open hour) on one of its relations");
            }
        }
    }

    public void ReadBom(CsvTable table)
    {
        foreach (var c in Each(table))
        {
            var consumer = c.Id("consumer", "SOL-A");
            var component = Material(c, "component_material_number");
            var quantity = c.Number("quantity", NumberRule.Positive, required: true);
            var productId = c.Has("product_material_number") ? Material(c, "product_material_number") : string.Empty;
            if (consumer is null || component is null || quantity is null || productId is null)
            {
                MarkBroken("bom:", consumer);
                continue;
            }

            if (Broken.Contains("node:" + consumer))
            {
                continue;
            }

            if (LinesById.TryGetValue(consumer, out var line))
            {
                if (productId.Length > 0)
                {
                    c.Error("product_material_number", $"a line makes jobs, not materials: leave product_material_number empty for line {consumer}", "leave product_material_number empty for lines");
                }
                else if (line.Uses(component))
                {
                    c.Error("component_material_number", $"{component} is listed twice in the bom of {consumer}", "keep one row per line and component");
                }
                else
                {
                    line.AddBom(new BomItem(component, quantity.Value));
                }
            }
            else if (SuppliersById.TryGetValue(consumer, out var supplier))
            {
                var product = productId.Length == 0 ? null : supplier.Product(productId);
                if (product is null)
                {
                    c.Error("product_material_number", productId.Length == 0 ? $"the bom row of supplier {consumer} names no product" : $"{consumer} ships no {productId} in supply.csv",
                        productId.Length == 0 ? "give product_material_number: the material this component goes into" : $"add a supply.csv relation from {consumer} for {productId}, or name one of its products: {string.Join(", ", supplier.Products.Select(p => p.PartId))}");
                }
                else if (product.Inputs.Exists(b => b.PartId == component))
                {
                    c.Error("component_material_number", $"{component} is listed twice in the bom of {productId} at {consumer}", "keep one row per product and component");
                }
                else
                {
                    product.Inputs.Add(new BomItem(component, quantity.Value));
                }
            }
            else
            {
                c.Error("consumer", $"unknown consumer '{consumer}'", Suggestions.DidYouMean(consumer, [.. LinesById.Keys, .. SuppliersById.Keys], "lines and supplier sites:") ?? "name a line of lines.csv or a supplier site of sites.csv");
            }
        }
    }

    public void ReadStockLevels(CsvTable table)
    {
        foreach (var c in Each(table))
        {
            var location = c.Id("location", "SOL-A");
            var part = Material(c, "material_number");
            var initial = c.Stock("initial", NumberRule.NonNegative) ?? StockAmount.Zero;
            var maximum = c.Stock("maximum", NumberRule.NonNegative);
            if (location is null || part is null || Broken.Contains("node:" + location))
            {
                continue;
            }

            if (maximum is not null && maximum.Unit == initial.Unit && initial.Value > maximum.Value)
            {
                c.Error("initial", $"initial stock {initial.Value} exceeds maximum {maximum.Value}", "lower initial or raise maximum");
                continue;
            }

            var stock = new StockDraft(part, initial, maximum);
            if (LinesById.TryGetValue(location, out var line))
            {
                if (!line.Uses(part))
                {
                    if (Broken.Contains("bom:" + location))
                    {
                        continue;
                    }

                    c.Error("material_number", $"line {location} does not consume {part}", "add it to the line's bom in bom.csv, or remove this row");
                }
                else if (line.StockOf(part) is not null)
                {
                    c.Error("material_number", $"stock of {part} at {location} is given twice", "keep one row per location and material");
                }
                else
                {
                    line.AddStock(stock);
                }
            }
            else if (SuppliersById.TryGetValue(location, out var supplier))
            {
                if (supplier.Product(part) is { } product)
                {
                    product.Finished = stock;
                    supplier.PlaceNext(product);
                }
                else if (supplier.Consumes(part))
                {
                    Add(c, supplier.Inputs, stock);
                }
                else if (!Broken.Contains("bom:" + location))
                {
                    c.Error("material_number", $"supplier {location} neither ships nor consumes {part}", $"its products: {string.Join(", ", supplier.Products.Select(p => p.PartId))}");
                }
            }
            else
            {
                c.Error("location", $"unknown location '{location}'", Suggestions.DidYouMean(location, [.. LinesById.Keys, .. SuppliersById.Keys], "lines and supplier sites:") ?? "name a line or a supplier site");
            }
        }

        bool Add(Cells c, List<StockDraft> stocks, StockDraft stock)
        {
            if (stocks.Exists(s => s.PartId == stock.PartId))
            {
                c.Error("material_number", $"stock of {stock.PartId} at {c.Text("location")} is given twice", "keep one row per location and material");
                return false;
            }

            stocks.Add(stock);
            return true;
        }
    }

    /// <summary>A known material number, or null after a problem.</summary>
    public string? Material(Cells c, string column)
    {
        var id = c.Required(column, "MNR-7307-AU340474.002");
        if (id is null)
        {
            return null;
        }

        if (Materials.ContainsKey(id) || Broken.Contains("part:" + id))
        {
            return Materials.ContainsKey(id) ? id : null;
        }

        c.Error(column, $"unknown material '{id}'", Suggestions.DidYouMean(id, Materials.Keys, "materials in materials.csv:") ?? "add it to materials.csv");
        return null;
    }

    private void MarkBroken(CsvTable table, string kind)
    {
        foreach (var id in table.BrokenIds)
        {
            Broken.Add(kind + id);
        }
    }

    private void MarkBroken(string kind, string? id)
    {
        if (id is not null)
        {
            Broken.Add(kind + id);
        }
    }

    private IEnumerable<Cells> Each(CsvTable table) => table.Rows.Select(r => new Cells(r, _problems));

    private string? Calendar(Cells c, string column)
    {
        var id = c.Text(column);
        if (id == CalendarSpec.AlwaysOpenId || _calendars.ContainsKey(id))
        {
            return id;
        }

        c.Error(column, $"unknown calendar '{id}'", Suggestions.DidYouMean(id, [.. _calendars.Keys, CalendarSpec.AlwaysOpenId], "calendars:") ?? "add it to calendars.csv, or leave the cell empty for 24x7");
        return null;
    }

    private static bool Duplicate(Cells c, string column, string id, bool exists)
    {
        if (exists)
        {
            c.Error(column, $"duplicate id '{id}'", "every id appears once; sites and lines share one id space");
        }

        return exists;
    }

    private static TimeOnly? Time(Cells c, string column, bool allowEndOfDay)
    {
        var text = c.Required(column, "06:00");
        if (text is null)
        {
            return null;
        }

        if (ScalarParsers.TryTimeOfDay(text, allowEndOfDay, out var time))
        {
            return time;
        }

        c.Error(column, $"{column} must be a time of day hh:mm, not '{text}'", allowEndOfDay ? "e.g. 22:00, or 24:00 for midnight" : "e.g. 06:00");
        return null;
    }

    private static TriggerSpec? Trigger(Cells c)
    {
        if (c.Choice<TriggerKind>("trigger", Vocabulary.TriggerKinds, null) is not { } kind)
        {
            return null;
        }

        // Columns of the other kinds must stay empty, as the scenario format refuses their keys.
        var takes = Vocabulary.TriggerKeys[kind].Select(k => k == "quantity" ? "order_quantity" : k).ToArray();
        var wrong = new[] { "lead_hours", "reorder_point", "order_quantity", "review_hours", "order_up_to" }.Where(k => c.Has(k) && !takes.Contains(k)).ToList();
        foreach (var column in wrong)
        {
            c.Error(column, $"{column} does not apply to a {c.Text("trigger").ToLowerInvariant()} trigger", $"a {c.Text("trigger").ToLowerInvariant()} trigger takes: {string.Join(", ", takes)}");
        }

        if (wrong.Count > 0)
        {
            return null;
        }

        switch (kind)
        {
            case TriggerKind.Sequence:
                return c.Number("lead_hours", NumberRule.NonNegative, required: true) is { } lead ? new TriggerSpec(kind, LeadHours: lead) : null;
            case TriggerKind.Kanban:
                var reorder = c.Stock("reorder_point", NumberRule.NonNegative);
                var quantity = c.Stock("order_quantity", NumberRule.Positive);
                if (!c.Has("reorder_point") || !c.Has("order_quantity"))
                {
                    c.Error(c.Has("reorder_point") ? "order_quantity" : "reorder_point", "a kanban trigger needs reorder_point and order_quantity", "e.g. reorder_point 2h, order_quantity 4h");
                    return null;
                }

                return reorder is null || quantity is null ? null : new TriggerSpec(kind, ReorderPoint: reorder, Quantity: quantity);
            case TriggerKind.BaseStock:
                var review = c.Number("review_hours", NumberRule.Positive, required: true);
                var upTo = c.Stock("order_up_to", NumberRule.NonNegative);
                return review is null || (upTo is null && c.Has("order_up_to")) ? null : new TriggerSpec(kind, ReviewHours: review.Value, OrderUpTo: upTo);
            default:
                var period = c.Number("review_hours", NumberRule.Positive, required: true);
                var release = c.Stock("order_quantity", NumberRule.Positive);
                return period is null || (release is null && c.Has("order_quantity")) ? null : new TriggerSpec(kind, ReviewHours: period.Value, Quantity: release);
        }
    }

    private sealed class CalendarDraft(string id)
    {
        public string Id { get; } = id;

        public List<ShiftSpec> Shifts { get; } = [];

        public HashSet<DateOnly> Holidays { get; } = [];
    }
}
