using Simulator.Model;

namespace Simulator.Metrics;

/// <summary>Days of supply of one material at one site on one day.</summary>
/// <param name="Day">Days after the as-of time, from 0.</param>
/// <param name="TimeHours">Hour of the run the stock was read at.</param>
/// <param name="StockUnits">Stock on hand at that hour (what has arrived; goods on the road are not counted).</param>
/// <param name="Days">
/// Days the stock covers the site's planned demand (<see cref="DaysOfSupplySeries.DemandPerDay"/>) without any further
/// delivery: stock / daily demand, at least 0.
/// </param>
public sealed record DaysOfSupplyPoint(int Day, double TimeHours, double StockUnits, double Days);

/// <summary>The days of supply of one material at one site, day by day from the as-of time.</summary>
/// <param name="PartId">Material.</param>
/// <param name="SiteId">Plant (the line-side stocks of its lines together) or supplier (its finished goods).</param>
/// <param name="AtPlant">True for a plant's line-side stock (the customer's days of supply), false for a supplier's finished goods (the supplier's).</param>
/// <param name="DemandPerDay">Planned use per working day at full rate: the lines' consumption, or what the supplier's customers call off.</param>
/// <param name="Points">One point per day, the first at the as-of time.</param>
public sealed record DaysOfSupplySeries(string PartId, string SiteId, bool AtPlant, double DemandPerDay, IReadOnlyList<DaysOfSupplyPoint> Points);

/// <summary>Days of supply per material and site from the stocks a run recorded.</summary>
public static class DaysOfSupplyCalculator
{
    /// <summary>
    /// Reads every stock of <paramref name="parts"/> at <paramref name="fromHours"/> and each 24 h after it, for up to
    /// <paramref name="days"/> days within the recorded hours (the latest sample at or before each instant), and
    /// divides it by the site's planned daily demand. Line-side stocks of one plant are added up; stocks with no
    /// planned demand are left out. Sorted by site, then material (ordinal).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is below 1.</exception>
    public static IReadOnlyList<DaysOfSupplySeries> Of(Network network, PartSeries parts, double fromHours, int days)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var plantOfLine = network.Scenario.Plants.SelectMany(p => p.Lines).ToDictionary(l => l.Id, l => l.PlantId, StringComparer.Ordinal);
        var demand = new Dictionary<(string Site, string Part), double>();
        foreach (var feed in network.Feeds.Where(f => f.ToLine))
        {
            var site = plantOfLine[feed.DestinationId];
            demand[(site, feed.PartId)] = demand.GetValueOrDefault((site, feed.PartId)) + feed.DemandPerDay;
        }

        foreach (var supplier in network.Suppliers)
        {
            foreach (var product in supplier.Products)
            {
                demand[(supplier.Spec.Id, product.Spec.PartId)] = demand.GetValueOrDefault((supplier.Spec.Id, product.Spec.PartId)) + product.DemandPerDay;
            }
        }

        var instants = new List<(int Day, double Hours, int Sample)>();
        var times = parts.TimesHours;
        for (var day = 0; day < days; day++)
        {
            var at = fromHours + (24.0 * day);
            var sample = LastAtOrBefore(times, at);
            if (sample < 0 || at > times[^1] + 1e-9)
            {
                break;
            }

            instants.Add((day, at, sample));
        }

        var stock = new Dictionary<(string Site, string Part, bool AtPlant), double[]>();
        for (var k = 0; k < parts.Keys.Count; k++)
        {
            var key = parts.Keys[k];
            var atPlant = key.Holder == StockHolder.Line;
            var site = atPlant ? plantOfLine[key.HolderId] : key.HolderId;
            if (!stock.TryGetValue((site, key.PartId, atPlant), out var row))
            {
                row = new double[instants.Count];
                stock[(site, key.PartId, atPlant)] = row;
            }

            for (var i = 0; i < instants.Count; i++)
            {
                row[i] += parts.StockUnits(k, instants[i].Sample);
            }
        }

        return stock
            .Where(s => demand.GetValueOrDefault((s.Key.Site, s.Key.Part)) > 0)
            .OrderBy(s => s.Key.Site, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Part, StringComparer.Ordinal)
            .Select(s =>
            {
                var perDay = demand[(s.Key.Site, s.Key.Part)];
                var points = instants.Select((t, i) => new DaysOfSupplyPoint(t.Day, t.Hours, s.Value[i], Math.Max(0, s.Value[i]) / perDay)).ToArray();
                return new DaysOfSupplySeries(s.Key.Part, s.Key.Site, s.Key.AtPlant, perDay, points);
            })
            .ToArray();
    }

    private static int LastAtOrBefore(IReadOnlyList<double> times, double hours)
    {
        var found = -1;
        for (var i = 0; i < times.Count && times[i] <= hours + 1e-9; i++)
        {
            found = i;
        }

        return found;
    }
}
