using System.Globalization;
using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model.Specs;

namespace Simulator.Output.Report;

/// <summary>
/// The report of a results folder: what <c>run</c>, <c>compare</c> and <c>stress</c> put into <c>report.html</c>. Each
/// command's sections come from its own method here; another command builds its sections the same way and adds them
/// to an <see cref="HtmlReport"/>.
/// </summary>
public static class ResultsReport
{
    /// <summary>Root causes and stress targets marked on the map.</summary>
    public const int MarkedOnMap = 5;

    private static readonly Dictionary<string, string> Captions = new(StringComparer.Ordinal)
    {
        ["line-status"] = "Each line's state over time; the shaded band is the disruption window.",
        ["buffers"] = "Line-side stock, in hours of cover, of the parts that stopped lines.",
        ["production"] = "Cumulative output against the undisrupted baseline: the gap is the loss.",
        ["time-to-halt"] = "Time to halt per line over replications.",
        ["policy-comparison"] = "Lost units against the stock each policy holds, with 95 % confidence whiskers.",
        ["criticality"] = "Lost units when one node fails, most critical on top.",
    };

    /// <summary>
    /// The report of <c>run</c> or <c>compare</c>: headline per policy, the line table, the comparison when given,
    /// every SVG chart in <paramref name="folder"/> and the map with the root causes of the halts marked.
    /// </summary>
    public static HtmlReport ForExperiment(
        ScenarioSpec scenario, ExperimentResult result, PolicyComparison? comparison, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var lines = result.Lines;
        var headlines = Headline.Compute(lines, MarkedOnMap);
        var report = new HtmlReport(
            $"{scenario.Name}: {(comparison is null ? "disruption run" : "policy comparison")}",
            $"policies {string.Join(", ", result.Policies)}; {Count(result.ReplicationCount)} replication(s), seed {result.Seed.ToString(CultureInfo.InvariantCulture)}; horizon {Number(result.HorizonHours)} h from {scenario.Start:yyyy-MM-dd HH:mm zzz}");
        report.Add(new HeadlineSection("Headline", headlines.SelectMany(Points).ToList()));
        report.Add(LineTable(headlines, result.Statistics.Count > 0 ? result.Statistics : LineStatistics.Compute(lines)));
        if (comparison is not null)
        {
            report.Add(ComparisonTable(comparison));
        }

        var disruptions = result.Disruptions;
        if (disruptions.Select(d => d.Disruption).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            report.Add(DisruptionTable(DisruptionStatistics.Compute(disruptions)));
        }

        AddCharts(report, folder);
        var marked = headlines.SelectMany(h => h.TopRisks).OrderByDescending(r => r.MeanLostUnits).Select(r => r.Id).Distinct(StringComparer.Ordinal).Take(MarkedOnMap).ToList();
        report.Add(Map(scenario, marked, "the root causes of the halts (most lost units first)", cancellationToken));
        return report;
    }

