using System.Text.Json;

namespace Simulator.Output;

/// <summary>
/// One run's exclusive claim on a results folder, held from before the simulation starts until the results are in place.
/// While it is held no other run (in this process or another) can claim the same folder, and the hidden leftovers of
/// runs into it that died (killed, power cut) are removed, never those of a live run.
/// </summary>
/// <remarks>
/// The claim is an exclusive lock on a hidden file <c>.NAME.lock</c> next to the folder. The operating system releases
/// it when the process ends however it ends, so a leftover lock file of a killed run does not block the next run.
/// </remarks>
public sealed class ResultsFolderClaim : IDisposable
{
    /// <summary>The extensions of the files the tool writes into a results folder; <c>--force</c> replaces nothing else.</summary>
    public static readonly IReadOnlySet<string> ToolFileExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".csv", ".png", ".svg", ".html", ".json", ".parquet" };

    /// <summary>Files of other kinds the tool writes by exactly this name (the policy file of <c>size-buffers</c>); <c>--force</c> replaces them too.</summary>
    public static readonly IReadOnlySet<string> ToolFileNames = new HashSet<string>(StringComparer.Ordinal) { BufferSizingWriter.PolicyFile };

    private readonly FileStream _lock;
    private readonly string _lockPath;
    private bool _released;

    private ResultsFolderClaim(string fullTarget, string parent, string name, bool force, FileStream lockFile, string lockPath)
    {
        Target = fullTarget;
        Parent = parent;
        Name = name;
        Force = force;
        _lock = lockFile;
        _lockPath = lockPath;
    }

    /// <summary>The absolute path of the results folder.</summary>
    public string Target { get; }

    /// <summary>Whether a results folder this tool wrote may be replaced.</summary>
    public bool Force { get; }

    internal string Parent { get; }

    internal string Name { get; }

    /// <summary>
    /// Checks that <paramref name="target"/> may receive results (see <see cref="ResultsWriter.EnsureWritable"/>), claims
    /// it, and removes what dead runs into it left behind.
    /// </summary>
    /// <exception cref="ResultsFolderRefusedException">The folder may not be written, or another run is writing into it.</exception>
    /// <exception cref="IOException">The path is an existing file, or the parent folder cannot be created.</exception>
    public static ResultsFolderClaim Acquire(string target, bool force)
    {
        ResultsWriter.EnsureWritable(target, force);
        var fullTarget = ResultsWriter.FullPath(target);
        var parent = Path.GetDirectoryName(fullTarget) ?? throw new IOException($"output path '{target}' has no parent folder");
        var name = Path.GetFileName(fullTarget);
        Directory.CreateDirectory(parent);
        var lockPath = Path.Combine(parent, $".{name}.lock");
        FileStream lockFile;
        try
        {
            // FileShare.None is an exclusive flock on Unix and a share-mode lock on Windows: both end with the process.
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            throw new ResultsFolderInUseException(target);
        }

        var claim = new ResultsFolderClaim(fullTarget, parent, name, force, lockFile, lockPath);
        try
        {
            claim.RemoveDeadLeftovers();
            return claim;
        }
        catch
        {
            claim.Dispose();
            throw;
        }
    }

    /// <summary>Creates the hidden temporary sibling <c>.NAME.tmp-RANDOM</c> that results are written into.</summary>
    internal string CreateTemporary()
    {
        ObjectDisposedException.ThrowIf(_released, this);
        var temporary = Path.Combine(Parent, $".{Name}.tmp-{ResultsWriter.RandomSuffix()}");
        Directory.CreateDirectory(temporary);
        return temporary;
    }

    /// <summary>Renames the complete <paramref name="temporary"/> folder into place, replacing an old result only when forced.</summary>
    internal void MoveIntoPlace(string temporary)
    {
        ObjectDisposedException.ThrowIf(_released, this);

        // Checked again: someone may have put files into the folder while the experiment ran.
        ResultsWriter.EnsureWritable(Target, Force);
        ResultsWriter.MoveIntoPlace(temporary, Target, Parent, Name);
    }

    /// <summary>Releases the claim and removes the lock file.</summary>
    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        _released = true;

        // Deleted while still held, so a run that opens the path from now on gets a fresh file rather than this one.
        try
        {
            File.Delete(_lockPath);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        _lock.Dispose();
    }

    /// <summary>Whether <paramref name="folder"/> holds a run.json that this tool wrote.</summary>
    internal static bool HasManifest(string folder)
    {
        var path = Path.Combine(folder, ResultsWriter.ManifestFile);
        if (!File.Exists(path) || new FileInfo(path).Length > 1 << 20)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("tool_version", out _)
                && document.RootElement.TryGetProperty("command_line", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Removes <c>.NAME.tmp-*</c> and <c>.NAME.old-*</c> siblings: they can only belong to dead runs, since a live run
    /// into this folder would hold the claim. A parked old result whose replacement never arrived is put back.
    /// </summary>
    private void RemoveDeadLeftovers()
    {
        foreach (var old in Directory.EnumerateDirectories(Parent, $".{Name}.old-*"))
        {
            if (!Directory.Exists(Target))
            {
                Directory.Move(old, Target);
            }
            else
            {
                ResultsWriter.DeleteQuietly(old);
            }
        }

        foreach (var temporary in Directory.EnumerateDirectories(Parent, $".{Name}.tmp-*"))
        {
            ResultsWriter.DeleteQuietly(temporary);
        }
    }
}

/// <summary>A results folder the tool will not write into: the message says why and the hint what to do instead.</summary>
public class ResultsFolderRefusedException : IOException
{
    /// <summary>Creates the refusal.</summary>
    public ResultsFolderRefusedException(string folder, string message, string hint)
        : base(message)
    {
        Folder = folder;
        Hint = hint;
    }

    /// <summary>The folder that was refused, as given.</summary>
    public string Folder { get; }

    /// <summary>What the user can do instead.</summary>
    public string Hint { get; }
}

/// <summary>Another run holds the claim on the results folder.</summary>
public sealed class ResultsFolderInUseException : ResultsFolderRefusedException
{
    /// <summary>Creates the refusal.</summary>
    public ResultsFolderInUseException(string folder)
        : base(folder, $"output folder '{folder}' is being written by another run that is still going", "wait for it to finish, or choose another --out")
    {
    }
}
