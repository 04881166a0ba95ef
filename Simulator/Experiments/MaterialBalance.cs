using Google.OrTools.LinearSolver;

namespace Simulator.Experiments;

/// <summary>
/// The material balance of a <see cref="SurvivalModel"/> over T = <c>fixedHours</c> + τ hours from the outage's start,
/// as rows on a GLOP <see cref="Solver"/>: each capacity makes at most its rate over T, shared by the products drawing
/// on it; a product makes at most its planned output on the days the state gives one; a product ships at most what it
/// made plus its finished goods; a stock feeds at most what it held plus what its lanes brought; an affected lane
/// carries at most its rate times T. The time-to-survive, time-to-recover and buffer-sizing programs add their lines'
/// consumption (<see cref="Consume"/>, <see cref="ConsumeAtRate"/>), their own variables on <see cref="Shipped"/> and
/// <see cref="Drawn"/>, and their objective.
/// </summary>
/// <remarks>
/// With a span, τ in [0, span] is the variable <see cref="Time"/>: what grows with T moves its amount up to the fixed
/// hours to the bound and its slope over the span onto τ, which is exact while the span lies inside one stretch on
/// which every clock and cap is linear. Without, T is fixed and the rows are constants.
/// </remarks>
internal sealed class MaterialBalance : IDisposable
{
    private const double Infinity = double.PositiveInfinity;

    private readonly Solver _solver;
    private readonly SurvivalModel _model;
    private readonly double _fixedHours;
    private readonly double _spanHours;

    // With T fixed: every row bound that grows with T, and every lane bound (its rate times T), so that MoveTo can set
    // them for another T on the same rows (GLOP then starts from the last basis).
    private readonly Dictionary<Constraint, double> _baseBounds = [];
    private readonly List<(Constraint Row, double Coefficient, Func<double, double, double> Between)> _growing = [];
    private readonly List<(Variable Flow, double PerHour, double FixedUnits)> _limitedFlows = [];

    // The solver's wrappers made here, disposed with the balance so that the finalizer thread need not.
    private readonly List<IDisposable> _wrappers = [];

    public MaterialBalance(Solver solver, SurvivalModel model, double fixedHours, double spanHours = 0)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(model);
        _solver = solver;
        _model = model;
        _fixedHours = fixedHours;
        _spanHours = spanHours;
        Time = spanHours > 0 ? Keep(solver.MakeNumVar(0, spanHours, "time_h")) : null;
        Made = model.Products.Select(_ => Keep(solver.MakeNumVar(0, Infinity, string.Empty))).ToArray();
        Flow = model.Lanes.Select(_ => Keep(solver.MakeNumVar(0, Infinity, string.Empty))).ToArray();

        for (var k = 0; k < model.Pools.Count; k++)
        {
            var pool = AtMost(0);
            var perHour = model.Pools[k].PerHour;
            var clock = model.Pools[k].Clock;
            AddGrowing(pool, -perHour, (from, to) => model.OpenHours(clock, model.StartHours + from, model.StartHours + to));
            for (var p = 0; p < model.Products.Count; p++)
            {
                if (model.Products[p].Pool == k || model.Products[p].OwnPool == k)
                {
                    pool.SetCoefficient(Made[p], 1);
                }
            }
        }

        for (var p = 0; p < model.Products.Count; p++)
        {
            var product = model.Products[p];
            if (product.OutputCaps is { Count: > 0 })
            {
                var planned = AtMost(0);
                planned.SetCoefficient(Made[p], 1);
                AddGrowing(planned, -1, (from, to) => model.ProductCeiling(product, from, to));
            }
        }

        Shipped = model.Products.Select(p => AtMost(p.FinishedUnits)).ToArray();
        Drawn = model.Stocks.Select(s => AtMost(s.Units)).ToArray();
        for (var p = 0; p < model.Products.Count; p++)
        {
            Shipped[p].SetCoefficient(Made[p], -1);
            foreach (var input in model.Products[p].Inputs)
            {
                Add(Drawn[input.Stock], Made[p], input.Quantity);
            }
        }

