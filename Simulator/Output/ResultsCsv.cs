using System.Globalization;
using System.Text;
using CsvHelper;
using Simulator.Experiments;
using Simulator.Metrics;

namespace Simulator.Output;

/// <summary>Writers of the CSV files of the results contract (docs/architecture.md, Contracts).</summary>
/// <remarks>
/// Numbers are invariant-culture round-trip text, null and NaN are empty fields, records end in <c>\n</c> and files
/// are UTF-8 without a byte-order mark, so the same results give the same bytes on every machine.
/// </remarks>
public static class ResultsCsv
{
    /// <summary>Header of <c>summary.csv</c>.</summary>
    public static IReadOnlyList<string> SummaryColumns { get; } =
    [
        "policy", "replication", "seed", "plant", "line", MetricNames.TimeToHalt, MetricNames.Downtime,
        MetricNames.TimeToRestart, MetricNames.TimeToRecover, MetricNames.LostUnits, "planned_units",
        MetricNames.ProducedUnits, "halt_cause", "baseline_units", MetricNames.StopLength,
    ];

    /// <summary>Header of <c>disruptions.csv</c>.</summary>
    public static IReadOnlyList<string> DisruptionsColumns { get; } =
    [
        "policy", "replication", "seed", "disruption", "plant", "line", "start_h", "end_h", "window_end_h",
        MetricNames.TimeToHalt, MetricNames.TimeToRestart, MetricNames.TimeToRecover, MetricNames.Downtime,
        MetricNames.LostUnits, "halt_cause",
    ];

    /// <summary>Header of <c>statistics.csv</c>.</summary>
    public static IReadOnlyList<string> StatisticsColumns { get; } =
        ["policy", "plant", "line", "metric", "n", "mean", "std", "ci95_low", "ci95_high", "p05", "p50", "p95", "censored"];

    /// <summary>Header of <c>timeseries.csv</c>.</summary>
    public static IReadOnlyList<string> TimeseriesColumns { get; } =
        ["policy", "replication", "time_h", "timestamp", "kind", "entity", "part", "metric", "value", "state", "local_timestamp"];

    /// <summary>Header of <c>events.csv</c>.</summary>
    public static IReadOnlyList<string> EventsColumns { get; } =
        ["policy", "replication", "time_h", "timestamp", "entity", "event", "detail", "local_timestamp"];

    /// <summary>Encoding of every results file: UTF-8 without a byte-order mark.</summary>
    internal static Encoding FileEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes one row per policy x replication x line.</summary>
    public static void WriteSummary(TextWriter writer, IEnumerable<LineMetrics> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var csv = Open(writer, SummaryColumns);
        SummaryRows(csv, lines, cancellationToken);
    }

    /// <summary>The rows of <c>summary.csv</c>, without a header.</summary>
    internal static void SummaryRows(CsvWriter csv, IEnumerable<LineMetrics> lines, CancellationToken cancellationToken = default)
    {
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(line.Policy);
            csv.WriteField(Invariant.Integer(line.Replication));
            csv.WriteField(line.Seed.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(line.Plant);
            csv.WriteField(line.Line);
            csv.WriteField(Invariant.Number(line.TimeToHaltHours));
            csv.WriteField(Invariant.Number(line.DowntimeHours));
            csv.WriteField(Invariant.Number(line.TimeToRestartHours));
            csv.WriteField(Invariant.Number(line.TimeToRecoverHours));
            csv.WriteField(Invariant.Number(line.LostUnits));
            csv.WriteField(Invariant.Number(line.PlannedUnits));
            csv.WriteField(Invariant.Number(line.ProducedUnits));
            csv.WriteField(HaltCause.Format(line.HaltCause));
            csv.WriteField(Invariant.Number(line.BaselineUnits));
            csv.WriteField(Invariant.Number(line.StopLengthHours));
            csv.EndRecord();
        }
    }

    /// <summary>Writes one row per policy x replication x disruption x line.</summary>
    public static void WriteDisruptions(TextWriter writer, IEnumerable<DisruptionMetrics> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = Open(writer, DisruptionsColumns);
        DisruptionRows(csv, rows, cancellationToken);
    }

