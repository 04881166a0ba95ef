using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Simulator.Output;

/// <summary>
/// What a command prints, for a script instead of a person (<c>--format csv|json</c>): its tables, the lines it would
/// print under them and the results folder it wrote. The tables' cells are their console text; the exact numbers are
/// in the results files. docs/console.md documents both forms.
/// </summary>
/// <param name="command">The command that prints it.</param>
public sealed class ConsoleDocument(string command)
{
    /// <summary>Version of the JSON layout, raised when a field changes meaning or goes away (adding one does not).</summary>
    public const int FormatVersion = 1;

    private readonly List<(string Name, TextTable Table)> _tables = [];
    private readonly List<string> _messages = [];

    /// <summary>The command that printed it: <c>run</c>, <c>compare</c>, <c>stress</c>, <c>survive</c>, <c>merge</c>.</summary>
    public string Command { get; } = command;

    /// <summary>The results folder written, or null.</summary>
    public string? Results { get; set; }

    /// <summary>Whether the scenario draws no random number (run and compare), or null when the command does not say.</summary>
    public bool? Deterministic { get; set; }

    /// <summary>The tables in the order the console shows them.</summary>
    public IReadOnlyList<(string Name, TextTable Table)> Tables => _tables;

    /// <summary>Adds a table under a name scripts can select it by (<c>lines</c>, <c>policies</c>, <c>ranking</c>, ...).</summary>
    public void Add(string name, TextTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables.Add((name, table));
    }

    /// <summary>Adds a line the console prints for people (a precision reached, a shard written).</summary>
    public void Say(string message) => _messages.Add(message);

    /// <summary>Writes the first table as CSV: its headings, then its rows; nothing when the command printed no table.</summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_tables.Count == 0)
        {
            return;
        }

        var table = _tables[0].Table;
        using var csv = ResultsCsv.Open(writer, table.Columns);
        foreach (var row in table.Rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell);
            }

            csv.EndRecord();
        }
    }

    /// <summary>Writes the whole document as one indented JSON object.</summary>
    public void WriteJson(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new MemoryStream();
        using (var json = Open(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("format_version", FormatVersion);
            json.WriteString("command", Command);
            json.WriteString("results", Results);
            if (Deterministic is { } deterministic)
            {
                json.WriteBoolean("deterministic", deterministic);
            }

            json.WriteStartArray("tables");
            foreach (var (name, table) in _tables)
            {
                WriteTable(json, name, table);
            }

            json.WriteEndArray();
            WriteStrings(json, "messages", _messages);
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTable(Utf8JsonWriter json, string name, TextTable table)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("title", table.Title);
        WriteStrings(json, "columns", table.Columns);
        json.WriteStartArray("rows");
        foreach (var row in table.Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                json.WriteString(table.Columns[i], i < row.Count ? row[i] : string.Empty);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "notes", table.Notes);
        json.WriteEndObject();
    }

    /// <summary>An indented JSON writer that leaves text readable (arrows, quotes, accents unescaped).</summary>
    internal static Utf8JsonWriter Open(Stream stream) =>
        new(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    internal static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
