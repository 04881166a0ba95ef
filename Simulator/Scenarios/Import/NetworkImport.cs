using Simulator.Model.Specs;

namespace Simulator.Scenarios.Import;

/// <summary>What to import: a folder of tables (and Catena-X payloads), an optional YAML overlay and the as-of time.</summary>
/// <param name="Folder">Folder with the CSV tables and JSON payloads.</param>
/// <param name="OverlayPath">YAML file in the scenario format with the settings, IT systems, disruptions and policies, or null.</param>
/// <param name="AsOf">Time the state is taken at and the scenario starts; null: the latest update in the state data, else the overlay's start.</param>
public sealed record ImportRequest(string Folder, string? OverlayPath = null, DateTimeOffset? AsOf = null);

/// <summary>Counts of what an import read and used.</summary>
/// <param name="AsOf">Time the state was taken at: the scenario's start.</param>
/// <param name="Partners">Partners read.</param>
/// <param name="Sites">Sites read (own plants and supplier sites).</param>
/// <param name="Materials">Materials read.</param>
/// <param name="Lines">Lines read.</param>
/// <param name="Relations">Supply relations (lanes) read.</param>
/// <param name="StockPositions">Unblocked stock positions as of <paramref name="AsOf"/> that set an initial stock.</param>
/// <param name="BlockedPositions">Blocked stock positions as of <paramref name="AsOf"/>, not counted as cover.</param>
/// <param name="InTransit">Shipments on the road at <paramref name="AsOf"/> (per lane).</param>
/// <param name="DemandEntries">Demand entries from the day of <paramref name="AsOf"/> on.</param>
/// <param name="PlannedOutputs">Planned production outputs completing after <paramref name="AsOf"/>.</param>
public sealed record ImportSummary(
    DateTimeOffset AsOf, int Partners, int Sites, int Materials, int Lines, int Relations, int StockPositions, int BlockedPositions, int InTransit, int DemandEntries, int PlannedOutputs);

/// <summary>The outcome of an import: the scenario and its file text, or every problem found.</summary>
/// <param name="Scenario">The validated scenario; null when any error was found.</param>
/// <param name="Yaml">The scenario file text (the scenario format, loadable by <see cref="ScenarioLoader"/>); null on errors.</param>
/// <param name="Problems">Every error and warning, located in the table, payload or overlay it comes from.</param>
/// <param name="Summary">What was read; null when the import stopped before the state was applied.</param>
public sealed record ImportResult(ScenarioSpec? Scenario, string? Yaml, IReadOnlyList<ScenarioProblem> Problems, ImportSummary? Summary)
{
    /// <summary>True when a scenario was produced and no problem is an error.</summary>
    public bool IsValid => Scenario is not null && Problems.All(p => p.Severity != ProblemSeverity.Error);
}

/// <summary>
/// Turns a planner's master data and state (CSV tables, Catena-X payloads) plus a YAML overlay into a scenario:
/// the network, its stocks as of a time, the goods in transit and the planned demand (docs/import.md).
/// </summary>
public static class NetworkImport
{
    /// <summary>Scenario length when the overlay gives none: one week.</summary>
    public const double DefaultHorizonHours = 168;

