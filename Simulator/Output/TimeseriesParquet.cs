using Parquet;
using Parquet.Schema;
using Simulator.Experiments;
using Simulator.Metrics;

namespace Simulator.Output;

/// <summary>How the time series is written: <c>timeseries.csv</c> (text, the default) or <c>timeseries.parquet</c> (columnar, typed).</summary>
public enum TimeseriesFormat
{
    /// <summary><c>timeseries.csv</c>.</summary>
    Csv,

    /// <summary><c>timeseries.parquet</c>: the same rows and columns, typed, compressed, for pandas, polars, DuckDB or Spark.</summary>
    Parquet,
}

/// <summary>
/// Writes the time series as Parquet (Parquet.Net): the columns of <c>timeseries.csv</c>, typed (<c>replication</c>
/// int32, <c>time_h</c> and <c>value</c> double, <c>timestamp</c> a UTC timestamp in milliseconds, the rest strings
/// (<c>local_timestamp</c> keeps its text: a Parquet timestamp holds no UTC offset), with
/// null where the CSV has an empty field), zstd-compressed, one or more row groups per replication.
/// </summary>
internal sealed class TimeseriesParquet : IDisposable
{
    /// <summary>Name of the file in the results folder.</summary>
    public const string FileName = "timeseries.parquet";

    /// <summary>Most rows of a row group: a group is held in memory column by column until it is written.</summary>
    internal const int RowGroupRows = 1 << 18;

    private static readonly DataField<string> PolicyField = new("policy", false);
    private static readonly DataField<int> ReplicationField = new("replication", false);
    private static readonly DataField<double> TimeField = new("time_h", false);
    private static readonly DateTimeDataField TimestampField = new("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false);
    private static readonly DataField<string> KindField = new("kind", false);
    private static readonly DataField<string> EntityField = new("entity", false);
    private static readonly DataField<string> PartField = new("part", true);
    private static readonly DataField<string> MetricField = new("metric", false);
    private static readonly DataField<double> ValueField = new("value", false);
    private static readonly DataField<string> StateField = new("state", true);
    private static readonly DataField<string> LocalTimestampField = new("local_timestamp", false);

    private readonly FileStream _file;
    private readonly ParquetWriter _writer;
    private readonly DateTimeOffset _scenarioStart;
    private readonly Columns _rows = new();
    private bool _disposed;

    private TimeseriesParquet(FileStream file, ParquetWriter writer, DateTimeOffset scenarioStart)
    {
        _file = file;
        _writer = writer;
        _scenarioStart = scenarioStart;
    }

    /// <summary>The schema: the columns of <c>timeseries.csv</c>, in its order, typed.</summary>
    public static ParquetSchema Schema { get; } = new(
        PolicyField, ReplicationField, TimeField, TimestampField, KindField, EntityField, PartField, MetricField, ValueField, StateField, LocalTimestampField);

    // Parquet.Net's stream pools keep every buffer they ever used unless told otherwise: on a large network's series
    // that tripled the run's memory.
    private static ParquetOptions Options { get; } = new()
    {
        CompressionMethod = CompressionMethod.Zstd,
        CompressionLevel = System.IO.Compression.CompressionLevel.Optimal,
        MaximumSmallPoolFreeBytes = 16 << 20,
        MaximumLargePoolFreeBytes = 64 << 20,
    };

    /// <summary>Creates (or replaces) <paramref name="path"/> to receive rows.</summary>
    public static TimeseriesParquet Create(string path, DateTimeOffset scenarioStart)
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        try
        {
            var writer = ParquetWriter.CreateAsync(Schema, file, Options).GetAwaiter().GetResult();
            return new TimeseriesParquet(file, writer, scenarioStart);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Writes the time series of one disrupted run, as <c>timeseries.csv</c> would list it.</summary>
    public void Write(ReplicationResult run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var row in SeriesRows.Of(run.Disrupted.Samples))
        {
            _rows.Add(
                run.Policy, run.Replication, row, _scenarioStart.AddHours(row.TimeHours).UtcDateTime,
                Invariant.LocalTimestamp(run.Disrupted.Clock, _scenarioStart, row.Entity, row.TimeHours));
            if (_rows.Count == RowGroupRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Flush();
            }
        }

        Flush();
    }

    /// <summary>
    /// Writes every row group of the Parquet files <paramref name="parts"/>, in order, into a new file
    /// <paramref name="path"/>; a single part is moved there as it is. The parts are gone afterwards.
    /// </summary>
    public static void Join(string path, IReadOnlyList<string> parts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 1)
        {
            File.Move(parts[0], path);
            return;
        }

        using (var target = Create(path, DateTimeOffset.UnixEpoch))
        {
            foreach (var part in parts)
            {
                target.Append(part, cancellationToken);
            }
        }

        foreach (var part in parts)
        {
            File.Delete(part);
        }
    }

