using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Simulator.Model.Specs;
using Simulator.Scenarios;

namespace Simulator.Tests.Scenarios.Import;

/// <summary>The import reads Catena-X payloads that validate against the published schemas, as it reads the PURIS tables.</summary>
public sealed class CatenaXPayloadTests
{
    private static readonly string Data = Path.Combine(TestContext.CurrentContext.TestDirectory, "Scenarios", "Import", "CatenaX");

    private ImportFolder _folder = null!;

    [SetUp]
    public void Copy()
    {
        _folder = new ImportFolder(withState: false);
        foreach (var payload in Directory.GetFiles(Path.Combine(Data, "payloads")))
        {
            File.Copy(payload, _folder.PathOf(Path.GetFileName(payload)));
        }
    }

    [TearDown]
    public void Delete() => _folder.Dispose();

    [TestCase("item-stock.json", "ItemStock-2.0.0-schema.json")]
    [TestCase("delivery-information.json", "DeliveryInformation-2.0.0-schema.json")]
    [TestCase("short-term-material-demand.json", "ShortTermMaterialDemand-1.0.0-schema.json")]
    [TestCase("planned-production-output.json", "PlannedProductionOutput-2.0.0-schema.json")]
    [TestCase("single-level-bom-as-planned.json", "SingleLevelBomAsPlanned-4.0.0-schema.json")]
    public void Test_payloads_validate_against_the_published_schema(string payload, string schemaFile)
    {
        var schema = Schema(schemaFile);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Data, "payloads", payload)));
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : new[] { root };

        foreach (var item in items)
        {
            var result = schema.Evaluate(item, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            Assert.That(result.IsValid, Is.True, () => string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
    }

    [Test]
    public void The_schemas_reject_what_the_models_forbid()
    {
        var stock = JsonNode.Parse(File.ReadAllText(Path.Combine(Data, "payloads", "item-stock.json")))!.AsArray()[0]!;
        stock["direction"] = "SIDEWAYS";

        using var changed = JsonDocument.Parse(stock.ToJsonString());

        Assert.That(Schema("ItemStock-2.0.0-schema.json").Evaluate(changed.RootElement).IsValid, Is.False);
    }

    [Test]
    public void Payloads_give_the_same_state_as_the_tables()
    {
        var result = _folder.Import();
        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        var scenario = result.Scenario!;
        var lines = scenario.Plants.Single().Lines;
        var seat1 = scenario.Suppliers.Single(s => s.Id == "BPNS0000000SEAT1");

        Assert.Multiple(() =>
        {
            Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
            Assert.That(lines.Select(l => l.Stocks.Single(s => s.PartId == "SEAT").Initial), Is.EqualTo(new[] { StockAmount.InUnits(120), StockAmount.InUnits(80) }));
            Assert.That(result.Summary!.BlockedPositions, Is.EqualTo(1));
            Assert.That(seat1.InputStocks.Single().Initial, Is.EqualTo(StockAmount.InUnits(500)));
            Assert.That(seat1.Products.Single().FinishedInitial, Is.EqualTo(StockAmount.InUnits(30)));

            // The 09:00 departure has not happened at 06:00.
            Assert.That(scenario.State!.InTransit.Select(t => (t.LaneId, t.Quantity, t.Reference)), Is.EqualTo(new[] { ("SEAT1-TO-SOL-A", 24.0, "TRK-1001"), ("SEAT1-TO-SOL-B", 20.0, "TRK-1001") }));
            Assert.That(scenario.State.Demand.Select(d => (d.Day, d.Quantity)), Is.EqualTo(new[] { (new DateOnly(2025, 9, 1), 704.0), (new DateOnly(2025, 9, 2), 704.0) }));

            // 352 seats due at 14:00, 8 h after the as-of time.
            Assert.That(scenario.State.PlannedOutput, Is.EqualTo(new[] { new PlannedOutputSpec("SEAT", "BPNS0000000SEAT1", 352, 8) }));

            // 2,400 g of foam per seat in the BOM payload is the 2.4 kg of bom.csv: no conflict, no second row.
            Assert.That(seat1.Products.Single().Inputs, Is.EqualTo(new[] { new BomItem("FOAM", 2.4) }));
        });
    }

    [Test]
    public void A_bom_payload_adds_components_the_tables_lack()
    {
        _folder.Replace("bom.csv", "BPNS0000000SEAT1,SEAT,FOAM,2.4\n", string.Empty);
        _folder.Replace("stock_levels.csv", "BPNS0000000SEAT1,FOAM,2d,3d\n", string.Empty);

        var result = _folder.Import();
        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        var seat1 = result.Scenario!.Suppliers.Single(s => s.Id == "BPNS0000000SEAT1");

        Assert.That(seat1.Products.Single().Inputs, Is.EqualTo(new[] { new BomItem("FOAM", 2.4) }));
    }

    [Test]
    public void A_bad_payload_value_is_located_by_json_line_and_column()
    {
        var path = _folder.PathOf("item-stock.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"stockLocationBPNS\": \"BPNS0000000SEAT1\"", "\"stockLocationBPNS\": \"BPNS0000000SEAT9\"", StringComparison.Ordinal));

        var result = _folder.Import();
        var errors = result.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();

        Assert.That(result.Scenario, Is.Null);
        Assert.That(errors.Select(e => (e.File, e.Line, e.Column, e.Id)), Is.EqualTo(new[]
        {
            (path, 34, 13, (string?)"BPNS0000000SEAT9"),
            (path, 52, 13, (string?)"BPNS0000000SEAT9"),
        }));
        Assert.That(errors[0].Message, Does.StartWith("unknown site 'BPNS0000000SEAT9'").And.Contain("positions[0].allocatedStocks[0].stockLocationBPNS"));
    }

    [Test]
    public void A_material_without_catenax_id_cannot_be_matched()
    {
        _folder.Replace("materials.csv", "urn:uuid:0d3e9a51-7c2b-4e8f-a6d4-9b1c2e3f4a58", string.Empty);
        var path = _folder.PathOf("extra.json");
        File.WriteAllText(path, "{ \"materialGlobalAssetId\": \"urn:uuid:0d3e9a51-7c2b-4e8f-a6d4-9b1c2e3f4a58\", \"direction\": \"INBOUND\", \"positions\": [] }");

        var problem = _folder.Import().Problems.Single();

        Assert.That((problem.File, problem.Line, problem.Column), Is.EqualTo((path, 1, 3)));
        Assert.That(problem.Hint, Is.EqualTo("give the material's catenax_id in materials.csv"));
    }

    /// <summary>
    /// The schema evaluated as draft 7: the published files declare draft 4, which JsonSchema.Net does not implement, and
    /// every keyword they use (type, properties, required, pattern, enum, format, items, uniqueItems, min/maxItems, oneOf,
    /// $ref without siblings) means the same in both drafts.
    /// </summary>
    private static JsonSchema Schema(string file) => JsonSchema.FromText(File.ReadAllText(Path.Combine(Data, "schemas", file))
        .Replace("http://json-schema.org/draft-04/schema", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal));
}
