namespace Simulator.Scenarios.Import;

/// <summary>One stock position as a PURIS table row or an ItemStock payload gives it, quantity already in the material's unit.</summary>
internal sealed record StockRecord(Origin At, string Key, string MaterialId, string SiteId, bool Outbound, bool Blocked, double Quantity, DateTimeOffset UpdatedOn);

/// <summary>One demand of one day, quantity in the material's unit.</summary>
internal sealed record DemandRecord(Origin At, string Key, string MaterialId, string NodeId, string? SupplierSiteId, DateOnly Day, double Quantity, DateTimeOffset UpdatedOn);

/// <summary>One delivery with its latest departure and arrival, quantity in the material's unit.</summary>
internal sealed record DeliveryRecord(
    Origin At,
    string Key,
    string MaterialId,
    string OriginSiteId,
    string DestinationId,
    double Quantity,
    DateTimeOffset? DepartureTime,
    DateTimeOffset? ArrivalTime,
    bool ArrivalIsActual,
    string Reference,
    DateTimeOffset UpdatedOn);

/// <summary>One planned production output, quantity in the material's unit.</summary>
internal sealed record PlannedOutputRecord(Origin At, string Key, string MaterialId, string SiteId, double Quantity, DateTimeOffset Completion, DateTimeOffset UpdatedOn);

/// <summary>The state records of every table and payload of one import.</summary>
internal sealed class StateRecords
{
    public List<StockRecord> Stocks { get; } = [];

    public List<DemandRecord> Demands { get; } = [];

    public List<DeliveryRecord> Deliveries { get; } = [];

    public List<PlannedOutputRecord> PlannedOutputs { get; } = [];

    /// <summary>The latest update of any record, the default as-of time; null when there is no state.</summary>
    public DateTimeOffset? LatestUpdate =>
        Stocks.Select(s => s.UpdatedOn).Concat(Demands.Select(d => d.UpdatedOn)).Concat(Deliveries.Select(d => d.UpdatedOn)).Concat(PlannedOutputs.Select(o => o.UpdatedOn))
            .Select(t => (DateTimeOffset?)t).Max();

    /// <summary>Per key the record updated last at or before <paramref name="asOf"/>; later ones are not known yet then.</summary>
    public static List<T> AsOf<T>(IEnumerable<T> records, Func<T, string> key, Func<T, DateTimeOffset> updatedOn, DateTimeOffset asOf)
    {
        var latest = new Dictionary<string, T>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var record in records)
        {
            if (updatedOn(record) > asOf)
            {
                continue;
            }

            var k = key(record);
            if (!latest.TryGetValue(k, out var known))
            {
                order.Add(k);
                latest[k] = record;
            }
            else if (updatedOn(record) >= updatedOn(known))
            {
                latest[k] = record;
            }
        }

        return [.. order.Select(k => latest[k])];
    }
}
