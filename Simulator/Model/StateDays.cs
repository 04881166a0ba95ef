using Simulator.Model.Specs;

namespace Simulator.Model;

/// <summary>A stretch of hours with a cap on what may be made or consumed in it.</summary>
/// <param name="FromHours">Start, hours from the scenario start.</param>
/// <param name="ToHours">End (exclusive).</param>
/// <param name="Units">Pieces at most in the stretch.</param>
internal sealed record DayCap(double FromHours, double ToHours, double Units);

/// <summary>
/// Turns the scenario's state tables into per-day caps: the calendar days (midnight to midnight in the offset of the
/// scenario's start) that a table gives figures for, clipped to the horizon.
/// </summary>
internal static class StateDays
{
    /// <summary>The day [from, to) in hours from <paramref name="start"/> that holds <paramref name="day"/>, clipped to [0, horizon).</summary>
    public static (double From, double To) Hours(DateTimeOffset start, DateOnly day, double horizonHours)
    {
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), start.Offset);
        var from = (midnight - start).TotalHours;
        return (Math.Clamp(from, 0, horizonHours), Math.Clamp(from + 24, 0, horizonHours));
    }

    /// <summary>The calendar day of the instant <paramref name="hours"/> after <paramref name="start"/>, in its offset.</summary>
    public static DateOnly DayOf(DateTimeOffset start, double hours) => DateOnly.FromDateTime(start.AddHours(hours).DateTime);

    /// <summary>
    /// Planned output per supplier product and day: the pieces of <c>state.planned_output</c> planned to complete on
    /// that day, an upper bound on what the product makes that day. Days without planned output are not capped.
    /// </summary>
    public static void ApplyPlannedOutput(ScenarioSpec scenario, IEnumerable<SupplierDraft> suppliers, double horizonHours)
    {
        var outputs = scenario.State?.PlannedOutput ?? [];
        if (outputs.Count == 0)
        {
            return;
        }

        var byProduct = outputs.ToLookup(o => (o.NodeId, o.PartId));
        foreach (var supplier in suppliers)
        {
            foreach (var product in supplier.Products)
            {
                var days = byProduct[(supplier.Spec.Id, product.Spec.PartId)]
                    .GroupBy(o => DayOf(scenario.Start, o.CompletionHours))
                    .OrderBy(g => g.Key);
                foreach (var day in days)
                {
                    var (from, to) = Hours(scenario.Start, day.Key, horizonHours);
                    if (to > from)
                    {
                        product.OutputCaps.Add(new DayCap(from, to, day.Sum(o => o.Quantity)));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Demand per line and day: the jobs the line builds on a day for which <c>state.demand</c> gives it figures, at
    /// most the fewest any of its parts' demand allows (pieces / pieces per job). A plant's demand for a part goes to
    /// its lines that use the part, in proportion to their planned use; a supplier's is not used (its demand follows
    /// from its customers'). The line's planned units are lowered by what the caps take off its calendar's plan.
    /// </summary>
    public static void ApplyDemand(ScenarioSpec scenario, IReadOnlyList<LineDraft> lines, double horizonHours)
    {
        var demand = scenario.State?.Demand ?? [];
        if (demand.Count == 0)
        {
            return;
        }

        var pieces = new Dictionary<(string Line, string Part, DateOnly Day), double>();
        void Add(string line, string part, DateOnly day, double units) =>
            pieces[(line, part, day)] = units + (pieces.TryGetValue((line, part, day), out var had) ? had : 0);

        var perJob = lines.ToDictionary(l => l, l => l.Feeds.ToDictionary(f => f.PartId, f => f.QuantityPerJob));
        foreach (var d in demand)
        {
            var users = lines
                .Where(l => (l.Spec.Id == d.NodeId || l.Spec.PlantId == d.NodeId) && perJob[l].ContainsKey(d.PartId))
                .Select(l => (Line: l, Use: l.Spec.RatePerHour * perJob[l][d.PartId]))
                .ToList();
            if (users.Any(u => u.Line.Spec.Id == d.NodeId))
            {
                Add(d.NodeId, d.PartId, d.Day, d.Quantity);
                continue;
            }

            var total = users.Sum(u => u.Use);
            foreach (var (line, use) in users)
            {
                Add(line.Spec.Id, d.PartId, d.Day, total > 0 ? d.Quantity * use / total : 0);
            }
        }

        var daysOfLine = pieces.Keys.ToLookup(k => k.Line, k => k.Day);
        foreach (var line in lines)
        {
            foreach (var day in daysOfLine[line.Spec.Id].Distinct().Order())
            {
                var jobs = line.Feeds
                    .Where(f => pieces.ContainsKey((line.Spec.Id, f.PartId, day)))
                    .Min(f => pieces[(line.Spec.Id, f.PartId, day)] / f.QuantityPerJob);
                var (from, to) = Hours(scenario.Start, day, horizonHours);
                if (to > from)
                {
                    line.JobCaps.Add(new DayCap(from, to, jobs));
                    var plan = line.Spec.RatePerHour * line.Calendar.OpenHoursBetween(from, to);
                    line.PlannedUnits -= Math.Max(0, plan - jobs);
                }
            }
        }
    }
}
