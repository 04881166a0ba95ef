using Simulator.Engine;
using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>
/// A lane at runtime. Orders are allocated to it, transmitted to the supplier when order transmission works, shipped
/// at each dispatch from the supplier's finished goods, and received at the destination when its logistics work.
/// </summary>
internal sealed partial class LaneRun : IGateListener, ITimedHandler
{
    private readonly RunContext _ctx;
    private Road _road;
    private CallOffLog _callOffs = new();
    private Random? _transit;
    private double _lastTransmitSync;
    private bool _sourceDown;
    private int _failGeneration;
    private long _jobsAtLastTick = -1;

    // Read on every order and departure: kept here rather than behind Plan.Spec, a few fewer cache lines per touch.
    private readonly int _product;
    private readonly bool _sequence;
    private readonly double _leadHours;
    private readonly double _fixedTransitHours;
    private readonly DistributionSpec _transitHours;

    // The factors of the transmission, dispatch and receipt gates, read on every call-off, departure and receipt: kept
    // here for the run's gate epoch they were read at, rather than read behind three group objects each time.
    private GateEpoch _gateEpoch = null!;
    private int _factorsEpoch = -1;
    private double _transmissionFactor;
    private double _dispatchFactor;
    private double _receiptFactor;

    /// <summary>
    /// A lane of the run, not yet behind its gates (<see cref="JoinGates"/>): the run makes all its lanes first and
    /// their gate groups after, so that the lanes lie next to each other in memory rather than between cold groups.
    /// </summary>
    public LaneRun(RunContext ctx, LanePlan plan, FeedRun feed, SupplierRun origin)
    {
        _ctx = ctx;
        Plan = plan;
        Feed = feed;
        Origin = origin;
        Share = plan.Spec.Share;
        _product = plan.ProductIndex;
        _sequence = feed.Plan.Trigger == TriggerKind.Sequence;
        _leadHours = plan.Spec.Trigger.LeadHours;
        // A copy of the scenario's distribution, made with the lane so that it lies next to it: a shipment's draw then
        // does not reach into the scenario's objects, far away and cold.
        _transitHours = plan.Spec.TransitHours with { };
        _fixedTransitHours = _transitHours.IsDeterministic ? _transitHours.Mean : double.NaN;
        feed.Lanes.Add(this);
    }

    /// <summary>Puts the lane behind its own, its supplier's and its destination's gates, and listens to them.</summary>
    public void JoinGates(GateGroup destinationTransmission, GateGroup destinationLogistics)
    {
        var laneTransmission = _ctx.Gate(Plan.Spec.Id, ItFunction.OrderTransmission);
        var laneLogistics = _ctx.Gate(Plan.Spec.Id, ItFunction.Logistics);
        Transmission = new GateGroup([.. destinationTransmission.Gates, .. Origin.OrderTransmission.Gates, laneTransmission]);
        SourceTransmission = new GateGroup([.. Origin.OrderTransmission.Gates, laneTransmission]);
        Dispatch = new GateGroup([.. Origin.Logistics.Gates, laneLogistics]);
        Receipt = destinationLogistics;
        _gateEpoch = laneTransmission.Epoch;
        Transmission.Listen(this);
        Dispatch.Listen(this);
        Receipt.Listen(this);
    }

    public LanePlan Plan { get; }

    /// <summary>This lane's share of its stock's orders (<see cref="LaneSpec.Share"/>).</summary>
    public double Share { get; }

    public FeedRun Feed { get; }

    public SupplierRun Origin { get; }

    public GateGroup Transmission { get; private set; } = null!;

    public GateGroup SourceTransmission { get; private set; } = null!;

    public GateGroup Dispatch { get; private set; } = null!;

    public GateGroup Receipt { get; private set; } = null!;

    private double TransmissionFactor
    {
        get
        {
            RefreshFactors();
            return _transmissionFactor;
        }
    }

