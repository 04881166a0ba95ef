using Simulator.Model;

namespace Simulator.Experiments;

/// <summary>
/// The state's demand and planned output on the model: cumulative jobs and production, piecewise linear in time,
/// and the instants where their slope changes.
/// </summary>
internal sealed partial record SurvivalModel
{
    /// <summary>
    /// Jobs <paramref name="line"/> builds in hours [<paramref name="fromHours"/>, <paramref name="toHours"/>) after the
    /// start at <paramref name="perHour"/> an open hour, under its demand caps: as the simulation does, on a capped day
    /// it builds at its rate until it has built the day's jobs and then stands until the day ends. A day begun before
    /// the start counts the jobs it built before it at the planned rate.
    /// </summary>
    public double LineJobs(SurvivalLine line, double perHour, double fromHours, double toHours) =>
        Between(line.Clock, line.JobCaps, perHour, line.PlannedJobsPerHour, fromHours, toHours);

    /// <summary>
    /// The most <paramref name="product"/> can make in hours [<paramref name="fromHours"/>, <paramref name="toHours"/>)
    /// after the start under its planned output: its capacity (the least of its capacities' rates) outside capped days,
    /// at most the day's planned pieces on them (a day begun before the start keeps all of them: what was made before
    /// is not known).
    /// </summary>
    public double ProductCeiling(SurvivalProduct product, double fromHours, double toHours) =>
        Between(Pools[product.Pool].Clock, product.OutputCaps, ProductPerHour(product), 0, fromHours, toHours);

    /// <summary>
    /// Hours after the start, in (0, <paramref name="limitHours"/>), where a cap changes the slope of a line's jobs or a
    /// product's ceiling: a capped day's start and end and the instant its figure is reached.
    /// </summary>
    public void AddCapEnds(double limitHours, ISet<double> ends)
    {
        foreach (var line in Lines)
        {
            AddCapEnds(line.Clock, line.JobCaps, line.JobsPerHour, line.PlannedJobsPerHour, limitHours, ends);
        }

        foreach (var product in Products)
        {
            AddCapEnds(Pools[product.Pool].Clock, product.OutputCaps, ProductPerHour(product), 0, limitHours, ends);
        }
    }

    private double Between(int clock, IReadOnlyList<DayCap>? caps, double perHour, double priorPerHour, double fromHours, double toHours) =>
        caps is not { Count: > 0 } ? perHour * OpenHours(clock, StartHours + fromHours, StartHours + toHours)
        : Capped(clock, caps, perHour, priorPerHour, toHours) - Capped(clock, caps, perHour, priorPerHour, fromHours);

    private double ProductPerHour(SurvivalProduct product) =>
        Math.Min(Pools[product.Pool].PerHour, product.OwnPool >= 0 ? Pools[product.OwnPool].PerHour : double.PositiveInfinity);

    /// <summary>Units made at <paramref name="perHour"/> an open hour in the first <paramref name="hours"/>, each capped day at most its figure.</summary>
    private double Capped(int clock, IReadOnlyList<DayCap>? caps, double perHour, double priorPerHour, double hours)
    {
        var from = StartHours;
        var to = StartHours + hours;
        var units = perHour * OpenHours(clock, from, to);
        foreach (var cap in caps ?? [])
        {
            var dayFrom = Math.Max(cap.FromHours, from);
            var dayTo = Math.Min(cap.ToHours, to);
            if (dayTo <= dayFrom)
            {
                continue;
            }

            var inDay = perHour * OpenHours(clock, dayFrom, dayTo);
            units -= inDay - Math.Min(Left(clock, cap, priorPerHour), inDay);
        }

        return units;
    }

    /// <summary>What a capped day still allows from the start: its figure less what it made before at <paramref name="priorPerHour"/>.</summary>
    private double Left(int clock, DayCap cap, double priorPerHour) =>
        Math.Max(0, cap.Units - Math.Min(cap.Units, priorPerHour * OpenHours(clock, cap.FromHours, StartHours)));

    /// <summary>
    /// The slope changes of one line's jobs or one product's ceiling: each capped day's start and end, and where its
    /// figure is reached.
    /// </summary>
    private void AddCapEnds(
        int clock, IReadOnlyList<DayCap>? caps, double perHour, double priorPerHour, double limitHours, ISet<double> ends)
    {
        void Add(double at)
        {
            var hours = at - StartHours;
            if (hours > 0 && hours < limitHours)
            {
                ends.Add(hours);
            }
        }

        foreach (var cap in caps ?? [])
        {
            var dayFrom = Math.Max(cap.FromHours, StartHours);
            if (cap.ToHours <= dayFrom)
            {
                continue;
            }

            Add(dayFrom);
            var left = Left(clock, cap, priorPerHour);
            Add(cap.ToHours);
            if (perHour > 0 && left < perHour * OpenHours(clock, dayFrom, cap.ToHours))
            {
                var reached = clock < 0 || Clocks is null ? dayFrom + (left / perHour) : Clocks[clock].AddOpenHours(dayFrom, left / perHour);
                Add(reached);
            }
        }
    }
}
