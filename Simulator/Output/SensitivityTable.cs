using System.Globalization;
using Simulator.Experiments;

namespace Simulator.Output;

/// <summary>The parameters with the largest swing, as a console table.</summary>
public static class SensitivityTable
{
    /// <summary>The <paramref name="rows"/> parameters with the largest swing, largest first.</summary>
    public static TextTable Build(SensitivityResult result, int rows)
    {
        var percent = result.Percent.ToString("0.##", CultureInfo.InvariantCulture);
        var cells = result.Rows.Take(rows).Select(r => (IReadOnlyList<string>)
        [
            r.Target.Id,
            r.KindName,
            r.Kind == SensitivityParameterKind.LeadTime ? r.Entity : r.Part.Length == 0 ? $"{r.Entity} (shared)" : $"{r.Entity}/{r.Part}",
            Number(r.BaseValue),
            $"{Halt(r.Low)} / {Halt(r.Base)} / {Halt(r.High)}",
            $"{Number(r.Low.LostUnits)} / {Number(r.Base.LostUnits)} / {Number(r.High.LostUnits)}",
            Number(r.LostUnitsSwing),
        ]).ToList();
        var notes = new List<string>
        {
            $"each parameter in front of the {Invariant.Integer(result.Targets.Count)} most critical targets moved by -{percent} % and +{percent} %, the target's outage run again; "
            + $"columns: -{percent} % / as is / +{percent} %; halt: hours from the outage's start to the first line halt (never: none in the horizon)",
        };
        var empty = result.Targets.Select(t => t.Entry.Target.Id).Where(id => result.Rows.All(r => r.Target.Id != id)).ToList();
        if (empty.Count > 0)
        {
            notes.Add("nothing with a value in front of: " + string.Join(", ", empty));
        }

        var leftOut = result.LeftOut.Where(l => l.Value > 0).ToList();
        if (leftOut.Count > 0)
        {
            notes.Add("not studied (past --max-parameters, farthest from the target): " + string.Join(", ", leftOut.Select(l => $"{l.Key} {Invariant.Integer(l.Value)}")));
        }

        if (result.Rows.Count > rows)
        {
            notes.Add($"top {Invariant.Integer(rows)} of {Invariant.Integer(result.Rows.Count)} parameters by lost-units swing; every one is in {SensitivityWriter.CsvFile}");
        }

        return new TextTable(["target", "parameter", "of", "value", "halt (h)", "lost units", "swing"], cells, notes, "sensitivity");
    }

    private static string Number(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string Halt(SensitivityOutcome outcome) => outcome.TimeToHaltHours is { } h ? h.ToString("0.#", CultureInfo.InvariantCulture) : "never";
}
