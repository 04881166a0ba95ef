using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Simulator.Experiments;
using Simulator.Metrics;

namespace Simulator.Output;

/// <summary>What <c>shard.json</c> says about a stress shard or journal: whose work it holds and whether it is whole.</summary>
/// <param name="Format">Always <see cref="StressJournal.FormatName"/>.</param>
/// <param name="ToolVersion">Version of the simulator that wrote it.</param>
/// <param name="ScenarioPath">Scenario file as given on the command line.</param>
/// <param name="ScenarioSha256">SHA-256 of the scenario file.</param>
/// <param name="CommandLine">The command line that started it.</param>
/// <param name="ShardIndex">Shard index, from 0.</param>
/// <param name="ShardCount">Shards the work was split into (1: not split).</param>
/// <param name="Plan">The stress test's plan without its LP optimum (<see cref="StressTest.PlanRuns"/>), identical in every shard.</param>
/// <param name="Complete">Every unit of the shard is in <c>runs.csv</c>.</param>
/// <param name="WallTimeSeconds">Seconds the shard simulated, over every resumed attempt.</param>
/// <param name="Optima">
/// With <c>--method lp</c>, the LP optimum of each of the shard's targets (<see cref="StressPlan.TargetsOfShard"/>)
/// solved so far; null with <c>--method sim</c>.
/// </param>
public sealed record StressShardManifest(
    string Format,
    string ToolVersion,
    string? ScenarioPath,
    string? ScenarioSha256,
    string CommandLine,
    int ShardIndex,
    int ShardCount,
    StressPlan Plan,
    bool Complete = false,
    double WallTimeSeconds = 0,
    IReadOnlyList<StressTargetOptimum>? Optima = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The manifest as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    /// <summary>Reads a manifest written by <see cref="ToJson"/>.</summary>
    /// <exception cref="InvalidDataException">Not a stress shard manifest.</exception>
    public static StressShardManifest Read(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<StressShardManifest>(File.ReadAllText(path, ResultsCsv.FileEncoding), JsonOptions);
            return manifest is { Format: StressJournal.FormatName, Plan: not null }
                ? manifest
                : throw new InvalidDataException($"{path}: not a stress shard manifest (format '{manifest?.Format}')");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: not a stress shard manifest ({error.Message})", error);
        }
    }

    /// <summary>Whether <paramref name="other"/> is the same work: same scenario bytes, same plan and method, same shard.</summary>
    internal bool SameWork(StressShardManifest other) =>
        ScenarioSha256 == other.ScenarioSha256 && ShardIndex == other.ShardIndex && ShardCount == other.ShardCount && SamePlan(other);

    /// <summary>Whether <paramref name="other"/> holds part of the same stress test (same plan, both with or both without the LP).</summary>
    internal bool SamePlan(StressShardManifest other) =>
        (Optima is null) == (other.Optima is null) && JsonSerializer.Serialize(Plan, JsonOptions) == JsonSerializer.Serialize(other.Plan, JsonOptions);
}

/// <summary>
/// The journal of a stress test or shard in progress: <c>shard.json</c> and <c>runs.csv</c> in a hidden sibling
/// <c>.NAME.journal</c> of the results folder, each row appended and flushed as its run finishes, so that an interrupted
/// run can continue where it stopped (<c>--resume</c>) and a shard's folder is its finished journal.
/// </summary>
public sealed class StressJournal : IStressRunSink, IDisposable
{
    /// <summary>The <c>format</c> of <c>shard.json</c>.</summary>
    public const string FormatName = "linesim-stress-shard/1";

    /// <summary>The manifest file of a shard or journal folder.</summary>
    public const string ManifestFile = "shard.json";

    /// <summary>Seconds between two rewrites of <c>shard.json</c> while LP optima come in.</summary>
    internal const double OptimaSaveSeconds = 10;

    private readonly StreamWriter _rows;
    private readonly Stopwatch _sinceOptimaSaved = Stopwatch.StartNew();
    private readonly int _replications;
    private StressShardManifest _manifest;
    private bool _closed;

    private StressJournal(string folder, StressShardManifest manifest, StreamWriter rows, List<StressRun> runs, List<StressBaselineRun> baselines)
    {
        Folder = folder;
        _manifest = manifest;
        _rows = rows;
        _replications = manifest.Plan.Replications;
        Runs = runs;
        Baselines = baselines;
    }

