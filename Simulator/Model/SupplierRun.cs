using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>
/// A supplier at runtime. Production is fluid and evaluated lazily: between two touches (a dispatch, a receipt, a
/// gate change, a sample) every input is constant, so the output over the interval is capacity x open hours x the
/// production gate, capped by the demand known and by the inputs in stock.
/// </summary>
internal sealed class SupplierRun : IGateListener
{
    private readonly RunContext _ctx;
    private readonly double[] _finished;
    private readonly double[] _free;
    private readonly Queue<OrderSlice>[] _book;
    private readonly double[] _produced;
    private readonly double[] _backlogBefore;
    private readonly List<LaneRun> _sequenceLanes = [];
    private readonly double[] _backlog;
    private readonly bool[] _inputDrawn;
    private readonly List<int> _drawnInputs = [];
    private double _advancedTo;
    private bool _advancing;

    public SupplierRun(RunContext ctx, SupplierPlan plan, IReadOnlyList<FeedRun> inputs)
    {
        _ctx = ctx;
        Plan = plan;
        Inputs = inputs;
        _finished = plan.Products.Select(p => p.InitialUnits).ToArray();
        _produced = new double[_finished.Length];
        _free = (double[])_finished.Clone();
        _book = _finished.Select(_ => new Queue<OrderSlice>()).ToArray();
        _backlogBefore = new double[_finished.Length];
        _backlog = new double[_finished.Length];
        _inputDrawn = new bool[inputs.Count];
        Production = new GateGroup([ctx.Gate(plan.Spec.Id, ItFunction.ProductionControl)]);
        OrderTransmission = new GateGroup([ctx.Gate(plan.Spec.Id, ItFunction.OrderTransmission)]);
        Logistics = new GateGroup([ctx.Gate(plan.Spec.Id, ItFunction.Logistics)]);
        Production.Listen(this);
        foreach (var feed in inputs)
        {
            feed.Supplier = this;
        }
    }

    public SupplierPlan Plan { get; }

    public IReadOnlyList<FeedRun> Inputs { get; }

    public List<LaneRun>[] Outgoing { get; private set; } = [];

    public GateGroup Production { get; }

    public GateGroup OrderTransmission { get; }

    public GateGroup Logistics { get; }

    public string Label => $"supplier:{Plan.Spec.Id} (tier {Plan.Spec.Tier})";

    public void Wire(IEnumerable<LaneRun> lanes)
    {
        Outgoing = Plan.Products.Select(_ => new List<LaneRun>()).ToArray();
        foreach (var lane in lanes.Where(l => l.Plan.Origin == Plan))
        {
            Outgoing[lane.Plan.ProductIndex].Add(lane);
            if (lane.Feed.Plan.Trigger == TriggerKind.Sequence)
            {
                _sequenceLanes.Add(lane);
            }
        }
    }

    public double FinishedUnits(int product)
    {
        Advance();
        return _finished[product];
    }

    /// <summary>
    /// Takes up to <paramref name="units"/> finished pieces made for <paramref name="lane"/>'s orders. Orders are
    /// served first come, first served across all lanes, so a line that waits is not overtaken by one that runs.
    /// </summary>
    public double Take(int product, LaneRun lane, double units)
    {
        Advance();
        var taken = Math.Min(units, lane.Ready);
        lane.Ready -= taken;
        _finished[product] -= taken;
        _backlog[product] -= taken;
        return taken;
    }

    /// <summary>Books newly transmitted orders: served from free finished goods, else queued for production.</summary>
    public void Enqueue(int product, LaneRun lane, double units)
    {
        _backlog[product] += units;
        var fromStock = Math.Min(_free[product], units);
        _free[product] -= fromStock;
        lane.Ready += fromStock;
        if (units - fromStock > 1e-12)
        {
            _book[product].Enqueue(new OrderSlice(lane, units - fromStock));
        }
    }

    /// <summary>Cancels a lane's unshipped orders (it failed over): queued orders go, goods made for it become free.</summary>
    public void Withdraw(int product, LaneRun lane)
    {
        var kept = _book[product].Where(s => s.Lane != lane).ToList();
        _book[product].Clear();
        foreach (var slice in kept)
        {
            _book[product].Enqueue(slice);
        }

        _free[product] += lane.Ready;
        lane.Ready = 0;
        _backlog[product] -= lane.Backlog;
    }

    /// <summary>Brings production up to the current time.</summary>
    public void Advance()
    {
        var now = _ctx.Env.Now;
        if (now <= _advancedTo || _advancing)
        {
            return;
        }

        _advancing = true;
        var hours = Plan.Calendar.OpenHoursBetween(_advancedTo, now);
        var factor = Production.Factor;
        _advancedTo = now;

        // Sequence call-offs reach the supplier job by job, not in the lane's dispatch batches: take in what was
        // called off during the interval and spread it evenly over it, so production can start on it at once.
        for (var p = 0; p < _finished.Length; p++)
        {
            _backlogBefore[p] = Backlog(p);
        }

        // Other lanes' orders change only at the instants they are placed, each preceded by an advance.
        foreach (var lane in _sequenceLanes)
        {
            lane.Feed.SyncSequence();
            if (lane.Allocated > lane.Transmitted)
            {
                lane.SyncTransmission();
            }
        }

        if (hours > 0 && factor > 0)
        {
            for (var p = 0; p < _finished.Length; p++)
            {
                Produce(p, hours, factor, Backlog(p) - _backlogBefore[p]);
            }
        }

        _advancing = false;

        // Only a draw lowers an input's inventory position (receipts move stock from the road to the shelf).
        foreach (var f in _drawnInputs)
        {
            _inputDrawn[f] = false;
            Inputs[f].CheckKanban();
        }

        _drawnInputs.Clear();
    }

