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
/// Over an interval of T hours from the outage's start, the <see cref="MaterialBalance"/>: each capacity makes at most
/// its rate times T, shared by the products drawing on it, and a product at most its planned output on the days the
/// state gives one; a product ships at most what it made plus its finished goods; a stock feeds at most what it held
/// plus what its lanes brought; an affected lane carries at most its rate times T. The time-to-survive is the largest
/// T for which every line builds its rate times T (on a day the state's demand caps, that day's jobs and no more); the
/// loss over a recovery time D is the least weighted shortfall of jobs against that plan over D (ties broken towards
/// fewer lost units). Both are aggregate: transit
/// times, cadences and the order of events inside the interval do not appear, which is why the optimum is a bound the
/// simulated network's fixed rules can only reach, never beat.
/// </remarks>
internal static class SurvivalLp
{
    private const double Infinity = double.PositiveInfinity;

    /// <summary>The largest time every line's demand can be met in, or null when it is met for all of <paramref name="limitHours"/>.</summary>
    /// <remarks>
    /// Cumulative demand and capacity are linear in time between the clocks' opening and closing instants and the
    /// instants where the state's caps change slope, so the program is solved on the first such segment at whose end
    /// demand can no longer be met. Feasibility is taken to fall once with time, as it does on constant rates, except
    /// where a line has built its day's demand (while it stands capacity keeps growing) and where a product's capped day
    /// whose figure was reached ends (production grows again): after those an unmet demand may be met again, so each
    /// stretch up to such an instant is checked in time order and the segment is found by bisection over the ends of
    /// the first stretch at whose end demand is not met.
    /// </remarks>
    /// <exception cref="InvalidOperationException">GLOP did not find the optimum (a malformed model).</exception>
    public static double? TimeToSurviveHours(SurvivalModel model, double limitHours)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Lines.Any(l => l.PlannedJobsPerHour > 0 && l.RunningFraction <= 0))
        {
            return 0;
        }

        var (ends, stops) = SegmentEnds(model, limitHours);
        bool Feasible(double hours) => Shortfall(model, hours) <= 1e-7 * Math.Max(1, model.Lines.Sum(l => model.LineJobs(l, l.JobsPerHour, 0, hours)));
        var first = 0;
        foreach (var stop in stops)
        {
            var last = ends.BinarySearch(stop);
            if (Feasible(stop))
            {
                first = last + 1;
                continue;
            }

            int low = first, high = last;
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
            lp.Solver.Objective().SetCoefficient(lp.Balance.Time!, 1);
            lp.Solver.Objective().SetMaximization();
            lp.Solve();
            return Math.Max(0, from + lp.Balance.Time!.SolutionValue());
        }

        return null;
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
            var planned = model.LineJobs(line, line.PlannedJobsPerHour, 0, hours);
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

    /// <summary>
    /// Hours after the start at which a clock opens or closes or a cap changes slope, up to and with
    /// <paramref name="limitHours"/>, ascending; and those after which an unmet demand may be met again (a line reaches
    /// its day's demand, a product's capped day ends after its figure was reached), with the limit.
    /// </summary>
    private static (List<double> Ends, List<double> Stops) SegmentEnds(SurvivalModel model, double limitHours)
    {
        var ends = new SortedSet<double> { limitHours };
        var stops = new SortedSet<double> { limitHours };
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

        model.AddCapEnds(limitHours, ends, stops);
        return (ends.ToList(), stops.ToList());
    }

    /// <summary>
    /// The material balance over T = <c>fixedHours</c> + τ hours from the start with the lines on it: with a span the
    /// lines build their rate (under their demand caps) over T; without, T is fixed and the jobs are variables bounded
    /// by it.
    /// </summary>
    private sealed class Program : IDisposable
    {
        public Program(SurvivalModel model, double fixedHours, double span)
        {
            Solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("the GLOP solver is not available");
            Balance = new MaterialBalance(Solver, model, fixedHours, span);
            var variableTime = Balance.Time is not null;
            Jobs = model.Lines
                .Select(l => Solver.MakeNumVar(0, variableTime ? 0 : model.LineJobs(l, l.JobsPerHour, 0, fixedHours), $"jobs:{l.Id}"))
                .ToArray();
            for (var l = 0; l < model.Lines.Count; l++)
            {
                if (variableTime)
                {
                    Balance.ConsumeAtRate(l);
                }
                else
                {
                    Balance.Consume(l, Jobs[l]);
                }
            }
        }

        public Solver Solver { get; }

        public MaterialBalance Balance { get; }

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
    }
}
