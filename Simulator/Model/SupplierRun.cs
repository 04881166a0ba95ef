using Simulator.Engine;
using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>
/// A supplier at runtime. Production is fluid and evaluated lazily: between two touches (a dispatch, a receipt, a
/// gate change, a sample) every input is constant, so the output over the interval is capacity x open hours x the
/// production gate, capped by the demand known and by the inputs in stock.
/// </summary>
/// <remarks>
/// Products that share no input are independent between gate changes, so they are brought up to date in production
/// cells (products linked by a shared input): an order for one product touches its cell only, and the work per touch
/// does not grow with the supplier's range. The supplier owns its order book and the finished goods made for each
/// lane's orders; lanes only ask it to book, take and withdraw.
/// </remarks>
internal sealed partial class SupplierRun : IGateListener
{
    private readonly RunContext _ctx;
    private readonly ProductState[] _products;
    private readonly ProductionCell[] _cells;
    private readonly ProductRecipe[] _recipes;
    private readonly FeedRun[] _inputs;

    // Read on every advance of a cell: kept here rather than behind Plan.
    private readonly Calendar _calendar;
    private readonly double? _sharedCapacityPerHour;

    // The production gate's factor for the run's gate epoch it was read at, read again when any gate changes.
    private readonly GateEpoch _gateEpoch;
    private int _productionEpoch = -1;
    private double _productionFactor;
    private double[] _ready = [];

    public SupplierRun(RunContext ctx, SupplierPlan plan, IReadOnlyList<FeedRun> inputs)
    {
        _ctx = ctx;
        Plan = plan;
        _inputs = [.. inputs];
        _calendar = plan.Calendar;
        _sharedCapacityPerHour = plan.Spec.CapacityPerHour;
        var (cellOfProduct, members, cellInputs) = ProductionCell.Partition(plan, inputs.Count);
        _cells = new ProductionCell[members.Length];
        _recipes = new ProductRecipe[plan.Products.Count];
        for (var c = 0; c < members.Length; c++)
        {
            // Each cell is made just before its products' recipes: advancing it then reads one stretch of memory.
            _cells[c] = new ProductionCell(members[c], cellInputs[c], inputs.Count);
            foreach (var p in members[c])
            {
                _recipes[p] = new ProductRecipe(plan.Products[p], inputs);
            }
        }

        _products = plan.Products.Select((p, i) => new ProductState(p.InitialUnits, _cells[cellOfProduct[i]])).ToArray();
        for (var c = 0; c < _cells.Length; c++)
        {
            foreach (var f in _cells[c].Inputs)
            {
                inputs[f].InputCell = c;
            }
        }

        var production = ctx.Gate(plan.Spec.Id, ItFunction.ProductionControl);
        Production = new GateGroup([production]);
        _gateEpoch = production.Epoch;
        OrderTransmission = new GateGroup([ctx.Gate(plan.Spec.Id, ItFunction.OrderTransmission)]);
        Logistics = new GateGroup([ctx.Gate(plan.Spec.Id, ItFunction.Logistics)]);
        Production.Listen(this);
        foreach (var feed in inputs)
        {
            feed.ServeSupplier(this);
            ctx.Inventory.Open(feed.Plan.InitialUnits * feed.Plan.UnitCost);
        }

        foreach (var product in plan.Products)
        {
            ctx.Inventory.Open(product.InitialUnits * product.UnitCost);
        }

        ScheduleOutputCaps();
    }

    public SupplierPlan Plan { get; }

    public IReadOnlyList<FeedRun> Inputs => _inputs;

    public IReadOnlyList<LaneRun>[] Outgoing { get; private set; } = [];

    public GateGroup Production { get; }

    public GateGroup OrderTransmission { get; }

    public GateGroup Logistics { get; }

    public string Label => $"supplier:{Plan.Spec.Id} (tier {Plan.Spec.Tier})";

    /// <summary>This supplier as a link of a cause chain.</summary>
    public CauseLink CauseLink => CauseLink.Supplier(Plan.Spec.Id, Plan.Spec.Tier);

    /// <summary>Connects the lanes that ship this supplier's products, in scenario order.</summary>
    public void Wire(IReadOnlyList<LaneRun> outgoing)
    {
        var byProduct = Plan.Products.Select(_ => new List<LaneRun>()).ToArray();
        for (var slot = 0; slot < outgoing.Count; slot++)
        {
            var lane = outgoing[slot];
            lane.JoinOrigin(slot);
            byProduct[lane.Plan.ProductIndex].Add(lane);
            if (lane.Feed.Plan.Trigger == TriggerKind.Sequence)
            {
                _products[lane.Plan.ProductIndex].Cell.AddSequenceLane(lane);
            }
        }

        Outgoing = byProduct;
        _ready = new double[outgoing.Count];
    }

