using System.Globalization;
using Simulator.Experiments;

namespace Simulator.Output;

/// <summary>The sized stocks of a <c>size-buffers</c> result and what each outage did before and after, as console tables.</summary>
public static class BufferSizingTable
{
    /// <summary>The first <paramref name="rows"/> stocks the sizing raised, with their new level.</summary>
    public static TextTable Stocks(BufferSizingResult result, int rows)
    {
        var cells = result.Stocks.OrderByDescending(s => s.HoldingCostPerYear).ThenBy(s => s.Node, StringComparer.Ordinal).ThenBy(s => s.Part, StringComparer.Ordinal)
            .Take(rows)
            .Select(s => (IReadOnlyList<string>)
            [
                s.Holder == StockHolderKind.Line ? "line" : $"tier {Invariant.Integer(s.Tier)}",
                s.Node,
                s.Part,
                Units(s.TodayUnits),
                Units(s.LpUnits),
                Units(s.SizedUnits),
                Money(s.HoldingCostPerYear),
            ])
            .ToList();
        var rate = (result.HoldingCostRatePerYear * 100).ToString("0.##", CultureInfo.InvariantCulture);
        var notes = new List<string>
        {
            $"holding cost a year: {Money(result.Sized.HoldingCostPerYear)} with '{result.Policy.Id}' against {Money(result.Today.HoldingCostPerYear)} with '{result.TodayPolicy}' today, {Money(result.AddedHoldingCostPerYear)} more (unit cost x {rate} % a year, stock at hour 0)",
            $"LP: least-cost stock for every outage ({Invariant.Integer(result.LpGroups)} programs); sized: after {Invariant.Integer(result.Rounds)} rounds of simulation raising what still ran out",
        };
        if (result.Stocks.Count > rows)
        {
            notes.Add($"{Invariant.Integer(rows)} costliest of {Invariant.Integer(result.Stocks.Count)} stocks raised; every one is in {BufferSizingWriter.BuffersFile}");
        }

        if (result.Stocks.Count == 0)
        {
            notes.Add("no stock needs raising: today's carries every line through every outage");
        }

        return new TextTable(["where", "node", "part", "today", "LP", "sized", "cost / year"], cells, notes, "least-cost buffers");
    }

    /// <summary>The first <paramref name="rows"/> outages the sizing covered, with what they lose before and after.</summary>
    public static TextTable Outages(BufferSizingResult result, int rows)
    {
        var shown = result.Outages.Where(o => !o.NoPathToLine)
            .OrderByDescending(o => o.Today.LostUnits).ThenBy(o => o.Target.Id, StringComparer.Ordinal)
            .Take(rows)
            .ToList();
        var cells = shown.Select(o => (IReadOnlyList<string>)
        [
            o.Target.Id,
            o.Target.KindName,
            Hours(o.DurationHours),
            o.Today.TimeToHaltHours is { } before ? Hours(before) : "never",
            Units(o.Today.LostUnits),
            o.Sized.TimeToHaltHours is { } after ? Hours(after) : "never",
            Units(o.Sized.LostUnits),
            o.Survived ? (o.StockCannotHelp ? "control halt" : "yes") : "NO",
        ]).ToList();
        var notes = new List<string>
        {
            "halt: hours from the outage's start to the first halt of any line; survived: no line ran out of a part with the sized stock "
            + "(control halt: a line stopped for its own control system, which stock cannot bridge)",
        };
        if (result.Unsurvived > 0)
        {
            notes.Add($"{Invariant.Integer(result.Unsurvived)} outages still starve a line after {Invariant.Integer(result.Rounds)} rounds; raise --rounds or see {BufferSizingWriter.OutagesFile}");
        }

        return new TextTable(["outage", "kind", "down (h)", "halt today", "lost today", "halt sized", "lost sized", "survived"], cells, notes, "outages, today and sized");
    }

    private static string Units(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Money(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Hours(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