    /// <summary>
    /// Units a fluid producer makes in <paramref name="hours"/> at <paramref name="capacity"/> per hour, starting
    /// <paramref name="deficit"/> units short of what is wanted while new wants arrive at <paramref name="arrivals"/>
    /// per hour: full capacity while short, then just what arrives.
    /// </summary>
    internal static double FluidOutput(double deficit, double arrivals, double capacity, double hours)
    {
        if (hours <= 0)
        {
            return 0;
        }

        if (deficit <= 0)
        {
            if (arrivals <= 0 || -deficit / arrivals >= hours)
            {
                return 0;
            }

            // Caught up once the arrivals have eaten the surplus; from then on make what arrives, within capacity.
            return Math.Min(arrivals, capacity) * (hours + (deficit / arrivals));
        }

        if (arrivals >= capacity)
        {
            return capacity * hours;
        }

        var caughtUp = deficit / (capacity - arrivals);
        return caughtUp >= hours ? capacity * hours : (capacity * caughtUp) + (arrivals * (hours - caughtUp));
    }

    /// <summary>Transmitted, unshipped pieces of a product over all its lanes; kept as orders come and go.</summary>
    private double Backlog(int p) => _backlog[p];

    private void Produce(int p, double hours, double factor, double arrived)
    {
        var product = Plan.Products[p];
        var deficit = product.TargetUnits + Backlog(p) - arrived - _finished[p];
        var make = FluidOutput(deficit, arrived / hours, product.Spec.CapacityPerHour * factor, hours);
        if (make <= 1e-12)
        {
            return;
        }

        var inputs = product.Spec.Inputs;
        for (var i = 0; i < inputs.Count; i++)
        {
            var feed = Inputs[product.InputFeedIndex[i]];
            var possible = Math.Max(0, feed.OnHand) / inputs[i].QuantityPerJob;
            if (possible < make)
            {
                make = possible;
                if (!feed.StockOut)
                {
                    feed.StockOut = true;
                    _ctx.Log(Plan.Spec.Id, "stock_out", $"input part:{feed.Plan.PartId} ran out");
                }
            }
        }

        if (make <= 1e-12)
        {
            return;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var f = product.InputFeedIndex[i];
            Inputs[f].Consume(make * inputs[i].QuantityPerJob);
            if (!_inputDrawn[f])
            {
                _inputDrawn[f] = true;
                _drawnInputs.Add(f);
            }
        }

        _finished[p] += make;
        _produced[p] += make;
        var book = _book[p];
        while (make > 1e-12 && book.Count > 0)
        {
            var head = book.Peek();
            var assigned = Math.Min(head.Remaining, make);
            head.Lane.Ready += assigned;
            head.Remaining -= assigned;
            make -= assigned;
            if (head.Remaining <= 1e-12)
            {
                book.Dequeue();
            }
        }

        _free[p] += Math.Max(0, make);
    }

    /// <summary>Part of one lane's order waiting for production.</summary>
    private sealed class OrderSlice(LaneRun lane, double remaining)
    {
        public LaneRun Lane { get; } = lane;

        public double Remaining { get; set; } = remaining;
    }

    /// <summary>Pieces of a product made so far (for the material balance).</summary>
    public double ProducedUnits(int product) => _produced[product];

    public void BeforeGateChange() => Advance();

    public void AfterGateChange()
    {
        foreach (var lanes in Outgoing)
        {
            foreach (var lane in lanes)
            {
                lane.OnSourceChange();
            }
        }
    }

    /// <summary>Why this supplier cannot ship <paramref name="product"/>, appended to a cause chain.</summary>
    public void Explain(int product, List<string> chain, int depth)
    {
        chain.Add(Label);
        if (Production.Cause is { } cause)
        {
            chain.Add(cause);
            return;
        }

        if (Logistics.Cause is { } logistics)
        {
            chain.Add(logistics);
            return;
        }

        if (depth > 16)
        {
            return;
        }

        var spec = Plan.Products[product].Spec;
        for (var i = 0; i < spec.Inputs.Count; i++)
        {
            var feed = Inputs[Plan.Products[product].InputFeedIndex[i]];
            if (feed.OnHand < spec.Inputs[i].QuantityPerJob)
            {
                chain.Add($"part:{feed.Plan.PartId}");
                LaneRun.ExplainFeed(feed, chain, depth + 1);
                return;
            }
        }
    }
}

