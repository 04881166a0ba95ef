using System.Text.RegularExpressions;
using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Scenarios;
using Simulator.Scenarios.Import;

namespace Simulator.Tests.Scenarios.Import;

/// <summary>The documented example folder: it imports, the file loads back, runs, and holds the state as of Monday 06:00.</summary>
public sealed partial class ImportSampleTests
{
    private ImportFolder _folder = null!;

    [SetUp]
    public void Copy() => _folder = new ImportFolder();

    [TearDown]
    public void Delete() => _folder.Dispose();

    [Test]
    public void Every_file_shown_in_the_import_doc_is_the_sample_file()
    {
        var doc = File.ReadAllText(RepositoryFiles.PathOf("docs", "import.md"));
        var blocks = SampleBlock().Matches(doc).ToDictionary(m => m.Groups["file"].Value, m => m.Groups["body"].Value);
        var files = Directory.GetFiles(ImportFolder.Sample).Select(Path.GetFileName).Order().ToList();

        Assert.That(blocks.Keys.Order(), Is.EqualTo(files));
        foreach (var (file, body) in blocks)
        {
            Assert.That(body, Is.EqualTo(File.ReadAllText(Path.Combine(ImportFolder.Sample, file))), file);
        }
    }

    [Test]
    public void Sample_imports_into_a_file_the_loader_reads_back_and_that_runs()
    {
        var result = _folder.Import();
        var written = _folder.PathOf("imported.yaml");
        File.WriteAllText(written, result.Yaml);
        var load = ScenarioLoader.Load(written);
        var run = Experiment.Run(load.Scenario!, new ExperimentOptions(["as-written"], Replications: 1, Seed: 3));

        Assert.Multiple(() =>
        {
            Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
            Assert.That(load.Errors, Is.Empty, () => string.Join("\n", load.Problems));
            Assert.That(load.Scenario!.Start, Is.EqualTo(ImportFolder.MondayMorning));
            Assert.That(load.Scenario.Name, Is.EqualTo("Solihull as of Monday morning"));
            Assert.That(load.Scenario.Disruptions.Single().StartHours, Is.EqualTo(10), "16:00 is 10 h after the as-of time");
            Assert.That(run.Replications.Single().Lines.Select(l => l.Line), Is.EquivalentTo(new[] { "SOL-A", "SOL-B" }));
        });
    }

    [Test]
    public void Unblocked_stock_of_the_latest_count_is_shared_by_the_lines_in_proportion_to_their_use()
    {
        var scenario = _folder.Import().Scenario!;
        var lines = scenario.Plants.Single().Lines.ToDictionary(l => l.Id);
        var seat1 = scenario.Suppliers.Single(s => s.Id == "BPNS0000000SEAT1");

        Assert.Multiple(() =>
        {
            // 200 seats at 05:30 (the 180 of 22:00 are older, the 40 blocked ones no cover): 30 : 20 jobs per hour.
            Assert.That(Stock(lines["SOL-A"], "SEAT"), Is.EqualTo(new LineStockSpec("SEAT", StockAmount.InUnits(120), StockAmount.InHours(8))));
            Assert.That(Stock(lines["SOL-B"], "SEAT"), Is.EqualTo(new LineStockSpec("SEAT", StockAmount.InUnits(80), StockAmount.InHours(8))));
            Assert.That(Stock(lines["SOL-A"], "CLIPS").Initial, Is.EqualTo(StockAmount.InUnits(36000)));
            Assert.That(Stock(lines["SOL-B"], "CLIPS").Initial, Is.EqualTo(StockAmount.InUnits(24000)));

            // 0.5 t of foam counted in kilograms; the target stays the planned 3 days.
            Assert.That(seat1.InputStocks.Single(), Is.EqualTo(new InputStockSpec("FOAM", StockAmount.InUnits(500), StockAmount.InDays(3))));
            var seats = seat1.Products.Single();
            Assert.That((seats.FinishedInitial, seats.FinishedTarget), Is.EqualTo((StockAmount.InUnits(30), StockAmount.InUnits(0))));

            // Untouched by state: the clip maker keeps its planned 5 days.
            Assert.That(scenario.Suppliers.Single(s => s.Id == "BPNS00000000CLIP").Products.Single().FinishedInitial, Is.EqualTo(StockAmount.InDays(5)));
        });
    }

