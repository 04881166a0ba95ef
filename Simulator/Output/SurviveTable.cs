using System.Globalization;
using Simulator.Experiments;

namespace Simulator.Output;

/// <summary>The most urgent targets of a <c>survive</c> result, and the risks forming since a previous snapshot, as console tables.</summary>
public static class SurviveTable
{
    /// <summary>The first <paramref name="rows"/> targets, most urgent first, with the cause chains as notes.</summary>
    public static TextTable Build(SurviveResult result, int rows)
    {
        List<string> columns = ["rank", "node", "kind", "tier", "halt (h)", "back (h)", "mitigate", "lines at risk", "vehicles"];
        var cells = result.Nodes.Take(rows).Select(n => (IReadOnlyList<string>)
        [
            Invariant.Integer(n.Rank),
            n.Target.Id,
            n.Target.KindName,
            n.Target.TierText,
            n.HoursToHalt is { } halt ? Hours(halt) : "never",
            Hours(n.RecoveryHours),
            n.NeedsMitigation ? "YES" : "no",
            ListText.FirstTwo(n.LinesAtRisk),
            n.VehiclesAtRisk.ToString("#,0", CultureInfo.InvariantCulture),
        ]).ToList();
        if (result.Method == StressMethod.Lp)
        {
            columns.AddRange(["LP (h)", "LP lost"]);
            cells = cells.Zip(result.Nodes, (row, n) => (IReadOnlyList<string>)
            [
                .. row,
                n.Optimum?.TimeToSurviveHours is { } lp ? lp.ToString("0.###", CultureInfo.InvariantCulture) : "never",
                (n.Optimum?.LostUnits ?? 0).ToString("#,0", CultureInfo.InvariantCulture),
            ]).ToList();
        }

        var summary = result.Summary;
        var notes = new List<string>
        {
            $"every target fails at {result.AsOf.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} (hour {Invariant.Number(result.AsOfHours)}) for its own recovery time; "
            + "halt: hours until the first line halts; back: its recovery time; mitigate: a line halts before it is back; vehicles: units lost over the horizon",
            $"{summary.NeedMitigation.ToString(CultureInfo.InvariantCulture)} of {summary.Targets.ToString(CultureInfo.InvariantCulture)} targets need mitigation now (stock, a second source or a fallback)",
        };
        if (result.Method == StressMethod.Lp)
        {
            notes.Add("LP (h): hours every line can build its plan (its rate, or the day's demand where the state gives one) for at best, stock, capacity and goods in transit reallocated (a bound the simulated rules cannot beat); "
                + "LP lost: the least vehicles lost over the recovery time");
        }

        // Cause chains are long: one note each (they wrap between words) rather than a column squeezed to a few letters.
        notes.AddRange(result.Nodes.Take(rows).Where(n => n.CauseChain is not null)
            .Select(n => $"cause {Invariant.Integer(n.Rank)} ({n.Target.Id}): {HaltCause.Format(n.CauseChain)}"));
        if (result.Nodes.Count > rows)
        {
            notes.Add($"top {rows.ToString(CultureInfo.InvariantCulture)} of {result.Nodes.Count.ToString(CultureInfo.InvariantCulture)} targets; every target is in {SurviveCsv.FileName}");
        }

        notes.AddRange(result.Stress.Warnings.Select(w => "warning: " + w));
        return new TextTable(columns, cells, notes, "time to survive");
    }

    /// <summary>The first <paramref name="rows"/> risks that changed since the previous snapshot; null without one.</summary>
    public static TextTable? BuildChanges(SurviveResult result, int rows)
    {
        if (result.Changes is not { } changes)
        {
            return null;
        }

        List<string> columns = ["node", "kind", "was (h)", "now (h)", "shrank by (h)", "newly mitigate"];
        var cells = changes.Take(rows).Select(c => (IReadOnlyList<string>)
        [
            c.Id,
            c.Kind,
            c.PreviousHoursToHalt is { } was ? Hours(was) : c.InPrevious ? "never" : "new node",
            Hours(c.HoursToHalt),
            c.ShrankByHours is { } by ? Hours(by) : "-",
            c.NewlyNeedsMitigation ? "YES" : "no",
        ]).ToList();
        var notes = new List<string>
        {
            changes.Count == 0
                ? "no target halts a line sooner than in the previous snapshot"
                : $"{changes.Count.ToString(CultureInfo.InvariantCulture)} targets halt a line sooner than in the previous snapshot or newly need mitigation",
        };
        return new TextTable(columns, cells, notes, "risks forming since the previous snapshot");
    }

    private static string Hours(double hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);
}
