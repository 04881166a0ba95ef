using Simulator.Engine;
using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>
/// The runtime stock of one part at one consumer and its ordering. At a line the stock is derived from the line's
/// job counter (no event per part per job); at a supplier it is drained by the supplier's fluid production.
/// </summary>
internal sealed partial class FeedRun
{
    private readonly RunContext _ctx;
    private double _supplierOnHand;
    private double _supplierConsumed;
    private double _lastSequenceJobs = -1;
    private LaneRun[] _lanes = [];
    private double[] _shares = [];
    private bool _sharesStale;

    // A feed with one lane (most are) gives it every order whole: its share of the split is exactly 1 and never
    // changes (a single source has nothing to fail over to), so the split's arrays are not read for it.
    private LaneRun? _soleLane;

    // A stock delivered by one lane (most are) receives and looks at its road without reading the lane array, one
    // object fewer to reach on every receipt.
    private LaneRun? _onlyLane;

    // Read on every job-derived stock level, call-off and kanban check: kept here rather than behind Plan.
    private readonly double _initialUnits;
    private readonly double _perJob;
    private readonly bool _sequence;
    private readonly bool _kanban;
    private readonly bool _baseStock;
    private readonly double _reorderPoint;
    private readonly double _orderQuantity;
    private readonly long _leadJobs;
    private readonly double _orderUpToUnits;

    public FeedRun(RunContext ctx, FeedPlan plan)
    {
        _ctx = ctx;
        Plan = plan;
        _supplierOnHand = plan.InitialUnits;
        _initialUnits = plan.InitialUnits;
        _perJob = plan.QuantityPerJob;
        _sequence = plan.Trigger == TriggerKind.Sequence;
        _kanban = plan.Trigger == TriggerKind.Kanban;
        _baseStock = plan.Trigger == TriggerKind.BaseStock;
        _reorderPoint = plan.ReorderPointUnits;
        _orderQuantity = plan.OrderQuantityUnits;
        _leadJobs = plan.LeadJobs;
        _orderUpToUnits = plan.OrderUpToUnits;
        UnitCost = plan.UnitCost;
    }

    public FeedPlan Plan { get; }

    /// <summary>Value of one piece (<see cref="FeedPlan.UnitCost"/>, read on every draw of a supplier's production).</summary>
    public double UnitCost { get; }

    /// <summary>The line whose line-side stock this is, or null.</summary>
    public LineRun? Line { get; private set; }

    /// <summary>The supplier whose input stock this is, or null.</summary>
    public SupplierRun? Supplier { get; private set; }

    /// <summary>Makes this the line-side stock of <paramref name="line"/>, its feed number <paramref name="index"/>.</summary>
    public void ServeLine(LineRun line, int index)
    {
        Line = line;
        LineIndex = index;
    }

    /// <summary>Line feeds: the feed's index among its line's feeds (where the line's heaps keep its position).</summary>
    public int LineIndex { get; private set; } = -1;

    /// <summary>Makes this an input stock of <paramref name="supplier"/>.</summary>
    public void ServeSupplier(SupplierRun supplier) => Supplier = supplier;

    public List<LaneRun> Lanes { get; } = [];

    /// <summary>The stock's lane when it has only one (most have), else null.</summary>
    public LaneRun? OnlyLane => Lanes.Count == 1 ? Lanes[0] : null;

    /// <summary>Pieces ordered so far (allocated to lanes, transmitted or not).</summary>
    public double Ordered { get; private set; }

    /// <summary>Pieces received so far.</summary>
    public double Delivered { get; private set; }

    /// <summary>Supplier input stocks: the production cell of <see cref="Supplier"/> that draws on it, or -1 (none does).</summary>
    public int InputCell { get; set; } = -1;

    /// <summary>Supplier input stocks: ran out and not replenished since.</summary>
    public bool StockOut { get; private set; }

    /// <summary>Marks the stock as run out; true when it was not already (so the stock-out is logged once).</summary>
    public bool RunOut()
    {
        var first = !StockOut;
        StockOut = true;
        return first;
    }

    public double OnHand => Line is { } line
        ? _initialUnits + Delivered - line.JobsStarted * _perJob
        : _supplierOnHand;

    public double InventoryPosition => OnHand + Ordered - Delivered;

    /// <summary>Line feeds: total jobs the stock received so far allows the line to start.</summary>
    public long JobsAllowed => (long)Math.Floor((_initialUnits + Delivered) / _perJob + 1e-9);

