using System.Text.Json;
using System.Text.RegularExpressions;
using Simulator.Scenarios;

namespace Simulator.Tests.Scenarios;

/// <summary>The format's documentation and JSON schema say what the loader does.</summary>
public sealed partial class DocumentationTests
{
    private static string FormatDoc => File.ReadAllText(RepositoryFiles.PathOf("docs", "scenario-format.md"));

    private static JsonElement Schema => JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("docs", "scenario.schema.json"))).RootElement;

    private static IEnumerable<TestCaseData> DocExamples()
    {
        var matches = YamlBlock().Matches(FormatDoc);
        return matches.Select((m, i) => new TestCaseData(m.Groups["yaml"].Value).SetArgDisplayNames($"example {i + 1}"));
    }

    [Test]
    public void Format_doc_has_a_yaml_example() => Assert.That(DocExamples(), Is.Not.Empty);

    [TestCaseSource(nameof(DocExamples))]
    public void Yaml_example_in_the_format_doc_is_a_valid_scenario(string yaml)
    {
        var result = ScenarioLoader.Parse(yaml, "scenario-format.md");

        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems));
        Assert.That(result.IsValid, Is.True);

        // What `validate` adds: no line of the example starves without a disruption, under any of its policies.
        var checkedResult = Simulator.Experiments.BaselineCheck.Apply(result, Simulator.Output.HaltCause.Format).Load;
        Assert.That(checkedResult.Problems, Is.Empty, () => string.Join("\n", checkedResult.Problems));
    }

    [Test]
    public void Format_doc_example_uses_every_key_of_the_format()
    {
        var yaml = string.Concat(DocExamples().Select(c => (string)c.Arguments[0]!));
        var missing = ScenarioKeys.BySection
            .Where(s => s.Key != ScenarioKeys.Distribution)
            .SelectMany(s => s.Value.Select(k => (s.Key, k)))
            .Where(e => !Regex.IsMatch(yaml, $@"(^|[\s{{,]){Regex.Escape(e.k)}:", RegexOptions.Multiline))
            .Select(e => $"{e.Key}.{e.k}");

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Format_doc_describes_every_key_and_word()
    {
        var doc = FormatDoc;
        var words = ScenarioKeys.BySection.SelectMany(s => s.Value)
            .Concat(Vocabulary.PartKinds.Keys)
            .Concat(Vocabulary.TriggerKinds.Keys)
            .Concat(Vocabulary.Functions.Keys)
            .Concat(Vocabulary.Distributions.Keys)
            .Distinct();

        Assert.That(words.Where(w => !doc.Contains($"`{w}`", StringComparison.Ordinal) && !doc.Contains($"dist: {w}", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Schema_declares_exactly_the_keys_the_loader_knows()
    {
        var schema = Schema;
        var defs = schema.GetProperty("$defs");
        using (Assert.EnterMultipleScope())
        {
            foreach (var (section, keys) in ScenarioKeys.BySection)
            {
                var node = section == ScenarioKeys.Scenario ? schema : defs.GetProperty(section);
                var declared = node.GetProperty("properties").EnumerateObject().Select(p => p.Name);
                Assert.That(declared, Is.EquivalentTo(keys), section);
                Assert.That(node.GetProperty("additionalProperties").GetBoolean(), Is.False, section);
            }
        }
    }

    [Test]
    public void Schema_enumerations_match_the_loader_vocabulary()
    {
        var defs = Schema.GetProperty("$defs");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Enum(defs, "part", "kind"), Is.EquivalentTo(Vocabulary.PartKinds.Keys));
            Assert.That(Enum(defs, "trigger", "kind"), Is.EquivalentTo(Vocabulary.TriggerKinds.Keys));
            Assert.That(Enum(defs, "distribution", "dist"), Is.EquivalentTo(Vocabulary.Distributions.Keys));
            Assert.That(
                defs.GetProperty("it_system").GetProperty("properties").GetProperty("functions").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()),
                Is.EquivalentTo(Vocabulary.Functions.Keys));
        }
    }

    [Test]
    public void Schema_requires_per_kind_the_keys_the_loader_requires()
    {
        var defs = Schema.GetProperty("$defs");
        var triggers = Conditionals(defs.GetProperty("trigger"), "kind");
        var distributions = Conditionals(defs.GetProperty("distribution"), "dist");

        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, kind) in Vocabulary.TriggerKinds)
            {
                Assert.That(triggers[name].Allowed, Is.EquivalentTo(Vocabulary.TriggerKeys[kind].Append("kind")), name);
            }

            foreach (var (name, kind) in Vocabulary.Distributions)
            {
                Assert.That(distributions[name].Required, Is.EquivalentTo(Vocabulary.DistributionKeys[kind]), name);
                Assert.That(distributions[name].Allowed, Is.EquivalentTo(Vocabulary.DistributionKeys[kind].Append("dist")), name);
            }
        }
    }

    private static IEnumerable<string?> Enum(JsonElement defs, string def, string property) =>
        defs.GetProperty(def).GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray().Select(e => e.GetString());

    private static Dictionary<string, (string[] Required, string[] Allowed)> Conditionals(JsonElement def, string discriminator) =>
        def.GetProperty("allOf").EnumerateArray().ToDictionary(
            c => c.GetProperty("if").GetProperty("properties").GetProperty(discriminator).GetProperty("const").GetString()!,
            c => (
                c.GetProperty("then").GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray(),
                c.GetProperty("then").GetProperty("propertyNames").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray()));

    [GeneratedRegex(@"```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
