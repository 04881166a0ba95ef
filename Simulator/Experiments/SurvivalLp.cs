using Google.OrTools.LinearSolver;

namespace Simulator.Experiments;

/// <summary>The least loss an outage of given hours must cost when everything left is allocated as well as possible.</summary>
/// <param name="LostUnits">Jobs not built over the outage against the plan, over every line.</param>
/// <param name="LostValue">Those jobs weighted by each line's loss per unit (the quantity minimised).</param>
internal sealed record SurvivalLoss(double LostUnits, double LostValue);

/// <summary>
/// Simchi-Levi's time-to-survive and time-to-recover linear programs on a <see cref="SurvivalModel"/>, solved with
/// GLOP: stock, finished goods, the capacity left and the flows on every lane are reallocated as well as possible.
/// </summary>
/// <remarks>
/// Over an interval of T hours from the outage's start: each capacity makes at most its rate times T, shared by the
/// products drawing on it; a product ships at most what it made plus its finished goods; a stock feeds at most what
/// it held plus what its lanes brought; an affected lane carries at most its rate times T. The
/// time-to-survive is the largest T for which every line builds its rate times T; the loss over a recovery time D is
/// the least weighted shortfall of jobs over D (ties broken towards fewer lost units). Both are aggregate: transit
/// times, cadences and the order of events inside the interval do not appear, which is why the optimum is a bound the
/// simulated network's fixed rules can only reach, never beat.
/// </remarks>
internal static class SurvivalLp
{
    private const double Infinity = double.PositiveInfinity;