    private double DispatchFactor
    {
        get
        {
            RefreshFactors();
            return _dispatchFactor;
        }
    }

    private double ReceiptFactor
    {
        get
        {
            RefreshFactors();
            return _receiptFactor;
        }
    }

    private void RefreshFactors()
    {
        if (_gateEpoch.Value == _factorsEpoch)
        {
            return;
        }

        _transmissionFactor = Transmission.Factor;
        _dispatchFactor = Dispatch.Factor;
        _receiptFactor = Receipt.Factor;
        _factorsEpoch = _gateEpoch.Value;
    }

    /// <summary>False while failed over: new orders go to the sibling lanes.</summary>
    public bool Active { get; private set; } = true;

    /// <summary>True once this lane's own qualification has passed since a sibling failed: it takes a share of the failed lanes' orders.</summary>
    public bool TakesOver { get; private set; }

    public double Allocated { get; private set; }

    public double Transmitted { get; private set; }

    public double Shipped { get; private set; }

    public double Received { get; private set; }

    /// <summary>Pieces shipped and not yet received (on the road or waiting at the gate).</summary>
    public double InTransit => Shipped - Received;

    /// <summary>Transmitted pieces the supplier has not shipped yet: the supplier's order book for this lane.</summary>
    public double Backlog => Transmitted - Shipped;

    /// <summary>Pieces already on the road at hour 0 (part of the material balance's opening stock).</summary>
    public double InitialInTransit { get; private set; }

    /// <summary>Puts <paramref name="units"/> on the road at hour 0, arriving in equal lots over <paramref name="hours"/>.</summary>
    public void PrimeInTransit(double units, double hours)
    {
        if (units <= 0)
        {
            return;
        }

        Allocated = Transmitted = Shipped = InitialInTransit = units;
        _ctx.Inventory.Open(units * Feed.Plan.UnitCost);
        var lots = Math.Max(1, (int)Math.Ceiling(hours / Plan.Spec.DispatchEveryHours - 1e-9));
        for (var k = 1; k <= lots; k++)
        {
            var arrival = hours * k / lots;
            if (Feed.Line is not null)
            {
                _road.Enqueue(units / lots, arrival);
            }
            else
            {
                _ctx.Env.CallAfter(arrival, this, units / lots);
            }
        }
    }

    /// <summary>
    /// Puts an imported shipment (<c>state.in_transit</c>) on the road at hour 0, due at <paramref name="arrivalHours"/>:
    /// it counts as ordered, transmitted and shipped, so no trigger orders it again and the supplier does not build it.
    /// </summary>
    public void AddInTransit(double units, double arrivalHours)
    {
        Allocated += units;
        Transmitted += units;
        Shipped += units;
        InitialInTransit += units;
        _ctx.Inventory.Open(units * Feed.Plan.UnitCost);
        if (Feed.Line is not null)
        {
            _road.Enqueue(units, arrivalHours);
        }
        else
        {
            _ctx.Env.CallAfter(arrivalHours, this, units);
        }
    }

    public void Allocate(double units)
    {
        Allocated += units;
        _callOffs.Add(Allocated, NeedHours(_ctx.Env.Now));
        SyncTransmission();
    }

    /// <summary>
    /// When an order placed at <paramref name="now"/> is needed: a sequence call-off <c>lead_hours</c> of its line's
    /// running later, any other order at once (so those are served in the order they were placed).
    /// </summary>
    private double NeedHours(double now) => SequenceLine is { } line
        ? line.Plan.Calendar.AddOpenHours(now, _leadHours)
        : now;

