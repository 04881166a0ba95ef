using Simulator.Experiments;

namespace Simulator.Output;

/// <summary>
/// Writes a <c>survive</c> results folder: <c>survive.csv</c>, <c>days-of-supply/*.json</c>, <c>notifications/*.json</c>
/// and <c>run.json</c>, into a hidden temporary folder renamed into place when complete.
/// </summary>
public static class SurviveWriter
{
    /// <summary>Writes every file into the claimed folder and returns the paths written, relative to it.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; no folder was created or changed.</exception>
    public static IReadOnlyList<string> Write(ResultsFolderClaim claim, SurviveResult result, RunManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(manifest);
        return ResultsWriter.WriteAtomically(claim, folder =>
        {
            using (var writer = new StreamWriter(Path.Combine(folder, SurviveCsv.FileName), append: false, ResultsCsv.FileEncoding))
            {
                SurviveCsv.Write(writer, result, cancellationToken);
            }

            List<string> written = [SurviveCsv.FileName];
            foreach (var (sub, files) in new[]
            {
                (SurvivePayloads.DaysOfSupplyFolder, SurvivePayloads.DaysOfSupply(result)),
                (SurvivePayloads.NotificationsFolder, SurvivePayloads.Notifications(result)),
            })
            {
                Directory.CreateDirectory(Path.Combine(folder, sub));
                foreach (var (name, json) in files)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    File.WriteAllText(Path.Combine(folder, sub, name), json, ResultsCsv.FileEncoding);
                    written.Add($"{sub}/{name}");
                }
            }

            // The manifest goes last: a folder with run.json in it was written to the end.
            cancellationToken.ThrowIfCancellationRequested();
            File.WriteAllText(Path.Combine(folder, ResultsWriter.ManifestFile), manifest.ToJson(), ResultsCsv.FileEncoding);
            written.Add(ResultsWriter.ManifestFile);
            return written;
        }, cancellationToken);
    }
}
