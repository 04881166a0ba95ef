using System.Globalization;
using System.Text;
using CsvHelper;

namespace Simulator.Scenarios.Import;

/// <summary>The columns of one import table: which must be there, which may, and which one names the row's entity.</summary>
/// <param name="FileName">File name inside the import folder, e.g. <c>materials.csv</c>.</param>
/// <param name="Required">Columns every file of this table has.</param>
/// <param name="Optional">Columns a file may leave out.</param>
/// <param name="IdColumn">Column whose value names the row in problems.</param>
internal sealed record TableSchema(string FileName, IReadOnlyList<string> Required, IReadOnlyList<string> Optional, string IdColumn)
{
    public IEnumerable<string> Columns => Required.Concat(Optional);
}

/// <summary>One CSV file read whole: its header and its rows, every cell kept as text for located parsing.</summary>
internal sealed class CsvTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string label, TableSchema schema, string[] header, List<CsvRow> rows)
    {
        Label = label;
        Schema = schema;
        _columns = header.Select((h, i) => (h, i)).GroupBy(e => e.h, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        Rows = rows;
        foreach (var row in rows)
        {
            row.Table = this;
        }
    }

    /// <summary>The file as problems name it.</summary>
    public string Label { get; }

    public TableSchema Schema { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Ids of the rows that could not be read (a wrong number of cells), so references to them are not reported again.</summary>
    public List<string> BrokenIds { get; } = [];

    /// <summary>0-based index of <paramref name="column"/>, or -1 when the file does not have it.</summary>
    public int IndexOf(string column) => _columns.GetValueOrDefault(column, -1);

    /// <summary>
    /// Reads <paramref name="path"/> (UTF-8 with or without BOM, comma-separated, a header row); a missing required
    /// column, an unknown column or a row with the wrong number of cells is a problem. Null when the file cannot be used.
    /// </summary>
    public static CsvTable? Read(string path, string label, TableSchema schema, ImportProblems problems)
    {
        var options = new CsvReaderOptions
        {
            TrimWhitespace = true,
            TrackLineNumbers = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        try
        {
            var bytes = File.ReadAllBytes(path);

            // Strict decoding first: a file saved in a legacy code page would otherwise import with garbled ids.
            _ = StrictUtf8.GetCharCount(bytes);
            using var csv = CsvReader.Create(bytes, options);
            var header = csv.Headers.ToArray();
            if (header.Length == 0 || header.All(h => h.Length == 0))
            {
                problems.Error(label, 1, 0, null, "the file is empty: a header row is required", $"start with the header row: {string.Join(",", schema.Required)}");
                return null;
            }

            if (!CheckHeader(label, schema, header, problems))
            {
                return null;
            }

            var rows = new List<CsvRow>();
            var broken = new List<string>();
            var idIndex = Array.IndexOf(header, schema.IdColumn);
            while (csv.Read())
            {
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = csv.GetString(i);
                }

                var line = (int)csv.LineNumber;
                if (cells.All(c => c.Length == 0))
                {
                    continue;
                }

                if (cells.Length != header.Length)
                {
                    var id = idIndex >= 0 && idIndex < cells.Length && cells[idIndex].Length > 0 ? cells[idIndex] : null;
                    problems.Error(label, line, 0, id, $"the row has {cells.Length} cells, the header {header.Length}", "give every row one cell per header column (quote cells that contain commas)");
                    if (id is not null)
                    {
                        broken.Add(id);
                    }

                    continue;
                }

                rows.Add(new CsvRow(line, cells));
            }

            var table = new CsvTable(label, schema, header, rows);
            table.BrokenIds.AddRange(broken);
            return table;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or CsvFormatException)
        {
            var hint = e is DecoderFallbackException ? "save the file as UTF-8" : "check that the file is a readable CSV file";
            problems.Error(label, e is CsvFormatException f ? (int)f.LineNumber : 0, 0, null, $"cannot read the file: {OneLine(e.Message)}", hint);
            return null;
        }
    }

    private static bool CheckHeader(string label, TableSchema schema, string[] header, ImportProblems problems)
    {
        var ok = true;
        var known = schema.Columns.ToList();
        for (var i = 0; i < header.Length; i++)
        {
            if (!known.Contains(header[i], StringComparer.Ordinal))
            {
                problems.Error(label, 1, i + 1, null, $"unknown column '{header[i]}' in {schema.FileName}", Suggestions.DidYouMean(header[i], known, "columns of this table:"));
                ok = false;
            }
            else if (Array.IndexOf(header, header[i]) != i)
            {
                problems.Error(label, 1, i + 1, null, $"column '{header[i]}' appears twice", "keep one column of each name");
                ok = false;
            }
        }

        foreach (var column in schema.Required.Where(c => !header.Contains(c, StringComparer.Ordinal)))
        {
            problems.Error(label, 1, 0, null, $"{schema.FileName} is missing required column '{column}'", $"the header must have: {string.Join(",", schema.Required)}");
            ok = false;
        }

        return ok;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
internal sealed class CsvRow(int row, string[] cells)
{
    /// <summary>1-based line in the file where the row starts; the header is line 1.</summary>
    public int Row { get; } = row;

    public CsvTable Table { get; set; } = null!;

    /// <summary>The value of the table's id column, for problems.</summary>
    public string? Id => Text(Table.Schema.IdColumn) is { Length: > 0 } id ? id : null;

    /// <summary>The trimmed cell, or "" when the column is absent or empty.</summary>
    public string Text(string column)
    {
        var i = Table.IndexOf(column);
        return i < 0 ? string.Empty : cells[i];
    }

    public bool Has(string column) => Text(column).Length > 0;

    /// <summary>1-based column of <paramref name="column"/>, 0 when the file does not have it.</summary>
    public int ColumnOf(string column) => Table.IndexOf(column) + 1;
}