    /// <summary>The report of <c>stress</c>: headline, the sortable ranking, the chart and the map with the top targets marked.</summary>
    public static HtmlReport ForStress(ScenarioSpec scenario, StressTestResult result, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var report = new HtmlReport(
            $"{scenario.Name}: stress test",
            $"policy {result.Policy}; every supplier, IT system and provider down on its own from hour {Number(result.ReferenceHours)}; {Count(result.Replications)} replication(s), seed {result.Seed.ToString(CultureInfo.InvariantCulture)}");
        var summary = result.Summary();
        var points = result.Ranking.Take(3)
            .Select(e => $"#{Count(e.Rank)} {e.Target.Id} ({e.Target.KindName}{(e.Target.Tier is { } t ? $", tier {Count(t)}" : string.Empty)}): {Units(e.Primary.LostUnits)} units lost when down {Number(e.Primary.DurationHours)} h; {(e.Primary.TimeToHaltHours is { } h ? $"first line halts after {Number(h)} h" : "no line halts")}.")
            .Append($"{Count(summary.NeedMitigation)} of {Count(summary.Targets)} targets stop a line before they are back: they need stock, a second source or a fallback.")
            .Append($"{Count(summary.HiddenCostProduction)} of the targets that cost production are beyond Tier 1 (hidden).")
            .Concat(result.Warnings.Select(w => "Warning: " + w))
            .ToList();
        report.Add(new HeadlineSection("Headline", points));
        report.Add(new TableSection(
            "Criticality ranking",
            [new("rank", true), new("node"), new("kind"), new("tier", true), new("down (h)", true), new("time to halt (h)", true), new("lost units", true), new("risk index", true), new("needs mitigation"), new("lines halted", true)],
            result.Ranking.Select(e => (IReadOnlyList<ReportCell>)
            [
                new(Count(e.Rank), e.Rank), new(e.Target.Id), new(e.Target.KindName), new(e.Target.Tier is { } t ? Count(t) : "-", e.Target.Tier),
                new(Number(e.Primary.DurationHours), e.Primary.DurationHours), Hours(e.Primary.TimeToHaltHours), new(Units(e.Primary.LostUnits), e.Primary.LostUnits),
                new(e.Primary.RiskExposureIndex.ToString("0.00", CultureInfo.InvariantCulture), e.Primary.RiskExposureIndex),
                new(e.Primary.NeedsMitigation ? "yes" : "no"), new(Count(e.Primary.LinesHalted.Count), e.Primary.LinesHalted.Count),
            ]).ToList(),
            "Click a heading to sort. Every duration of the test is in criticality.csv and criticality-long.csv."));
        AddCharts(report, folder);
        report.Add(Map(scenario, result.Ranking.Take(MarkedOnMap).Select(e => e.Target.Id).ToList(), $"the {Count(MarkedOnMap)} most critical targets", cancellationToken));
        return report;
    }

    private static IEnumerable<string> Points(PolicyHeadline h)
    {
        var who = $"Policy {h.Policy}";
        yield return h.FirstToHalt is { } first
            ? $"{who}: {Count(h.LinesHalting)} of {Count(h.Lines.Count)} lines halt; the first is {first.Plant} / {first.Line}, {Number(first.MeanTimeToHaltHours!.Value)} h after the disruption starts{(h.Replications > 1 ? " (mean)" : string.Empty)}."
            : $"{who}: no line halts.";
        yield return $"{who}: {Units(h.MeanLostUnits)} vehicles lost over all lines{(h.Replications > 1 ? $" (mean of {Count(h.Replications)} replications)" : string.Empty)}.";
        if (h.TopRisks.Count > 0)
        {
            yield return $"{who}, top risks: " + string.Join("; ", h.TopRisks.Select(r => $"{HaltCause.FormatRoot(r.Cause)} halts {Count(r.LinesHalted)} line(s), {Units(r.MeanLostUnits)} units lost"));
        }
    }

    private static TableSection LineTable(IReadOnlyList<PolicyHeadline> headlines, IReadOnlyList<StatisticsRow> statistics)
    {
        double? Mean(LineHeadline l, string metric) =>
            statistics.FirstOrDefault(s => s.Policy == l.Policy && s.Plant == l.Plant && s.Line == l.Line && s.Metric == metric) is { N: > 0 } row ? row.Mean : null;
        var rows = headlines.SelectMany(h => h.Lines).Select(l => (IReadOnlyList<ReportCell>)
        [
            new(l.Policy), new(l.Plant), new(l.Line), new($"{Count(l.HaltedRuns)}/{Count(l.Runs)}", l.HaltedRuns), Hours(l.MeanTimeToHaltHours),
            Hours(Mean(l, MetricNames.TimeToRestart)), Hours(Mean(l, MetricNames.TimeToRecover)), Hours(Mean(l, MetricNames.Downtime)),
            new(Units(l.MeanLostUnits), l.MeanLostUnits),
            new(l.MostFrequentCause is { } top ? HaltCause.Format(top.Cause) : "-"),
        ]).ToList();
        return new TableSection(
            "Lines",
            [new("policy"), new("plant"), new("line"), new("runs halted", true), new("time to halt (h)", true), new("time to restart (h)", true), new("time to recover (h)", true), new("downtime (h)", true), new("lost units", true), new("halt cause (most frequent)")],
            rows,
            "Times are means over the runs that had a value (docs/metrics.md). Click a heading to sort.");
    }

