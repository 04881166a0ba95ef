namespace Simulator.Model;

/// <summary>
/// Where every piece of one part went in a run: what existed at the start plus what was made must equal what was
/// consumed plus what is in stock or on the road at the end.
/// </summary>
internal sealed record PartBalance(string PartId, double Initial, double Produced, double Consumed, double InStock, double InTransit)
{
    public double Imbalance => Initial + Produced - Consumed - InStock - InTransit;

    public static IReadOnlyList<PartBalance> Of(Network network, IReadOnlyList<FeedRun> feeds, IReadOnlyList<SupplierRun> suppliers, IReadOnlyList<LaneRun> lanes)
    {
        var rows = new List<PartBalance>();
        foreach (var part in network.Parts.Keys)
        {
            double initial = 0, produced = 0, consumed = 0, stock = 0, transit = 0;
            foreach (var feed in feeds.Where(f => f.Plan.PartId == part))
            {
                initial += feed.Plan.InitialUnits;
                consumed += feed.Consumed;
                stock += feed.OnHand;
            }

            foreach (var supplier in suppliers)
            {
                for (var p = 0; p < supplier.Plan.Products.Count; p++)
                {
                    if (supplier.Plan.Products[p].Spec.PartId == part)
                    {
                        initial += supplier.Plan.Products[p].InitialUnits;
                        produced += supplier.ProducedUnits(p);
                        stock += supplier.FinishedUnits(p);
                    }
                }
            }

            foreach (var lane in lanes.Where(l => l.Plan.Spec.PartId == part))
            {
                initial += lane.InitialInTransit;
                transit += lane.InTransit;
            }

            rows.Add(new PartBalance(part, initial, produced, consumed, stock, transit));
        }

        return rows;
    }
}