    /// <summary>Line kanban feeds: the job count at which the inventory position reaches the reorder point.</summary>
    public long NextReorderJob =>
        (long)Math.Ceiling((_initialUnits + Ordered - _reorderPoint) / _perJob - 1e-9);

    /// <summary>Pieces consumed so far by the line's jobs or the supplier's production.</summary>
    public double Consumed => Line is { } line ? line.JobsStarted * _perJob : _supplierConsumed;

    public void Consume(double units)
    {
        _supplierOnHand -= units;
        _supplierConsumed += units;
    }

    /// <summary>
    /// Places the first orders: the primed sequence pipeline or a kanban below its reorder point. Shipments the
    /// scenario's state puts on this feed's lanes count as ordered; on a sequence feed they replace the primed pipeline.
    /// </summary>
    public void Prime(ILookup<string, InTransitSpec> shipments)
    {
        WireLanes();
        var imported = false;
        foreach (var lane in Lanes)
        {
            foreach (var shipment in shipments[lane.Plan.Spec.Id])
            {
                lane.AddInTransit(shipment.Quantity, shipment.ArrivalHours);
                Ordered += shipment.Quantity;
                imported = true;
            }
        }

        switch (Plan.Trigger)
        {
            case TriggerKind.Sequence when imported:
                // What is on the road is known: the rest of the lead is called off at the line's next job.
                _lastSequenceJobs = -1;
                break;
            case TriggerKind.Sequence:
                // The network starts in steady state: the jobs of the last lead hours were called off before hour 0
                // and their parts are on the road, arriving evenly over the lead time.
                _lastSequenceJobs = 0;
                Ordered = Plan.LeadJobs * Plan.QuantityPerJob;
                var lead = Lanes.Count > 0 ? Lanes[0].Plan.Spec.Trigger.LeadHours : 0;
                foreach (var lane in Lanes)
                {
                    lane.PrimeInTransit(Ordered * lane.Plan.Spec.Share, lead);
                }

                break;
            case TriggerKind.Kanban:
                CheckKanban();
                break;
        }
    }

    /// <summary>Sequence feeds: call off every job up to the line's count plus the lead.</summary>
    public void SyncSequence()
    {
        if (!_sequence || Line is not { } line || line.JobsStarted == _lastSequenceJobs)
        {
            return;
        }

        _lastSequenceJobs = line.JobsStarted;
        var target = (line.JobsStarted + _leadJobs) * _perJob;
        if (target > Ordered + 1e-9)
        {
            Order(target - Ordered);
        }
    }

    /// <summary>Kanban: order the fixed quantity until the inventory position is above the reorder point.</summary>
    public void CheckKanban()
    {
        if (!_kanban || _orderQuantity <= 0)
        {
            return;
        }

        while (InventoryPosition <= _reorderPoint + 1e-9)
        {
            Order(_orderQuantity);
        }
    }

    /// <summary>Base stock review: order up to the level.</summary>
    public void Review()
    {
        var gap = _orderUpToUnits - InventoryPosition;
        if (gap > 1e-9)
        {
            Order(gap);
        }
    }

    /// <summary>
    /// A review on the stock's period: the supplier drawing on it is brought up to now, then a base stock orders up to
    /// its level and a schedule stock its fixed quantity.
    /// </summary>
    public void PeriodicReview()
    {
        Supplier?.AdvanceInput(this);
        if (_baseStock)
        {
            Review();
        }
        else if (_orderQuantity > 0)
        {
            Order(_orderQuantity);
        }
    }

    /// <summary>Splits an order over the lanes by share, among those not failed over.</summary>
    public void Order(double units)
    {
        Ordered += units;
        if (_soleLane is { } sole)
        {
            sole.Allocate(units);
            return;
        }

        if (_lanes.Length != Lanes.Count)
        {
            WireLanes();
        }
        else if (_sharesStale)
        {
            ComputeShares();
        }

        for (var i = 0; i < _lanes.Length; i++)
        {
            var share = _shares[i];
            if (share > 0)
            {
                _lanes[i].Allocate(units * share);
            }
        }
    }

    /// <summary>
    /// Fixes the lanes once the run is wired, in an array the hot paths read rather than the list: the split of orders
    /// over them, and the sole lane if there is one.
    /// </summary>
    private void WireLanes()
    {
        _lanes = [.. Lanes];
        _shares = new double[_lanes.Length];
        ComputeShares();
        _soleLane = _lanes.Length == 1 && _shares[0] == 1 ? _lanes[0] : null;
        _onlyLane = OnlyLane;
    }