    /// <summary>The largest time every line's demand can be met in, or null when it is met for all of <paramref name="limitHours"/>.</summary>
    /// <remarks>
    /// Cumulative demand and capacity are linear in time between the clocks' opening and closing instants, so the
    /// program is solved on the first such segment at whose end demand can no longer be met (found by bisection
    /// over the segment ends, taking feasibility to fall once with time, as it does on constant rates).
    /// </remarks>
    /// <exception cref="InvalidOperationException">GLOP did not find the optimum (a malformed model).</exception>
    public static double? TimeToSurviveHours(SurvivalModel model, double limitHours)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Lines.Any(l => l.PlannedJobsPerHour > 0 && l.RunningFraction <= 0))
        {
            return 0;
        }

        var ends = SegmentEnds(model, limitHours);
        bool Feasible(double hours) => Shortfall(model, hours) <= 1e-7 * Math.Max(1, model.Lines.Sum(l => l.JobsPerHour * model.OpenHours(l.Clock, model.StartHours, model.StartHours + hours)));
        if (Feasible(limitHours))
        {
            return null;
        }

        int low = 0, high = ends.Count - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Feasible(ends[middle]))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var from = low == 0 ? 0 : ends[low - 1];
        using var lp = new Program(model, from, ends[low] - from);
        lp.Solver.Objective().SetCoefficient(lp.Time!, 1);
        lp.Solver.Objective().SetMaximization();
        lp.Solve();
        return Math.Max(0, from + lp.Time!.SolutionValue());
    }

    /// <summary>The least loss over an outage of <paramref name="hours"/>.</summary>
    /// <exception cref="InvalidOperationException">GLOP did not find the optimum (a malformed model).</exception>
    public static SurvivalLoss MinimumLoss(SurvivalModel model, double hours)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var lp = new Program(model, hours, 0);
        var objective = lp.Solver.Objective();
        for (var l = 0; l < model.Lines.Count; l++)
        {
            objective.SetCoefficient(lp.Jobs[l], model.Lines[l].LossPerUnit);
        }

        objective.SetMaximization();
        lp.Solve();
        if (model.Lines.Select(l => l.LossPerUnit).Distinct().Count() > 1)
        {
            // Several optima may lose the same value; among them report the one that loses the fewest jobs.
            var best = objective.Value();
            var keep = lp.Solver.MakeConstraint(best - (1e-9 * Math.Max(1, Math.Abs(best))), Infinity);
            objective.Clear();
            for (var l = 0; l < model.Lines.Count; l++)
            {
                keep.SetCoefficient(lp.Jobs[l], model.Lines[l].LossPerUnit);
                objective.SetCoefficient(lp.Jobs[l], 1);
            }

            objective.SetMaximization();
            lp.Solve();
        }

        double units = 0, value = 0;
        for (var l = 0; l < model.Lines.Count; l++)
        {
            var line = model.Lines[l];
            var planned = line.PlannedJobsPerHour * model.OpenHours(line.Clock, model.StartHours, model.StartHours + hours);
            var lost = Math.Max(0, planned - lp.Jobs[l].SolutionValue());
            units += lost;
            value += lost * line.LossPerUnit;
        }

        return new SurvivalLoss(units, value);
    }

    /// <summary>Jobs short of what the lines can build over <paramref name="hours"/>, at best.</summary>
    private static double Shortfall(SurvivalModel model, double hours)
    {
        using var lp = new Program(model, hours, 0);
        double possible = 0;
        for (var l = 0; l < model.Lines.Count; l++)
        {
            lp.Solver.Objective().SetCoefficient(lp.Jobs[l], 1);
            possible += lp.Jobs[l].Ub();
        }

        lp.Solver.Objective().SetMaximization();
        lp.Solve();
        return possible - lp.Solver.Objective().Value();
    }

    /// <summary>Hours after the start at which a clock opens or closes, up to and with <paramref name="limitHours"/>, ascending.</summary>
    private static List<double> SegmentEnds(SurvivalModel model, double limitHours)
    {
        var ends = new SortedSet<double> { limitHours };
        foreach (var clock in model.Clocks ?? [])
        {
            var at = model.StartHours;
            var until = model.StartHours + limitHours;
            while (at < until)
            {
                var next = clock.IsOpen(at) ? clock.NextClose(at) : clock.NextOpen(at);
                if (!(next > at) || next >= until)
                {
                    break;
                }

                ends.Add(next - model.StartHours);
                at = next;
            }
        }

        return ends.ToList();
    }

    /// <summary>
    /// The constraints shared by every program over T = <c>fixedHours</c> + τ hours from the start: with a span, τ in
    /// [0, span] is the variable <see cref="Time"/> and the lines must build their rate over T (a clock's open hours
    /// grow linearly over the span, which holds inside one segment); without, T is fixed and the jobs are variables.
    /// </summary>
    private sealed class Program : IDisposable
    {
        private readonly SurvivalModel _model;
        private readonly double _fixedHours;
        private readonly double _span;

        public Program(SurvivalModel model, double fixedHours, double span)
        {
            Solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("the GLOP solver is not available");
            _model = model;
            _fixedHours = fixedHours;
            _span = span;
            var variableTime = span > 0;
            Time = variableTime ? Solver.MakeNumVar(0, span, "time_h") : null;
            var made = model.Products.Select(p => Solver.MakeNumVar(0, Infinity, $"make:{p.Id}")).ToArray();
            var flow = model.Lanes.Select(l => Solver.MakeNumVar(0, Infinity, $"flow:{l.Id}")).ToArray();
            Jobs = model.Lines
                .Select(l => Solver.MakeNumVar(0, variableTime ? 0 : l.JobsPerHour * model.OpenHours(l.Clock, model.StartHours, model.StartHours + fixedHours), $"jobs:{l.Id}"))
                .ToArray();

            for (var k = 0; k < model.Pools.Count; k++)
            {
                var pool = AtMost(0);
                AddTime(pool, -model.Pools[k].PerHour, model.Pools[k].Clock);
                for (var p = 0; p < model.Products.Count; p++)
                {
                    if (model.Products[p].Pool == k || model.Products[p].OwnPool == k)
                    {
                        pool.SetCoefficient(made[p], 1);
                    }
                }
            }

            var shipped = model.Products.Select(p => AtMost(p.FinishedUnits)).ToArray();
            var drawn = model.Stocks.Select(s => AtMost(s.Units)).ToArray();
            for (var p = 0; p < model.Products.Count; p++)
            {
                shipped[p].SetCoefficient(made[p], -1);
                foreach (var input in model.Products[p].Inputs)
                {
                    Add(drawn[input.Stock], made[p], input.Quantity);
                }
            }

            for (var l = 0; l < model.Lanes.Count; l++)
            {
                var lane = model.Lanes[l];
                shipped[lane.Product].SetCoefficient(flow[l], 1);
                Add(drawn[lane.Stock], flow[l], -1);
                if (lane.PerHour is { } perHour)
                {
                    var carried = AtMost(0);
                    carried.SetCoefficient(flow[l], 1);
                    AddTime(carried, -perHour, -1);
                }
            }

            for (var l = 0; l < model.Lines.Count; l++)
            {
                var line = model.Lines[l];
                foreach (var use in line.Bom)
                {
                    if (variableTime)
                    {
                        AddTime(drawn[use.Stock], use.Quantity * line.JobsPerHour, line.Clock);
                    }
                    else
                    {
                        Add(drawn[use.Stock], Jobs[l], use.Quantity);
                    }
                }
            }
        }

        public Solver Solver { get; }

        public Variable? Time { get; }

        public Variable[] Jobs { get; }

        public void Solve()
        {
            var status = Solver.Solve();
            if (status != Solver.ResultStatus.OPTIMAL)
            {
                throw new InvalidOperationException($"the time-to-survive LP ended {status} instead of optimal");
            }
        }

        public void Dispose() => Solver.Dispose();

        private Constraint AtMost(double bound) => Solver.MakeConstraint(-Infinity, bound);

        private static void Add(Constraint constraint, Variable variable, double coefficient) =>
            constraint.SetCoefficient(variable, constraint.GetCoefficient(variable) + coefficient);

        /// <summary>
        /// Adds coefficient x (open hours of <paramref name="clock"/> over T) to the left side: the hours up to the fixed
        /// part move to the bound, the span's share goes on the time variable.
        /// </summary>
        private void AddTime(Constraint constraint, double coefficient, int clock)
        {
            var start = _model.StartHours;
            constraint.SetUb(constraint.Ub() - (coefficient * _model.OpenHours(clock, start, start + _fixedHours)));
            if (Time is not null)
            {
                var slope = _model.OpenHours(clock, start + _fixedHours, start + _fixedHours + _span) / _span;
                Add(constraint, Time, coefficient * slope);
            }
        }
    }
}