        for (var l = 0; l < model.Lanes.Count; l++)
        {
            var lane = model.Lanes[l];
            Shipped[lane.Product].SetCoefficient(Flow[l], 1);
            Add(Drawn[lane.Stock], Flow[l], -1);
            if (lane.PerHour is { } perHour)
            {
                if (Time is null)
                {
                    Flow[l].SetUb((perHour * fixedHours) + lane.FixedUnits);
                    _limitedFlows.Add((Flow[l], perHour, lane.FixedUnits));
                }
                else
                {
                    var carried = AtMost(lane.FixedUnits);
                    carried.SetCoefficient(Flow[l], 1);
                    AddGrowing(carried, -perHour, (from, to) => Math.Max(0, to - from));
                }
            }
        }
    }

    /// <summary>τ, the hours past the fixed ones; null when T is fixed.</summary>
    public Variable? Time { get; }

    /// <summary>Pieces each product makes over T, by <see cref="SurvivalModel.Products"/> index.</summary>
    public Variable[] Made { get; }

    /// <summary>Pieces each lane carries over T, by <see cref="SurvivalModel.Lanes"/> index.</summary>
    public Variable[] Flow { get; }

    /// <summary>Per product: shipped - made &lt;= finished goods.</summary>
    public Constraint[] Shipped { get; }

    /// <summary>Per stock: consumed - received &lt;= what it held.</summary>
    public Constraint[] Drawn { get; }

    /// <summary>Jobs of line <paramref name="line"/> drawn from its stocks, <paramref name="jobs"/> a variable of the caller.</summary>
    public void Consume(int line, Variable jobs)
    {
        foreach (var use in _model.Lines[line].Bom)
        {
            Add(Drawn[use.Stock], jobs, use.Quantity);
        }
    }

    /// <summary>Line <paramref name="line"/> builds its outage rate over T, under its demand caps, from its stocks.</summary>
    public void ConsumeAtRate(int line)
    {
        var model = _model;
        var spec = model.Lines[line];
        foreach (var use in spec.Bom)
        {
            AddGrowing(Drawn[use.Stock], use.Quantity, (from, to) => model.LineJobs(spec, spec.JobsPerHour, from, to));
        }
    }

    /// <summary>
    /// With T fixed (no span): sets every bound that grows with T for T = <paramref name="hours"/> instead, on the same
    /// rows, so that a program solved for one T can be solved again for another from where the solver stood.
    /// </summary>
    /// <exception cref="InvalidOperationException">The balance has a span.</exception>
    public void MoveTo(double hours)
    {
        if (Time is not null)
        {
            throw new InvalidOperationException("a balance over a span cannot move");
        }

        foreach (var (row, bound) in _baseBounds)
        {
            row.SetUb(bound);
        }

        foreach (var (row, coefficient, between) in _growing)
        {
            row.SetUb(row.Ub() - (coefficient * between(0, hours)));
        }

        foreach (var (flow, perHour, fixedUnits) in _limitedFlows)
        {
            flow.SetUb((perHour * hours) + fixedUnits);
        }
    }

    /// <summary>Disposes the wrappers of the variables and rows made here (the solver owns what they wrap).</summary>
    public void Dispose()
    {
        foreach (var wrapper in _wrappers)
        {
            wrapper.Dispose();
        }

        _wrappers.Clear();
    }

    private T Keep<T>(T wrapper)
        where T : IDisposable
    {
        _wrappers.Add(wrapper);
        return wrapper;
    }

    private Constraint AtMost(double bound) => Keep(_solver.MakeConstraint(-Infinity, bound));

    private static void Add(Constraint constraint, Variable variable, double coefficient) =>
        constraint.SetCoefficient(variable, constraint.GetCoefficient(variable) + coefficient);

    /// <summary>
    /// Adds coefficient x (the amount <paramref name="between"/> gives for hours [from, to) after the start, over T) to
    /// the left side: the amount up to the fixed hours moves to the bound, the span's share goes on <see cref="Time"/>.
    /// </summary>
    private void AddGrowing(Constraint constraint, double coefficient, Func<double, double, double> between)
    {
        var bound = constraint.Ub();
        constraint.SetUb(bound - (coefficient * between(0, _fixedHours)));
        if (Time is null)
        {
            _baseBounds.TryAdd(constraint, bound);
            _growing.Add((constraint, coefficient, between));
        }
        else
        {
            Add(constraint, Time, coefficient * (between(_fixedHours, _fixedHours + _spanHours) / _spanHours));
        }
    }
}
