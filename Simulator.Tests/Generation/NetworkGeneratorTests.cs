using Simulator.Model;
using Simulator.Model.Specs;
using Simulator.Scenarios;
using YamlDotNet.RepresentationModel;
using Simulator.Output;

namespace Simulator.Tests.Generation;

public sealed class NetworkGeneratorTests
{
    private static readonly GeneratorOptions Small = new(Plants: 1, LinesPerPlant: 2, Parts: 30, Tiers: 3, Seed: 11);

    private static IEnumerable<TestCaseData> Shapes()
    {
        yield return new TestCaseData(new GeneratorOptions()).SetArgDisplayNames("defaults");
        yield return new TestCaseData(new GeneratorOptions(Plants: 1, LinesPerPlant: 1, Parts: 1, Tiers: 1)).SetArgDisplayNames("one part, one tier");
        yield return new TestCaseData(new GeneratorOptions(Plants: 3, LinesPerPlant: 1, Parts: 7, Tiers: 4, Seed: 5)).SetArgDisplayNames("tiny, four tiers");
        yield return new TestCaseData(new GeneratorOptions(Plants: 2, LinesPerPlant: 3, Parts: 40, Tiers: 2, SuppliersPerTier: [12, 9], Seed: 9)).SetArgDisplayNames("given suppliers");
        yield return new TestCaseData(new GeneratorOptions(Plants: 2, LinesPerPlant: 2, Parts: 25, Tiers: 3, Seed: 3, HorizonHours: 20)).SetArgDisplayNames("short horizon");
        yield return new TestCaseData(GeneratorOptions.Medium).SetArgDisplayNames("medium");
        yield return new TestCaseData(GeneratorOptions.Large).SetArgDisplayNames("large");
    }

    [Test]
    public void The_oem_preset_written_as_a_file_is_within_the_scenario_file_bound()
    {
        // The preset is what the tool offers for a carmaker's size: `generate --preset oem` must write a file that
        // `run` and `stress` then read (it is 17 MB; the bound was 16 MB before).
        var bytes = System.Text.Encoding.UTF8.GetByteCount(ScenarioWriter.ToYaml(NetworkGenerator.Generate(GeneratorOptions.Oem)));

        Assert.That(bytes, Is.LessThan(ScenarioBounds.MaxFileBytes));
    }

