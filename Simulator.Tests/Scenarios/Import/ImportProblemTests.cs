using Simulator.Scenarios;

namespace Simulator.Tests.Scenarios.Import;

/// <summary>Every bad row: file, row, column, the offending id and a hint; and then no scenario.</summary>
public sealed class ImportProblemTests
{
    private ImportFolder _folder = null!;

    [SetUp]
    public void Copy() => _folder = new ImportFolder();

    [TearDown]
    public void Delete() => _folder.Dispose();

    private ScenarioProblem SingleError()
    {
        var result = _folder.Import();
        Assert.That(result.Scenario, Is.Null);
        Assert.That(result.Yaml, Is.Null);
        var errors = result.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), () => string.Join("\n", result.Problems));
        return errors[0];
    }

    [Test]
    public void Unknown_material_in_a_bom_row_is_located_with_a_suggestion()
    {
        _folder.Replace("bom.csv", "SOL-B,,CLIPS,40", "SOL-B,,CLIP,40");

        Assert.That(SingleError(), Is.EqualTo(new ScenarioProblem(
            _folder.PathOf("bom.csv"), 5, 3, "SOL-B", "unknown material 'CLIP'", "did you mean 'CLIPS'?")));
    }

    [Test]
    public void A_unit_of_another_kind_is_an_error_naming_both_units()
    {
        _folder.Replace("stock.csv", "CLIPS,BPNL00000000CLIP,60000,unit:piece", "CLIPS,BPNL00000000CLIP,60,unit:kilogram");

        var problem = SingleError();

        Assert.That((problem.File, problem.Line, problem.Column, problem.Id), Is.EqualTo((_folder.PathOf("stock.csv"), 5, 4, "CLIPS")));
        Assert.That(problem.Message, Is.EqualTo("unit:kilogram cannot be converted to unit:piece, the unit of CLIPS"));
        Assert.That(problem.Hint, Does.Contain("give the quantity in unit:piece"));
    }

    [Test]
    public void Units_of_one_kind_convert_into_the_material_unit()
    {
        _folder.Replace("stock.csv", "FOAM,BPNL0000000FOAM1,0.5,unit:tonneMetricTon", "FOAM,BPNL0000000FOAM1,125000,g");

        var input = _folder.Import().Scenario!.Suppliers.Single(s => s.Id == "BPNS0000000SEAT1").InputStocks.Single();

        Assert.That(input.Initial.Value, Is.EqualTo(125));
    }

    [Test]
    public void Blocked_stock_is_no_cover()
    {
        _folder.Replace("stock.csv", "CLIPS,BPNL00000000CLIP,60000,unit:piece,BPNS00000000SOL1,BPNA00000000SOL1,,,,false", "CLIPS,BPNL00000000CLIP,60000,unit:piece,BPNS00000000SOL1,BPNA00000000SOL1,,,,true");

        var result = _folder.Import();
        var line = result.Scenario!.Plants.Single().Lines[0];

        Assert.That(line.Stocks.Single(s => s.PartId == "CLIPS").Initial, Is.EqualTo(Simulator.Model.Specs.StockAmount.InDays(3)), "no unblocked clips known: the planned stock stays");
        Assert.That(result.Summary!.BlockedPositions, Is.EqualTo(2), "the 40 seats and the clips");
    }

    [Test]
    public void Outbound_stock_at_a_plant_is_refused()
    {
        _folder.Replace("stock.csv", "200,unit:piece,BPNS00000000SOL1,BPNA00000000SOL1,,,,false,2025-09-01T05:30:00+02:00,INBOUND", "200,unit:piece,BPNS00000000SOL1,BPNA00000000SOL1,,,,false,2025-09-01T05:30:00+02:00,OUTBOUND");

        var problem = SingleError();

        Assert.That((problem.Line, problem.Id, problem.Message), Is.EqualTo((3, "SEAT", "BPNS00000000SOL1 is an own plant or line: its stock is INBOUND")));
    }

    [Test]
    public void A_delivery_no_relation_carries_is_an_error()
    {
        _folder.Replace("deliveries.csv", "CLIPS,BPNL00000000CLIP,40000,unit:piece,BPNS00000000CLIP", "SEAT,BPNL00000000CLIP,40000,unit:piece,BPNS00000000CLIP");

        var problem = SingleError();

        Assert.That((problem.File, problem.Line, problem.Column, problem.Id), Is.EqualTo((_folder.PathOf("deliveries.csv"), 3, 1, "SEAT")));
        Assert.That(problem.Message, Is.EqualTo("no relation in supply.csv ships SEAT from BPNS00000000CLIP to BPNS00000000SOL1"));
    }

    [Test]
    public void Byte_order_mark_crlf_line_ends_and_quoted_commas_are_read_as_plain_csv()
    {
        var text = File.ReadAllText(_folder.PathOf("materials.csv")).Replace("Front seat set", "\"Front seat set, leather\"", StringComparison.Ordinal);
        File.WriteAllText(_folder.PathOf("materials.csv"), "\uFEFF" + text.ReplaceLineEndings("\r\n"), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var result = _folder.Import();

        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        Assert.That(result.Scenario!.Parts.Select(p => p.Description), Is.EqualTo(new[] { "Front seat set, leather", "Seat foam", "Trim clip" }));
    }

    [Test]
    public void A_file_that_is_not_utf8_is_refused()
    {
        File.WriteAllBytes(_folder.PathOf("partners.csv"), [.. "partner_bpnl,name,tier\nBPNL00000000OEM1,M"u8, 0xFC, .. "ller,0\n"u8]);

        var problem = SingleError();

        Assert.That((problem.File, problem.Line, problem.Hint), Is.EqualTo((_folder.PathOf("partners.csv"), 0, "save the file as UTF-8")));
    }

    [Test]
    public void Unknown_column_gets_the_closest_valid_name()
    {
        _folder.Replace("lines.csv", "rate_per_hour,calendar", "rate_per_hr,calendar");

        var result = _folder.Import();

        Assert.That(result.Problems, Is.EqualTo(new[]
        {
            new ScenarioProblem(_folder.PathOf("lines.csv"), 1, 0, null, "lines.csv is missing required column 'rate_per_hour'", "the header must have: line_id,site_bpns,rate_per_hour"),
            new ScenarioProblem(_folder.PathOf("lines.csv"), 1, 3, null, "unknown column 'rate_per_hr' in lines.csv", "did you mean 'rate_per_hour'?"),
        }));
    }

    [Test]
    public void A_missing_required_table_is_named()
    {
        File.Delete(_folder.PathOf("supply.csv"));

        var errors = _folder.Import().Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();

        Assert.That(errors[0], Is.EqualTo(new ScenarioProblem(_folder.PathOf("supply.csv"), 0, 0, null, "the import folder has no supply.csv", "see docs/import.md for its columns")));
    }

    [Test]
    public void Malformed_numbers_and_timestamps_are_reported_together()
    {
        _folder.Replace("lines.csv", "SOL-B,BPNS00000000SOL1,20", "SOL-B,BPNS00000000SOL1,20,5");
        _folder.Replace("stock.csv", "2025-09-01T05:00:00+02:00,INBOUND", "2025-09-01 05:00,INBOUND");
        _folder.Replace("supply.csv", "0.8,60,1.5", "0,8,60");

        var result = _folder.Import();
        var located = result.Problems.Select(p => (Path.GetFileName(p.File), p.Line, p.Column, p.Id)).ToList();

        Assert.That(result.Scenario, Is.Null);
        Assert.That(located, Is.EquivalentTo(new[]
        {
            ("lines.csv", 3, 0, (string?)"SOL-B"),
            ("supply.csv", 2, 5, "SEAT1-TO-SOL-A"),
            ("stock.csv", 6, 11, "FOAM"),
        }), () => string.Join("\n", result.Problems));
        Assert.That(result.Problems.Single(p => p.File.EndsWith("stock.csv", StringComparison.Ordinal)).Hint, Does.Contain("2025-09-01 05:00+01:00"));
    }

    [Test]
    public void A_rule_across_the_network_points_at_the_relation_row()
    {
        // Shares into SOL-A no longer add up to 1: the scenario loader finds it, the import names the table row.
        _folder.Replace("supply.csv", "SOL-A,SEAT,0.2,", "SOL-A,SEAT,0.3,");

        var problem = SingleError();

        Assert.That(problem.File, Is.EqualTo(_folder.PathOf("supply.csv")));
        Assert.That(problem.Line, Is.AnyOf(2, 3));
        Assert.That(problem.Message, Does.Contain("share"));
    }

    [Test]
    public void Problems_in_the_overlay_keep_their_line_and_column()
    {
        _folder.Replace("overlay.yaml", "nodes: [BPNS00000000SOL1]", "nodes: [BPNS00000000SOL2]");

        var problem = SingleError();

        Assert.That((problem.File, problem.Line, problem.Column, problem.Id), Is.EqualTo((_folder.Overlay, 10, 13, "OEM-EDI")));
        Assert.That(problem.Message, Is.EqualTo("unknown node 'BPNS00000000SOL2'"));
    }

    [Test]
    public void The_overlay_cannot_replace_what_the_tables_hold()
    {
        _folder.Append("overlay.yaml", "parts: []");

        var problem = SingleError();

        Assert.That((problem.File, problem.Line, problem.Column, problem.Message), Is.EqualTo((_folder.Overlay, 26, 1, "'parts' cannot be given in the overlay")));
    }

    [Test]
    public void An_overlay_nested_past_the_bound_is_refused_not_a_stack_overflow()
    {
        // YamlDotNet's own model recursed once per level: 100,000 levels of '[' ended the process.
        _folder.Append("overlay.yaml", "description: " + new string('[', 100_000));

        var problem = SingleError();

        Assert.That((problem.File, problem.Line, problem.Message), Is.EqualTo((_folder.Overlay, 26, "YAML nesting deeper than 64 levels of lists and mappings (see docs/reliability.md)")));
    }

    [Test]
    public void An_overlay_key_that_is_an_alias_before_its_anchor_is_read_not_a_stack_overflow()
    {
        // YamlDotNet's own model resolved such a key by recursion without end.
        _folder.Append("overlay.yaml", "reference_hours: { *a : 1, b: &a c }");

        var problem = SingleError();

        Assert.That((problem.File, problem.Line, problem.Column, problem.Message), Is.EqualTo((_folder.Overlay, 26, 18, "reference_hours must be a number, not a mapping")));
    }

    [Test]
    public void The_overlay_gives_the_imported_sites_a_time_zone()
    {
        _folder.Append("overlay.yaml", "time_zone: Europe/Bratislava");

        var result = _folder.Import();

        Assert.That(result.Scenario?.TimeZoneId, Is.EqualTo("Europe/Bratislava"), () => string.Join("\n", result.Problems));
    }

    [Test]
    public void An_unknown_overlay_time_zone_is_located_in_the_overlay()
    {
        _folder.Append("overlay.yaml", "time_zone: Europe/Bratslava");

        var problem = SingleError();

        Assert.That((problem.File, problem.Line, problem.Column, problem.Message, problem.Hint), Is.EqualTo((_folder.Overlay, 26, 12, "unknown time zone 'Europe/Bratslava'", "did you mean 'Europe/Bratislava'?")));
    }
}