    private static TableSection ComparisonTable(PolicyComparison comparison) => new(
        "Policies on the same seeds",
        [new("policy"), new("lost units, all lines", true), new("95 % CI low", true), new("95 % CI high", true), new("inventory value", true), new("holding cost", true)],
        comparison.Totals.Select(t => (IReadOnlyList<ReportCell>)
        [
            new(t.Policy), new(Units(t.MeanLostUnits), t.MeanLostUnits), new(Units(t.LostUnitsCi95Low), t.LostUnitsCi95Low), new(Units(t.LostUnitsCi95High), t.LostUnitsCi95High),
            new(Units(t.AverageInventoryValue), t.AverageInventoryValue), new(Units(t.HoldingCost), t.HoldingCost),
        ]).ToList(),
        "Per line in comparison.csv; paired differences in comparison-paired.csv.");

    private static TableSection DisruptionTable(IReadOnlyList<DisruptionStatisticsRow> rows) => new(
        "Per disruption",
        [new("policy"), new("disruption"), new("line"), new("time to halt (h)", true), new("time to restart (h)", true), new("time to recover (h)", true), new("downtime (h)", true), new("lost units", true)],
        rows.Select(r => (IReadOnlyList<ReportCell>)
        [
            new(r.Policy), new(r.Disruption), new(r.Line), Hours(Of(r.TimeToHalt)), Hours(Of(r.TimeToRestart)), Hours(Of(r.TimeToRecover)),
            Hours(Of(r.Downtime)), new(Units(r.LostUnits.Mean), r.LostUnits.Mean),
        ]).ToList(),
        "Each disruption measured from its own start and end, up to the next one's start (disruptions.csv).");

    private static double? Of(StatisticsRow row) => row.N > 0 ? row.Mean : null;

    private static void AddCharts(HtmlReport report, string folder)
    {
        // In the order a planner reads them (line states, output, stock, then the rest), each policy's after the first's.
        var order = Captions.Keys.ToList();
        int Rank(string name) => order.FindIndex(k => name == k || name.StartsWith(k + "-", StringComparison.Ordinal)) is var i and >= 0 ? i : order.Count;
        foreach (var path in Directory.EnumerateFiles(folder, "*.svg")
                     .OrderBy(p => Rank(Path.GetFileNameWithoutExtension(p)))
                     .ThenBy(p => p.Length)
                     .ThenBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var known = Captions.Keys.FirstOrDefault(k => name == k || name.StartsWith(k + "-", StringComparison.Ordinal));
            var caption = known is null ? name : Captions[known];
            var policy = known is not null && name.Length > known.Length ? $" (policy {name[(known.Length + 1)..]})" : string.Empty;
            report.Add(new FigureSection($"Chart: {name}{policy}", File.ReadAllText(path), $"{caption} Also as {name}.png and {name}.svg."));
        }
    }

    private static FigureSection Map(ScenarioSpec scenario, IReadOnlyList<string> marked, string what, CancellationToken cancellationToken)
    {
        // Graphviz takes minutes to lay out a network of thousands of nodes, and nobody reads such a map: past a size,
        // draw what the marked nodes reach on their way to the lines.
        var whole = scenario.Suppliers.Count + scenario.ItSystems.Count <= MapNodeLimit;
        var shown = whole ? scenario : MapNeighbourhood.Of(scenario, marked);
        var dot = NetworkGraph.ToDot(shown, marked);
        var scope = whole
            ? string.Empty
            : $" The network has {Count(scenario.Suppliers.Count)} suppliers and {Count(scenario.ItSystems.Count)} IT systems; shown are the marked nodes and what they supply on the way to the lines (`linesim graph` draws it whole).";
        try
        {
            var (svg, _) = Graphviz.RenderSvg(dot, cancellationToken);
            return new FigureSection("Multi-tier map", svg, $"Plants, suppliers by tier, lanes and the IT systems each depends on (dashed); outlined in red: {what}.{scope}");
        }
        catch (GraphvizUnavailableException error)
        {
            return new FigureSection("Multi-tier map", null, $"No map: {error.Message}. `linesim graph SCENARIO --format dot` prints it as text.");
        }
    }

    /// <summary>Suppliers and IT systems up to which the report draws the whole network.</summary>
    internal const int MapNodeLimit = 150;

    private static ReportCell Hours(double? hours) => hours is { } h ? new(Number(h), h) : new("-", null);

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Units(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