    /// <summary>
    /// Finished pieces as of the supplier's last activity for that product (its production is computed lazily); reading
    /// it changes nothing, so a time series can record it without changing the run.
    /// </summary>
    public double ObservedFinishedUnits(int product) => _products[product].Finished;

    public double FinishedUnits(int product)
    {
        AdvanceProduct(product);
        return _products[product].Finished;
    }

    /// <summary>Finished pieces made for <paramref name="lane"/>'s orders and not shipped yet.</summary>
    public double ReadyFor(LaneRun lane) => _ready[lane.OriginSlot];

    /// <summary>
    /// Takes up to <paramref name="units"/> finished pieces made for <paramref name="lane"/>'s orders. Orders are
    /// built by need date across all lanes (ties in scenario order), so a line that waits is not overtaken by one that
    /// runs, and lines whose backlogs are released together get their parts together.
    /// </summary>
    public double Take(int product, LaneRun lane, double units)
    {
        AdvanceProduct(product);
        var slot = lane.OriginSlot;
        var taken = Math.Min(units, _ready[slot]);
        _ready[slot] -= taken;
        ref var state = ref _products[product];
        state.Finished -= taken;
        state.Backlog -= taken;
        return taken;
    }

    /// <summary>
    /// Books newly transmitted orders needed at <paramref name="needHours"/>: served from free finished goods, else
    /// queued for production by need date.
    /// </summary>
    public void Enqueue(int product, LaneRun lane, double units, double needHours)
    {
        ref var state = ref _products[product];
        state.Backlog += units;
        var slot = lane.OriginSlot;
        var fromStock = Math.Min(state.Free, units);
        state.Free -= fromStock;
        _ready[slot] += fromStock;
        if (units - fromStock > 1e-12)
        {
            state.Book.Add(slot, units - fromStock, needHours);
        }
    }

    /// <summary>Cancels a lane's unshipped orders (it failed over): queued orders go, goods made for it become free.</summary>
    public void Withdraw(int product, LaneRun lane)
    {
        var slot = lane.OriginSlot;
        ref var state = ref _products[product];
        state.Book.Remove(slot);
        state.Free += _ready[slot];
        _ready[slot] = 0;
        state.Backlog -= lane.Backlog;
    }

    /// <summary>Brings every product up to the current time (before a gate of the supplier changes, and at samples).</summary>
    public void Advance()
    {
        foreach (var cell in _cells)
        {
            AdvanceCell(cell);
        }
    }

    /// <summary>Starts loading the production cell of <paramref name="product"/>.</summary>
    public void WarmProduct(int product) => CacheWarming.Prefetch(_products[product].Cell);

    private double ProductionFactor
    {
        get
        {
            if (_gateEpoch.Value != _productionEpoch)
            {
                _productionFactor = Production.Factor;
                _productionEpoch = _gateEpoch.Value;
            }

            return _productionFactor;
        }
    }

    /// <summary>Brings the production of <paramref name="product"/> (and the products sharing its inputs) up to now.</summary>
    public void AdvanceProduct(int product) => AdvanceCell(_products[product].Cell);

    /// <summary>Brings the products that draw on <paramref name="input"/> up to now, before its stock changes.</summary>
    public void AdvanceInput(FeedRun input)
    {
        if (input.InputCell >= 0)
        {
            AdvanceCell(_cells[input.InputCell]);
        }
    }