    [Test]
    public void Departed_and_not_arrived_deliveries_are_on_the_road_of_their_relations()
    {
        var state = _folder.Import().Scenario!.State!;

        Assert.That(state.InTransit.Select(t => (t.LaneId, t.Quantity, Math.Round(t.ArrivalHours, 9), t.Reference)), Is.EqualTo(new[]
        {
            // 44 seats split 30 x 0.8 : 20 x 1, due 07:10; 40,000 clips split 1,200 : 800 per hour, due 08:00.
            ("SEAT1-TO-SOL-A", 24.0, Math.Round(70.0 / 60, 9), "TRK-1001"),
            ("SEAT1-TO-SOL-B", 20.0, Math.Round(70.0 / 60, 9), "TRK-1001"),
            ("CLIPS-TO-SOL-A", 24000.0, 2.0, "TRK-2002"),
            ("CLIPS-TO-SOL-B", 16000.0, 2.0, "TRK-2002"),
        }));
    }

    [Test]
    public void Demand_from_the_as_of_day_on_is_kept()
    {
        var demand = _folder.Import().Scenario!.State!.Demand;

        Assert.That(demand.Select(d => (d.PartId, d.NodeId, d.SupplierId, d.Day, d.Quantity)), Is.EqualTo(new[]
        {
            ("SEAT", "BPNS00000000SOL1", (string?)"BPNS0000000SEAT1", new DateOnly(2025, 9, 1), 704.0),
            ("SEAT", "BPNS00000000SOL1", (string?)"BPNS0000000SEAT1", new DateOnly(2025, 9, 2), 704.0),
            ("SEAT", "BPNS00000000SOL1", (string?)"BPNS0000000SEAT2", new DateOnly(2025, 9, 1), 176.0),
        }));
    }

    [Test]
    public void An_earlier_as_of_time_sees_only_what_was_known_then()
    {
        var saturdayNight = new DateTimeOffset(2025, 8, 31, 23, 0, 0, TimeSpan.FromHours(2));
        var result = _folder.Import(saturdayNight);
        var scenario = result.Scenario!;

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Start, Is.EqualTo(saturdayNight));
            Assert.That(Stock(scenario.Plants.Single().Lines[0], "SEAT").Initial, Is.EqualTo(StockAmount.InUnits(108)), "the 22:00 count: 180 x 0.6");

            // The seats leave at 05:40 and the foam that left at 23:00 was reported only at 05:00: neither is known yet.
            Assert.That(scenario.State!.InTransit.Select(t => t.LaneId), Is.EqualTo(new[] { "CLIPS-TO-SOL-A", "CLIPS-TO-SOL-B" }));
            Assert.That(scenario.State.Demand.Select(d => d.Day).Distinct(), Is.EqualTo(new[] { new DateOnly(2025, 8, 31), new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 2) }));
            Assert.That(result.Summary!.BlockedPositions, Is.Zero);
        });
    }

    [Test]
    public void Without_as_of_the_latest_update_is_the_start()
    {
        var result = NetworkImport.Import(new ImportRequest(_folder.Root, _folder.Overlay));

        Assert.That(result.Scenario!.Start, Is.EqualTo(new DateTimeOffset(2025, 9, 1, 5, 40, 0, TimeSpan.FromHours(2))));
    }

    [Test]
    public void The_as_of_time_replaces_the_overlay_start_and_disruption_timestamps_count_from_it()
    {
        _folder.Append("overlay.yaml", "start: 2025-01-01T00:00:00+00:00");

        var scenario = _folder.Import().Scenario!;

        Assert.That(scenario.Start, Is.EqualTo(ImportFolder.MondayMorning));
        Assert.That(scenario.Disruptions.Single().StartHours, Is.EqualTo(10));
    }

    [Test]
    public void Without_state_and_without_any_time_the_import_asks_for_one()
    {
        using var folder = new ImportFolder(withState: false);

        var result = NetworkImport.Import(new ImportRequest(folder.Root, folder.Overlay));

        Assert.That(result.Scenario, Is.Null);
        Assert.That(result.Problems.Single().Hint, Is.EqualTo("give --as-of 2025-09-01T06:00:00+02:00, or start: in the overlay"));
    }

    private static LineStockSpec Stock(LineSpec line, string part) => line.Stocks.Single(s => s.PartId == part);

    [GeneratedRegex(@"`samples/import/(?<file>[^`]+)`:\n\n```[a-z]+\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SampleBlock();
}
