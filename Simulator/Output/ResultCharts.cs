using Simulator.Experiments;
using Simulator.Output.Charts;

namespace Simulator.Output;

/// <summary>The charts of the results contract, 1600 x 900 pixels each, as PNG and as SVG (same name, <c>.svg</c>).</summary>
public static class ResultCharts
{
    /// <summary>Width of every chart in pixels.</summary>
    public const int WidthPixels = ChartCanvas.WidthPixels;

    /// <summary>Height of every chart in pixels.</summary>
    public const int HeightPixels = ChartCanvas.HeightPixels;

    /// <summary>Line states over time with the disruption shaded.</summary>
    public const string LineStatusFile = "line-status.png";

    /// <summary>Line-side cover of the parts that halted lines.</summary>
    public const string BuffersFile = "buffers.png";

    /// <summary>Cumulative production per plant against the baseline.</summary>
    public const string ProductionFile = "production.png";

    /// <summary>Distribution of time-to-halt per line (several replications or policies only).</summary>
    public const string TimeToHaltFile = "time-to-halt.png";

    /// <summary>
    /// Writes every chart that applies into <paramref name="folder"/> and returns the file names written. The
    /// time-based charts show one representative run, the first replication of a policy, and say so: the first
    /// policy's under the plain names (<c>line-status.png</c>), every further policy's with its id appended
    /// (<c>line-status-POLICY.png</c>).
    /// </summary>
    public static IReadOnlyList<string> WriteAll(
        string folder, ExperimentResult result, DateTimeOffset scenarioStart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var written = new List<string>();
        if (result.Replications.Count == 0)
        {
            return written;
        }

        void Write(string file, Action<string> render)
        {
            cancellationToken.ThrowIfCancellationRequested();
            render(Path.Combine(folder, file));
            written.Add(file);
            written.Add(ChartCanvas.SvgOf(file));
        }

        var policies = result.Policies.Count > 0 ? result.Policies : [result.Replications[0].Policy];
        for (var p = 0; p < policies.Count; p++)
        {
            var representative = result.Replications.FirstOrDefault(r => r.Policy == policies[p]);
            if (representative is null)
            {
                continue;
            }

            var label = result.ReplicationCount <= 1
                ? $"policy {representative.Policy}"
                : $"policy {representative.Policy}, replication {representative.Replication}, seed {representative.Seed}";
            string Name(string file) => p == 0 ? file : $"{Path.GetFileNameWithoutExtension(file)}-{policies[p]}{Path.GetExtension(file)}";
            Write(Name(LineStatusFile), path => LineStatusChart.Write(path, representative, scenarioStart, result.HorizonHours, label));
            Write(Name(BuffersFile), path => BufferChart.Write(path, representative, scenarioStart, result.HorizonHours, label));
            Write(Name(ProductionFile), path => ProductionChart.Write(path, representative, scenarioStart, result.HorizonHours, label));
        }

        if (result.ReplicationCount > 1 || result.Policies.Count > 1)
        {
            var lines = result.Lines;
            Write(TimeToHaltFile, path => TimeToHaltChart.Write(path, lines, result.Policies));
        }

        return written;
    }
}
