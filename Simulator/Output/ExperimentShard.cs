using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Simulator.Experiments;

namespace Simulator.Output;

/// <summary>What <c>shard.json</c> of a <c>run</c> or <c>compare</c> shard says: whose work it holds and whether it is whole.</summary>
/// <param name="Format">Always <see cref="ExperimentShard.FormatName"/>.</param>
/// <param name="Command"><c>run</c> or <c>compare</c>.</param>
/// <param name="ToolVersion">Version of the simulator that wrote it.</param>
/// <param name="ScenarioPath">Scenario file as given on the command line.</param>
/// <param name="ScenarioSha256">SHA-256 of the scenario file.</param>
/// <param name="CommandLine">The command line that started it.</param>
/// <param name="Policies">Policies, in run order.</param>
/// <param name="Replications">Replications per policy.</param>
/// <param name="Seed">Root seed.</param>
/// <param name="HorizonHours">Horizon override, or null.</param>
/// <param name="AllTimeseries">Every replication's time series is written, not only replication 0's.</param>
/// <param name="ShardIndex">Shard index, from 0.</param>
/// <param name="ShardCount">Shards in all.</param>
/// <param name="Complete">Every job of the shard is in the folder.</param>
/// <param name="WallTimeSeconds">Seconds the shard simulated, over every resumed attempt.</param>
public sealed record ExperimentShardManifest(
    string Format,
    string Command,
    string ToolVersion,
    string? ScenarioPath,
    string? ScenarioSha256,
    string CommandLine,
    IReadOnlyList<string> Policies,
    int Replications,
    ulong Seed,
    double? HorizonHours,
    bool AllTimeseries,
    int ShardIndex,
    int ShardCount,
    bool Complete = false,
    double WallTimeSeconds = 0)
{
    /// <summary>The experiment options the shard was run with.</summary>
    public ExperimentOptions Options(int? parallelism = null) =>
        new(Policies, Replications, Seed, HorizonHours, parallelism, AllTimeseries);

    /// <summary>Whether <paramref name="other"/> is part of the same experiment (shard aside).</summary>
    internal bool SameExperiment(ExperimentShardManifest other) =>
        Command == other.Command && ScenarioSha256 == other.ScenarioSha256 && Policies.SequenceEqual(other.Policies, StringComparer.Ordinal)
        && Replications == other.Replications && Seed == other.Seed && HorizonHours == other.HorizonHours
        && AllTimeseries == other.AllTimeseries && ShardCount == other.ShardCount;
}

/// <summary>
/// A shard of a <c>run</c> or <c>compare</c>: each job's summary, disruption, event and time-series rows as headerless part files
/// and its record as JSON, under <c>jobs/</c>, written into the hidden journal <c>.NAME.journal</c> and renamed into
/// place as the shard folder when complete. A job is done when its record exists (written last), so an interrupted
/// shard resumes without redoing it. <c>merge</c> joins the parts in policy then replication order.
/// </summary>
public sealed class ExperimentShard
{
    /// <summary>The <c>format</c> of <c>shard.json</c>.</summary>
    public const string FormatName = "linesim-experiment-shard/1";