    private void Append(string part, CancellationToken cancellationToken)
    {
        using var source = File.OpenRead(part);
        var reader = ParquetReader.CreateAsync(source, Options, cancellationToken: cancellationToken).GetAwaiter().GetResult();
        try
        {
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var group = reader.OpenRowGroupReader(g);
                WriteGroup(Columns.Read(group));
            }
        }
        finally
        {
            Wait(reader.DisposeAsync());
        }
    }

    /// <summary>Closes the file, writing its footer.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            _file.Dispose();
        }
    }

    private void Flush()
    {
        if (_rows.Count == 0)
        {
            return;
        }

        WriteGroup(_rows);
        _rows.Clear();
    }

    private void WriteGroup(Columns columns)
    {
        using var group = _writer.CreateRowGroup();
        Wait(group.WriteAsync(PolicyField, columns.Policy));
        Wait(group.WriteAsync<int>(ReplicationField, columns.Replication.ToArray()));
        Wait(group.WriteAsync<double>(TimeField, columns.TimeHours.ToArray()));
        Wait(group.WriteAsync<DateTime>(TimestampField, columns.Timestamp.ToArray()));
        Wait(group.WriteAsync(KindField, columns.Kind));
        Wait(group.WriteAsync(EntityField, columns.Entity));
        Wait(group.WriteAsync(PartField, columns.Part));
        Wait(group.WriteAsync(MetricField, columns.Metric));
        Wait(group.WriteAsync<double>(ValueField, columns.Value.ToArray()));
        Wait(group.WriteAsync(StateField, columns.State));
        Wait(group.WriteAsync(LocalTimestampField, columns.LocalTimestamp));
        group.CompleteValidate();
    }

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private static void Wait(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    /// <summary>One row group's values, column by column.</summary>
    private sealed class Columns
    {
        public List<string> Policy { get; } = [];

        public List<int> Replication { get; } = [];

        public List<double> TimeHours { get; } = [];

        public List<DateTime> Timestamp { get; } = [];

        public List<string> Kind { get; } = [];

        public List<string> Entity { get; } = [];

        public List<string?> Part { get; } = [];

        public List<string> Metric { get; } = [];

        public List<double> Value { get; } = [];

        public List<string?> State { get; } = [];

        public List<string> LocalTimestamp { get; } = [];

        public int Count => Policy.Count;

        public void Add(string policy, int replication, SeriesRow row, DateTime timestampUtc, string localTimestamp)
        {
            Policy.Add(policy);
            Replication.Add(replication);
            TimeHours.Add(row.TimeHours);
            Timestamp.Add(timestampUtc);
            Kind.Add(row.Kind);
            Entity.Add(row.Entity);

            // Empty in the CSV is missing here: pandas, polars and DuckDB read null as "no part", "no state".
            Part.Add(row.Part.Length == 0 ? null : row.Part);
            Metric.Add(row.Metric);
            Value.Add(row.Value);
            State.Add(row.State.Length == 0 ? null : row.State);
            LocalTimestamp.Add(localTimestamp);
        }

        public void Clear()
        {
            foreach (var list in new System.Collections.IList[] { Policy, Replication, TimeHours, Timestamp, Kind, Entity, Part, Metric, Value, State, LocalTimestamp })
            {
                list.Clear();
            }
        }

        public static Columns Read(ParquetRowGroupReader group)
        {
            var rows = checked((int)group.RowCount);
            var columns = new Columns();
            columns.Policy.AddRange(Strings(group, PolicyField, rows)!);
            columns.Replication.AddRange(Values<int>(group, ReplicationField, rows));
            columns.TimeHours.AddRange(Values<double>(group, TimeField, rows));
            columns.Timestamp.AddRange(Values<DateTime>(group, TimestampField, rows));
            columns.Kind.AddRange(Strings(group, KindField, rows)!);
            columns.Entity.AddRange(Strings(group, EntityField, rows)!);
            columns.Part.AddRange(Strings(group, PartField, rows));
            columns.Metric.AddRange(Strings(group, MetricField, rows)!);
            columns.Value.AddRange(Values<double>(group, ValueField, rows));
            columns.State.AddRange(Strings(group, StateField, rows));
            columns.LocalTimestamp.AddRange(Strings(group, LocalTimestampField, rows)!);
            return columns;
        }

        private static string?[] Strings(ParquetRowGroupReader group, DataField field, int rows)
        {
            var values = new string?[rows];
            Wait(group.ReadAsync(field, values.AsMemory()));
            return values;
        }

        private static T[] Values<T>(ParquetRowGroupReader group, DataField field, int rows)
            where T : struct
        {
            var values = new T[rows];
            Wait(group.ReadAsync<T>(field, values.AsMemory()));
            return values;
        }
    }
}
