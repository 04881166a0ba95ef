using System.Reflection;
using System.Text.RegularExpressions;
using Simulator.Model;
using Simulator.Scenarios;
using Simulator.Tests.Scenarios;

namespace Simulator.Tests.Model;

/// <summary>Event kinds and sample metrics are one set of named constants, the same set docs/metrics.md lists.</summary>
public sealed partial class TraceKindsTests
{
    private static readonly string[] Documented = File.ReadAllLines(RepositoryFiles.PathOf("docs", "metrics.md"));

    [Test]
    public void Event_kinds_are_the_ones_the_metrics_page_documents() =>
        Assert.That(DocumentedFirstColumn("| event | entity |"), Is.EquivalentTo(Constants(typeof(EventKinds))));

    [Test]
    public void Sample_metrics_are_the_ones_the_metrics_page_documents() =>
        Assert.That(DocumentedFirstColumn("| metric | kind |"), Is.EquivalentTo(Constants(typeof(SampleMetrics))));

    [TestCase("oem-cyber-attack.yaml")]
    [TestCase("hidden-tier2.yaml")]
    [TestCase("shared-provider.yaml")]
    [TestCase("supplier-ransomware.yaml")]
    public void Runs_log_only_the_named_kinds_and_every_halt_has_a_cause(string file)
    {
        var scenario = ScenarioLoader.Load(RepositoryFiles.PathOf("scenarios", file)).Scenario!;
        var trace = Simulation.Run(Network.Build(scenario), 1, new RunOptions(RecordPartSeries: true));
        var kinds = Constants(typeof(EventKinds));
        var metrics = Constants(typeof(SampleMetrics));
        Assert.Multiple(() =>
        {
            Assert.That(trace.Events.Select(e => e.Kind).Distinct(), Is.SubsetOf(kinds));
            Assert.That(trace.Samples.Select(s => s.Metric).Distinct(), Is.SubsetOf(metrics));
            Assert.That(trace.Events.Where(e => e.Kind == EventKinds.Halt), Is.Not.Empty.And.All.Matches<EventRecord>(e => e.Cause is { IsEmpty: false }));
            Assert.That(trace.Events.Where(e => e.Kind is not (EventKinds.Halt or EventKinds.FallbackActive)).Select(e => e.Cause), Has.All.Null);
        });
    }

    private static string[] Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    /// <summary>The first column of the table whose header starts with <paramref name="header"/>.</summary>
    private static List<string> DocumentedFirstColumn(string header)
    {
        var start = Array.FindIndex(Documented, l => l.StartsWith(header, StringComparison.Ordinal));
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no table '{header}' in docs/metrics.md");
        return Documented.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => FirstCell().Match(l).Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"^\| `([a-z_]+)` \|")]
    private static partial Regex FirstCell();
}
