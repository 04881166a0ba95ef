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
/// it held plus what its lanes brought; an affected lane carries at most its rate times T plus its pipeline. The
/// time-to-survive is the largest T for which every line builds its rate times T; the loss over a recovery time D is
/// the least weighted shortfall of jobs over D (ties broken towards fewer lost units). Both are aggregate: transit
/// times, cadences and the order of events inside the interval do not appear, which is why the optimum is a bound the
/// simulated network's fixed rules can only reach, never beat.
/// </remarks>
internal static class SurvivalLp
{
    private const double Infinity = double.PositiveInfinity;

    /// <summary>The largest time every line's demand can be met in, or null when it is met for all of <paramref name="limitHours"/>.</summary>
    /// <exception cref="InvalidOperationException">GLOP did not find the optimum (a malformed model).</exception>
    public static double? TimeToSurviveHours(SurvivalModel model, double limitHours)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Lines.Any(l => l.PlannedJobsPerHour > 0 && l.RunningFraction <= 0))
        {
            return 0;
        }

        using var lp = new Program(model, limitHours, variableTime: true);
        lp.Solver.Objective().SetCoefficient(lp.Time!, 1);
        lp.Solver.Objective().SetMaximization();
        lp.Solve();
        var hours = lp.Time!.SolutionValue();
        return hours >= limitHours * (1 - 1e-9) ? null : Math.Max(0, hours);
    }

    /// <summary>The least loss over an outage of <paramref name="hours"/>.</summary>
    /// <exception cref="InvalidOperationException">GLOP did not find the optimum (a malformed model).</exception>
    public static SurvivalLoss MinimumLoss(SurvivalModel model, double hours)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var lp = new Program(model, hours, variableTime: false);
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
            var lost = Math.Max(0, (line.PlannedJobsPerHour * hours) - lp.Jobs[l].SolutionValue());
            units += lost;
            value += lost * line.LossPerUnit;
        }

        return new SurvivalLoss(units, value);
    }

    /// <summary>The constraints shared by both programs; time is a variable (survive) or the fixed hours (loss).</summary>
    private sealed class Program : IDisposable
    {
        private readonly double _hours;

        public Program(SurvivalModel model, double hours, bool variableTime)
        {
            Solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("the GLOP solver is not available");
            _hours = hours;
            Time = variableTime ? Solver.MakeNumVar(0, hours, "time_h") : null;
            var made = model.Products.Select(p => Solver.MakeNumVar(0, Infinity, $"make:{p.Id}")).ToArray();
            var flow = model.Lanes.Select(l => Solver.MakeNumVar(0, Infinity, $"flow:{l.Id}")).ToArray();
            Jobs = model.Lines.Select(l => Solver.MakeNumVar(0, variableTime ? 0 : l.JobsPerHour * hours, $"jobs:{l.Id}")).ToArray();

            for (var k = 0; k < model.Pools.Count; k++)
            {
                var pool = AtMost(0);
                AddTime(pool, -model.Pools[k].PerHour);
                for (var p = 0; p < model.Products.Count; p++)
                {
                    if (model.Products[p].Pool == k)
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
                    var carried = AtMost(lane.PipelineUnits);
                    carried.SetCoefficient(flow[l], 1);
                    AddTime(carried, -perHour);
                }
            }

            for (var l = 0; l < model.Lines.Count; l++)
            {
                var line = model.Lines[l];
                foreach (var use in line.Bom)
                {
                    if (variableTime)
                    {
                        AddTime(drawn[use.Stock], use.Quantity * line.JobsPerHour);
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

        /// <summary>Adds coefficient x T to the left side: on the time variable, or moved to the bound when T is fixed.</summary>
        private void AddTime(Constraint constraint, double coefficient)
        {
            if (Time is not null)
            {
                Add(constraint, Time, coefficient);
            }
            else
            {
                constraint.SetUb(constraint.Ub() - (coefficient * _hours));
            }
        }
    }
}
