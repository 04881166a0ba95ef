using System.Globalization;
using Simulator.Metrics;

namespace Simulator.Output;

/// <summary>
/// <c>runs.csv</c> of a stress shard or resume journal: one raw row per simulated unit and per baseline, appended as
/// they finish, in no fixed order.
/// </summary>
/// <remarks>
/// Columns: <c>kind</c> (<c>run</c> or <c>baseline</c>), <c>unit</c>, <c>replication</c>, <c>time_to_halt_h</c>,
/// <c>lines_halted</c> (line indexes in scenario order, joined by <c>;</c>), <c>lost_units</c>, <c>lost_margin</c>,
/// <c>time_to_recover_h</c>, <c>unrecovered</c>, <c>processed_events</c>. Numbers are round-trip text, so a row read
/// back is the row written, bit for bit. Every field is a number or a flag: no quoting is ever needed. A last line
/// without its line end was cut off by an interruption and is ignored.
/// </remarks>
public static class StressRunsCsv
{
    /// <summary>File name in a shard or journal folder.</summary>
    public const string FileName = "runs.csv";

    /// <summary>The header line, without its line end.</summary>
    public const string Header = "kind,unit,replication,time_to_halt_h,lines_halted,lost_units,lost_margin,time_to_recover_h,unrecovered,processed_events";

    /// <summary>The line of one unit's row, without its line end.</summary>
    public static string Line(StressRun run, int replications)
    {
        ArgumentNullException.ThrowIfNull(run);
        return string.Join(
            ',',
            "run",
            Invariant.Integer(run.Unit),
            Invariant.Integer(run.Unit % replications),
            Invariant.Number(run.TimeToHaltHours),
            string.Join(';', run.HaltedLines.Select(i => Invariant.Integer(i))),
            Invariant.Number(run.LostUnits),
            Invariant.Number(run.LostMargin),
            Invariant.Number(run.TimeToRecoverHours),
            run.Unrecovered ? "true" : "false",
            Invariant.Integer(run.ProcessedEvents));
    }

    /// <summary>The line of one baseline, without its line end.</summary>
    public static string Line(StressBaselineRun baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return $"baseline,,{Invariant.Integer(baseline.Replication)},,,,,,,{Invariant.Integer(baseline.ProcessedEvents)}";
    }

    /// <summary>Reads every complete row of <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The header or a complete row is malformed; the message names the file and line.</exception>
    public static (List<StressRun> Runs, List<StressBaselineRun> Baselines) Read(string path)
    {
        var text = File.ReadAllText(path, ResultsCsv.FileEncoding);
        var complete = text.LastIndexOf('\n');
        var lines = complete < 0 ? [] : text[..complete].Split('\n');
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new InvalidDataException($"{path}:1: not a stress runs file (expected the header '{Header}')");
        }

        var runs = new List<StressRun>();
        var baselines = new List<StressBaselineRun>();
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            try
            {
                if (fields.Length != 10)
                {
                    throw new FormatException($"expected 10 fields, got {fields.Length}");
                }

                if (fields[0] == "baseline")
                {
                    baselines.Add(new StressBaselineRun(int.Parse(fields[2], CultureInfo.InvariantCulture), long.Parse(fields[9], CultureInfo.InvariantCulture)));
                }
                else if (fields[0] == "run")
                {
                    runs.Add(new StressRun(
                        int.Parse(fields[1], CultureInfo.InvariantCulture),
                        Optional(fields[3]),
                        fields[4].Length == 0 ? [] : fields[4].Split(';').Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray(),
                        double.Parse(fields[5], CultureInfo.InvariantCulture),
                        double.Parse(fields[6], CultureInfo.InvariantCulture),
                        Optional(fields[7]),
                        bool.Parse(fields[8]),
                        long.Parse(fields[9], CultureInfo.InvariantCulture)));
                }
                else
                {
                    throw new FormatException($"unknown kind '{fields[0]}'");
                }
            }
            catch (FormatException error)
            {
                throw new InvalidDataException($"{path}:{(i + 1).ToString(CultureInfo.InvariantCulture)}: malformed row ({error.Message})", error);
            }
        }

        return (runs, baselines);
    }

    /// <summary>The length of the complete lines of <paramref name="path"/>, to cut off a torn last line before appending.</summary>
    internal static long CompleteLength(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Array.LastIndexOf(bytes, (byte)'\n') + 1;
    }

    private static double? Optional(string field) => field.Length == 0 ? null : double.Parse(field, CultureInfo.InvariantCulture);
}