    private const string JobsFolder = "jobs";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new CauseChainJsonConverter() },
    };

    private readonly DateTimeOffset _scenarioStart;
    private readonly Dictionary<string, int> _rank;
    private ExperimentShardManifest _manifest;

    private ExperimentShard(string folder, ExperimentShardManifest manifest, DateTimeOffset scenarioStart, List<ReplicationRecord> records)
    {
        Folder = folder;
        _manifest = manifest;
        _scenarioStart = scenarioStart;
        _rank = manifest.Policies.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        Records = records;
    }

    /// <summary>The journal folder.</summary>
    public string Folder { get; }

    /// <summary>Records of the jobs done so far.</summary>
    public List<ReplicationRecord> Records { get; }

    /// <summary>Seconds simulated by earlier, interrupted attempts.</summary>
    public double EarlierWallTimeSeconds { get; private set; }

    /// <summary>Starts the journal of the shard folder <paramref name="target"/>, or with <paramref name="resume"/> reopens an interrupted one.</summary>
    /// <exception cref="StressJournalException">Resuming without a journal or one of other work, or starting over one without <paramref name="force"/>.</exception>
    public static ExperimentShard Open(string target, ExperimentShardManifest manifest, DateTimeOffset scenarioStart, bool resume, bool force)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var folder = StressJournal.FolderFor(target);
        var manifestPath = Path.Combine(folder, StressJournal.ManifestFile);
        if (resume)
        {
            if (!File.Exists(manifestPath))
            {
                throw new StressJournalException($"nothing to resume for '{target}': no interrupted shard left a journal at '{folder}'");
            }

            var saved = ReadManifest(manifestPath);
            if (!saved.SameExperiment(manifest) || saved.ShardIndex != manifest.ShardIndex)
            {
                throw new StressJournalException(
                    $"the interrupted shard of '{target}' was started with another scenario file, other options or another shard ({saved.CommandLine}); resume it with the same arguments, or start over with --force");
            }

            var records = ReadRecords(folder);
            return new ExperimentShard(folder, manifest, scenarioStart, records) { EarlierWallTimeSeconds = saved.WallTimeSeconds };
        }

        if (Directory.Exists(folder))
        {
            if (!force)
            {
                throw new StressJournalException($"an interrupted shard of '{target}' left its finished work in '{folder}'; continue it with --resume, or start over with --force");
            }

            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(folder, JobsFolder));
        File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest, JsonOptions) + "\n", ResultsCsv.FileEncoding);
        return new ExperimentShard(folder, manifest, scenarioStart, []);
    }

    /// <summary>The jobs of <paramref name="jobs"/> that are not done yet.</summary>
    public IReadOnlyList<int> Remaining(IReadOnlyList<int> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var done = Records.Select(JobOf).ToHashSet();
        return jobs.Where(j => !done.Contains(j)).ToArray();
    }

    /// <summary>Writes one replication's rows and record.</summary>
    public void Accept(ReplicationResult replication)
    {
        ArgumentNullException.ThrowIfNull(replication);
        var job = JobOf(replication.Policy, replication.Replication);
        var jobs = Path.Combine(Folder, JobsFolder);
        Part(jobs, job, "summary", csv => ResultsCsv.SummaryRows(csv, replication.Lines));
        Part(jobs, job, "disruptions", csv => ResultsCsv.DisruptionRows(csv, replication.Disruptions));
        Part(jobs, job, "events", csv => ResultsCsv.EventRows(csv, replication, _scenarioStart));
        Part(jobs, job, "timeseries", csv =>
        {
            if (_manifest.AllTimeseries || replication.Replication == 0)
            {
                ResultsCsv.TimeseriesRows(csv, replication, _scenarioStart);
            }
        });

        // The record goes last, by rename: a job with a record has all its parts.
        var record = replication.ToRecord();
        var path = Path.Combine(jobs, $"{Invariant.Integer(job)}.record.json");
        ResultsWriter.ReplaceFile(path, JsonSerializer.Serialize(record, JsonOptions));
        Records.Add(record);
    }

    /// <summary>The folder holding the parts of every job done, for <see cref="WriteMerged"/>.</summary>
    public Dictionary<int, string> JobFolders() => Records.ToDictionary(JobOf, _ => Path.Combine(Folder, JobsFolder));

    /// <summary>Deletes the journal once the results it led to are in place.</summary>
    public void Delete() => ResultsWriter.DeleteQuietly(Folder);

    /// <summary>Records the seconds spent so far; the journal stays resumable.</summary>
    public void SaveProgress(double wallTimeSeconds) => SaveManifest(_manifest with { WallTimeSeconds = EarlierWallTimeSeconds + wallTimeSeconds });

    /// <summary>Marks the shard whole and renames it into place as <paramref name="target"/>.</summary>
    /// <exception cref="ResultsFolderNotEmptyException">The folder holds something and <paramref name="force"/> is false.</exception>
    public void CompleteInto(string target, double wallTimeSeconds, bool force)
    {
        SaveManifest(_manifest with { Complete = true, WallTimeSeconds = EarlierWallTimeSeconds + wallTimeSeconds });
        ResultsWriter.EnsureWritable(target, force);
        var full = Path.GetFullPath(target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        ResultsWriter.MoveIntoPlace(Folder, full, Path.GetDirectoryName(full)!, Path.GetFileName(full));
    }

    /// <summary>Whether <paramref name="folder"/> is a shard of <c>run</c> or <c>compare</c> (rather than of <c>stress</c>).</summary>
    public static bool IsExperimentShard(string folder)
    {
        var path = Path.Combine(folder, StressJournal.ManifestFile);
        return File.Exists(path) && File.ReadAllText(path, ResultsCsv.FileEncoding).Contains($"\"{FormatName}\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// Reads the shard folders of one experiment, checks they are complete shards of it that together hold every
    /// shard once, and returns the manifest, every record and the folder holding each job's parts.
    /// </summary>
    /// <exception cref="InvalidDataException">A folder is not a complete shard, the shards disagree, or one is missing or given twice.</exception>
    public static (ExperimentShardManifest Manifest, List<ReplicationRecord> Records, Dictionary<int, string> JobFolders, double WallTimeSeconds) ReadShards(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ExperimentShardManifest? first = null;
        var seen = new Dictionary<int, string>();
        var records = new List<ReplicationRecord>();
        var jobFolders = new Dictionary<int, string>();
        var wall = 0.0;
        foreach (var folder in folders)
        {
            var manifestPath = Path.Combine(folder, StressJournal.ManifestFile);
            if (!File.Exists(manifestPath))
            {
                throw new InvalidDataException($"{folder}: not a shard folder (no {StressJournal.ManifestFile}; shards are written with --shard)");
            }

            var manifest = ReadManifest(manifestPath);
            var shard = $"{Invariant.Integer(manifest.ShardIndex)}/{Invariant.Integer(manifest.ShardCount)}";
            if (!manifest.Complete)
            {
                throw new InvalidDataException($"{folder}: shard {shard} is incomplete (interrupted?); finish it with --resume");
            }

            first ??= manifest;
            if (!manifest.SameExperiment(first))
            {
                throw new InvalidDataException($"{folder}: shard {shard} belongs to another experiment than {folders[0]} (command, scenario, options or shard count differ)");
            }

            if (!seen.TryAdd(manifest.ShardIndex, folder))
            {
                throw new InvalidDataException($"{folder}: shard {shard} is given twice (also {seen[manifest.ShardIndex]})");
            }

            var rank = manifest.Policies.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
            foreach (var record in ReadRecords(folder))
            {
                var job = (record.Replication * manifest.Policies.Count) + rank[record.Policy];
                if (job % manifest.ShardCount != manifest.ShardIndex)
                {
                    throw new InvalidDataException($"{folder}: job {job.ToString(CultureInfo.InvariantCulture)} does not belong to shard {shard}");
                }

                records.Add(record);
                jobFolders[job] = Path.Combine(folder, JobsFolder);
            }

            wall += manifest.WallTimeSeconds;
        }

        if (first is null)
        {
            throw new InvalidDataException("no shard folders given");
        }

        var missing = Enumerable.Range(0, first.ShardCount).Where(i => !seen.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"shards missing: {string.Join(", ", missing.Select(i => $"{Invariant.Integer(i)}/{Invariant.Integer(first.ShardCount)}"))} (merge needs every shard's folder)");
        }

        return (first with { ShardIndex = 0, ShardCount = 1 }, records, jobFolders, wall);
    }

    /// <summary>
    /// Writes the results folder of a merged experiment: the per-run files joined from the shards' parts in policy then
    /// replication order, then statistics, comparison, charts and manifest, as one process writes them.
    /// </summary>
    /// <exception cref="ResultsFolderNotEmptyException">The folder holds something and <paramref name="force"/> is false.</exception>
    public static IReadOnlyList<string> WriteMerged(
        string target,
        ExperimentResult result,
        IReadOnlyDictionary<int, string> jobFolders,
        RunManifest manifest,
        PolicyComparison? comparison,
        DateTimeOffset scenarioStart,
        bool force = false,
        CancellationToken cancellationToken = default,
        Simulator.Model.Specs.ScenarioSpec? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(jobFolders);
        var policies = result.Policies.Count;
        var order = Enumerable.Range(0, policies)
            .SelectMany(p => Enumerable.Range(0, result.ReplicationCount).Select(r => (r * policies) + p))
            .ToArray();
        return ResultsWriter.WriteAtomically(target, force, folder =>
        {
            IEnumerable<string> Parts(string kind) => order.Select(j => Path.Combine(jobFolders[j], $"{Invariant.Integer(j)}.{kind}.part"));
            ResultsStream.JoinParts(Path.Combine(folder, ResultsWriter.SummaryFile), ResultsCsv.SummaryColumns, Parts("summary"));
            ResultsStream.JoinParts(Path.Combine(folder, ResultsWriter.DisruptionsFile), ResultsCsv.DisruptionsColumns, Parts("disruptions"));
            ResultsStream.JoinParts(Path.Combine(folder, ResultsWriter.EventsFile), ResultsCsv.EventsColumns, Parts("events"));
            ResultsStream.JoinParts(Path.Combine(folder, ResultsWriter.TimeseriesFile), ResultsCsv.TimeseriesColumns, Parts("timeseries"));
            var written = new List<string> { ResultsWriter.SummaryFile, ResultsWriter.DisruptionsFile, ResultsWriter.EventsFile, ResultsWriter.TimeseriesFile };
            written.AddRange(ResultsStream.WriteDerived(folder, result, manifest, comparison, scenarioStart, cancellationToken, scenario));
            return written;
        }, cancellationToken);
    }

    private static ExperimentShardManifest ReadManifest(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<ExperimentShardManifest>(File.ReadAllText(path, ResultsCsv.FileEncoding), JsonOptions);
            return manifest is { Format: FormatName }
                ? manifest
                : throw new InvalidDataException($"{path}: not a run or compare shard manifest (format '{manifest?.Format}')");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: not a run or compare shard manifest ({error.Message})", error);
        }
    }

    private static List<ReplicationRecord> ReadRecords(string folder) =>
        Directory.EnumerateFiles(Path.Combine(folder, JobsFolder), "*.record.json")
            .Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<ReplicationRecord>(File.ReadAllText(f, ResultsCsv.FileEncoding), JsonOptions)
                ?? throw new InvalidDataException($"{f}: empty record"))
            .ToList();

    private static void Part(string jobs, int job, string kind, Action<CsvHelper.CsvWriter> write)
    {
        using var writer = new StreamWriter(Path.Combine(jobs, $"{Invariant.Integer(job)}.{kind}.part"), append: false, ResultsCsv.FileEncoding);
        using var csv = ResultsCsv.OpenBody(writer);
        write(csv);
    }

    private int JobOf(ReplicationRecord record) => JobOf(record.Policy, record.Replication);

    private int JobOf(string policy, int replication) => (replication * _manifest.Policies.Count) + _rank[policy];

    private void SaveManifest(ExperimentShardManifest manifest)
    {
        _manifest = manifest;
        File.WriteAllText(Path.Combine(Folder, StressJournal.ManifestFile), JsonSerializer.Serialize(manifest, JsonOptions) + "\n", ResultsCsv.FileEncoding);
    }
}