    /// <summary>The journal folder.</summary>
    public string Folder { get; }

    /// <summary>Rows of the units done so far (read back on resume, then every row accepted).</summary>
    public List<StressRun> Runs { get; }

    /// <summary>Baselines done so far.</summary>
    public List<StressBaselineRun> Baselines { get; }

    /// <summary>Seconds simulated by earlier, interrupted attempts.</summary>
    public double EarlierWallTimeSeconds { get; private set; }

    /// <summary>With <c>--method lp</c>: the LP optima solved so far (read back on resume), else null.</summary>
    public IReadOnlyList<StressTargetOptimum>? Optima => _manifest.Optima;

    /// <summary>With <c>--method lp</c>: the targets of this shard (all of them unsharded) whose optimum is not in the journal yet; else none.</summary>
    public IReadOnlyList<int> UnsolvedTargets()
    {
        if (_manifest.Optima is not { } optima)
        {
            return [];
        }

        var done = optima.Select(o => o.Target).ToHashSet();
        return _manifest.Plan.TargetsOfShard(_manifest.ShardIndex, _manifest.ShardCount).Where(t => !done.Contains(t)).ToArray();
    }

    /// <summary>The hidden journal folder of the results folder <paramref name="target"/>.</summary>
    public static string FolderFor(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var full = Path.GetFullPath(target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        return Path.Combine(Path.GetDirectoryName(full) ?? full, $".{Path.GetFileName(full)}.journal");
    }

    /// <summary>
    /// Starts the journal of <paramref name="target"/>, or with <paramref name="resume"/> reopens the one an interrupted
    /// run left, after checking it holds the same work.
    /// </summary>
    /// <exception cref="StressJournalException">
    /// Resuming without a journal, or one for other work; or starting while an interrupted run's journal exists and
    /// <paramref name="force"/> is false (it is then discarded).
    /// </exception>
    public static StressJournal Open(string target, StressShardManifest manifest, bool resume, bool force)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var folder = FolderFor(target);
        var manifestPath = Path.Combine(folder, ManifestFile);
        var rowsPath = Path.Combine(folder, StressRunsCsv.FileName);
        if (resume)
        {
            if (!File.Exists(manifestPath) || !File.Exists(rowsPath))
            {
                throw new StressJournalException($"nothing to resume for '{target}': no interrupted run left a journal at '{folder}'");
            }

            var saved = StressShardManifest.Read(manifestPath);
            if (OptimaProblem(saved, whole: false) is { } problem)
            {
                throw new InvalidDataException($"{manifestPath}: {problem}");
            }

            if (!saved.SameWork(manifest))
            {
                throw new StressJournalException(
                    $"the interrupted run of '{target}' was started with another scenario file, other options or another shard ({saved.CommandLine}); resume it with the same arguments, or start over with --force");
            }

            var (runs, baselines) = StressRunsCsv.Read(rowsPath);
            using (var file = new FileStream(rowsPath, FileMode.Open, FileAccess.Write))
            {
                // A row cut off by the interruption is redone, not kept half-written.
                file.SetLength(StressRunsCsv.CompleteLength(rowsPath));
            }

            var rows = new StreamWriter(rowsPath, append: true, ResultsCsv.FileEncoding);
            var resumed = manifest with { Optima = saved.Optima };
            return new StressJournal(folder, resumed, rows, runs, baselines) { EarlierWallTimeSeconds = saved.WallTimeSeconds };
        }

        if (Directory.Exists(folder))
        {
            if (!force)
            {
                throw new StressJournalException($"an interrupted run of '{target}' left its finished work in '{folder}'; continue it with --resume, or start over with --force");
            }

            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        WriteManifest(folder, manifest);
        var writer = new StreamWriter(rowsPath, append: false, ResultsCsv.FileEncoding);
        writer.Write(StressRunsCsv.Header + "\n");
        writer.Flush();
        return new StressJournal(folder, manifest, writer, [], []);
    }

    /// <summary>The units of <paramref name="units"/> that have no row yet.</summary>
    public IReadOnlyList<int> Remaining(IReadOnlyList<int> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var done = Runs.Select(r => r.Unit).ToHashSet();
        return units.Where(u => !done.Contains(u)).ToArray();
    }

    /// <inheritdoc/>
    public void Accept(StressRun run)
    {
        Runs.Add(run);
        Append(StressRunsCsv.Line(run, _replications));
    }

    /// <inheritdoc/>
    public void Accept(StressBaselineRun baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (Baselines.Any(b => b.Replication == baseline.Replication))
        {
            return;
        }

        Baselines.Add(baseline);
        Append(StressRunsCsv.Line(baseline));
    }

    /// <summary>Marks the journal whole: <c>shard.json</c> records completion and the simulated seconds of every attempt.</summary>
    public void MarkComplete(double wallTimeSeconds)
    {
        Close();
        _manifest = _manifest with { Complete = true, WallTimeSeconds = EarlierWallTimeSeconds + wallTimeSeconds };
        WriteManifest(Folder, _manifest);
    }

    /// <summary>
    /// Records one more target's LP optimum, so that a resumed run does not solve it again. <c>shard.json</c> is
    /// rewritten at most every <see cref="OptimaSaveSeconds"/> seconds (and by <see cref="SaveProgress"/> and
    /// <see cref="MarkComplete"/>): a crash loses at most that much of the LP work.
    /// </summary>
    /// <exception cref="InvalidOperationException">The journal is of a stress test without the LP.</exception>
    public void Accept(StressTargetOptimum optimum)
    {
        ArgumentNullException.ThrowIfNull(optimum);
        var optima = _manifest.Optima ?? throw new InvalidOperationException("this journal's stress test solves no LP optimum");
        _manifest = _manifest with { Optima = [.. optima.Append(optimum).OrderBy(o => o.Target)] };
        if (_sinceOptimaSaved.Elapsed.TotalSeconds >= OptimaSaveSeconds)
        {
            WriteManifest(Folder, _manifest);
            _sinceOptimaSaved.Restart();
        }
    }

    /// <summary>Records the seconds spent so far, so that a resumed run's total is right; the journal stays resumable.</summary>
    public void SaveProgress(double wallTimeSeconds)
    {
        _manifest = _manifest with { WallTimeSeconds = EarlierWallTimeSeconds + wallTimeSeconds };
        WriteManifest(Folder, _manifest);
    }

    /// <summary>Renames the complete journal into place as the shard folder <paramref name="target"/>.</summary>
    /// <exception cref="ResultsFolderNotEmptyException">The folder holds something and <paramref name="force"/> is false.</exception>
    public void MoveInto(string target, bool force)
    {
        Close();
        ResultsWriter.EnsureWritable(target, force);
        var full = Path.GetFullPath(target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        ResultsWriter.MoveIntoPlace(Folder, full, Path.GetDirectoryName(full)!, Path.GetFileName(full));
    }

    /// <summary>Deletes the journal once the results it led to are in place.</summary>
    public void Delete()
    {
        Close();
        ResultsWriter.DeleteQuietly(Folder);
    }

    /// <summary>Closes the rows file; the journal stays on disk for <c>--resume</c>.</summary>
    public void Dispose() => Close();

    /// <summary>
    /// Reads the shard folders of one stress test, checks that they are complete shards of the same plan and that
    /// together they hold every shard exactly once, and returns the plan (with the LP optimum the shards solved, if
    /// any) and all rows.
    /// </summary>
    /// <exception cref="InvalidDataException">A folder is not a complete shard, the shards disagree, or one is missing or given twice.</exception>
    public static (StressShardManifest Manifest, List<StressRun> Runs, List<StressBaselineRun> Baselines, double WallTimeSeconds) ReadShards(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (folders.Count == 0)
        {
            throw new InvalidDataException("no shard folders given");
        }

        StressShardManifest? first = null;
        var seen = new Dictionary<int, string>();
        var runs = new List<StressRun>();
        var baselines = new List<StressBaselineRun>();
        var optima = new List<StressTargetOptimum>();
        var wall = 0.0;
        foreach (var folder in folders)
        {
            var manifestPath = Path.Combine(folder, ManifestFile);
            if (!File.Exists(manifestPath))
            {
                throw new InvalidDataException($"{folder}: not a shard folder (no {ManifestFile}; shards are written by stress --shard)");
            }

            var manifest = StressShardManifest.Read(manifestPath);
            if (!manifest.Complete)
            {
                throw new InvalidDataException($"{folder}: shard {Shard(manifest)} is incomplete (interrupted?); finish it with --resume");
            }

            if (first is null)
            {
                first = manifest;
            }
            else if (manifest.ShardCount != first.ShardCount || manifest.ScenarioSha256 != first.ScenarioSha256 || !manifest.SamePlan(first))
            {
                throw new InvalidDataException($"{folder}: shard {Shard(manifest)} belongs to another stress test than {folders[0]} (scenario, options or shard count differ)");
            }
            else if (manifest.ToolVersion != first.ToolVersion)
            {
                throw new InvalidDataException(
                    $"{folder}: shard {Shard(manifest)} was written by linesim {manifest.ToolVersion}, {folders[0]} by {first.ToolVersion}; run every shard with the same version");
            }

            if (!seen.TryAdd(manifest.ShardIndex, folder))
            {
                throw new InvalidDataException($"{folder}: shard {Shard(manifest)} is given twice (also {seen[manifest.ShardIndex]})");
            }

            var (shardRuns, shardBaselines) = StressRunsCsv.Read(Path.Combine(folder, StressRunsCsv.FileName));
            var stray = shardRuns.FirstOrDefault(r => r.Unit % manifest.ShardCount != manifest.ShardIndex);
            if (stray is not null)
            {
                throw new InvalidDataException($"{folder}: unit {stray.Unit.ToString(CultureInfo.InvariantCulture)} does not belong to shard {Shard(manifest)}");
            }

            if (OptimaProblem(manifest, whole: true) is { } problem)
            {
                throw new InvalidDataException($"{folder}: {problem}");
            }

            optima.AddRange(manifest.Optima ?? []);

            runs.AddRange(shardRuns);
            baselines.AddRange(shardBaselines);
            wall += manifest.WallTimeSeconds;
        }

        var missing = Enumerable.Range(0, first!.ShardCount).Where(i => !seen.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"shards missing: {string.Join(", ", missing.Select(i => $"{i.ToString(CultureInfo.InvariantCulture)}/{first.ShardCount.ToString(CultureInfo.InvariantCulture)}"))} (merge needs every shard's folder)");
        }

        var plan = first.Optima is null ? first.Plan : first.Plan.WithOptimum(optima);
        return (first with { ShardIndex = 0, ShardCount = 1, Plan = plan, Optima = null }, runs, baselines, wall);
    }

    /// <summary>Writes <c>shard.json</c> by rename, so that an interruption leaves the old one or the new one, never half of one.</summary>
    private static void WriteManifest(string folder, StressShardManifest manifest) =>
        ResultsWriter.ReplaceFile(Path.Combine(folder, ManifestFile), manifest.ToJson());

    /// <summary>
    /// Why <paramref name="manifest"/>'s LP optima are not a share of its shard's targets (each once, one slot per
    /// duration, all of them when <paramref name="whole"/>), or null when they are or it has none.
    /// </summary>
    private static string? OptimaProblem(StressShardManifest manifest, bool whole)
    {
        if (manifest.Optima is not { } optima)
        {
            return null;
        }

        var expected = manifest.Plan.TargetsOfShard(manifest.ShardIndex, manifest.ShardCount);
        var solved = optima.Select(o => o.Target).Order().ToArray();
        var valid = solved.Distinct().Count() == solved.Length
            && solved.All(expected.Contains)
            && optima.All(o => o.Slots.Count == manifest.Plan.DurationCount)
            && (!whole || solved.Length == expected.Count);
        return valid ? null
            : $"shard {Shard(manifest)} does not hold the LP optimum of {(whole ? "exactly " : "only ")}its {expected.Count.ToString(CultureInfo.InvariantCulture)} targets (every target whose index is {manifest.ShardIndex.ToString(CultureInfo.InvariantCulture)} modulo {manifest.ShardCount.ToString(CultureInfo.InvariantCulture)}, each once, for every duration)";
    }

    private static string Shard(StressShardManifest manifest) =>
        $"{manifest.ShardIndex.ToString(CultureInfo.InvariantCulture)}/{manifest.ShardCount.ToString(CultureInfo.InvariantCulture)}";

    private void Append(string line)
    {
        _rows.Write(line);
        _rows.Write('\n');
        _rows.Flush();
    }

    private void Close()
    {
        if (!_closed)
        {
            _closed = true;
            _rows.Dispose();
        }
    }
}

/// <summary>A stress journal cannot be started or resumed as asked; the message says why and what to do.</summary>
public sealed class StressJournalException(string message) : IOException(message);
