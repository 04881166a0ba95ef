using Simulator.Model.Specs;

namespace Simulator.Tests.Generation;

/// <summary>
/// The loader's structural rules, checked directly on a spec (the generator does not go through the loader), plus the
/// loader's tier warnings. Returns one line per problem; empty when the spec is valid.
/// </summary>
internal static class SpecRules
{
    public static IReadOnlyList<string> Problems(ScenarioSpec s)
    {
        var problems = new List<string>();
        var lines = s.Plants.SelectMany(p => p.Lines).ToDictionary(l => l.Id);
        var suppliers = s.Suppliers.ToDictionary(x => x.Id);
        var parts = s.Parts.Select(p => p.Id).ToHashSet();
        var calendars = s.Calendars.Select(c => c.Id).Append(CalendarSpec.AlwaysOpenId).ToHashSet();

        Unique(problems, "calendar", s.Calendars.Select(c => c.Id));
        Unique(problems, "part", s.Parts.Select(p => p.Id));
        var nodeIds = s.Plants.Select(p => p.Id).Concat(lines.Keys).Concat(s.Suppliers.Select(x => x.Id)).ToList();
        Unique(problems, "node", nodeIds);
        Unique(problems, "lane", s.Lanes.Select(l => l.Id));
        Unique(problems, "IT system", s.ItSystems.Select(x => x.Id));
        Unique(problems, "disruption", s.Disruptions.Select(d => d.Id));
        Unique(problems, "policy", s.Policies.Select(p => p.Id));
        var nodes = nodeIds.ToHashSet();
        var allIds = s.Calendars.Select(c => c.Id).Concat(s.Parts.Select(p => p.Id)).Concat(nodeIds).Concat(s.Lanes.Select(l => l.Id))
            .Concat(s.ItSystems.Select(x => x.Id)).Concat(s.Disruptions.Select(d => d.Id)).Concat(s.Policies.Select(p => p.Id));
        problems.AddRange(allIds.Where(id => id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            .Select(id => $"id '{id}' may only contain letters, digits, '-', '_' and '.'"));
        problems.AddRange(s.ItSystems.Where(x => nodes.Contains(x.Id)).Select(x => $"IT system {x.Id} collides with a node id"));

        foreach (var plant in s.Plants)
        {
            foreach (var line in plant.Lines)
            {
                Check(problems, line.PlantId == plant.Id, $"line {line.Id} names plant {line.PlantId}, listed under {plant.Id}");
                Check(problems, line.RatePerHour > 0, $"line {line.Id} rate {line.RatePerHour}");
                Check(problems, calendars.Contains(line.CalendarId), $"line {line.Id} calendar {line.CalendarId} unknown");
                Unique(problems, $"bom row of {line.Id}", line.Bom.Select(b => b.PartId));
                Unique(problems, $"stock row of {line.Id}", line.Stocks.Select(b => b.PartId));
                foreach (var b in line.Bom)
                {
                    Check(problems, parts.Contains(b.PartId), $"line {line.Id} bom part {b.PartId} unknown");
                    Check(problems, b.QuantityPerJob > 0, $"line {line.Id} bom {b.PartId} quantity {b.QuantityPerJob}");
                }

                foreach (var st in line.Stocks)
                {
                    Check(problems, line.Bom.Any(b => b.PartId == st.PartId), $"line {line.Id} stocks {st.PartId} outside its bom");
                    NonNegative(problems, $"line {line.Id} stock {st.PartId} initial", st.Initial);
                    NonNegative(problems, $"line {line.Id} stock {st.PartId} maximum", st.Maximum);
                }
            }
        }

        foreach (var x in s.Suppliers)
        {
            Check(problems, x.Tier >= 1, $"supplier {x.Id} tier {x.Tier}");
            Check(problems, calendars.Contains(x.CalendarId), $"supplier {x.Id} calendar {x.CalendarId} unknown");
            Check(problems, x.Products.Count > 0, $"supplier {x.Id} makes nothing");
            Unique(problems, $"product of {x.Id}", x.Products.Select(p => p.PartId));
            var inputs = x.Products.SelectMany(p => p.Inputs).Select(i => i.PartId).ToHashSet();
            foreach (var p in x.Products)
            {
                Check(problems, parts.Contains(p.PartId), $"supplier {x.Id} product {p.PartId} unknown");
                Check(problems, p.CapacityPerHour > 0, $"supplier {x.Id} capacity of {p.PartId} {p.CapacityPerHour}");
                NonNegative(problems, $"supplier {x.Id} finished {p.PartId}", p.FinishedInitial);
                NonNegative(problems, $"supplier {x.Id} finished target {p.PartId}", p.FinishedTarget);
                Unique(problems, $"input of {x.Id}/{p.PartId}", p.Inputs.Select(i => i.PartId));
                foreach (var i in p.Inputs)
                {
                    Check(problems, parts.Contains(i.PartId), $"supplier {x.Id} input {i.PartId} unknown");
                    Check(problems, i.QuantityPerJob > 0, $"supplier {x.Id} input {i.PartId} quantity {i.QuantityPerJob}");
                }
            }

            Unique(problems, $"input stock of {x.Id}", x.InputStocks.Select(i => i.PartId));
            foreach (var st in x.InputStocks)
            {
                Check(problems, inputs.Contains(st.PartId), $"supplier {x.Id} stocks {st.PartId} that no product consumes");
                NonNegative(problems, $"supplier {x.Id} input stock {st.PartId}", st.Initial);
                NonNegative(problems, $"supplier {x.Id} input target {st.PartId}", st.Target);
            }
        }

        CheckLanes(problems, s, lines, suppliers);
        CheckCycles(problems, s, suppliers);
        CheckSystemsAndDisruptions(problems, s, nodes);
        return problems;
    }

    private static void CheckLanes(List<string> problems, ScenarioSpec s, Dictionary<string, LineSpec> lines, Dictionary<string, SupplierSpec> suppliers)
    {
        foreach (var lane in s.Lanes)
        {
            var name = $"lane {lane.Id}";
            if (!suppliers.TryGetValue(lane.From, out var from))
            {
                problems.Add($"{name} from {lane.From} is not a supplier");
            }
            else
            {
                Check(problems, from.Products.Any(p => p.PartId == lane.PartId), $"{name}: {lane.From} does not make {lane.PartId}");
            }

            if (lines.TryGetValue(lane.To, out var line))
            {
                Check(problems, line.Bom.Any(b => b.PartId == lane.PartId), $"{name}: line {lane.To} does not use {lane.PartId}");
                Check(problems, from is null || from.Tier == 1, $"{name}: tier-{from?.Tier} supplier ships to a line");
            }
            else if (suppliers.TryGetValue(lane.To, out var to))
            {
                Check(problems, to.Products.Any(p => p.Inputs.Any(i => i.PartId == lane.PartId)), $"{name}: supplier {lane.To} does not consume {lane.PartId}");
                Check(problems, lane.Trigger.Kind != TriggerKind.Sequence, $"{name}: sequence trigger into a supplier");
                Check(problems, from is null || from.Tier == to.Tier + 1, $"{name}: tier-{from?.Tier} ships to tier-{to.Tier}");
            }
            else
            {
                problems.Add($"{name} to {lane.To} is neither a line nor a supplier");
            }

            Check(problems, lane.DispatchEveryHours > 0, $"{name} dispatch every {lane.DispatchEveryHours}");
            Check(problems, lane.Share > 0 && lane.Share <= 1, $"{name} share {lane.Share}");
            Check(problems, lane.QualificationHours >= 0, $"{name} qualification {lane.QualificationHours}");
            Check(problems, DistributionOk(lane.TransitHours), $"{name} transit {lane.TransitHours}");
            var t = lane.Trigger;
            switch (t.Kind)
            {
                case TriggerKind.Sequence:
                    Check(problems, t.LeadHours >= 0, $"{name} lead {t.LeadHours}");
                    break;
                case TriggerKind.Kanban:
                    NonNegative(problems, $"{name} reorder point", t.ReorderPoint);
                    Check(problems, t.Quantity is null || t.Quantity.Value > 0, $"{name} kanban quantity {t.Quantity}");
                    break;
                default:
                    Check(problems, t.ReviewHours > 0, $"{name} review {t.ReviewHours}");
                    Check(problems, t.Quantity is null || t.Quantity.Value > 0, $"{name} quantity {t.Quantity}");
                    NonNegative(problems, $"{name} order-up-to", t.OrderUpTo);
                    break;
            }
        }

        var byFeed = s.Lanes.GroupBy(l => (l.To, l.PartId)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var ((to, part), group) in byFeed)
        {
            var sum = group.Sum(l => l.Share);
            Check(problems, Math.Abs(sum - 1) < 1e-9, $"shares into {to}/{part} sum to {sum}");
            Check(problems, group.Select(l => l.Trigger.Kind).Distinct().Count() == 1, $"mixed trigger kinds into {to}/{part}");
        }

        foreach (var line in lines.Values)
        {
            problems.AddRange(line.Bom.Where(b => !byFeed.ContainsKey((line.Id, b.PartId))).Select(b => $"no lane delivers {b.PartId} to {line.Id}"));
        }

        foreach (var x in suppliers.Values)
        {
            var inputs = x.Products.SelectMany(p => p.Inputs).Select(i => i.PartId).Distinct();
            problems.AddRange(inputs.Where(i => !byFeed.ContainsKey((x.Id, i))).Select(i => $"no lane delivers input {i} to {x.Id}"));
        }

        var shipped = s.Lanes.Select(l => (l.From, l.PartId)).ToHashSet();
        problems.AddRange(suppliers.Values.SelectMany(x => x.Products.Where(p => !shipped.Contains((x.Id, p.PartId))).Select(p => $"no lane ships {p.PartId} from {x.Id}")));
    }

    private static void CheckCycles(List<string> problems, ScenarioSpec s, Dictionary<string, SupplierSpec> suppliers)
    {
        var next = s.Lanes.Where(l => suppliers.ContainsKey(l.From) && suppliers.ContainsKey(l.To))
            .GroupBy(l => l.From).ToDictionary(g => g.Key, g => g.Select(l => l.To).Distinct().ToList());
        var state = new Dictionary<string, int>();
        foreach (var start in suppliers.Keys)
        {
            if (Visit(start))
            {
                problems.Add($"supply cycle through {start}");
                return;
            }
        }

        bool Visit(string node)
        {
            state.TryGetValue(node, out var st);
            if (st == 1)
            {
                return true;
            }

            if (st == 2)
            {
                return false;
            }

            state[node] = 1;
            if (next.TryGetValue(node, out var targets) && targets.Any(Visit))
            {
                return true;
            }

            state[node] = 2;
            return false;
        }
    }

    private static void CheckSystemsAndDisruptions(List<string> problems, ScenarioSpec s, HashSet<string> nodes)
    {
        var laneIds = s.Lanes.Select(l => l.Id).ToHashSet();
        foreach (var x in s.ItSystems)
        {
            Check(problems, x.Functions != ItFunction.None, $"IT system {x.Id} has no function");
            Check(problems, x.DependentNodes.Count + x.DependentLanes.Count > 0, $"nothing depends on IT system {x.Id}");
            problems.AddRange(x.DependentNodes.Where(n => !nodes.Contains(n)).Select(n => $"IT system {x.Id} node {n} unknown"));
            problems.AddRange(x.DependentLanes.Where(n => !laneIds.Contains(n)).Select(n => $"IT system {x.Id} lane {n} unknown"));
            Check(problems, x.Fallback is null || (x.Fallback.ActivationHours >= 0 && x.Fallback.CapacityFraction is > 0 and <= 1), $"IT system {x.Id} fallback");
        }

        var targets = nodes.Concat(s.ItSystems.Select(x => x.Id)).Concat(s.ItSystems.Select(x => x.Owner)).ToHashSet();
        foreach (var d in s.Disruptions)
        {
            Check(problems, d.StartHours >= 0 && d.StartHours < s.HorizonHours, $"disruption {d.Id} starts at {d.StartHours}");
            Check(problems, d.Targets.Count > 0, $"disruption {d.Id} has no target");
            problems.AddRange(d.Targets.Where(t => !targets.Contains(t)).Select(t => $"disruption {d.Id} target {t} unknown"));
            Check(problems, DistributionOk(d.Duration), $"disruption {d.Id} duration");
        }

        Check(problems, s.HorizonHours > 0, $"horizon {s.HorizonHours}");
        Check(problems, s.SampleEveryHours > 0, $"sample every {s.SampleEveryHours}");
        Check(problems, s.ReferenceHours >= 0 && s.ReferenceHours < s.HorizonHours, $"reference hours {s.ReferenceHours}");
        Check(problems, s.Policies.Count > 0, "no policy");
        var partIds = s.Parts.Select(p => p.Id).ToHashSet();
        foreach (var p in s.Policies)
        {
            Check(problems, p.LineSideCoverHours is null or >= 0, $"policy {p.Id} cover");
            Check(problems, p.SupplierStockDaysByTier.Values.All(v => v >= 0), $"policy {p.Id} supplier days");
            Unique(problems, $"override of {p.Id}", p.PartOverrides.Select(o => o.PartId));
            foreach (var o in p.PartOverrides)
            {
                Check(problems, partIds.Contains(o.PartId), $"policy {p.Id} part {o.PartId} unknown");
                NonNegative(problems, $"policy {p.Id} line side {o.PartId}", o.LineSide);
                NonNegative(problems, $"policy {p.Id} supplier finished {o.PartId}", o.SupplierFinished);
            }
        }
    }

    private static bool DistributionOk(DistributionSpec d) => d.Kind switch
    {
        DistributionKind.Fixed => d.Mean >= 0,
        DistributionKind.LogNormal or DistributionKind.Normal => d.Mean > 0 && d.Std >= 0,
        DistributionKind.Triangular => d.Min >= 0 && d.Min <= d.Mode && d.Mode <= d.Max,
        DistributionKind.Uniform => d.Min >= 0 && d.Min <= d.Max,
        DistributionKind.Exponential => d.Mean > 0,
        DistributionKind.Gamma or DistributionKind.Weibull => d.Shape > 0 && d.Scale > 0,
        _ => d.Values is { Count: > 0 } v && v.All(x => x >= 0),
    };

    private static void Unique(List<string> problems, string kind, IEnumerable<string> ids)
    {
        var seen = new HashSet<string>();
        problems.AddRange(ids.Where(id => !seen.Add(id)).Select(id => $"duplicate {kind} id {id}"));
    }

    private static void NonNegative(List<string> problems, string what, StockAmount? amount)
    {
        if (amount is not null && !(amount.Value >= 0))
        {
            problems.Add($"{what} is {amount.Value}");
        }
    }

    private static void Check(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