    /// <summary>Brings the transmitted quantity up to date under the current order-transmission gate.</summary>
    public void SyncTransmission()
    {
        var now = _ctx.Env.Now;
        if (now == _lastTransmitSync && Allocated == Transmitted)
        {
            // Already in step at this instant (a departure right after its call-off): the supplier was brought up to
            // now at that sync, and there is nothing left to transmit whatever the gate lets through.
            return;
        }

        // The supplier's production up to now used the old order book (bringing it up to date may already take in
        // this lane's new orders).
        Origin.AdvanceProduct(_product);
        var factor = TransmissionFactor;
        var before = Transmitted;
        if (factor >= 1)
        {
            Transmitted = Allocated;
        }
        else if (factor > 0)
        {
            Transmitted = Math.Min(Allocated, Transmitted + factor * Plan.NominalPerHour * (now - _lastTransmitSync));
        }

        _lastTransmitSync = now;
        if (Transmitted > before + 1e-12)
        {
            Book(before);
            WakeUp();
        }
    }

    /// <summary>Books the orders transmitted since <paramref name="from"/> with the supplier, each with its own need hour.</summary>
    private void Book(double from)
    {
        while (from < Transmitted - 1e-12 && _callOffs.Count > 0)
        {
            var end = _callOffs.OldestEnd;
            var to = Math.Min(end, Transmitted);
            if (to > from + 1e-12)
            {
                Origin.Enqueue(_product, this, to - from, _callOffs.OldestNeedHours);
                from = to;
            }

            if (end > Transmitted + 1e-12)
            {
                return;
            }

            _callOffs.DropOldest();
        }

        if (from < Transmitted - 1e-12)
        {
            Origin.Enqueue(_product, this, Transmitted - from, _ctx.Env.Now);
        }
    }

    /// <summary>The line whose jobs call this lane's parts off in sequence, or null for other triggers.</summary>
    public LineRun? SequenceLine => _sequence ? Feed.Line : null;

    /// <summary>The dispatcher whose trucks carry this lane's shipments.</summary>
    public DispatchRun Dispatcher { get; private set; } = null!;

    /// <summary>This lane's place among its dispatcher's lanes.</summary>
    public int DispatchSlot { get; private set; }

    /// <summary>
    /// True while the lane rides on its dispatcher's next departure: from the start, and from when it has new work until
    /// a departure finds nothing to ship for it.
    /// </summary>
    public bool OnNextDeparture { get; private set; } = true;

    /// <summary>This lane's place among its supplier's outgoing lanes (where the supplier keeps what it made for it).</summary>
    public int OriginSlot { get; private set; } = -1;

    /// <summary>Takes <paramref name="slot"/> among the origin supplier's outgoing lanes.</summary>
    public void JoinOrigin(int slot) => OriginSlot = slot;

    /// <summary>Rides on <paramref name="dispatcher"/>'s trucks from now on.</summary>
    public void JoinDispatcher(DispatchRun dispatcher)
    {
        Dispatcher = dispatcher;
        DispatchSlot = dispatcher.Add(this);
    }

    /// <summary>The lane had nothing to ship: a sequence lane asks its line to wake it at the next job's call-off.</summary>
    public void OnIdle()
    {
        OnNextDeparture = false;
        SequenceLine?.WakeAtNextJob(this);
    }

    /// <summary>
    /// A truck leaves: takes in the latest call-offs, ships what the supplier has ready for this lane, and tells
    /// whether the lane still has work (the dispatcher sleeps when no lane has).
    /// </summary>
    public bool Depart(double every)
    {
        Feed.SyncSequence();
        SyncTransmission();
        Ship(every);
        var lineJobs = Feed.Line?.JobsStarted ?? 0;
        var lineIdle = !_sequence || lineJobs == _jobsAtLastTick;
        _jobsAtLastTick = lineJobs;
        return !(lineIdle && Backlog <= 1e-9 && Allocated <= Transmitted + 1e-9);
    }

    /// <summary>
    /// Before working on <c>lanes[i]</c> in a loop: starts loading the lanes two ahead and what the next one reads beyond
    /// itself, so that their cache misses overlap with this lane's work (lanes' state is spread over the heap).
    /// </summary>
    public static void WarmAhead(ReadOnlySpan<LaneRun> lanes, int i)
    {
        if (i + 2 < lanes.Length)
        {
            CacheWarming.PrefetchWide(lanes[i + 2]);
        }

        if (i + 1 < lanes.Length)
        {
            lanes[i + 1].Warm();
        }
    }

