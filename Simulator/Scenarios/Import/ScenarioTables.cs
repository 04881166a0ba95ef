using System.Globalization;
using System.Text;
using CsvHelper;
using Simulator.Model.Specs;

namespace Simulator.Scenarios.Import;

/// <summary>
/// Writes a scenario as the import tables (docs/import.md) plus the YAML overlay with what no table holds, so that
/// <see cref="NetworkImport"/> reads them back into the same scenario: every plant is a site of one tier-0 partner,
/// every supplier a site of its own partner (both named by the node id).
/// </summary>
public static class ScenarioTables
{
    /// <summary>File name of the overlay among the written files.</summary>
    public const string OverlayFile = "overlay.yaml";

    /// <summary>Partner id of the own company that runs the plants.</summary>
    public const string OwnPartner = "OWN-COMPANY";

    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };

    /// <summary>File name and text of every table and of the overlay; the same scenario always gives the same text.</summary>
    public static IReadOnlyList<(string FileName, string Text)> Write(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return
        [
            (ImportTables.Partners.FileName, Table(ImportTables.Partners, Partners(scenario))),
            (ImportTables.Sites.FileName, Table(ImportTables.Sites, Sites(scenario))),
            (ImportTables.Calendars.FileName, Table(ImportTables.Calendars, Calendars(scenario))),
            (ImportTables.Materials.FileName, Table(ImportTables.Materials, scenario.Parts.Select(p => Row(p.Id, p.Description, Number(p.UnitCost), Vocabulary.NameOf(Vocabulary.PartKinds, p.Kind), "unit:piece", string.Empty)))),
            (ImportTables.Lines.FileName, Table(ImportTables.Lines, scenario.Plants.SelectMany(p => p.Lines).Select(l => Row(
                l.Id, l.PlantId, Number(l.RatePerHour), l.CalendarId, l.MarginPerUnit is { } m ? Number(m) : string.Empty,
                Number(l.Restart.StockHours), Number(l.Restart.RampUpHours), Number(l.Restart.RampStartFraction))))),
            (ImportTables.Bom.FileName, Table(ImportTables.Bom, Boms(scenario))),
            (ImportTables.Supply.FileName, Table(ImportTables.Supply, Supply(scenario))),
            (ImportTables.StockLevels.FileName, Table(ImportTables.StockLevels, StockLevels(scenario))),
            (OverlayFile, Overlay.TextOf(scenario)),
        ];
    }

    private static IEnumerable<string[]> Partners(ScenarioSpec s) =>
        new[] { Row(OwnPartner, "0", "Own company") }.Concat(s.Suppliers.Select(x => Row(x.Id, x.Tier.ToString(CultureInfo.InvariantCulture), x.Name)));

    private static IEnumerable<string[]> Sites(ScenarioSpec s) =>
        s.Plants.Select(p => Row(p.Id, OwnPartner, p.Name, string.Empty, string.Empty))
            .Concat(s.Suppliers.Select(x => Row(x.Id, x.Id, x.Name, x.CalendarId, x.RecoveryHours is { } r ? Number(r) : string.Empty)));

    private static IEnumerable<string[]> Calendars(ScenarioSpec s)
    {
        foreach (var c in s.Calendars)
        {
            var holidays = string.Join(';', c.Holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            foreach (var shift in c.Shifts)
            {
                yield return Row(c.Id, string.Join(';', shift.Days.Select(Day)), Time(shift.Start), Time(shift.End), holidays);
                holidays = string.Empty;
            }
        }
    }

    private static IEnumerable<string[]> Boms(ScenarioSpec s) =>
        s.Plants.SelectMany(p => p.Lines).SelectMany(l => l.Bom.Select(b => Row(l.Id, b.PartId, Number(b.QuantityPerJob), string.Empty)))
            .Concat(s.Suppliers.SelectMany(x => x.Products.SelectMany(p => p.Inputs.Select(i => Row(x.Id, i.PartId, Number(i.QuantityPerJob), p.PartId)))));

    private static IEnumerable<string[]> Supply(ScenarioSpec s)
    {
        var capacities = s.Suppliers.SelectMany(x => x.Products.Select(p => (x.Id, p.PartId, p.CapacityPerHour))).ToDictionary(e => (e.Id, e.PartId), e => e.CapacityPerHour);
        foreach (var l in s.Lanes)
        {
            var capacity = capacities.Remove((l.From, l.PartId), out var c) ? Number(c) : string.Empty;
            var t = l.Trigger;
            yield return Row(
                l.Id, l.From, l.To, l.PartId, Duration(l.TransitHours), Vocabulary.NameOf(Vocabulary.TriggerKinds, t.Kind),
                Number(l.Share), capacity, Number(l.DispatchEveryHours),
                t.Kind == TriggerKind.Sequence ? Number(t.LeadHours) : string.Empty,
                Stock(t.ReorderPoint),
                Stock(t.Quantity),
                t.Kind is TriggerKind.BaseStock or TriggerKind.Schedule ? Number(t.ReviewHours) : string.Empty,
                Stock(t.OrderUpTo),
                Number(l.QualificationHours));
        }
    }

    private static IEnumerable<string[]> StockLevels(ScenarioSpec s) =>
        s.Plants.SelectMany(p => p.Lines).SelectMany(l => l.Stocks.Select(x => Row(l.Id, x.PartId, Stock(x.Initial), Stock(x.Maximum))))
            .Concat(s.Suppliers.SelectMany(x => x.Products.Select(p => Row(x.Id, p.PartId, Stock(p.FinishedInitial), Stock(p.FinishedTarget)))
                .Concat(x.InputStocks.Select(i => Row(x.Id, i.PartId, Stock(i.Initial), Stock(i.Target))))));

    private static string Table(TableSchema schema, IEnumerable<string[]> rows)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. schema.Columns]);
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.EndRecord();
            }
        }

        return text.ToString();
    }

    private static string[] Row(params string[] cells) => cells;

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Stock(StockAmount? amount) => amount switch
    {
        null => string.Empty,
        { Unit: StockUnit.Units } => Number(amount.Value),
        { Unit: StockUnit.Hours } => Number(amount.Value) + "h",
        _ => Number(amount.Value) + "d",
    };

    private static string Duration(DistributionSpec d)
    {
        if (d.Kind == DistributionKind.Fixed)
        {
            return Number(d.Mean);
        }

        var values = d.Kind switch
        {
            DistributionKind.Exponential => [d.Mean],
            DistributionKind.Normal or DistributionKind.LogNormal => [d.Mean, d.Std],
            DistributionKind.Gamma or DistributionKind.Weibull => [d.Shape, d.Scale],
            DistributionKind.Triangular => [d.Min, d.Mode, d.Max],
            DistributionKind.Uniform => [d.Min, d.Max],
            _ => d.Values ?? [],
        };
        return $"{Vocabulary.NameOf(Vocabulary.Distributions, d.Kind)}({string.Join(' ', values.Select(Number))})";
    }

    private static string Day(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();

    private static string Time(TimeOnly time) => time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}
