using System.Globalization;
using System.Text;
using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Writes a scenario as a YAML scenario file that the loader reads back into an equal scenario.</summary>
public static class ScenarioWriter
{
    private static readonly string[] Reserved = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"];

    /// <summary>
    /// A policy file (the <c>policies</c> list alone, which <c>run</c>, <c>compare</c> and <c>stress</c> take with
    /// <c>--policy-file</c>), headed by <paramref name="comment"/> as YAML comment lines.
    /// </summary>
    public static string PoliciesToYaml(IReadOnlyList<PolicySpec> policies, string comment)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(comment);
        var w = new StringBuilder(256 + (policies.Sum(p => p.PartOverrides.Count) * 80));
        foreach (var line in comment.Split('\n'))
        {
            w.Append("# ").AppendLine(line.TrimEnd());
        }

        WritePolicies(w, policies);
        return w.ToString();
    }

    /// <summary>
    /// The scenario file text of <paramref name="scenario"/>: snake_case keys, one flow mapping per row of a list,
    /// numbers in the invariant culture with round-trip precision, stock amounts as numbers (units) or "Nh" / "Nd"
    /// strings, fixed durations as plain numbers. The same scenario always gives the same text.
    /// </summary>
    public static string ToYaml(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var w = new StringBuilder(1024 + (scenario.Lanes.Count * 160));
        w.Append("name: ").AppendLine(Text(scenario.Name));
        w.Append("description: ").AppendLine(Text(scenario.Description));
        w.Append("start: ").AppendLine(scenario.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        if (scenario.TimeZoneId is { } zone)
        {
            w.Append("time_zone: ").AppendLine(Text(zone));
        }

        w.Append("horizon_hours: ").AppendLine(Number(scenario.HorizonHours));
        w.Append("sample_every_hours: ").AppendLine(Number(scenario.SampleEveryHours));
        w.Append("holding_cost_rate_per_year: ").AppendLine(Number(scenario.HoldingCostRatePerYear));
        w.Append("reference_hours: ").AppendLine(Number(scenario.ReferenceHours));
        WriteCalendars(w, scenario.Calendars);
        WriteParts(w, scenario.Parts);
        WritePlants(w, scenario.Plants);
        WriteSuppliers(w, scenario.Suppliers);
        WriteLanes(w, scenario.Lanes);
        WriteItSystems(w, scenario.ItSystems);
        WriteDisruptions(w, scenario.Disruptions);
        WritePolicies(w, scenario.Policies);
        WriteState(w, scenario.State);
        return w.ToString();
    }

    private static void WriteCalendars(StringBuilder w, IReadOnlyList<CalendarSpec> calendars)
    {
        w.AppendLine().Append("calendars:").AppendLine(calendars.Count == 0 ? " []" : string.Empty);
        foreach (var c in calendars)
        {
            w.Append("  - id: ").AppendLine(Id(c.Id));
            w.Append("    shifts:").AppendLine(c.Shifts.Count == 0 ? " []" : string.Empty);
            foreach (var s in c.Shifts)
            {
                w.Append("      - { days: ").Append(List(s.Days.Select(Day)))
                    .Append(", start: ").Append(Time(s.Start))
                    .Append(", end: ").Append(Time(s.End)).AppendLine(" }");
            }

            w.Append("    holidays: ").AppendLine(List(c.Holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        }
    }

    private static void WriteParts(StringBuilder w, IReadOnlyList<PartSpec> parts)
    {
        w.AppendLine().Append("parts:").AppendLine(parts.Count == 0 ? " []" : string.Empty);
        foreach (var p in parts)
        {
            w.Append("  - { id: ").Append(Id(p.Id))
                .Append(", description: ").Append(Text(p.Description))
                .Append(", unit_cost: ").Append(Number(p.UnitCost))
                .Append(", kind: ").Append(Kind(p.Kind)).AppendLine(" }");
        }
    }

    private static void WritePlants(StringBuilder w, IReadOnlyList<PlantSpec> plants)
    {
        w.AppendLine().Append("plants:").AppendLine(plants.Count == 0 ? " []" : string.Empty);
        foreach (var p in plants)
        {
            w.Append("  - id: ").AppendLine(Id(p.Id));
            w.Append("    name: ").AppendLine(Text(p.Name));
            if (p.TimeZoneId is { } plantZone)
            {
                w.Append("    time_zone: ").AppendLine(Text(plantZone));
            }

            w.Append("    lines:").AppendLine(p.Lines.Count == 0 ? " []" : string.Empty);
            foreach (var l in p.Lines)
            {
                w.Append("      - id: ").AppendLine(Id(l.Id));
                w.Append("        rate_per_hour: ").AppendLine(Number(l.RatePerHour));
                w.Append("        calendar: ").AppendLine(Id(l.CalendarId));
                if (l.MarginPerUnit is { } margin)
                {
                    w.Append("        margin_per_unit: ").AppendLine(Number(margin));
                }
                w.Append("        restart: { stock_hours: ").Append(Number(l.Restart.StockHours))
                    .Append(", ramp_up_hours: ").Append(Number(l.Restart.RampUpHours))
                    .Append(", ramp_start_fraction: ").Append(Number(l.Restart.RampStartFraction)).AppendLine(" }");
                w.Append("        bom:").AppendLine(l.Bom.Count == 0 ? " []" : string.Empty);
                foreach (var b in l.Bom)
                {
                    w.Append("          - ").AppendLine(Item(b));
                }

                w.Append("        stock:").AppendLine(l.Stocks.Count == 0 ? " []" : string.Empty);
                foreach (var s in l.Stocks)
                {
                    w.Append("          - { part: ").Append(Id(s.PartId)).Append(", initial: ").Append(Stock(s.Initial));
                    if (s.Maximum is { } max)
                    {
                        w.Append(", maximum: ").Append(Stock(max));
                    }

                    w.AppendLine(" }");
                }
            }
        }
    }

    private static void WriteSuppliers(StringBuilder w, IReadOnlyList<SupplierSpec> suppliers)
    {
        w.AppendLine().Append("suppliers:").AppendLine(suppliers.Count == 0 ? " []" : string.Empty);
        foreach (var s in suppliers)
        {
            w.Append("  - id: ").AppendLine(Id(s.Id));
            w.Append("    name: ").AppendLine(Text(s.Name));
            w.Append("    tier: ").AppendLine(s.Tier.ToString(CultureInfo.InvariantCulture));
            w.Append("    calendar: ").AppendLine(Id(s.CalendarId));
            if (s.TimeZoneId is { } supplierZone)
            {
                w.Append("    time_zone: ").AppendLine(Text(supplierZone));
            }

            if (s.RecoveryHours is { } recovery)
            {
                w.Append("    recovery_hours: ").AppendLine(Number(recovery));
            }

            if (s.CapacityPerHour is { } shared)
            {
                w.Append("    capacity_per_hour: ").AppendLine(Number(shared));
            }

            w.Append("    products:").AppendLine(s.Products.Count == 0 ? " []" : string.Empty);
            foreach (var p in s.Products)
            {
                w.Append("      - { part: ").Append(Id(p.PartId))
                    .Append(", capacity_per_hour: ").Append(Number(p.CapacityPerHour));
                if (p.Inputs.Count > 0)
                {
                    w.Append(", inputs: ").Append(List(p.Inputs.Select(Item)));
                }

                w.Append(", finished: { initial: ").Append(Stock(p.FinishedInitial))
                    .Append(", target: ").Append(Stock(p.FinishedTarget)).AppendLine(" } }");
            }

            if (s.InputStocks.Count > 0)
            {
                w.AppendLine("    input_stock:");
                foreach (var i in s.InputStocks)
                {
                    w.Append("      - { part: ").Append(Id(i.PartId)).Append(", initial: ").Append(Stock(i.Initial));
                    if (i.Target is { } target)
                    {
                        w.Append(", target: ").Append(Stock(target));
                    }

                    w.AppendLine(" }");
                }
            }
        }
    }

    private static void WriteLanes(StringBuilder w, IReadOnlyList<LaneSpec> lanes)
    {
        w.AppendLine().Append("lanes:").AppendLine(lanes.Count == 0 ? " []" : string.Empty);
        foreach (var l in lanes)
        {
            w.Append("  - { id: ").Append(Id(l.Id))
                .Append(", from: ").Append(Id(l.From))
                .Append(", to: ").Append(Id(l.To))
                .Append(", part: ").Append(Id(l.PartId))
                .Append(", transit_hours: ").Append(Duration(l.TransitHours))
                .Append(", dispatch_every_hours: ").Append(Number(l.DispatchEveryHours))
                .Append(", trigger: ").Append(Trigger(l.Trigger));
            if (l.Share != 1)
            {
                w.Append(", share: ").Append(Number(l.Share));
            }

            if (l.QualificationHours != 0)
            {
                w.Append(", qualification_hours: ").Append(Number(l.QualificationHours));
            }

            w.AppendLine(" }");
        }
    }

    private static void WriteItSystems(StringBuilder w, IReadOnlyList<ItSystemSpec> systems)
    {
        w.AppendLine().Append("it_systems:").AppendLine(systems.Count == 0 ? " []" : string.Empty);
        foreach (var s in systems)
        {
            w.Append("  - { id: ").Append(Id(s.Id))
                .Append(", owner: ").Append(Id(s.Owner))
                .Append(", functions: ").Append(List(Functions(s.Functions)))
                .Append(", nodes: ").Append(List(s.DependentNodes.Select(Id)));
            if (s.DependentLanes.Count > 0)
            {
                w.Append(", lanes: ").Append(List(s.DependentLanes.Select(Id)));
            }

            if (s.Fallback is { } f)
            {
                w.Append(", fallback: { activation_hours: ").Append(Number(f.ActivationHours))
                    .Append(", capacity_fraction: ").Append(Number(f.CapacityFraction)).Append(" }");
            }

            if (s.RecoveryHours is { } recovery)
            {
                w.Append(", recovery_hours: ").Append(Number(recovery));
            }

            w.AppendLine(" }");
        }
    }

    private static void WriteDisruptions(StringBuilder w, IReadOnlyList<DisruptionSpec> disruptions)
    {
        w.AppendLine().Append("disruptions:").AppendLine(disruptions.Count == 0 ? " []" : string.Empty);
        foreach (var d in disruptions)
        {
            w.Append("  - id: ").AppendLine(Id(d.Id));
            if (d.Kind == DisruptionKind.PlannedStop)
            {
                w.AppendLine("    kind: planned_stop");
            }

            w.Append("    targets: ").AppendLine(List(d.Targets.Select(Id)));
            w.Append("    start: ").AppendLine(Number(d.StartHours));
            w.Append("    duration_hours: ").AppendLine(Duration(d.Duration));
            if (d.Recovery.RampUpHours is not null || d.Recovery.Phases.Count > 0)
            {
                w.Append("    recovery: {");
                var first = true;
                if (d.Recovery.RampUpHours is { } ramp)
                {
                    w.Append(" ramp_up_hours: ").Append(Number(ramp));
                    first = false;
                }

                if (d.Recovery.Phases.Count > 0)
                {
                    w.Append(first ? " phases: " : ", phases: ").Append(List(d.Recovery.Phases.Select(p =>
                        $"{{ nodes: {List(p.Nodes.Select(Id))}, after_hours: {Number(p.AfterHours)} }}")));
                }

                w.AppendLine(" }");
            }
        }
    }

    /// <summary>A policy level in the explicit form the loader reads without a warning.</summary>
    private static string Level(LevelMode mode, string value) =>
        mode == LevelMode.AtLeast ? $"{{ at_least: {value} }}" : $"{{ set: {value} }}";

    private static void WritePolicies(StringBuilder w, IReadOnlyList<PolicySpec> policies)
    {
        w.AppendLine().Append("policies:").AppendLine(policies.Count == 0 ? " []" : string.Empty);
        foreach (var p in policies)
        {
            w.Append("  - id: ").AppendLine(Id(p.Id));
            w.Append("    description: ").AppendLine(Text(p.Description));
            if (p.LineSideCoverHours is { } cover)
            {
                w.Append("    line_side_cover_hours: ").AppendLine(Level(p.LineSideCoverMode, Number(cover)));
            }

            if (p.SupplierStockDaysByTier.Count > 0)
            {
                w.Append("    supplier_stock_days_by_tier: { ")
                    .Append(string.Join(", ", p.SupplierStockDaysByTier.OrderBy(t => t.Key)
                        .Select(t => $"{t.Key.ToString(CultureInfo.InvariantCulture)}: {Level(p.SupplierStockModeOf(t.Key), Number(t.Value))}")))
                    .AppendLine(" }");
            }

            if (p.PartOverrides.Count > 0)
            {
                w.AppendLine("    parts:");
                foreach (var o in p.PartOverrides)
                {
                    w.Append("      - { part: ").Append(Id(o.PartId));
                    if (o.At is { } at)
                    {
                        w.Append(", at: ").Append(Id(at));
                    }

                    if (o.LineSide is { } lineSide)
                    {
                        w.Append(", line_side: ").Append(Level(o.LineSideMode, Stock(lineSide)));
                    }

                    if (o.SupplierFinished is { } finished)
                    {
                        w.Append(", supplier_finished: ").Append(Level(o.SupplierFinishedMode, Stock(finished)));
                    }

                    w.AppendLine(" }");
                }
            }

            w.Append("    fallback: ").AppendLine(p.FallbackEnabled ? "true" : "false");
        }
    }

    private static void WriteState(StringBuilder w, StateSpec? state)
    {
        if (state is null)
        {
            return;
        }

        w.AppendLine().AppendLine("state:");
        w.Append("  in_transit:").AppendLine(state.InTransit.Count == 0 ? " []" : string.Empty);
        foreach (var t in state.InTransit)
        {
            w.Append("    - { lane: ").Append(Id(t.LaneId))
                .Append(", quantity: ").Append(Number(t.Quantity))
                .Append(", arrival_hours: ").Append(Number(t.ArrivalHours));
            if (t.Reference.Length > 0)
            {
                w.Append(", reference: ").Append(Text(t.Reference));
            }

            w.AppendLine(" }");
        }

        w.Append("  demand:").AppendLine(state.Demand.Count == 0 ? " []" : string.Empty);
        foreach (var d in state.Demand)
        {
            w.Append("    - { part: ").Append(Id(d.PartId)).Append(", node: ").Append(Id(d.NodeId));
            if (d.SupplierId is { } supplier)
            {
                w.Append(", supplier: ").Append(Id(supplier));
            }

            w.Append(", day: ").Append(d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append(", quantity: ").Append(Number(d.Quantity)).AppendLine(" }");
        }

        w.Append("  planned_output:").AppendLine(state.PlannedOutput.Count == 0 ? " []" : string.Empty);
        foreach (var o in state.PlannedOutput)
        {
            w.Append("    - { part: ").Append(Id(o.PartId)).Append(", node: ").Append(Id(o.NodeId))
                .Append(", quantity: ").Append(Number(o.Quantity))
                .Append(", completion_hours: ").Append(Number(o.CompletionHours)).AppendLine(" }");
        }
    }

    private static string Item(BomItem item) => $"{{ part: {Id(item.PartId)}, quantity: {Number(item.QuantityPerJob)} }}";

    private static string Trigger(TriggerSpec t)
    {
        var b = new StringBuilder("{ kind: ");
        switch (t.Kind)
        {
            case TriggerKind.Sequence:
                b.Append("sequence, lead_hours: ").Append(Number(t.LeadHours));
                break;
            case TriggerKind.Kanban:
                b.Append("kanban");
                Optional(b, "reorder_point", t.ReorderPoint);
                Optional(b, "quantity", t.Quantity);
                break;
            case TriggerKind.BaseStock:
                b.Append("base_stock, review_hours: ").Append(Number(t.ReviewHours));
                Optional(b, "order_up_to", t.OrderUpTo);
                break;
            default:
                b.Append("schedule, review_hours: ").Append(Number(t.ReviewHours));
                Optional(b, "quantity", t.Quantity);
                break;
        }

        return b.Append(" }").ToString();

        static void Optional(StringBuilder b, string key, StockAmount? amount)
        {
            if (amount is not null)
            {
                b.Append(", ").Append(key).Append(": ").Append(Stock(amount));
            }
        }
    }

    private static string Duration(DistributionSpec d) => d.Kind switch
    {
        DistributionKind.Fixed => Number(d.Mean),
        DistributionKind.Exponential => $"{{ dist: exponential, mean: {Number(d.Mean)} }}",
        DistributionKind.Normal => $"{{ dist: normal, mean: {Number(d.Mean)}, std: {Number(d.Std)} }}",
        DistributionKind.LogNormal => $"{{ dist: lognormal, mean: {Number(d.Mean)}, std: {Number(d.Std)} }}",
        DistributionKind.Gamma => $"{{ dist: gamma, shape: {Number(d.Shape)}, scale: {Number(d.Scale)} }}",
        DistributionKind.Weibull => $"{{ dist: weibull, shape: {Number(d.Shape)}, scale: {Number(d.Scale)} }}",
        DistributionKind.Triangular => $"{{ dist: triangular, min: {Number(d.Min)}, mode: {Number(d.Mode)}, max: {Number(d.Max)} }}",
        DistributionKind.Uniform => $"{{ dist: uniform, min: {Number(d.Min)}, max: {Number(d.Max)} }}",
        _ => $"{{ dist: empirical, values: {List((d.Values ?? []).Select(Number))} }}",
    };

    private static IEnumerable<string> Functions(ItFunction functions)
    {
        if (functions.HasFlag(ItFunction.ProductionControl))
        {
            yield return "production_control";
        }

        if (functions.HasFlag(ItFunction.OrderTransmission))
        {
            yield return "order_transmission";
        }

        if (functions.HasFlag(ItFunction.Logistics))
        {
            yield return "logistics";
        }
    }

    private static string Kind(PartKind kind) => kind switch
    {
        PartKind.Jis => "jis",
        PartKind.Bulk => "bulk",
        _ => "jit",
    };

    private static string Day(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "mon",
        DayOfWeek.Tuesday => "tue",
        DayOfWeek.Wednesday => "wed",
        DayOfWeek.Thursday => "thu",
        DayOfWeek.Friday => "fri",
        DayOfWeek.Saturday => "sat",
        _ => "sun",
    };

    private static string Time(TimeOnly time) =>
        "\"" + time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture) + "\"";

    private static string Stock(StockAmount amount) => amount.Unit switch
    {
        StockUnit.Units => Number(amount.Value),
        StockUnit.Hours => $"\"{Number(amount.Value)}h\"",
        _ => $"\"{Number(amount.Value)}d\"",
    };

    /// <summary>Shortest text that parses back to the same double, in the invariant culture.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    /// <summary>An id as a plain scalar when that is safe in flow context, else double-quoted.</summary>
    private static string Id(string id)
    {
        var plain = id.Length > 0 && (char.IsAsciiLetter(id[0]) || id[0] == '_')
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/')
            && !Reserved.Contains(id, StringComparer.OrdinalIgnoreCase);
        return plain ? id : Text(id);
    }

    /// <summary>Free text, always double-quoted with YAML escapes.</summary>
    private static string Text(string text)
    {
        var b = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    b.Append("\\\"");
                    break;
                case '\\':
                    b.Append("\\\\");
                    break;
                case '\n':
                    b.Append("\\n");
                    break;
                case '\r':
                    b.Append("\\r");
                    break;
                case '\t':
                    b.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        return b.Append('"').ToString();
    }
}