    private void AdvanceCell(ProductionCell cell)
    {
        var now = _ctx.Env.Now;
        if (now <= cell.AdvancedTo)
        {
            // Also what keeps a call-off taken in below from advancing this cell again at the same instant.
            return;
        }

        var hours = _calendar.OpenHoursBetween(cell.AdvancedTo, now);
        var factor = ProductionFactor;
        cell.AdvancedFrom = cell.AdvancedTo;
        cell.AdvancedTo = now;

        // Sequence call-offs reach the supplier job by job, not in the lane's dispatch batches: take in what was
        // called off during the interval and spread it evenly over it, so production can start on it at once.
        var sole = cell.SoleProduct;
        if (sole >= 0)
        {
            _products[sole].ArrivedBefore = _products[sole].Backlog;
        }
        else
        {
            foreach (var p in cell.Products)
            {
                _products[p].ArrivedBefore = _products[p].Backlog;
            }
        }

        var sequenceLanes = cell.SequenceLanes;
        for (var i = 0; i < sequenceLanes.Length; i++)
        {
            LaneRun.WarmAhead(sequenceLanes, i);
            var lane = sequenceLanes[i];
            lane.Feed.SyncSequence();
            if (lane.Allocated > lane.Transmitted)
            {
                lane.SyncTransmission();
            }
        }

        if (hours > 0 && factor > 0 && _sharedCapacityPerHour is { } shared)
        {
            ProduceShared(cell, hours, factor, shared);
        }
        else if (hours > 0 && factor > 0 && sole >= 0)
        {
            Produce(sole, hours, factor, _products[sole].Backlog - _products[sole].ArrivedBefore);
        }
        else if (hours > 0 && factor > 0)
        {
            foreach (var p in cell.Products)
            {
                Produce(p, hours, factor, _products[p].Backlog - _products[p].ArrivedBefore);
            }
        }

        // Only a draw lowers an input's inventory position (receipts move stock from the road to the shelf).
        foreach (var f in cell.Inputs)
        {
            if (cell.Drawn[f])
            {
                cell.Drawn[f] = false;
                _inputs[f].CheckKanban();
            }
        }
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

    /// <summary>Makes product <paramref name="p"/> over the interval, at most <paramref name="limit"/> pieces (its part of a shared capacity).</summary>
    private void Produce(int p, double hours, double factor, double arrived, double limit = double.PositiveInfinity)
    {
        var recipe = _recipes[p];
        var make = Math.Min(Math.Min(limit, Allowance(p)), Want(p, hours, recipe.CapacityPerHour * factor, arrived));
        if (make <= 1e-12)
        {
            return;
        }

        var inputs = recipe.Inputs;
        for (var i = 0; i < inputs.Length; i++)
        {
            var feed = inputs[i].Feed;
            var possible = Math.Max(0, feed.OnHand) / inputs[i].PerPiece;
            if (possible < make)
            {
                make = possible;
                if (feed.RunOut())
                {
                    _ctx.Log(Plan.Spec.Id, EventKinds.StockOut, $"input part:{feed.Plan.PartId} ran out");
                }
            }
        }

        if (make <= 1e-12)
        {
            return;
        }

        var cell = _products[p].Cell;
        var added = make * recipe.UnitCost;
        for (var i = 0; i < inputs.Length; i++)
        {
            var (feed, perPiece, index) = inputs[i];
            var drawn = make * perPiece;
            feed.Consume(drawn);
            added -= drawn * feed.UnitCost;
            cell.Drawn[index] = true;
        }

        // Fluid output is made over the interval just computed: count it at the interval's middle.
        var now = _ctx.Env.Now;
        _ctx.Inventory.Change(added, now - ((now - cell.AdvancedFrom) / 2));

        ref var state = ref _products[p];
        state.Finished += make;
        state.Produced += make;
        Allow(p, -make);
        state.Free += state.Book.Serve(make, _ready);
    }

    /// <summary>Pieces of a product made so far (for the material balance).</summary>
    public double ProducedUnits(int product) => _products[product].Produced;

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
    public void Explain(int product, List<CauseLink> chain, int depth)
    {
        chain.Add(CauseLink);
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
                chain.Add(CauseLink.Part(feed.Plan.PartId));
                LaneRun.ExplainFeed(feed, chain, depth + 1);
                return;
            }
        }
    }

    /// <summary>
    /// One product's finished goods and orders: read together on every take, booking and production step, so kept in
    /// one entry of one array rather than in one array per field (one cache line per touch, not six).
    /// </summary>
    private struct ProductState(double initialUnits, ProductionCell cell)
    {
        /// <summary>Pieces on hand.</summary>
        public double Finished = initialUnits;

        /// <summary>Pieces on hand and promised to no lane.</summary>
        public double Free = initialUnits;

        /// <summary>Pieces owed to the lanes (booked, not yet taken).</summary>
        public double Backlog;

        /// <summary>The backlog when the product's cell last started to advance: what was called off before it.</summary>
        public double ArrivedBefore;

        public double Produced;

        /// <summary>The production cell the product belongs to.</summary>
        public readonly ProductionCell Cell = cell;

        public OrderBook Book = new();
    }
}