    /// <summary>The rows of <c>disruptions.csv</c>, without a header.</summary>
    internal static void DisruptionRows(CsvWriter csv, IEnumerable<DisruptionMetrics> rows, CancellationToken cancellationToken = default)
    {
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(row.Policy);
            csv.WriteField(Invariant.Integer(row.Replication));
            csv.WriteField(row.Seed.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Disruption);
            csv.WriteField(row.Plant);
            csv.WriteField(row.Line);
            csv.WriteField(Invariant.Number(row.StartHours));
            csv.WriteField(Invariant.Number(row.EndHours));
            csv.WriteField(Invariant.Number(row.WindowEndHours));
            csv.WriteField(Invariant.Number(row.TimeToHaltHours));
            csv.WriteField(Invariant.Number(row.TimeToRestartHours));
            csv.WriteField(Invariant.Number(row.TimeToRecoverHours));
            csv.WriteField(Invariant.Number(row.DowntimeHours));
            csv.WriteField(Invariant.Number(row.LostUnits));
            csv.WriteField(HaltCause.Format(row.HaltCause));
            csv.EndRecord();
        }
    }

    /// <summary>Writes one row per policy x line x metric.</summary>
    public static void WriteStatistics(TextWriter writer, IEnumerable<StatisticsRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = Open(writer, StatisticsColumns);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(row.Policy);
            csv.WriteField(row.Plant);
            csv.WriteField(row.Line);
            csv.WriteField(row.Metric);
            csv.WriteField(Invariant.Integer(row.N));
            csv.WriteField(Invariant.Number(row.Mean));
            csv.WriteField(Invariant.Number(row.Std));
            csv.WriteField(Invariant.Number(row.Ci95Low));
            csv.WriteField(Invariant.Number(row.Ci95High));
            csv.WriteField(Invariant.Number(row.P05));
            csv.WriteField(Invariant.Number(row.P50));
            csv.WriteField(Invariant.Number(row.P95));
            csv.WriteField(Invariant.Integer(row.Censored));
            csv.EndRecord();
        }
    }

    /// <summary>Writes the sampled time series of every disrupted run in tidy long format.</summary>
    public static void WriteTimeseries(
        TextWriter writer, IEnumerable<ReplicationResult> replications, DateTimeOffset scenarioStart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replications);
        using var csv = Open(writer, TimeseriesColumns);
        foreach (var run in replications)
        {
            TimeseriesRows(csv, run, scenarioStart, cancellationToken);
        }
    }

    /// <summary>The rows of <c>timeseries.csv</c> for one disrupted run, without a header.</summary>
    internal static void TimeseriesRows(CsvWriter csv, ReplicationResult run, DateTimeOffset scenarioStart, CancellationToken cancellationToken = default)
    {
        var replication = Invariant.Integer(run.Replication);
        var written = 0;
        foreach (var row in SeriesRows.Of(run.Disrupted.Samples))
        {
            // Time series can run to millions of rows: check now and then, not per row.
            if ((written++ & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            csv.WriteField(run.Policy);
            csv.WriteField(replication);
            csv.WriteField(Invariant.Number(row.TimeHours));
            csv.WriteField(Invariant.Timestamp(scenarioStart, row.TimeHours));
            csv.WriteField(row.Kind);
            csv.WriteField(row.Entity);
            csv.WriteField(row.Part);
            csv.WriteField(row.Metric);
            csv.WriteField(Invariant.Number(row.Value));
            csv.WriteField(row.State);
            csv.WriteField(Invariant.LocalTimestamp(run.Disrupted.Clock, scenarioStart, row.Entity, row.TimeHours));
            csv.EndRecord();
        }
    }

    /// <summary>Writes the event log of every disrupted run.</summary>
    public static void WriteEvents(
        TextWriter writer, IEnumerable<ReplicationResult> replications, DateTimeOffset scenarioStart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replications);
        using var csv = Open(writer, EventsColumns);
        foreach (var run in replications)
        {
            cancellationToken.ThrowIfCancellationRequested();
            EventRows(csv, run, scenarioStart);
        }
    }

    /// <summary>The rows of <c>events.csv</c> for one disrupted run, without a header.</summary>
    internal static void EventRows(CsvWriter csv, ReplicationResult run, DateTimeOffset scenarioStart)
    {
        var replication = Invariant.Integer(run.Replication);
        foreach (var record in run.Disrupted.Events)
        {
            csv.WriteField(run.Policy);
            csv.WriteField(replication);
            csv.WriteField(Invariant.Number(record.TimeHours));
            csv.WriteField(Invariant.Timestamp(scenarioStart, record.TimeHours));
            csv.WriteField(record.Entity);
            csv.WriteField(record.Kind);
            csv.WriteField(HaltCause.EventDetail(record));
            csv.WriteField(Invariant.LocalTimestamp(run.Disrupted.Clock, scenarioStart, record.Entity, record.TimeHours));
            csv.EndRecord();
        }
    }

    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    /// <summary>A CSV writer over <paramref name="writer"/> (left open) that has written <paramref name="header"/>.</summary>
    internal static CsvWriter Open(TextWriter writer, IReadOnlyList<string> header)
    {
        var csv = OpenBody(writer);
        csv.WriteHeader(header.ToArray());
        return csv;
    }

    /// <summary>A CSV writer over <paramref name="writer"/> (left open) for rows only, to be appended under a header written elsewhere.</summary>
    internal static CsvWriter OpenBody(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return CsvWriter.Create(writer, Options, leaveOpen: true);
    }
}