    /// <summary>Starts loading what <see cref="Depart"/> reads beyond the lane itself.</summary>
    private void Warm()
    {
        CacheWarming.Prefetch(Feed);
        _callOffs.Warm();
        Origin.WarmProduct(_product);
    }

    /// <summary>New call-offs may be on their way: the dispatcher must not sleep through them.</summary>
    public void WakeUp()
    {
        if (OnNextDeparture)
        {
            return;
        }

        OnNextDeparture = true;
        Dispatcher.Wake(this);
    }

    private void Ship(double every)
    {
        var factor = DispatchFactor;
        if (factor <= 0 || Backlog <= 1e-9)
        {
            return;
        }

        var want = Backlog;
        if (factor < 1)
        {
            want = Math.Min(want, factor * Plan.NominalPerHour * every);
        }

        var units = Origin.Take(_product, this, want);
        if (units <= 1e-9)
        {
            return;
        }

        Shipped += units;
        // Fixed transit times draw nothing; the stream (named, so it never shifts another) is made when first needed.
        var transit = !double.IsNaN(_fixedTransitHours)
            ? _fixedTransitHours
            : DurationSampler.Sample(_transitHours, _transit ??= _ctx.Streams.For(Plan.TransitStreamName));
        var arrival = _ctx.Env.Now + transit;
        if (Feed.Line is not null)
        {
            // Shipments to a line are received lazily, when the line (or a sample) looks at its stock: no event per
            // truck. A line waiting for stock is told when the next one is due.
            _road.Enqueue(units, arrival);
            Feed.OnShipment(arrival);
        }
        else
        {
            _ctx.Env.CallAfter(transit, this, units);
        }
    }

    /// <summary>
    /// Hour the next shipment on the road will be received, or +infinity; also +infinity while goods receipt is down
    /// (its return receives what waits at the gate).
    /// </summary>
    public double NextArrivalHours => ReceiptFactor > 0 ? NextOnRoad : double.PositiveInfinity;

    /// <summary>Pieces due by now that a receipt would take in; reading it changes nothing.</summary>
    public double DueUnits()
    {
        if (_road.Count == 0 || ReceiptFactor <= 0)
        {
            return 0;
        }

        var now = _ctx.Env.Now;
        var units = 0.0;
        for (var i = 0; i < _road.Count; i++)
        {
            var lot = _road.Get(i);
            units += lot.Hours <= now ? lot.Units : 0;
        }

        return units;
    }

    private double NextOnRoad => _road.TryPeek(out _, out var time) ? time : double.PositiveInfinity;

    /// <summary>Receives every shipment that has reached the destination by now, unless its goods receipt is down.</summary>
    public void ReceiveDue()
    {
        if (_road.Count == 0 || ReceiptFactor <= 0)
        {
            return;
        }

        var now = _ctx.Env.Now;
        var units = 0.0;
        while (_road.TryPeek(out var lot, out var time) && time <= now)
        {
            _road.Dequeue();
            units += lot;
        }

        Hand(units);
    }

    /// <summary>Hands what was received to the stock (nothing when nothing came).</summary>
    private void Hand(double units)
    {
        if (units > 0)
        {
            Received += units;
            Feed.Receive(units);
        }
    }

    /// <summary>A shipment of <paramref name="units"/> reaches the supplier this lane delivers to.</summary>
    void ITimedHandler.OnTime(double units) => Arrive(_ctx.Env.Now, units);

    private void Arrive(double now, double units)
    {
        if (_road.Count == 0 && ReceiptFactor > 0)
        {
            // Nothing waits at the gate: the shipment is received as it arrives, without a turn through the road.
            Hand(units);
            return;
        }

        _road.Enqueue(units, now);
        ReceiveDue();
    }