    /// <summary>
    /// Before working on <c>feeds[i]</c> in a loop: starts loading the stock two ahead and the next one's lane (when it
    /// has only one), as <see cref="LaneRun.WarmAhead"/> does for lanes.
    /// </summary>
    public static void WarmAhead(ReadOnlySpan<FeedRun> feeds, int i)
    {
        if (i + 2 < feeds.Length)
        {
            CacheWarming.Prefetch(feeds[i + 2]);
        }

        if (i + 1 < feeds.Length)
        {
            CacheWarming.Prefetch(feeds[i + 1]._onlyLane);
        }
    }

    /// <summary>A lane failed over or back, or a sibling began to take over: the split of new orders changes.</summary>
    public void OnLaneStateChange() => _sharesStale = true;

    /// <summary>
    /// The split of an order over the lanes: a failed lane's share goes to the siblings whose qualification has
    /// passed, in proportion to their shares. It changes only with a lane's failover state, so it is kept between
    /// orders rather than summed again for each.
    /// </summary>
    private void ComputeShares()
    {
        _sharesStale = false;
        double all = 0, active = 0, taking = 0;
        foreach (var lane in _lanes)
        {
            var share = lane.Share;
            all += share;
            active += lane.Active ? share : 0;
            taking += lane.Active && lane.TakesOver ? share : 0;
        }

        var failed = all - active;
        for (var i = 0; i < _lanes.Length; i++)
        {
            var lane = _lanes[i];
            var own = lane.Share;
            _shares[i] = active <= 0 ? own
                : !lane.Active ? 0
                : taking > 0 ? (own + (lane.TakesOver ? failed * own / taking : 0)) / all
                : own / active;
        }
    }

    /// <summary>Moves a failed lane's unshipped backlog to the siblings that take over, in proportion to their shares.</summary>
    public void Reallocate(double units)
    {
        var taking = 0.0;
        foreach (var lane in Lanes)
        {
            taking += lane.Active && lane.TakesOver ? lane.Share : 0;
        }

        if (taking <= 0)
        {
            Ordered -= units;
            Order(units);
            return;
        }

        foreach (var lane in Lanes)
        {
            if (lane.Active && lane.TakesOver)
            {
                lane.Allocate(units * lane.Share / taking);
            }
        }
    }

    /// <summary>Hour the lines' stocks were last brought up to date with the shipments due (NaN: never).</summary>
    public double ReceivedAt { get; private set; } = double.NaN;

    /// <summary>Hour the next shipment to this stock is due at its gate, or +infinity.</summary>
    public double NextArrivalHours
    {
        get
        {
            if (_onlyLane is { } only)
            {
                return only.NextArrivalHours;
            }

            var next = double.PositiveInfinity;
            foreach (var lane in _lanes)
            {
                next = Math.Min(next, lane.NextArrivalHours);
            }

            return next;
        }
    }

    /// <summary>
    /// The stock as a look at the shelf would find it now, shipments due included, without receiving anything: what
    /// a time series records, so that recording it never changes the run.
    /// </summary>
    public double ObservedUnits
    {
        get
        {
            var units = OnHand;
            foreach (var lane in _lanes)
            {
                units += lane.DueUnits();
            }

            return units;
        }
    }

    /// <summary>A lane put a shipment for this stock on the road, due at <paramref name="arrivalHours"/>.</summary>
    public void OnShipment(double arrivalHours)
    {
        if (arrivalHours <= ReceivedAt)
        {
            ReceivedAt = double.NaN;
        }

        Line?.OnShipment(this, arrivalHours);
    }

    /// <summary>Receives every shipment due by now on every lane that delivers this stock.</summary>
    public void ReceiveDue()
    {
        ReceivedAt = _ctx.Env.Now;
        if (_onlyLane is { } only)
        {
            only.ReceiveDue();
            return;
        }

        foreach (var lane in _lanes)
        {
            lane.ReceiveDue();
        }
    }

    public void Receive(double units)
    {
        if (units <= 0)
        {
            return;
        }

        if (Line is { } line)
        {
            Delivered += units;
            line.OnDelivery(this);
        }
        else
        {
            Supplier!.AdvanceInput(this);
            Delivered += units;
            _supplierOnHand += units;
            StockOut = false;
        }
    }
}
