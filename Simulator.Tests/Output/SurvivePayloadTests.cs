using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Output;
using Simulator.Tests.Experiments;

namespace Simulator.Tests.Output;

/// <summary>The survive payloads against the published Catena-X schemas, and <c>survive.csv</c> read back as a snapshot.</summary>
public sealed class SurvivePayloadTests
{
    private static readonly string Data = Path.Combine(TestContext.CurrentContext.TestDirectory, "Output", "CatenaX");

    private static readonly Lazy<SurviveResult> Result = new(() => SurviveTests.Run(new SurviveOptions(TopRisks: 2, Days: 2)));

    [Test]
    public void Every_days_of_supply_payload_validates_against_DaysOfSupply_2_0_0()
    {
        var files = SurvivePayloads.DaysOfSupply(Result.Value);

        Assert.That(files.Select(f => f.FileName), Does.Contain("PLANT_SEAT.json").And.Contain("PLANT_CLIP.json"));
        foreach (var (name, json) in files)
        {
            AssertValid("DaysOfSupply-2.0.0-schema.json", name, json);
        }
    }

    [Test]
    public void The_days_of_supply_payload_carries_the_days_per_date_at_the_site()
    {
        var json = JsonNode.Parse(SurvivePayloads.DaysOfSupply(Result.Value).Single(f => f.FileName == "PLANT_SEAT.json").Json)!;
        var allocated = json["allocatedDaysOfSupply"]!.AsArray().Single()!;
        var amounts = allocated["amountOfAllocatedDaysOfSupply"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That((string?)json["direction"], Is.EqualTo("INBOUND"));
            Assert.That((string?)json["materialGlobalAssetId"], Is.EqualTo(SurvivePayloads.MaterialId("SEAT")));
            Assert.That((string?)allocated["stockLocationBPNS"], Is.EqualTo(SurvivePayloads.Bpns("PLANT")));
            Assert.That((string?)amounts[0]!["date"], Is.EqualTo("2025-09-01T06:00:00+00:00").Or.EqualTo(Stamp(Result.Value.AsOf)));
            Assert.That((double)amounts[0]!["daysOfSupply"]!, Is.EqualTo(239.0 / 1440).Within(1e-12));
            Assert.That(amounts, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Under_an_outage_only_the_stocks_it_changes_get_a_payload()
    {
        var result = Result.Value;
        var names = SurvivePayloads.DaysOfSupply(result).Select(f => f.FileName).ToHashSet();
        var asIs = result.DaysOfSupply[0].Series.ToDictionary(s => (s.SiteId, s.PartId));

        Assert.That(result.DaysOfSupply.Skip(1).Select(d => d.OutageOf!.Id), Is.EqualTo(new[] { "WMS", "T1" }));
        Assert.That(asIs.Keys.Select(k => $"{k.SiteId}_{k.PartId}.json"), Is.SubsetOf(names));
        foreach (var outage in result.DaysOfSupply.Skip(1))
        {
            foreach (var series in outage.Series)
            {
                var differs = !series.Points.Select(p => p.Days).SequenceEqual(asIs[(series.SiteId, series.PartId)].Points.Select(p => p.Days));
                var name = $"{series.SiteId}_{series.PartId}_outage-{outage.OutageOf!.KindName}-{outage.OutageOf.Id}.json";
                Assert.That(names.Contains(name), Is.EqualTo(differs), name);
            }
        }

        // WMS holds the clips' kanban deliveries at the gate for 8 h: the plant's clip stock differs.
        Assert.That(names, Does.Contain("PLANT_CLIP_outage-it_system-WMS.json"));
    }

    [Test]
    public void Every_node_that_needs_mitigation_gets_a_valid_notification_of_its_halt_and_recovery()
    {
        var result = Result.Value;
        var files = SurvivePayloads.Notifications(result);

        Assert.That(files.Select(f => f.FileName), Is.EqualTo(new[] { "it_system-WMS.json", "supplier-T1.json" }));
        foreach (var (name, json) in files)
        {
            AssertValid("DemandAndCapacityNotification-3.0.0-schema.json", name, json);
        }

        var wms = JsonNode.Parse(files[0].Json)!;
        var t1 = JsonNode.Parse(files[1].Json)!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)wms["effect"], Is.EqualTo("capacity-reduction"));
            Assert.That((string?)wms["leadingRootCause"], Is.EqualTo("other"));
            Assert.That((string?)wms["text"], Does.Contain("IT system WMS (IT outage)"));
            Assert.That((string?)wms["startDateOfEffect"], Is.EqualTo(Stamp(result.AsOf.AddHours(4))));
            Assert.That((string?)t1["leadingRootCause"], Is.EqualTo("production-incident"));
            Assert.That((string?)t1["startDateOfEffect"], Is.EqualTo(Stamp(result.AsOf.AddHours(6))));
            Assert.That(DateTimeOffset.Parse((string)t1["expectedEndDateOfEffect"]!, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(result.AsOf.AddHours(10)));
            Assert.That((string?)t1["notificationId"], Is.Not.EqualTo((string?)wms["notificationId"]));
        });
    }