    private bool WaitingAtGate => ReceiptFactor <= 0 && NextOnRoad <= _ctx.Env.Now;

    public void BeforeGateChange()
    {
        // Call-offs made and goods arrived up to this instant went through before the gate changed.
        Feed.SyncSequence();
        SyncTransmission();
        ReceiveDue();
    }

    public void AfterGateChange()
    {
        SyncTransmission();
        ReceiveDue();
        OnSourceChange();
    }

    /// <summary>Starts or ends a failover when the source can no longer (or again) take and ship orders.</summary>
    public void OnSourceChange()
    {
        if (Feed.Lanes.Count < 2)
        {
            return;
        }

        var down = Origin.Production.Factor <= 0 || Dispatch.Factor <= 0 || SourceTransmission.Factor <= 0;
        if (down == _sourceDown)
        {
            return;
        }

        _sourceDown = down;
        var generation = ++_failGeneration;
        if (!down)
        {
            if (!Active)
            {
                Active = true;
                Feed.OnLaneStateChange();
                _ctx.Log(Plan.Spec.Id, EventKinds.Failback, $"orders for part:{Plan.Spec.PartId} return to {Origin.Label}");
            }

            if (Feed.Lanes.All(l => l.Active))
            {
                foreach (var lane in Feed.Lanes)
                {
                    lane.TakesOver = false;
                }

                Feed.OnLaneStateChange();
            }

            return;
        }

        // Each sibling takes over after its own qualification: the failed lane's backlog and share move to the first
        // one qualified, and the others join as each qualifies.
        foreach (var sibling in Feed.Lanes)
        {
            if (sibling == this || !sibling.Active)
            {
                continue;
            }

            var taker = sibling;
            _ctx.Env.Timeout(taker.Plan.Spec.QualificationHours).AddCallback(_ =>
            {
                if (generation != _failGeneration || !_sourceDown || !taker.Active)
                {
                    return;
                }

                taker.TakesOver = true;
                Feed.OnLaneStateChange();
                if (!Active)
                {
                    return;
                }

                Active = false;
                Feed.OnLaneStateChange();
                Origin.Withdraw(_product, this);
                var moved = Allocated - Shipped;
                Allocated = Shipped;
                Transmitted = Math.Min(Transmitted, Allocated);
                _callOffs.Clear();
                _ctx.Log(Plan.Spec.Id, EventKinds.Failover, $"{moved:0.##} pieces of part:{Plan.Spec.PartId} moved to the other sources");
                Feed.Reallocate(moved);
            });
        }
    }

    /// <summary>Explains why a feed is short: the first lane with an identifiable root, else the first lane.</summary>
    public static void ExplainFeed(FeedRun feed, List<CauseLink> chain, int depth)
    {
        List<CauseLink>? fallback = null;
        foreach (var lane in feed.Lanes)
        {
            var attempt = new List<CauseLink>();
            lane.Explain(attempt, depth);
            if (attempt.Count > 0 && attempt[^1].Kind is not (CauseLinkKind.Supplier or CauseLinkKind.Part))
            {
                chain.AddRange(attempt);
                return;
            }

            fallback ??= attempt;
        }

        if (fallback is not null)
        {
            chain.AddRange(fallback);
        }
    }

    private void Explain(List<CauseLink> chain, int depth)
    {
        if (WaitingAtGate && Receipt.Cause is { } receipt)
        {
            chain.Add(receipt);
            return;
        }

        if (Transmission.Cause is { } transmission && Allocated > Transmitted + 1e-9)
        {
            chain.Add(Origin.CauseLink);
            chain.Add(transmission);
            return;
        }

        if (Dispatch.Cause is { } dispatch)
        {
            chain.Add(Origin.CauseLink);
            chain.Add(dispatch);
            return;
        }

        Origin.Explain(_product, chain, depth);
    }
}
