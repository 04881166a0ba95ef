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

    /// <summary>
    /// Throws when <paramref name="target"/> cannot receive results: a file; a non-empty folder without
    /// <paramref name="force"/>; and, even with it, a folder this tool did not write (no manifest, or entries other than
    /// results files), the current folder or one of its ancestors, the home folder or the root.
    /// </summary>
    /// <exception cref="ResultsFolderNotEmptyException">The folder holds something and <paramref name="force"/> is false.</exception>
    /// <exception cref="ResultsFolderRefusedException">The folder may not be replaced even with <paramref name="force"/>.</exception>
    /// <exception cref="IOException">The path is an existing file.</exception>
    public static void EnsureWritable(string target, bool force)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (File.Exists(target))
        {
            throw new IOException($"output path '{target}' is a file, not a folder");
        }

        var full = FullPath(target);
        if (IsProtected(full) is { } what)
        {
            // Refused even when empty: the results would take the place of the folder the user stands in.
            throw new ResultsFolderRefusedException(target, $"output folder '{target}' is {what}; results never replace it", "choose a new folder for --out, e.g. results/my-run");
        }

        if (!Directory.Exists(full) || !Directory.EnumerateFileSystemEntries(full).Any())
        {
            return;
        }

        if (!force)
        {
            throw new ResultsFolderNotEmptyException(target);
        }

        if (!ResultsFolderClaim.HasManifest(full))
        {
            throw new ResultsFolderRefusedException(target, $"output folder '{target}' was not written by linesim (it has no {ManifestFile}), so --force will not replace it", "choose another --out; --force only replaces an earlier results folder");
        }

        var foreign = Directory.EnumerateFileSystemEntries(full)
            .FirstOrDefault(e => Directory.Exists(e)
                || !(ResultsFolderClaim.ToolFileExtensions.Contains(Path.GetExtension(e)) || ResultsFolderClaim.ToolFileNames.Contains(Path.GetFileName(e))));
        if (foreign is not null)
        {
            throw new ResultsFolderRefusedException(target, $"output folder '{target}' holds '{Path.GetFileName(foreign)}', which linesim does not write, so --force will not replace it", "move that entry out of the folder, or choose another --out");
        }
    }

    /// <summary>The absolute, normalised form of a results path (no trailing separator, '.' and '..' resolved).</summary>
    internal static string FullPath(string target)
    {
        var full = Path.GetFullPath(target);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        return full.Length > root.Length ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
    }

    /// <summary>What makes <paramref name="full"/> a folder results must never replace, or null.</summary>
    private static string? IsProtected(string full)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var candidates = new List<string> { full };
        if (Directory.Exists(full) && new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } link)
        {
            candidates.Add(FullPath(link.FullName));
        }

        bool Covers(string folder, string inside) =>
            string.Equals(folder, inside, comparison)
            || inside.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, comparison);

        var current = FullPath(Environment.CurrentDirectory);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, Path.GetPathRoot(candidate), comparison))
            {
                return "the root of the file system";
            }

            if (Covers(candidate, current))
            {
                return string.Equals(candidate, current, comparison) ? "the current folder" : "an ancestor of the current folder";
            }

            if (home.Length > 0 && Covers(candidate, FullPath(home)))
            {
                return "the home folder or one of its ancestors";
            }
        }

        return null;
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

    /// <summary>As <see cref="WriteAtomically(ResultsFolderClaim, Func{string, List{string}}, CancellationToken)"/>, claiming <paramref name="target"/> for the time it takes.</summary>
    internal static IReadOnlyList<string> WriteAtomically(
        string target, bool force, Func<string, List<string>> writeFiles, CancellationToken cancellationToken)
    {
        using var claim = ResultsFolderClaim.Acquire(target, force);
        return WriteAtomically(claim, writeFiles, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="writeFiles"/> on a hidden temporary sibling of the claimed folder and renames it into
    /// place when it returns; on failure or cancellation the temporary folder is deleted and the target is untouched.
    /// </summary>
    internal static IReadOnlyList<string> WriteAtomically(
        ResultsFolderClaim claim, Func<string, List<string>> writeFiles, CancellationToken cancellationToken)
    {
        var temporary = claim.CreateTemporary();
        try
        {
            var written = writeFiles(temporary);
            cancellationToken.ThrowIfCancellationRequested();
            claim.MoveIntoPlace(temporary);
            return written;
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> by rename (the tool's own journal files), so that an
    /// interruption leaves the old file or the new one, never half of one.
    /// </summary>
    internal static void ReplaceFile(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text, ResultsCsv.FileEncoding);
        File.Move(path + ".tmp", path, overwrite: true);
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
public sealed class ResultsFolderNotEmptyException : ResultsFolderRefusedException
{
    /// <summary>Creates the exception for a folder.</summary>
    public ResultsFolderNotEmptyException(string folder)
        : base(folder, $"output folder '{folder}' exists and is not empty", "use --force to replace an earlier results folder, or choose another --out")
    {
    }
}
