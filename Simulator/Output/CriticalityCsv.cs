using Simulator.Experiments;

namespace Simulator.Output;

/// <summary>Writer of <c>criticality.csv</c>: one row per stress-test target, most critical first.</summary>
/// <remarks>
/// Line and plant ids are joined by <c>;</c>. With several durations the base columns hold the first (ranking) duration
/// and one column set per duration follows, each column suffixed <c>_at_{hours}h</c>. With replications a
/// <c>censored_runs</c> column (runs in which no line halted) follows each time-to-halt set. With <c>--method lp</c>
/// the LP optimum follows each set: <c>lp_time_to_survive_h</c> beside the simulated <c>time_to_halt_h</c>,
/// <c>lp_lost_units</c> and <c>lp_risk_exposure_index</c>.
/// </remarks>
public static class CriticalityCsv
{
    /// <summary>File name in the results folder.</summary>
    public const string FileName = "criticality.csv";

    /// <summary>The columns of a single duration and a single replication, in order.</summary>
    public static IReadOnlyList<string> BaseColumns { get; } =
    [
        "rank", "node", "kind", "tier", "duration_h", "time_to_halt_h", "lines_halted", "plants_halted", "lost_units",
        "time_to_recover_h", "needs_mitigation", "risk_exposure_index",
    ];

    /// <summary>The LP columns that follow each column set with <c>--method lp</c>.</summary>
    public static IReadOnlyList<string> OptimumColumns { get; } = ["lp_time_to_survive_h", "lp_lost_units", "lp_risk_exposure_index"];

    private static readonly string[] OutcomeColumns =
        ["time_to_halt_h", "lines_halted", "plants_halted", "lost_units", "time_to_recover_h", "needs_mitigation", "risk_exposure_index"];

    /// <summary>The header for <paramref name="result"/>: the base columns, then the censored count and the per-duration sets when they apply.</summary>
    public static IReadOnlyList<string> Columns(StressTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = BaseColumns.ToList();
        var replicated = result.Replications > 1;
        var margins = HasMargins(result);
        if (margins)
        {
            columns.Add("lost_margin");
        }

        if (replicated)
        {
            columns.Add("censored_runs");
        }

        var optimum = HasOptimum(result);
        if (optimum)
        {
            columns.AddRange(OptimumColumns);
        }

        if (result.DurationsHours.Count > 1)
        {
            foreach (var hours in result.DurationsHours)
            {
                var suffix = $"_at_{Invariant.Number(hours)}h";
                columns.AddRange(OutcomeColumns.Select(c => c + suffix));
                if (margins)
                {
                    columns.Add("lost_margin" + suffix);
                }

                if (replicated)
                {
                    columns.Add("censored_runs" + suffix);
                }

                if (optimum)
                {
                    columns.AddRange(OptimumColumns.Select(c => c + suffix));
                }
            }
        }

        return columns;
    }

    /// <summary>Writes the ranking with its header.</summary>
    public static void Write(TextWriter writer, StressTestResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = ResultsCsv.Open(writer, Columns(result));
        var replicated = result.Replications > 1;
        foreach (var entry in result.Ranking)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var primary = entry.Primary;
            csv.WriteField(Invariant.Integer(entry.Rank));
            csv.WriteField(entry.Target.Id);
            csv.WriteField(entry.Target.KindName);
            csv.WriteField(entry.Target.TierText);
            csv.WriteField(Invariant.Number(primary.DurationHours));
            var margins = HasMargins(result);
            WriteOutcome(csv, primary, replicated, margins);
            if (result.DurationsHours.Count > 1)
            {
                foreach (var outcome in entry.Outcomes)
                {
                    WriteOutcome(csv, outcome, replicated, margins);
                }
            }

            csv.EndRecord();
        }
    }

    /// <summary>File name of the long-format table: one row per target and duration.</summary>
    public const string LongFileName = "criticality-long.csv";

    /// <summary>The columns of <c>criticality-long.csv</c> for <paramref name="result"/>.</summary>
    public static IReadOnlyList<string> LongColumns(StressTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = BaseColumns.ToList();
        if (HasMargins(result))
        {
            columns.Add("lost_margin");
        }

        if (result.Replications > 1)
        {
            columns.Add("censored_runs");
        }

        if (HasOptimum(result))
        {
            columns.AddRange(OptimumColumns);
        }

        return columns;
    }

    /// <summary>
    /// Writes the long format: one row per target and duration, ranked targets first and durations in the order given
    /// within each; <c>rank</c> is the target's rank (by the first duration), <c>risk_exposure_index</c> is against
    /// the largest loss at the row's duration.
    /// </summary>
    public static void WriteLong(TextWriter writer, StressTestResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = ResultsCsv.Open(writer, LongColumns(result));
        var replicated = result.Replications > 1;
        var margins = HasMargins(result);
        foreach (var entry in result.Ranking)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var outcome in entry.Outcomes)
            {
                csv.WriteField(Invariant.Integer(entry.Rank));
                csv.WriteField(entry.Target.Id);
                csv.WriteField(entry.Target.KindName);
                csv.WriteField(entry.Target.TierText);
                csv.WriteField(Invariant.Number(outcome.DurationHours));
                WriteOutcome(csv, outcome, replicated, margins);
                csv.EndRecord();
            }
        }
    }

    private static bool HasMargins(StressTestResult result) => result.Ranking.Any(e => e.Primary.LostMargin is not null);

    private static bool HasOptimum(StressTestResult result) => result.Ranking.Any(e => e.Primary.Optimum is not null);

    private static void WriteOutcome(CsvHelper.CsvWriter csv, StressOutcome outcome, bool replicated, bool margins)
    {
        csv.WriteField(Invariant.Number(outcome.TimeToHaltHours));
        csv.WriteField(string.Join(';', outcome.LinesHalted));
        csv.WriteField(string.Join(';', outcome.PlantsHalted));
        csv.WriteField(Invariant.Number(outcome.LostUnits));
        csv.WriteField(Invariant.Number(outcome.TimeToRecoverHours));
        csv.WriteField(outcome.NeedsMitigation ? "true" : "false");
        csv.WriteField(Invariant.Number(outcome.RiskExposureIndex));
        if (margins)
        {
            csv.WriteField(Invariant.Number(outcome.LostMargin));
        }

        if (replicated)
        {
            csv.WriteField(Invariant.Integer(outcome.CensoredRuns));
        }

        if (outcome.Optimum is { } optimum)
        {
            csv.WriteField(Invariant.Number(optimum.TimeToSurviveHours));
            csv.WriteField(Invariant.Number(optimum.LostUnits));
            csv.WriteField(Invariant.Number(optimum.RiskExposureIndex));
        }
    }
}
