using Simulator.Output;

namespace Simulator.Tests.Output;

public sealed class NetworkGraphTests
{
    [Test]
    public void Dot_shows_plants_with_lines_tiers_lanes_and_dashed_IT_dependencies()
    {
        var dot = NetworkGraph.ToDot(SyntheticResults.Scenario());
        Assert.Multiple(() =>
        {
            Assert.That(dot, Does.StartWith("digraph network {"));
            Assert.That(dot, Does.Contain("subgraph \"cluster_plant_0\"").And.Contain("label=\"plant SOL: Solihull\""));
            Assert.That(dot, Does.Contain("\"line_0\" [label=\"line SOL-A1\\n60 jobs/h\""));
            Assert.That(dot, Does.Contain("label=\"Tier 1\"").And.Contain("label=\"Tier 2\"").And.Contain("label=\"Tier 3\""));
            Assert.That(dot, Does.Contain("\"supplier_2\" -> \"line_2\" [label=\"ENGINE (schedule)\"]"), "plain lane T1-ENG -> CAS-B1");
            Assert.That(dot, Does.Contain("\"supplier_4\" -> \"supplier_3\" [label=\"POLYOL (schedule)\"]"), "tier 3 -> tier 2");
            Assert.That(dot, Does.Contain("\"supplier_0\" -> \"lane_0\" [label=\"SEAT (sequence)\", arrowhead=none]"), "EDI-dependent lane through a junction");
            Assert.That(dot, Does.Contain("\"it_0\" -> \"lane_0\" [label=\"order-transmission\", style=dashed"));
            // CAS-MES belongs to the plant and sits in its box: no lhead, which Graphviz rejects ("tail is inside head cluster").
            Assert.That(dot, Does.Contain("\"it_1\" -> \"line_2\" [label=\"production-control\", style=dashed").And.Not.Contain("lhead=\"cluster_plant_1\""));
            Assert.That(dot, Does.Contain("label=\"shared provider CloudCo\"; style=dashed"));
            Assert.That(dot, Does.Contain("\"it_2\" -> \"supplier_3\" [label=\"order-transmission, logistics\", style=dashed"));
            Assert.That(dot, Does.Not.Contain("\"CloudCo\" ["), "a provider is a group, not a node");
            Assert.That(dot.TrimEnd(), Does.EndWith("}"));
        });
    }

    [Test]
    public void Mermaid_shows_the_same_map()
    {
        var mermaid = NetworkGraph.ToMermaid(SyntheticResults.Scenario());
        Assert.Multiple(() =>
        {
            Assert.That(mermaid, Does.Contain("flowchart LR"));
            Assert.That(mermaid, Does.Contain("subgraph plant_0[\"plant SOL: Solihull\"]"));
            Assert.That(mermaid, Does.Contain("line_0[\"line SOL-A1<br/>60 jobs/h\"]:::line"));
            Assert.That(mermaid, Does.Contain("subgraph tier_3[\"Tier 3\"]"));
            Assert.That(mermaid, Does.Contain("supplier_2 -->|\"ENGINE (schedule)\"| line_2"));
            Assert.That(mermaid, Does.Contain("supplier_0 ---|\"SEAT (sequence)\"| lane_0"));
            Assert.That(mermaid, Does.Contain("it_0 -.->|\"order-transmission\"| lane_0"));
            Assert.That(mermaid, Does.Contain("it_1 -.->|\"production-control\"| plant_1"), "a plant dependency points at the plant group");
            Assert.That(mermaid, Does.Contain("subgraph provider_0[\"shared provider CloudCo\"]"));
            Assert.That(mermaid.Split('\n').Count(l => l.Trim() == "end"), Is.EqualTo(2 + 3 + 1));
        });
    }

    [Test]
    public void Odd_characters_in_ids_are_escaped()
    {
        var scenario = SyntheticResults.Scenario() with { Name = "Quote \"test\"" };
        Assert.Multiple(() =>
        {
            Assert.That(NetworkGraph.ToDot(scenario), Does.Contain("label=\"Quote \\\"test\\\": supply network"));
            Assert.That(NetworkGraph.ToMermaid(scenario), Does.Contain("title: \"Quote 'test': supply network"));
        });
    }

    private static IEnumerable<string> BundledScenarioFiles() =>
        Directory.EnumerateFiles(Simulator.Tests.Scenarios.RepositoryFiles.PathOf("scenarios"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(BundledScenarioFiles))]
    public void Graphviz_lays_out_every_bundled_map_without_a_warning(string file)
    {
        if (!GraphvizInstalled())
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("on CI Graphviz must be installed (apt-get install graphviz)");
            }

            Assert.Ignore("skipped: Graphviz's dot is not installed (apt-get install graphviz)");
        }

        var scenario = Simulator.Scenarios.ScenarioLoader.Load(Simulator.Tests.Scenarios.RepositoryFiles.PathOf("scenarios", file)).Scenario!;
        var (svg, warnings) = Graphviz.RenderSvg(NetworkGraph.ToDot(scenario, ["OEM-EDI"]));

        Assert.Multiple(() =>
        {
            Assert.That(warnings, Is.Empty);
            Assert.That(svg, Does.StartWith("<svg"));
        });
    }

    private static bool GraphvizInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, Graphviz.Program)));
}
