using Simulator.Experiments;
using Simulator.Output.Charts;

namespace Simulator.Output;

/// <summary>The charts of a policy comparison, added to those of <see cref="ResultCharts"/>.</summary>
public static class ComparisonCharts
{
    /// <summary>Lost units against inventory value, one point per policy with confidence whiskers.</summary>
    public const string PolicyComparisonFile = "policy-comparison.png";

    /// <summary>Writes the comparison charts into <paramref name="folder"/> and returns the file names written.</summary>
    public static IReadOnlyList<string> WriteAll(string folder, PolicyComparison comparison, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        cancellationToken.ThrowIfCancellationRequested();
        PolicyComparisonChart.Write(Path.Combine(folder, PolicyComparisonFile), comparison);
        return [PolicyComparisonFile, ChartCanvas.SvgOf(PolicyComparisonFile)];
    }
}
