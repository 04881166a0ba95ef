using System.Globalization;
using Simulator.Experiments;

namespace Simulator.Output;

/// <summary>The top of a stress-test ranking as a console table, with notes on how to read it.</summary>
public static class CriticalityTable
{
    /// <summary>Rows shown when the caller does not say.</summary>
    public const int DefaultRows = 15;

    /// <summary>The first <paramref name="rows"/> targets of the ranking.</summary>
    public static TextTable Build(StressTestResult result, int rows = DefaultRows)
    {
        List<string> columns =
        [
            "rank", "node", "kind", "tier", "down (h)", "halt (h)", "recover (h)", "lost", "risk", "mitigate", "lines halted",
        ];

        var cells = new List<IReadOnlyList<string>>();
        foreach (var entry in result.Ranking.Take(rows))
        {
            var outcome = entry.Primary;
            cells.Add(
            [
                entry.Rank.ToString(CultureInfo.InvariantCulture),
                entry.Target.Id,
                entry.Target.KindName,
                entry.Target.IsHidden ? entry.Target.TierText + " (hidden)" : entry.Target.TierText,
                Hours(outcome.DurationHours),
                TimeToHalt(outcome, result.Replications),
                outcome.TimeToRecoverHours is { } recover ? Hours(recover) : outcome.UnrecoveredRuns > 0 ? "beyond horizon" : "-",
                outcome.LostUnits.ToString("#,0", CultureInfo.InvariantCulture),
                outcome.RiskExposureIndex.ToString("0.00", CultureInfo.InvariantCulture),
                outcome.NeedsMitigation ? "YES" : "no",
                ListText.FirstTwo(outcome.LinesHalted),
            ]);
        }

        var notes = new List<string>
        {
            "down: hours the node is out; halt: hours from the outage's start to the first line halt; recover: hours from its end to full rate; lost: units against the baseline; risk: risk exposure index (1 = the worst target); mitigate: a line halts before the node is back",
        };
        if (result.Ranking.Count > rows)
        {
            notes.Add($"top {rows.ToString(CultureInfo.InvariantCulture)} of {result.Ranking.Count.ToString(CultureInfo.InvariantCulture)} targets; every target is in criticality.csv");
        }

        var summary = result.Summary();
        notes.Add($"{summary.NeedMitigation.ToString(CultureInfo.InvariantCulture)} targets stop a line before they are back (time to halt < duration): they need stock, a second source or a fallback; "
            + $"{summary.HiddenCostProduction.ToString(CultureInfo.InvariantCulture)} of the targets that cost production are beyond Tier 1 (hidden)");
        notes.Add($"every outage starts at hour {Invariant.Number(result.ReferenceHours)}; lost units are against the undisrupted run with the same seed"
            + (result.Replications > 1 ? $"; means over {result.Replications.ToString(CultureInfo.InvariantCulture)} replications, time to halt over the runs that halted (k/n: k of n runs never halted)" : string.Empty));
        if (result.SharedTargets > 0)
        {
            notes.Add($"{result.SharedTargets.ToString(CultureInfo.InvariantCulture)} of {result.Ranking.Count.ToString(CultureInfo.InvariantCulture)} targets took the result of an identical outage (no path to a line, or the same gates switched off): {result.Simulations.ToString(CultureInfo.InvariantCulture)} outage runs in all");
        }

        notes.AddRange(result.Warnings.Select(w => "warning: " + w));
        return new TextTable(columns, cells, notes);
    }

    /// <summary>
    /// With several durations, the same top targets read across every duration (lost units and time to halt), so the
    /// console shows what <c>--durations</c> asked for; null with one duration.
    /// </summary>
    public static TextTable? BuildByDuration(StressTestResult result, int rows = DefaultRows)
    {
        if (result.Ranking.Count == 0 || result.Ranking[0].Outcomes.Count < 2)
        {
            return null;
        }

        var durations = result.Ranking[0].Outcomes.Select(o => o.DurationHours).ToList();
        List<string> columns = ["rank", "node", .. durations.SelectMany(h => new[] { $"lost @{Hours(h)}h", $"halt @{Hours(h)}h" })];
        var cells = result.Ranking.Take(rows)
            .Select(entry => (IReadOnlyList<string>)
            [
                entry.Rank.ToString(CultureInfo.InvariantCulture),
                entry.Target.Id,
                .. entry.Outcomes.SelectMany(o => new[] { o.LostUnits.ToString("#,0", CultureInfo.InvariantCulture), TimeToHalt(o, result.Replications) }),
            ])
            .ToList();
        return new TextTable(
            columns, cells, ["lost units and hours to the first halt when every target is down that long; the rank follows the first duration"], "every duration");
    }

    /// <summary>
    /// With <c>--method lp</c>, the same top targets with the LP optimum beside the simulated time to halt and lost
    /// units; null without it.
    /// </summary>
    public static TextTable? BuildOptimum(StressTestResult result, int rows = DefaultRows)
    {
        if (!result.Ranking.Any(e => e.Primary.Optimum is not null))
        {
            return null;
        }

        List<string> columns = ["rank", "node", "down (h)", "halt (h)", "LP (h)", "lost", "LP lost", "risk", "LP risk"];
        var cells = result.Ranking.Take(rows)
            .Select(entry =>
            {
                var outcome = entry.Primary;
                var optimum = outcome.Optimum;
                return (IReadOnlyList<string>)
                [
                    entry.Rank.ToString(CultureInfo.InvariantCulture),
                    entry.Target.Id,
                    Hours(outcome.DurationHours),
                    TimeToHalt(outcome, result.Replications),
                    optimum?.TimeToSurviveHours is { } survive ? Hours(survive) : "never",
                    outcome.LostUnits.ToString("#,0", CultureInfo.InvariantCulture),
                    optimum?.LostUnits.ToString("#,0", CultureInfo.InvariantCulture) ?? "-",
                    outcome.RiskExposureIndex.ToString("0.00", CultureInfo.InvariantCulture),
                    optimum?.RiskExposureIndex.ToString("0.00", CultureInfo.InvariantCulture) ?? "-",
                ];
            })
            .ToList();
        return new TextTable(
            columns,
            cells,
            [
                "LP: the time-to-survive when stock, goods on the road and the capacity left are allocated as well as possible (LP optimum; never: beyond the horizon); LP lost and LP risk: the least loss over the outage and its risk exposure index",
                "the gap between halt and LP, and between lost and LP lost, is production that better allocation alone would save; see docs/stress-test.md for where the two differ",
            ],
            "simulated and LP optimum");
    }

    private static string Hours(double hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static string TimeToHalt(StressOutcome outcome, int replications)
    {
        var censored = replications > 1 && outcome.CensoredRuns > 0
            ? $" ({outcome.CensoredRuns.ToString(CultureInfo.InvariantCulture)}/{outcome.Runs.ToString(CultureInfo.InvariantCulture)})"
            : string.Empty;
        return (outcome.TimeToHaltHours is { } hours ? Hours(hours) : "never") + censored;
    }
}