    [Test]
    public void The_schemas_reject_a_cause_outside_the_value_set()
    {
        var json = JsonNode.Parse(SurvivePayloads.Notifications(Result.Value)[0].Json)!;
        json["leadingRootCause"] = "cyber-attack";

        using var document = JsonDocument.Parse(json.ToJsonString());
        Assert.That(Schema("DemandAndCapacityNotification-3.0.0-schema.json").Evaluate(document.RootElement).IsValid, Is.False);
    }

    [Test]
    public void Survive_csv_reads_back_as_the_snapshot_it_was_written_from()
    {
        var result = Result.Value;
        using var writer = new StringWriter();
        SurviveCsv.Write(writer, result);
        var path = Path.Combine(Path.GetTempPath(), $"survive-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, writer.ToString());
        try
        {
            var (rows, problem) = SurviveCsv.ReadSnapshot(path);

            Assert.That(problem, Is.Null);
            Assert.That(rows, Is.EqualTo(result.Nodes.Select(n => n.ToSnapshotRow())));
            Assert.That(writer.ToString().Split('\n')[0].TrimEnd('\r'), Is.EqualTo(string.Join(',', SurviveCsv.Columns)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_snapshot_with_a_bad_value_is_refused_with_its_line_and_column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"survive-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "rank,node,kind,hours_to_halt,needs_mitigation\n1,T1,supplier,6,true\n2,T3,supplier,soon,false\n");
        try
        {
            var (rows, problem) = SurviveCsv.ReadSnapshot(path);

            Assert.That(rows, Is.Empty);
            Assert.That(problem, Is.EqualTo($"{path}, line 3, column hours_to_halt: 'soon' is not a number of hours"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Survive_since_a_previous_snapshot_marks_the_shrunk_rows_in_the_csv()
    {
        var result = Survive.Since(Result.Value, [new SurviveSnapshotRow("T1", "supplier", 9, false)]);
        using var writer = new StringWriter();
        SurviveCsv.Write(writer, result);
        var t1 = writer.ToString().Split('\n').Single(l => l.Contains(",T1,", StringComparison.Ordinal));

        Assert.That(t1, Does.EndWith(",9,3,true").Or.EndWith(",9,3,true\r"));
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertValid(string schemaFile, string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema(schemaFile).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.That(result.IsValid, Is.True, () => name + ":\n" + string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    /// <summary>Evaluated as draft 7, as the import tests do (the published draft-4 keywords used mean the same there).</summary>
    private static JsonSchema Schema(string file) => JsonSchema.FromText(File.ReadAllText(Path.Combine(Data, "schemas", file))
        .Replace("http://json-schema.org/draft-04/schema", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal));
}
