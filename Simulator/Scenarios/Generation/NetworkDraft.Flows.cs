using Simulator.Model.Specs;

namespace Simulator.Scenarios;

/// <summary>
/// Ordering rules, demand, capacities, stocks and lanes, sized so the network runs without halting when nothing is
/// disrupted: every replenishment arrives before the stock that waits for it runs out.
/// </summary>
internal sealed partial class NetworkDraft
{
    private static readonly double[] JisDispatchHours = [0.25, 0.5];
    private static readonly double[] JitDispatchHours = [0.5, 1, 2];
    private static readonly double[] SupplierDispatchHours = [4, 8, 12];
    private static readonly double[] SupplierReviewHours = [4, 8];

    /// <summary>Days of average consumption an input stock keeps for bursts of production after large orders.</summary>
    private const double LumpDays = 0.5;

    /// <summary>
    /// Per line part, one rule for every line that uses it:
    /// jis: sequence call-offs 2-4 h ahead; dispatch + transit + half an hour fit in the lead, transit fits in the
    /// 1-2 h at the line (the first delivery leaves at hour 0).
    /// jit: kanban whose reorder point covers dispatch cadence + longest transit + 1-2 h, with 2-8 h at the line
    /// (above the reorder point, so hour 0 sees no burst of orders).
    /// bulk: a daily schedule or base-stock review, 4-6 days at the line, which covers a week of two shifts against
    /// deliveries of the average day.
    /// </summary>
    private void PlanLineLogistics()
    {
        var random = Stream("logistics");
        foreach (var part in _lineParts)
        {
            switch (part.Kind)
            {
                case PartKind.Jis:
                {
                    var lead = Steps(random, 2, 4, 0.5);
                    var cover = Steps(random, 1, 2, 0.5);
                    part.DispatchEveryHours = Pick(random, JisDispatchHours);
                    part.TransitBoundHours = Math.Max(0.25, Math.Min(cover, lead - part.DispatchEveryHours) - 0.5);
                    part.Trigger = new TriggerSpec(TriggerKind.Sequence, LeadHours: lead);
                    part.LineInitial = StockAmount.InHours(cover);
                    break;
                }

                case PartKind.Jit:
                {
                    part.DispatchEveryHours = Pick(random, JitDispatchHours);
                    part.TransitBoundHours = Steps(random, 0.5, 3, 0.25);
                    var reorder = RoundUp(part.DispatchEveryHours + part.TransitBoundHours + random.Uniform(1, 2), 0.5);
                    var quantity = Steps(random, 2, 4, 1);
                    var cover = Math.Max(Steps(random, 2, 8, 0.5), reorder + 0.5);
                    part.Trigger = new TriggerSpec(TriggerKind.Kanban, ReorderPoint: StockAmount.InHours(reorder), Quantity: StockAmount.InHours(quantity));
                    part.LineInitial = StockAmount.InHours(cover);
                    part.LineMaximum = StockAmount.InHours(Math.Max(cover, reorder + quantity));
                    break;
                }

                default:
                {
                    part.DispatchEveryHours = 24;
                    part.TransitBoundHours = Steps(random, 2, 8, 1);
                    var days = Steps(random, 4, 6, 0.5);
                    part.LineInitial = StockAmount.InDays(days);
                    if (random.NextDouble() < 0.5)
                    {
                        part.Trigger = new TriggerSpec(TriggerKind.Schedule, ReviewHours: 24);
                        part.LineMaximum = StockAmount.InDays(days + 2);
                    }
                    else
                    {
                        // Up to the initial stock: the first review orders one day, not a start-up spike.
                        part.Trigger = new TriggerSpec(TriggerKind.BaseStock, ReviewHours: 24);
                        part.LineMaximum = StockAmount.InDays(days);
                    }

                    break;
                }
            }
        }
    }

    /// <summary>
    /// Weekly demand and peak hourly demand of every product, tier by tier from the lines down; then capacities of
    /// 1.5-2.5 times the larger of the average demand per open hour and the peak, and 1-3 days of finished goods
    /// (0.5-1.5 days for jis parts), enough to serve a kanban lot of half a day from stock.
    /// </summary>
    private void ComputeDemand()
    {
        foreach (var line in _lines)
        {
            foreach (var part in line.Bom)
            {
                var share = 1.0 / part.Sources.Count;
                foreach (var (_, product) in part.Sources)
                {
                    product.WeeklyUnits += line.RatePerHour * part.QuantityPerJob * line.WeeklyOpenHours * share;
                    product.PeakPerHour += line.RatePerHour * part.QuantityPerJob * share;
                }
            }
        }

        var makers = _materials.SelectMany(m => m).ToDictionary(m => m.Id);
        for (var t = 1; t < _options.Tiers; t++)
        {
            foreach (var supplier in _suppliers.Where(s => s.Tier == t))
            {
                foreach (var (material, weekly, peak) in InputDemand(supplier))
                {
                    var maker = makers[material].Product;
                    maker.WeeklyUnits += weekly;
                    maker.PeakPerHour += peak;
                }
            }
        }

        var random = Stream("capacity");
        var sequenced = _lineParts.Where(p => p.Kind == PartKind.Jis).Select(p => p.Id).ToHashSet();
        foreach (var supplier in _suppliers)
        {
            foreach (var product in supplier.Products)
            {
                var basis = Math.Max(product.WeeklyUnits / supplier.WeeklyOpenHours, product.PeakPerHour);
                product.CapacityPerHour = RoundUp(random.Uniform(1.5, 2.5) * basis, 0.01);
                var jis = supplier.Tier == 1 && sequenced.Contains(product.PartId);
                product.Finished = StockAmount.InDays(jis ? Steps(random, 0.5, 1.5, 0.5) : Steps(random, 1, 3, 0.5));
            }
        }
    }

