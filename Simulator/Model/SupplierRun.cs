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
    private readonly double[] _produced;
    private double _advancedTo;

    public SupplierRun(RunContext ctx, SupplierPlan plan, IReadOnlyList<FeedRun> inputs)
    {
        _ctx = ctx;
        Plan = plan;
        Inputs = inputs;
        _finished = plan.Products.Select(p => p.InitialUnits).ToArray();
        _produced = new double[_finished.Length];
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
        }
    }

    public double FinishedUnits(int product)
    {
        Advance();
        return _finished[product];
    }

    /// <summary>Takes up to <paramref name="units"/> finished pieces of a product for a shipment.</summary>
    public double Take(int product, double units)
    {
        Advance();
        var taken = Math.Min(units, _finished[product]);
        _finished[product] -= taken;
        return taken;
    }

    /// <summary>Brings production up to the current time.</summary>
    public void Advance()
    {
        var now = _ctx.Env.Now;
        if (now <= _advancedTo)
        {
            return;
        }

        var hours = Plan.Calendar.OpenHoursBetween(_advancedTo, now) * Production.Factor;
        _advancedTo = now;
        if (hours <= 0)
        {
            return;
        }

        for (var p = 0; p < _finished.Length; p++)
        {
            Produce(p, hours);
        }

        foreach (var feed in Inputs)
        {
            feed.CheckKanban();
        }
    }

    private void Produce(int p, double hours)
    {
        var product = Plan.Products[p];
        var backlog = 0.0;
        foreach (var lane in Outgoing[p])
        {
            backlog += lane.Backlog;
        }

        var make = Math.Min(product.Spec.CapacityPerHour * hours, product.TargetUnits + backlog - _finished[p]);
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
            Inputs[product.InputFeedIndex[i]].Consume(make * inputs[i].QuantityPerJob);
        }

        _finished[p] += make;
        _produced[p] += make;
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
