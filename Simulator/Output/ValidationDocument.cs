using System.Text;
using Simulator.Scenarios;

namespace Simulator.Output;

/// <summary>What <c>validate --format csv|json</c> prints: every problem of the scenario, located, one row or object each (docs/console.md).</summary>
public static class ValidationDocument
{
    /// <summary>Columns of the CSV form, and fields of each problem in the JSON form.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["severity", "file", "line", "column", "id", "message", "hint"];

    /// <summary>Writes one CSV row per problem (errors and warnings), under <see cref="Columns"/>.</summary>
    public static void WriteCsv(TextWriter writer, IReadOnlyList<ScenarioProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        using var csv = ResultsCsv.Open(writer, Columns);
        foreach (var problem in problems)
        {
            csv.WriteField(Severity(problem));
            csv.WriteField(problem.File);
            csv.WriteField(Invariant.Integer(problem.Line));
            csv.WriteField(Invariant.Integer(problem.Column));
            csv.WriteField(problem.Id ?? string.Empty);
            csv.WriteField(problem.Message);
            csv.WriteField(problem.Hint ?? string.Empty);
            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>{"format_version", "command": "validate", "scenario", "valid", "problems": [...]}</c>.</summary>
    public static void WriteJson(TextWriter writer, string scenario, bool valid, IReadOnlyList<ScenarioProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(problems);
        using var stream = new MemoryStream();
        using (var json = ConsoleDocument.Open(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("format_version", ConsoleDocument.FormatVersion);
            json.WriteString("command", "validate");
            json.WriteString("scenario", scenario);
            json.WriteBoolean("valid", valid);
            json.WriteStartArray("problems");
            foreach (var problem in problems)
            {
                json.WriteStartObject();
                json.WriteString("severity", Severity(problem));
                json.WriteString("file", problem.File);
                json.WriteNumber("line", problem.Line);
                json.WriteNumber("column", problem.Column);
                json.WriteString("id", problem.Id);
                json.WriteString("message", problem.Message);
                json.WriteString("hint", problem.Hint);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Severity(ScenarioProblem problem) => problem.Severity == ProblemSeverity.Error ? "error" : "warning";
}