    /// <summary>
    /// Weekly pieces of each input a supplier consumes and its consumption per hour while every line downstream
    /// runs (a 24x7 supplier of two-shift lines consumes at 168 / 80 times its weekly average), in order of first use.
    /// </summary>
    private static List<(string Material, double Weekly, double Peak)> InputDemand(SupplierDraft supplier)
    {
        var demand = new List<(string Material, double Weekly, double Peak)>();
        foreach (var product in supplier.Products)
        {
            foreach (var input in product.Inputs)
            {
                var weekly = product.WeeklyUnits * input.QuantityPerJob;
                var peak = product.PeakPerHour * input.QuantityPerJob;
                var i = demand.FindIndex(d => d.Material == input.PartId);
                if (i < 0)
                {
                    demand.Add((input.PartId, weekly, peak));
                }
                else
                {
                    demand[i] = (input.PartId, demand[i].Weekly + weekly, demand[i].Peak + peak);
                }
            }
        }

        return demand;
    }

    private List<LaneSpec> BuildLanes()
    {
        var random = Stream("lanes");
        var lanes = new List<LaneSpec>();
        foreach (var line in _lines)
        {
            foreach (var part in line.Bom)
            {
                var share = 1.0 / part.Sources.Count;
                foreach (var (supplier, _) in part.Sources)
                {
                    lanes.Add(new LaneSpec(
                        $"{supplier.Id}_{line.Id}_{part.Id}",
                        supplier.Id,
                        line.Id,
                        part.Id,
                        LineTransit(random, part),
                        part.DispatchEveryHours,
                        part.Trigger,
                        share,
                        part.Sources.Count > 1 ? part.QualificationHours : 0));
                }
            }
        }

        var makers = _materials.SelectMany(m => m).ToDictionary(m => m.Id);
        foreach (var supplier in _suppliers)
        {
            foreach (var (material, weekly, peak) in InputDemand(supplier))
            {
                var peakToAverage = Math.Max(1, peak / (weekly / supplier.WeeklyOpenHours));
                lanes.Add(SupplierLane(random, makers[material].Supplier, supplier, material, peakToAverage));
            }
        }

        return lanes;
    }

    private static DistributionSpec LineTransit(Simulator.Engine.RandomStream random, LinePartDraft part)
    {
        var bound = part.TransitBoundHours;
        if (part.Kind == PartKind.Jit && random.NextDouble() < 0.3)
        {
            return new DistributionSpec(DistributionKind.Triangular, Min: bound / 2, Mode: bound * 0.75, Max: bound);
        }

        return part.Kind == PartKind.Bulk
            ? DistributionSpec.Fixed(Steps(random, 2, bound, 1))
            : DistributionSpec.Fixed(Steps(random, 0.25, bound, 0.25));
    }

    /// <summary>
    /// A lane into a supplier's input stock: kanban (reorder point = dispatch cadence + longest transit + 8 h of
    /// consumption at the peak rate, half a day per order) or base stock reviewed every 4-8 h (up to two reviews +
    /// longest transit + 8 h at the peak rate), plus half a day for the burst of production that refills the
    /// supplier's finished goods after a large order. Stock amounts are in hours and days of the average rate, hence the
    /// <paramref name="peakToAverage"/> factor. Lognormal transits are planned at 1.8 times their mean; the input
    /// stock starts at 0.5-3 days (more where the peak needs it) and above the reorder point.
    /// </summary>
    private static LaneSpec SupplierLane(Simulator.Engine.RandomStream random, SupplierDraft from, SupplierDraft to, string material, double peakToAverage)
    {
        var mean = Steps(random, 2, 8, 1);
        var lognormal = random.NextDouble() < 0.5;
        var transit = lognormal
            ? new DistributionSpec(DistributionKind.LogNormal, Mean: mean, Std: Math.Round(0.2 * mean, 2))
            : DistributionSpec.Fixed(mean);
        var bound = lognormal ? 1.8 * mean : mean;
        var openPerDay = to.WeeklyOpenHours / 7;
        var days = Steps(random, 0.5, 3, 0.5);
        double dispatch;
        TriggerSpec trigger;
        StockAmount? target = null;
        if (random.NextDouble() < 0.6)
        {
            dispatch = Pick(random, SupplierDispatchHours);
            var reorder = RoundUp((peakToAverage * (dispatch + bound + 8)) + (LumpDays * openPerDay), 1);
            trigger = new TriggerSpec(TriggerKind.Kanban, ReorderPoint: StockAmount.InHours(reorder), Quantity: StockAmount.InDays(0.5));
            days = Math.Max(days, RoundUp((reorder / openPerDay) + 0.25, 0.25));
        }
        else
        {
            var review = Pick(random, SupplierReviewHours);
            dispatch = review;
            trigger = new TriggerSpec(TriggerKind.BaseStock, ReviewHours: review);
            days = Math.Max(days, RoundUp((peakToAverage * ((2 * review) + bound + 8) / openPerDay) + LumpDays + 0.25, 0.25));
            target = StockAmount.InDays(days);
        }

        to.InputStocks.Add(new InputStockSpec(material, StockAmount.InDays(days), target));
        return new LaneSpec($"{from.Id}_{to.Id}_{material}", from.Id, to.Id, material, transit, dispatch, trigger);
    }
}
