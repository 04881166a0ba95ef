using Simulator.Experiments;

namespace Simulator.Output;

/// <summary>
/// Writes the whole results contract (CSV files, <c>run.json</c>, charts) into a folder that appears only when
/// complete: everything goes into a hidden sibling <c>.NAME.tmp-RANDOM</c> first and is renamed into place at the end,
/// and the temporary folder is deleted when writing fails or is cancelled.
/// </summary>
public static class ResultsWriter
{
    /// <summary>Per-run records.</summary>
    public const string SummaryFile = "summary.csv";

    /// <summary>Per-disruption records.</summary>
    public const string DisruptionsFile = "disruptions.csv";

    /// <summary>Monte Carlo statistics.</summary>
    public const string StatisticsFile = "statistics.csv";

    /// <summary>Sampled time series.</summary>
    public const string TimeseriesFile = "timeseries.csv";

    /// <summary>Event log.</summary>
    public const string EventsFile = "events.csv";

    /// <summary>Run manifest.</summary>
    public const string ManifestFile = "run.json";

    /// <summary>Throws when <paramref name="target"/> cannot receive results: a non-empty folder without <paramref name="force"/>, or a file.</summary>
    /// <exception cref="ResultsFolderNotEmptyException">The folder holds something and <paramref name="force"/> is false.</exception>
    /// <exception cref="IOException">The path is an existing file.</exception>
    public static void EnsureWritable(string target, bool force)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (File.Exists(target))
        {
            throw new IOException($"output path '{target}' is a file, not a folder");
        }

        if (!force && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new ResultsFolderNotEmptyException(target);
        }
    }

    /// <summary>
    /// Writes every results file into <paramref name="target"/> and returns the file names written. A non-empty
    /// existing folder is replaced only with <paramref name="force"/>. On cancellation or failure nothing is left behind
    /// and an existing folder is untouched. Writes the traces of every replication in <see cref="ExperimentResult.Replications"/>;
    /// to write while an experiment runs, use <see cref="ResultsStream"/>.
    /// </summary>
    /// <exception cref="ResultsFolderNotEmptyException">The folder holds something and <paramref name="force"/> is false.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no folder was created or changed.</exception>
    public static IReadOnlyList<string> Write(
        string target,
        ExperimentResult result,
        DateTimeOffset scenarioStart,
        RunManifest manifest,
        bool force = false,
        CancellationToken cancellationToken = default) =>
        Write(target, result, scenarioStart, manifest, comparison: null, force, cancellationToken);

    /// <summary>
    /// As <see cref="Write(string, ExperimentResult, DateTimeOffset, RunManifest, bool, CancellationToken)"/>, plus the
    /// comparison files and charts of <paramref name="comparison"/> when given.
    /// </summary>
    /// <exception cref="ResultsFolderNotEmptyException">The folder holds something and <paramref name="force"/> is false.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no folder was created or changed.</exception>
    public static IReadOnlyList<string> Write(
        string target,
        ExperimentResult result,
        DateTimeOffset scenarioStart,
        RunManifest manifest,
        PolicyComparison? comparison,
        bool force = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(manifest);
        using var stream = ResultsStream.Create(target, scenarioStart, force, allTimeseries: true);
        foreach (var replication in result.Replications)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stream.Write(replication, cancellationToken);
        }

        return stream.Complete(result, manifest, comparison, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="writeFiles"/> on a hidden temporary sibling of <paramref name="target"/> and renames it into
    /// place when it returns; on failure or cancellation the temporary folder is deleted and the target is untouched.
    /// </summary>
    internal static IReadOnlyList<string> WriteAtomically(
        string target, bool force, Func<string, List<string>> writeFiles, CancellationToken cancellationToken)
    {
        var (fullTarget, parent, name, temporary) = Stage(target, force);
        try
        {
            var written = writeFiles(temporary);
            cancellationToken.ThrowIfCancellationRequested();
            MoveIntoPlace(temporary, fullTarget, parent, name);
            return written;
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    /// <summary>Checks <paramref name="target"/> may be written and creates the hidden temporary sibling to write into.</summary>
    internal static (string FullTarget, string Parent, string Name, string Temporary) Stage(string target, bool force)
    {
        EnsureWritable(target, force);
        var fullTarget = Path.GetFullPath(target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var parent = Path.GetDirectoryName(fullTarget) ?? throw new IOException($"output path '{target}' has no parent folder");
        var name = Path.GetFileName(fullTarget);
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{name}.tmp-{RandomSuffix()}");
        Directory.CreateDirectory(temporary);
        return (fullTarget, parent, name, temporary);
    }

    internal static void MoveIntoPlace(string temporary, string target, string parent, string name)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temporary, target);
            return;
        }

        if (!Directory.EnumerateFileSystemEntries(target).Any())
        {
            Directory.Delete(target);
            Directory.Move(temporary, target);
            return;
        }

        // Forced replace: park the old folder first so that a failed move can put it back.
        var old = Path.Combine(parent, $".{name}.old-{RandomSuffix()}");
        Directory.Move(target, old);
        try
        {
            Directory.Move(temporary, target);
        }
        catch
        {
            Directory.Move(old, target);
            throw;
        }

        DeleteQuietly(old);
    }

    internal static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // The original failure matters more than a leftover hidden folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static string RandomSuffix() => Guid.NewGuid().ToString("N")[..12];
}

/// <summary>The output folder already holds files and replacing it was not asked for.</summary>
public sealed class ResultsFolderNotEmptyException : IOException
{
    /// <summary>Creates the exception for a folder.</summary>
    public ResultsFolderNotEmptyException(string folder)
        : base($"output folder '{folder}' exists and is not empty")
    {
        Folder = folder;
    }

    /// <summary>The folder that was refused.</summary>
    public string Folder { get; }
}