    /// <summary>
    /// Reads every table and payload of <see cref="ImportRequest.Folder"/>, applies the state as of the requested time,
    /// merges the overlay and validates the result with the scenario loader. Never throws for bad input: every
    /// problem comes back with file, row, column, the offending id and a hint, and then no scenario.
    /// </summary>
    public static ImportResult Import(ImportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new ImportProblems();
        var folder = request.Folder;
        if (!Directory.Exists(folder))
        {
            problems.Error(folder, 0, 0, null, "the import folder does not exist", "give the folder that holds partners.csv, sites.csv, materials.csv, lines.csv, bom.csv and supply.csv");
            return Failed(problems);
        }

        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        var tables = new Dictionary<TableSchema, CsvTable>();
        var known = ImportTables.All.Select(t => t.FileName).ToList();
        foreach (var csv in files.Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
        {
            var name = Path.GetFileName(csv);
            if (ImportTables.All.FirstOrDefault(t => t.FileName == name) is null)
            {
                problems.Error(Label(folder, name), 0, 0, null, $"unknown table '{name}'", Suggestions.DidYouMean(name, known, "tables:") ?? $"tables: {string.Join(", ", known)}");
            }
        }

        foreach (var schema in ImportTables.RequiredTables.Where(t => !files.Contains(Path.Combine(folder, t.FileName))))
        {
            problems.Error(Label(folder, schema.FileName), 0, 0, null, $"the import folder has no {schema.FileName}", "see docs/import.md for its columns");
        }

        var unreadable = ImportTables.RequiredTables.Any(t => !files.Contains(Path.Combine(folder, t.FileName)));
        foreach (var schema in ImportTables.All)
        {
            var path = Path.Combine(folder, schema.FileName);
            if (!File.Exists(path))
            {
                continue;
            }

            if (CsvTable.Read(path, Label(folder, schema.FileName), schema, problems) is { } table)
            {
                tables[schema] = table;
            }
            else
            {
                unreadable = true;
            }
        }

        // A table that is missing or cannot be read would make every reference to its rows a follow-on problem.
        if (unreadable)
        {
            return Failed(problems);
        }

        var master = new MasterData(problems);
        ReadMaster(master, tables);
        var records = new StateRecords();
        var payloads = new CatenaXPayloads(master, problems, records);
        foreach (var json in files.Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            payloads.Read(json, Label(folder, Path.GetFileName(json)));
        }

        // Payload BOMs before the stock levels, which may give the stock of their components.
        payloads.ApplyBoms();
        Read(tables, ImportTables.StockLevels, master.ReadStockLevels);
        var state = new StateTables(master, problems, records);
        Read(tables, ImportTables.Stock, state.ReadStock);
        Read(tables, ImportTables.Demand, state.ReadDemand);
        Read(tables, ImportTables.Deliveries, state.ReadDeliveries);

        var overlay = Overlay.Read(request.OverlayPath, problems);
        if (problems.HasErrors)
        {
            return Failed(problems);
        }

        var asOf = request.AsOf ?? records.LatestUpdate ?? overlay?.Start;
        if (asOf is not { } exact)
        {
            problems.Error(folder, 0, 0, null, "no time to take the state at: the folder has no state data and the overlay no start", "give --as-of 2025-09-01T06:00:00+02:00, or start: in the overlay");
            return Failed(problems);
        }

        // The scenario format writes its start to the second: rounded up, so the latest update is still known then.
        var time = new DateTimeOffset((exact.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, exact.Offset);
        var application = new StateApplication(master, problems);
        var stateSpec = application.Apply(records, time);
        if (problems.HasErrors)
        {
            return Failed(problems);
        }

        var network = new ScenarioSpec(
            Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)),
            string.Empty,
            time,
            DefaultHorizonHours,
            1,
            0.25,
            0,
            master.Calendars,
            [.. master.Materials.Values.Select(m => m.Part)],
            [.. master.Plants.Select(p => p.Build())],
            [.. master.Suppliers.Select(s => s.Build())],
            master.Lanes,
            [],
            [],
            [],
            State: stateSpec.IsEmpty ? null : stateSpec);
        var load = Overlay.Merge(network, overlay, time, master.Origins, folder, problems);
        var summary = new ImportSummary(
            time, master.Partners.Count, master.PlantsById.Count + master.SuppliersById.Count, master.Materials.Count, master.LinesById.Count, master.Lanes.Count,
            application.StocksApplied, application.BlockedSkipped, stateSpec.InTransit.Count, stateSpec.Demand.Count, stateSpec.PlannedOutput.Count);
        if (problems.HasErrors || load is null)
        {
            return new ImportResult(null, null, problems.InOrder(), summary);
        }

        var scenario = load with { SourcePath = null };
        return new ImportResult(scenario, ScenarioWriter.ToYaml(scenario), problems.InOrder(), summary);
    }

    private static void ReadMaster(MasterData master, Dictionary<TableSchema, CsvTable> tables)
    {
        Read(tables, ImportTables.Partners, master.ReadPartners);
        Read(tables, ImportTables.Calendars, master.ReadCalendars);
        Read(tables, ImportTables.Materials, master.ReadMaterials);
        Read(tables, ImportTables.Sites, master.ReadSites);
        Read(tables, ImportTables.Lines, master.ReadLines);
        Read(tables, ImportTables.Supply, master.ReadSupply);
        Read(tables, ImportTables.Bom, master.ReadBom);
    }

    private static void Read(Dictionary<TableSchema, CsvTable> tables, TableSchema schema, Action<CsvTable> read)
    {
        if (tables.TryGetValue(schema, out var table))
        {
            read(table);
        }
    }

    private static string Label(string folder, string file) => Path.Combine(folder, file);

    private static ImportResult Failed(ImportProblems problems) => new(null, null, problems.InOrder(), null);
}
