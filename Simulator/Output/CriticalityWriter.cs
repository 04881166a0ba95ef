using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Output.Charts;
using Simulator.Output.Report;

namespace Simulator.Output;

/// <summary>
/// Writes a stress test's results folder (<c>criticality.csv</c>, <c>criticality-long.csv</c>, <c>criticality.png</c>, <c>run.json</c>) the way
/// <see cref="ResultsWriter"/> writes a run: into a hidden temporary folder renamed into place when complete.
/// </summary>
public static class CriticalityWriter
{
    /// <summary>The ranking chart.</summary>
    public const string ChartFile = "criticality.png";

    /// <summary>
    /// Writes every file into <paramref name="target"/> and returns the names written. A non-empty existing folder is
    /// replaced only with <paramref name="force"/>; on failure or cancellation nothing is left behind.
    /// </summary>
    /// <exception cref="ResultsFolderNotEmptyException">The folder holds something and <paramref name="force"/> is false.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no folder was created or changed.</exception>
    public static IReadOnlyList<string> Write(
        string target, StressTestResult result, RunManifest manifest, bool force = false, CancellationToken cancellationToken = default) =>
        Write(target, result, manifest, scenario: null, force, cancellationToken);

    /// <summary>As <see cref="Write(string, StressTestResult, RunManifest, bool, CancellationToken)"/>, and with <paramref name="scenario"/> also <c>report.html</c>.</summary>
    /// <exception cref="ResultsFolderNotEmptyException">The folder holds something and <paramref name="force"/> is false.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no folder was created or changed.</exception>
    public static IReadOnlyList<string> Write(
        string target, StressTestResult result, RunManifest manifest, ScenarioSpec? scenario, bool force = false, CancellationToken cancellationToken = default)
    {
        using var claim = ResultsFolderClaim.Acquire(target, force);
        return Write(claim, result, manifest, scenario, cancellationToken);
    }

    /// <summary>
    /// As <see cref="Write(string, StressTestResult, RunManifest, ScenarioSpec?, bool, CancellationToken)"/>, into a folder
    /// claimed before the stress test ran, so no other run could start writing into it meanwhile.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; no folder was created or changed.</exception>
    public static IReadOnlyList<string> Write(
        ResultsFolderClaim claim, StressTestResult result, RunManifest manifest, ScenarioSpec? scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(manifest);
        return ResultsWriter.WriteAtomically(claim, folder =>
        {
            using (var writer = new StreamWriter(Path.Combine(folder, CriticalityCsv.FileName), append: false, ResultsCsv.FileEncoding))
            {
                CriticalityCsv.Write(writer, result, cancellationToken);
            }

            using (var writer = new StreamWriter(Path.Combine(folder, CriticalityCsv.LongFileName), append: false, ResultsCsv.FileEncoding))
            {
                CriticalityCsv.WriteLong(writer, result, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            CriticalityChart.Write(Path.Combine(folder, ChartFile), result);
            List<string> written = [CriticalityCsv.FileName, CriticalityCsv.LongFileName, ChartFile, ChartCanvas.SvgOf(ChartFile)];
            if (scenario is not null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ResultsReport.ForStress(scenario, result, folder, cancellationToken).Write(Path.Combine(folder, HtmlReport.FileName));
                written.Add(HtmlReport.FileName);
            }

            // The manifest goes last: a folder with run.json in it was written to the end.
            cancellationToken.ThrowIfCancellationRequested();
            File.WriteAllText(Path.Combine(folder, ResultsWriter.ManifestFile), manifest.ToJson(), ResultsCsv.FileEncoding);
            written.Add(ResultsWriter.ManifestFile);
            return written;
        }, cancellationToken);
    }
}
