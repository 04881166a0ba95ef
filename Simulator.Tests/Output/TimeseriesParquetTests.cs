using System.Globalization;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;
using Simulator.Tests.Cli;

namespace Simulator.Tests.Output;

/// <summary><c>--timeseries-format parquet</c>: the rows of <c>timeseries.csv</c>, typed, read back with Parquet.Net.</summary>
public sealed class TimeseriesParquetTests
{
    private string _root = string.Empty;

    [OneTimeSetUp]
    public void RunTwice()
    {
        _root = Path.Combine(Path.GetTempPath(), $"linesim-parquet-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_root);

        // Two policies and two replications of every part stock: the policies' sections are joined, the replications interleave.
        string[] common = ["compare", BundledScenarios.PathOf("quickstart.yaml"), "--policies", "as-written,jis-buffer", "-n", "2", "--timeseries", "all-parts", "--seed", "5"];
        foreach (var (format, folder) in new[] { ("csv", "csv"), ("parquet", "parquet") })
        {
            var (code, _, stderr) = EndToEndCli.Run([.. common, "--timeseries-format", format, "--out", Path.Combine(_root, folder)]);
            Assert.That(code, Is.Zero, stderr);
        }
    }

    [OneTimeTearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    private static readonly Type Text = typeof(ReadOnlyMemory<char>);

    private string Csv => Path.Combine(_root, "csv", "timeseries.csv");

    private string Parquet => Path.Combine(_root, "parquet", "timeseries.parquet");

    [Test]
    public void A_parquet_run_writes_timeseries_parquet_instead_of_the_csv()
    {
        var files = Directory.GetFiles(Path.Combine(_root, "parquet")).Select(Path.GetFileName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(files, Does.Contain("timeseries.parquet").And.Not.Contain("timeseries.csv"));
            Assert.That(files, Is.SupersetOf(new[] { "summary.csv", "events.csv", "statistics.csv", "run.json" }));
            Assert.That(Directory.GetFiles(Path.Combine(_root, "parquet"), ".*", SearchOption.AllDirectories), Is.Empty, "no part file is left");
        });
    }

    [Test]
    public async Task The_columns_are_those_of_the_csv_in_its_order_and_typed()
    {
        await using var reader = await ParquetReader.CreateAsync(Parquet);
        var fields = reader.Schema.GetDataFields();
        Assert.Multiple(() =>
        {
            Assert.That(fields.Select(f => f.Name), Is.EqualTo(EndToEndCsv.Read(Csv).Header));
            // Parquet.Net 6 hands UTF-8 string columns back as ReadOnlyMemory<char>.
            Assert.That(fields.Select(f => f.ClrType), Is.EqualTo(new[] { Text, typeof(int), typeof(double), typeof(DateTime), Text, Text, Text, Text, typeof(double), Text, Text }));
            Assert.That(fields.Where(f => f.IsNullable).Select(f => f.Name), Is.EqualTo(new[] { "part", "state" }));
            var timestamp = (DateTimeDataField)fields[3];
            Assert.That((timestamp.DateTimeFormat, timestamp.IsAdjustedToUTC, timestamp.Unit), Is.EqualTo((DateTimeFormat.Timestamp, true, (DateTimeTimeUnit?)DateTimeTimeUnit.Millis)));
        });
    }

    [Test]
    public async Task Every_row_reads_back_as_the_csv_row_empty_fields_as_null_and_timestamps_as_the_same_instant()
    {
        var csv = EndToEndCsv.Read(Csv);
        var rows = await ReadRows(Parquet);
        Assert.That(rows, Has.Count.EqualTo(csv.Rows.Count).And.Count.GreaterThan(10_000));
        var mismatches = new List<string>();
        for (var i = 0; i < rows.Count && mismatches.Count < 5; i++)
        {
            var (text, row) = (csv.Rows[i], rows[i]);
            var same = text[0] == (string)row[0]!
                && int.Parse(text[1], CultureInfo.InvariantCulture) == (int)row[1]!
                && double.Parse(text[2], CultureInfo.InvariantCulture) == (double)row[2]!
                && DateTimeOffset.Parse(text[3], CultureInfo.InvariantCulture).UtcDateTime == (DateTime)row[3]!
                && text[4] == (string)row[4]! && text[5] == (string)row[5]!
                && (text[6].Length == 0 ? row[6] is null : text[6] == (string?)row[6])
                && text[7] == (string)row[7]!
                && double.Parse(text[8], CultureInfo.InvariantCulture) == (double)row[8]!
                && (text[9].Length == 0 ? row[9] is null : text[9] == (string?)row[9])
                && text[10] == (string)row[10]!;
            if (!same)
            {
                mismatches.Add($"row {i}: csv {string.Join(',', text)} parquet {string.Join(',', row)}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(mismatches, Is.Empty);
            Assert.That(rows.Select(r => ((string)r[0]!, (int)r[1]!)).Distinct(), Is.EqualTo(new[] { ("as-written", 0), ("as-written", 1), ("jis-buffer", 0), ("jis-buffer", 1) }));
            Assert.That(rows.Where(r => (string)r[7]! == "stock_units").Select(r => r[6]), Is.All.Not.Null);
        });
    }

    /// <summary>The query docs/metrics.md shows, run by DuckDB itself, against the same figures taken from the CSV.</summary>
    [Test]
    public void DuckDB_reads_the_file_typed_and_the_documented_query_gives_the_csv_figures()
    {
        var csv = EndToEndCsv.Read(Csv);
        var expected = csv.Rows
            .Where(r => r[7] == "stock_units")
            .GroupBy(r => (Entity: r[5], Part: r[6]))
            .Select(g => (g.Key.Entity, g.Key.Part, Lowest: g.Min(r => double.Parse(r[8], CultureInfo.InvariantCulture))))
            .OrderBy(x => x.Lowest).ThenBy(x => x.Entity, StringComparer.Ordinal).ThenBy(x => x.Part, StringComparer.Ordinal)
            .Take(10)
            .ToList();

        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        var file = Parquet.Replace("'", "''", StringComparison.Ordinal);
        var lowest = new List<(string, string, double)>();
        using (var query = duck.CreateCommand())
        {
            query.CommandText = $"SELECT entity, part, min(value) AS lowest FROM '{file}' WHERE metric = 'stock_units' GROUP BY ALL ORDER BY lowest, entity, part LIMIT 10";
            using var rows = query.ExecuteReader();
            while (rows.Read())
            {
                lowest.Add((rows.GetString(0), rows.GetString(1), rows.GetDouble(2)));
            }
        }

        using var types = duck.CreateCommand();
        types.CommandText = $"SELECT count(*), typeof(any_value(replication)), typeof(any_value(time_h)), typeof(any_value(timestamp)), count(part), count(state) FROM '{file}'";
        using var summary = types.ExecuteReader();
        summary.Read();
        Assert.Multiple(() =>
        {
            Assert.That(lowest, Is.EqualTo(expected));
            Assert.That(summary.GetInt64(0), Is.EqualTo(csv.Rows.Count));
            Assert.That((summary.GetString(1), summary.GetString(2), summary.GetString(3)), Is.EqualTo(("INTEGER", "DOUBLE", "TIMESTAMP WITH TIME ZONE")));
            Assert.That(summary.GetInt64(4), Is.EqualTo(csv.Column("part").Count(p => p.Length > 0)), "an empty part is null");
            Assert.That(summary.GetInt64(5), Is.EqualTo(csv.Column("state").Count(p => p.Length > 0)), "an empty state is null");
        });
    }

    [Test]
    public void The_parquet_file_is_far_smaller_than_the_csv() =>
        Assert.That(new FileInfo(Parquet).Length, Is.LessThan(new FileInfo(Csv).Length / 5));

    /// <summary>Every row as its ten values, read with Parquet.Net column by column, row group after row group.</summary>
    private static async Task<List<object?[]>> ReadRows(string path)
    {
        var rows = new List<object?[]>();
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var columns = new List<Array>();
            foreach (var field in fields)
            {
                columns.Add(field.ClrType == Text ? await Strings(group, field, count)
                    : field.ClrType == typeof(int) ? await Values<int>(group, field, count)
                    : field.ClrType == typeof(double) ? await Values<double>(group, field, count)
                    : await Values<DateTime>(group, field, count));
            }

            for (var r = 0; r < count; r++)
            {
                rows.Add(columns.Select(c => c.GetValue(r)).ToArray());
            }
        }

        return rows;
    }

    private static async Task<Array> Strings(ParquetRowGroupReader group, DataField field, int count)
    {
        var values = new string?[count];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    private static async Task<Array> Values<T>(ParquetRowGroupReader group, DataField field, int count)
        where T : struct
    {
        var values = new T[count];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values;
    }
}
