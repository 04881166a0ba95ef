using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>Ids are unique per kind; plants, lines and suppliers share one node id space.</summary>
internal static class IdRules
{
    public static void Check(Validation v)
    {
        var s = v.Spec;
        Unique(v, s.Calendars.Select(c => ((object)c, c.Id, "calendar")), "give each calendar its own id");
        foreach (var calendar in s.Calendars.Where(c => c.Id == CalendarSpec.AlwaysOpenId))
        {
            v.Error(calendar, "id", calendar.Id, $"calendar id '{CalendarSpec.AlwaysOpenId}' is reserved for the built-in always-open calendar", "choose another id, or drop this calendar and use the built-in one");
        }

        Unique(v, s.Parts.Select(p => ((object)p, p.Id, "part")), "give each part its own id");
        var nodes = s.Plants.SelectMany(p => new[] { ((object)p, p.Id, "plant") }.Concat(p.Lines.Select(l => ((object)l, l.Id, "line"))))
            .Concat(s.Suppliers.Select(x => ((object)x, x.Id, "supplier")));
        Unique(v, nodes, "plants, lines and suppliers share one id space; give each its own id");
        Unique(v, s.Lanes.Select(l => ((object)l, l.Id, "lane")), "give each lane its own id");
        Unique(v, s.ItSystems.Select(x => ((object)x, x.Id, "IT system")), "give each IT system its own id");
        Unique(v, s.Disruptions.Select(d => ((object)d, d.Id, "disruption")), "give each disruption its own id");
        Unique(v, s.Policies.Select(p => ((object)p, p.Id, "policy")), "give each policy its own id");

        // A disruption target names a system or a node by id alone, so the two must not collide.
        foreach (var system in s.ItSystems.Where(x => v.NodeIds.Contains(x.Id)))
        {
            v.Error(system, "id", system.Id, $"IT system id '{system.Id}' is also a plant, line or supplier id, so disruption targets would be ambiguous", $"rename the system, e.g. {system.Id}-IT");
        }

        foreach (var line in s.Plants.SelectMany(p => p.Lines))
        {
            UniqueParts(v, line.Id, line.Bom.Select(b => ((object)b, b.PartId)), "bom");
            UniqueParts(v, line.Id, line.Stocks.Select(b => ((object)b, b.PartId)), "stock");
        }

        foreach (var supplier in s.Suppliers)
        {
            UniqueParts(v, supplier.Id, supplier.Products.Select(p => ((object)p, p.PartId)), "products");
            UniqueParts(v, supplier.Id, supplier.InputStocks.Select(p => ((object)p, p.PartId)), "input_stock");
            foreach (var product in supplier.Products)
            {
                UniqueParts(v, supplier.Id, product.Inputs.Select(p => ((object)p, p.PartId)), "inputs");
            }
        }

        foreach (var policy in s.Policies)
        {
            // The same part may appear once for every node and once per node it is scoped to with `at`.
            foreach (var scope in policy.PartOverrides.GroupBy(p => p.At ?? string.Empty, StringComparer.Ordinal))
            {
                UniqueParts(v, policy.Id, scope.Select(p => ((object)p, p.PartId)), scope.Key.Length == 0 ? "parts" : $"parts at '{scope.Key}'");
            }
        }
    }

    private static void Unique(Validation v, IEnumerable<(object Spec, string Id, string Kind)> items, string hint)
    {
        var seen = new Dictionary<string, (object Spec, string Kind)>();
        foreach (var (spec, id, kind) in items)
        {
            if (id.Length == 0)
            {
                continue;
            }

            if (seen.TryGetValue(id, out var first))
            {
                var at = v.Sources.Locate(first.Spec, "id");
                v.Error(spec, "id", id, $"duplicate id '{id}': already used by the {first.Kind} at line {at.Line}", hint);
            }
            else
            {
                seen[id] = (spec, kind);
            }
        }
    }

    private static void UniqueParts(Validation v, string ownerId, IEnumerable<(object Spec, string PartId)> rows, string list)
    {
        var seen = new HashSet<string>();
        foreach (var (spec, part) in rows)
        {
            if (part.Length > 0 && !seen.Add(part))
            {
                v.Error(spec, "part", ownerId, $"part '{part}' appears twice in {list} of '{ownerId}'", "merge the two entries into one");
            }
        }
    }
}
