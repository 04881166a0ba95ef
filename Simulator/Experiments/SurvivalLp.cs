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
/// times, cadences and the order of events inside the interval do not appear, which is why, from the same stocks (the
/// model's, which <see cref="SurvivalModelBuilder"/> takes from the runtime's state at the outage's start), the optimum
/// is a bound the simulated network's fixed rules can only reach, never beat.
/// </remarks>
internal static class SurvivalLp
{
    private const double Infinity = double.PositiveInfinity;

    /// <summary>The largest time every line's demand can be met in, or null when it is met for all of <paramref name="limitHours"/>.</summary>
    /// <remarks>
    /// Cumulative demand and capacity are linear in time between the clocks' opening and closing instants and the
    /// instants where the state's caps change slope, and within such a segment the hours at which demand can be met
    /// form one interval. Across segments they need not: while a line is closed for the night, or has built its day's
    /// demand, or while a supplier's shift adds more than the lines draw, an unmet demand may be met again at a later
    /// segment's end. So the segments' ends are checked in time order, and the program is solved on the first segment
    /// at whose end demand can no longer be met.
    /// </remarks>
    /// <exception cref="InvalidOperationException">GLOP did not find the optimum (a malformed model).</exception>
    public static double? TimeToSurviveHours(SurvivalModel model, double limitHours)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ends = SegmentEnds(model, limitHours);

        // A line the outage stops builds nothing: its demand fails at the first instant it was planned to build (at
        // once, unless it is closed or capped to nothing when the outage starts).
        var stopped = model.Lines
            .Where(l => l.PlannedJobsPerHour > 0 && l.RunningFraction <= 0)
            .Select(l => FirstPlannedJob(model, l, ends))
            .Min();

        // The others need checking only up to that instant (a segment's start, so one of the ends or 0).
        var upTo = stopped is { } at ? ends.Where(e => e <= at).ToList() : ends;
        return (upTo.Count > 0 ? OthersTimeToSurvive(model, upTo) : null) ?? stopped;
    }

    /// <summary>The start of the first segment in which <paramref name="line"/> is planned to build, or null when it builds nothing by the last end.</summary>
    private static double? FirstPlannedJob(SurvivalModel model, SurvivalLine line, List<double> ends)
    {
        var from = 0.0;
        foreach (var end in ends)
        {
            if (model.LineJobs(line, line.PlannedJobsPerHour, 0, end) > 1e-12)
            {
                return from;
            }

            from = end;
        }

        return null;
    }

    /// <summary>The time-to-survive of the lines the outage leaves running (a stopped line demands nothing here).</summary>
    private static double? OthersTimeToSurvive(SurvivalModel model, List<double> ends)
    {
        using var check = new Program(model, ends[0], 0);
        check.MaximizeJobs();
        for (var k = 0; k < ends.Count; k++)
        {
            check.MoveTo(ends[k]);
            if (check.Shortfall() <= 1e-7 * Math.Max(1, check.PossibleJobs))
            {
                continue;
            }

            var from = k == 0 ? 0 : ends[k - 1];
            using var lp = new Program(model, from, ends[k] - from);
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

    /// <summary>
    /// Hours after the start at which a clock opens or closes or a cap changes slope, up to and with
    /// <paramref name="limitHours"/>, ascending.
    /// </summary>
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

        model.AddCapEnds(limitHours, ends);
        return [.. ends];
    }

    /// <summary>
    /// The material balance over T = <c>fixedHours</c> + τ hours from the start with the lines on it: with a span the
    /// lines build their rate (under their demand caps) over T; without, T is fixed and the jobs are variables bounded
    /// by it.
    /// </summary>
    private sealed class Program : IDisposable
    {
        private readonly SurvivalModel _model;

        public Program(SurvivalModel model, double fixedHours, double span)
        {
            _model = model;
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

        /// <summary>With T fixed: the jobs the lines can build at most over T (the sum of the jobs' bounds).</summary>
        public double PossibleJobs => Jobs.Sum(j => j.Ub());

        /// <summary>With T fixed: moves T to <paramref name="hours"/> (the lines' jobs' bounds and the balance's rows).</summary>
        public void MoveTo(double hours)
        {
            Balance.MoveTo(hours);
            for (var l = 0; l < _model.Lines.Count; l++)
            {
                Jobs[l].SetUb(_model.LineJobs(_model.Lines[l], _model.Lines[l].JobsPerHour, 0, hours));
            }
        }

        /// <summary>Sets the objective to the most jobs of all lines together.</summary>
        public void MaximizeJobs()
        {
            foreach (var jobs in Jobs)
            {
                Solver.Objective().SetCoefficient(jobs, 1);
            }

            Solver.Objective().SetMaximization();
        }

        /// <summary>With T fixed and <see cref="MaximizeJobs"/>: the jobs short of <see cref="PossibleJobs"/>, at best.</summary>
        public double Shortfall()
        {
            Solve();
            return PossibleJobs - Solver.Objective().Value();
        }

        public void Solve()
        {
            var status = Solver.Solve();
            if (status != Solver.ResultStatus.OPTIMAL)
            {
                throw new InvalidOperationException($"the time-to-survive LP ended {status} instead of optimal");
            }
        }

        public void Dispose()
        {
            Balance.Dispose();
            foreach (var jobs in Jobs)
            {
                jobs.Dispose();
            }

            Solver.Dispose();
        }
    }
}