    [Test]
    public void Same_seed_gives_the_same_scenario()
    {
        var first = ScenarioWriter.ToYaml(NetworkGenerator.Generate(Small));
        var second = ScenarioWriter.ToYaml(NetworkGenerator.Generate(Small));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Different_seeds_give_different_scenarios()
    {
        var first = ScenarioWriter.ToYaml(NetworkGenerator.Generate(Small));
        var second = ScenarioWriter.ToYaml(NetworkGenerator.Generate(Small with { Seed = 12 }));

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [TestCaseSource(nameof(Shapes))]
    public void Requested_counts_are_honoured(GeneratorOptions options)
    {
        var scenario = NetworkGenerator.Generate(options);
        var lines = scenario.Plants.SelectMany(p => p.Lines).ToList();
        var lineParts = lines.SelectMany(l => l.Bom).Select(b => b.PartId).ToHashSet();
        var tiers = scenario.Suppliers.GroupBy(s => s.Tier).OrderBy(g => g.Key).Select(g => g.Count()).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Plants, Has.Count.EqualTo(options.Plants));
            Assert.That(scenario.Plants.Select(p => p.Lines.Count), Is.All.EqualTo(options.LinesPerPlant));
            Assert.That(lineParts, Has.Count.EqualTo(options.Parts));
            Assert.That(tiers, Is.EqualTo(NetworkGenerator.SuppliersPerTier(options)));
            Assert.That(tiers, Has.Length.EqualTo(options.Tiers));
            Assert.That(scenario.HorizonHours, Is.EqualTo(options.HorizonHours));
            Assert.That(scenario.Disruptions, Has.Count.EqualTo(1));
        });
        if (options.SuppliersPerTier is { } given)
        {
            Assert.That(tiers, Is.EqualTo(given));
        }
    }

    [TestCaseSource(nameof(Shapes))]
    public void Generated_network_satisfies_every_structural_rule(GeneratorOptions options)
    {
        var scenario = NetworkGenerator.Generate(options);

        Assert.That(SpecRules.Problems(scenario), Is.Empty);
    }

    [Test]
    public void Default_supplier_counts_match_the_medium_and_large_targets()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NetworkGenerator.SuppliersPerTier(GeneratorOptions.Medium).Sum(), Is.InRange(90, 110));
            Assert.That(NetworkGenerator.SuppliersPerTier(GeneratorOptions.Large).Sum(), Is.InRange(580, 660));
        });
    }

    [Test]
    public void Mix_of_kinds_sourcing_and_shared_providers_is_realistic()
    {
        var scenario = NetworkGenerator.Generate(GeneratorOptions.Medium);
        var lineParts = scenario.Plants.SelectMany(p => p.Lines).SelectMany(l => l.Bom).Select(b => b.PartId).ToHashSet();
        var kinds = scenario.Parts.Where(p => lineParts.Contains(p.Id)).GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Count());
        var sources = scenario.Lanes.Where(l => lineParts.Contains(l.PartId)).GroupBy(l => l.PartId).Select(g => g.Select(l => l.From).Distinct().Count()).ToList();
        var providers = scenario.ItSystems.Where(s => s.Owner.StartsWith("cloud-", StringComparison.Ordinal)).ToList();
        var jisCost = scenario.Parts.Where(p => p.Kind == PartKind.Jis).Average(p => p.UnitCost);
        var jitCost = scenario.Parts.Where(p => p.Kind == PartKind.Jit && lineParts.Contains(p.Id)).Average(p => p.UnitCost);
        var tier1 = scenario.Suppliers.Where(s => s.Tier == 1).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(kinds[PartKind.Jis], Is.EqualTo(60));
            Assert.That(kinds[PartKind.Jit], Is.EqualTo(210));
            Assert.That(kinds[PartKind.Bulk], Is.EqualTo(30));
            Assert.That(sources.Count(n => n == 2), Is.EqualTo(15), "5 % dual-sourced");
            Assert.That(sources, Is.All.InRange(1, 2));
            Assert.That(providers, Has.Count.InRange(2, 3));
            Assert.That(providers.Select(p => p.DependentNodes.Count), Is.All.InRange(10, 20), "about 15 % of the suppliers");
            Assert.That(providers.Select(p => p.Fallback), Is.All.EqualTo(new FallbackSpec(24, 0.3)));
            Assert.That(jisCost, Is.GreaterThan(3 * jitCost));
            Assert.That(tier1.Average(s => s.Products.Count), Is.GreaterThan(4), "each tier-1 makes several parts");
            Assert.That(scenario.Policies.Select(p => p.Id), Is.EqualTo(new[] { "lean", "buffered", "strategic" }));
            Assert.That(scenario.Disruptions.Single().StartHours, Is.EqualTo(28));
            Assert.That(scenario.Disruptions.Single().Targets, Is.EqualTo(new[] { "PL1-EDI" }));
        });
    }

    [Test]
    public void Materials_are_shared_between_tier1_products()
    {
        var scenario = NetworkGenerator.Generate(GeneratorOptions.Medium);
        var uses = scenario.Suppliers.Where(s => s.Tier == 1).SelectMany(s => s.Products).SelectMany(p => p.Inputs)
            .GroupBy(i => i.PartId).Select(g => g.Count()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(uses.Average(), Is.GreaterThan(2));
            Assert.That(scenario.Suppliers.Where(s => s.Tier == 1).SelectMany(s => s.Products).Select(p => p.Inputs.Count), Is.All.InRange(1, 4));
            Assert.That(scenario.Suppliers.Where(s => s.Tier == 3).SelectMany(s => s.Products).Select(p => p.Inputs.Count), Is.All.EqualTo(0));
        });
    }

    [Test]
    public void Without_disruption_the_disruption_list_is_empty()
    {
        var scenario = NetworkGenerator.Generate(Small with { WithDisruption = false });

        Assert.That(scenario.Disruptions, Is.Empty);
    }

    [TestCase("lean")]
    [TestCase("buffered")]
    [TestCase("strategic")]
    public void Generated_network_runs_without_halting_when_nothing_is_disrupted(string policy)
    {
        var scenario = NetworkGenerator.Generate(Small);
        var trace = Simulation.Run(Network.Build(scenario, policy), 5, new RunOptions(RecordPartSeries: false, WithDisruptions: false));

        Assert.Multiple(() =>
        {
            Assert.That(trace.Events.Where(e => e.Kind == EventKinds.Halt).Select(e => $"{e.TimeHours:0.##} {e.Entity}: {HaltCause.EventDetail(e)}"), Is.Empty);
            foreach (var line in trace.Lines)
            {
                Assert.That(line.ProducedUnits, Is.EqualTo(line.PlannedUnits).Within(1), line.LineId);
            }
        });
    }

    [TestCase(1UL, 3, 2)]
    [TestCase(2UL, 2, 3)]
    public void Multi_plant_networks_run_a_month_without_halting(ulong seed, int plants, int lines)
    {
        var scenario = NetworkGenerator.Generate(new GeneratorOptions(plants, lines, Parts: 40, Seed: seed, HorizonHours: 720, WithDisruption: false));
        var trace = Simulation.Run(Network.Build(scenario), seed, new RunOptions(RecordPartSeries: false, WithDisruptions: false));

        Assert.That(trace.Events.Where(e => e.Kind == EventKinds.Halt).Select(e => $"{e.TimeHours:0.##} {e.Entity}: {HaltCause.EventDetail(e)}"), Is.Empty);
    }

    [Test]
    public void Written_yaml_parses_and_lists_every_entity()
    {
        var scenario = NetworkGenerator.Generate(new GeneratorOptions(Plants: 2, Parts: 40, Seed: 4));
        var stream = new YamlStream();
        using (var reader = new StringReader(ScenarioWriter.ToYaml(scenario)))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        int Count(string key) => ((YamlSequenceNode)root[key]).Children.Count;
        var lane = (YamlMappingNode)((YamlSequenceNode)root["lanes"]).Children[0];
        var firstLine = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)root["plants"]).Children[0])["lines"]).Children[0];

        Assert.Multiple(() =>
        {
            Assert.That(Count("parts"), Is.EqualTo(scenario.Parts.Count));
            Assert.That(Count("plants"), Is.EqualTo(2));
            Assert.That(Count("suppliers"), Is.EqualTo(scenario.Suppliers.Count));
            Assert.That(Count("lanes"), Is.EqualTo(scenario.Lanes.Count));
            Assert.That(Count("it_systems"), Is.EqualTo(scenario.ItSystems.Count));
            Assert.That(Count("policies"), Is.EqualTo(3));
            Assert.That(((YamlScalarNode)root["start"]).Value, Is.EqualTo("2025-09-01T06:00:00+01:00"));
            Assert.That(((YamlScalarNode)lane["id"]).Value, Is.EqualTo(scenario.Lanes[0].Id));
            Assert.That(((YamlScalarNode)lane["dispatch_every_hours"]).Value, Is.EqualTo(scenario.Lanes[0].DispatchEveryHours.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(((YamlSequenceNode)firstLine["bom"]).Children, Has.Count.EqualTo(scenario.Plants[0].Lines[0].Bom.Count));
        });
    }

    [Test]
    public void Writer_quotes_ids_and_text_that_yaml_would_misread()
    {
        var scenario = NetworkGenerator.Generate(Small) with { Name = "a: \"b\"", Policies = [new PolicySpec("yes", "x # y", 4, new Dictionary<int, double>(), [])] };
        var yaml = ScenarioWriter.ToYaml(scenario);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var policy = (YamlMappingNode)((YamlSequenceNode)root["policies"]).Children[0];

        Assert.Multiple(() =>
        {
            Assert.That(((YamlScalarNode)root["name"]).Value, Is.EqualTo("a: \"b\""));
            Assert.That(((YamlScalarNode)policy["id"]).Value, Is.EqualTo("yes"));
            Assert.That(((YamlScalarNode)policy["id"]).Style, Is.EqualTo(YamlDotNet.Core.ScalarStyle.DoubleQuoted));
            Assert.That(((YamlScalarNode)policy["description"]).Value, Is.EqualTo("x # y"));
            Assert.That(((YamlScalarNode)((YamlMappingNode)policy["line_side_cover_hours"])["set"]).Value, Is.EqualTo("4"));
        });
    }

    [Test]
    public void Invalid_options_are_rejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => NetworkGenerator.Generate(new GeneratorOptions(Parts: 0)), Throws.TypeOf<InvalidOptionsException>());
            Assert.That(() => NetworkGenerator.Generate(new GeneratorOptions(Plants: 3, Parts: 2)), Throws.TypeOf<InvalidOptionsException>());
            Assert.That(() => NetworkGenerator.Generate(new GeneratorOptions(Tiers: 2, SuppliersPerTier: [3])), Throws.TypeOf<InvalidOptionsException>());
            Assert.That(() => NetworkGenerator.Generate(new GeneratorOptions(Parts: 5, Tiers: 1, SuppliersPerTier: [6])), Throws.TypeOf<InvalidOptionsException>());
            Assert.That(() => NetworkGenerator.Generate(new GeneratorOptions(HorizonHours: 0)), Throws.TypeOf<InvalidOptionsException>());
        });
    }
}
