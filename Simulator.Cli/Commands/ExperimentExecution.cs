using System.Diagnostics;
using System.Globalization;
using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Output;
using Spectre.Console;

namespace Simulator.Cli.Commands;

/// <summary>
/// What <c>run</c> and <c>compare</c> share: open the results folder before simulating, stream replications into it,
/// print the answer, then finish the folder with statistics, charts and the manifest.
/// </summary>
internal static class ExperimentExecution
{
    /// <summary>Runs the experiment and writes the results; with <paramref name="compare"/> also the policy comparison.</summary>
    public static int Execute(
        CliSession session,
        ISimulatorBackend backend,
        ExperimentSettings settings,
        ScenarioSpec scenario,
        IReadOnlyList<string> policies,
        bool compare,
        CancellationToken cancellationToken)
    {
        settings.Deterministic = ScenarioRandomness.IsDeterministic(scenario);
        session.Document?.Deterministic = settings.Deterministic;
        if (settings.DeterminismNote() is { } note)
        {
            session.Error(note);
        }

        if (settings.Shard is not null)
        {
            return ExecuteShard(session, settings, scenario, policies, compare, cancellationToken);
        }

        if (settings.Resume is not null)
        {
            return ExecuteResume(session, settings, scenario, policies, compare, cancellationToken);
        }

        var scenarioHash = RunManifest.Sha256OfFile(settings.Scenario);
        var output = settings.Out ?? DefaultOutput(settings.Scenario);
        var options = settings.ToOptions(policies);
        CheckWork(session, backend.Estimate(scenario, options, cancellationToken), settings.MaxEvents);
        ResultsStream stream;
        try
        {
            // Refuse before simulating: an hour-long run must not end on "folder not empty".
            stream = ResultsStream.Create(output, scenario.Start, settings.Force, settings.AllTimeseries, settings.TimeseriesFileFormat);
        }
        catch (IOException error) when (ResultsFolderInput.Refusal(error, output) is { } refusal)
        {
            throw refusal;
        }

        // A fixed number of replications keeps a journal, so an interrupted run can be resumed; a precision target
        // cannot be resumed (which replications run depends on all before them), nor can a Parquet series (the journal
        // keeps CSV rows).
        ExperimentShard? journal = null;
        try
        {
            journal = options.UntilPrecisionPercent is null && settings.TimeseriesFileFormat == TimeseriesFormat.Csv
                ? OpenJournal(session, settings, scenario, options, compare, new ShardSpec(0, 1), output, resume: false).Journal
                : null;
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        try
        {
            WriteResults(session, backend, settings, scenario, compare, options, stream, journal, scenarioHash, cancellationToken);
        }
        catch (OperationCanceledException) when (journal is not null)
        {
            session.EndProgress();
            session.Error($"interrupted: the finished replications are saved; continue with --resume {output} (same scenario and options)");
            throw;
        }
        catch
        {
            // Only an interruption is worth resuming; a failure would fail again.
            journal?.Delete();
            throw;
        }

        journal?.Delete();
        session.WroteResults(output);
        return ExitCodes.Success;
    }

    private static void WriteResults(
        CliSession session,
        ISimulatorBackend backend,
        ExperimentSettings settings,
        ScenarioSpec scenario,
        bool compare,
        ExperimentOptions options,
        ResultsStream stream,
        ExperimentShard? journal,
        string scenarioHash,
        CancellationToken cancellationToken)
    {
        using (stream)
        {
            var startedAt = DateTimeOffset.Now;
            var clock = Stopwatch.StartNew();
            ExperimentResult result;
            try
            {
                IReplicationSink sink = journal is null ? stream : new JournalingSink(stream, journal);
                result = backend.Stream(scenario, options, sink, StartProgress(session, options), cancellationToken);
            }
            catch (InvalidOptionsException error)
            {
                throw new InvalidInputException($"error: {error.Message}", error);
            }
            catch (OperationCanceledException)
            {
                journal?.SaveProgress(clock.Elapsed.TotalSeconds);
                throw;
            }
            finally
            {
                session.EndProgress();
            }

            var wallTime = clock.Elapsed.TotalSeconds;
            cancellationToken.ThrowIfCancellationRequested();
            var comparison = RenderResult(session, scenario, result, compare);

            if (result.Precision is { } precision)
            {
                session.Say(Describe(precision));
            }

            session.Progress("writing results...");
            var manifest = new RunManifest(
                RunManifest.CurrentToolVersion, settings.Scenario, scenarioHash, scenario.Name, result.Policies, result.Seed,
                result.ReplicationCount, result.HorizonHours, CommandLine(session.Arguments), startedAt, wallTime, result.ProcessedEvents);
            try
            {
                stream.Complete(result, manifest, comparison, cancellationToken, scenario);
            }
            finally
            {
                session.EndProgress();
            }
        }
    }

    /// <summary>Prints the per-line table, or with <paramref name="compare"/> the comparison tables, and returns the comparison.</summary>
    public static PolicyComparison? RenderResult(CliSession session, ScenarioSpec scenario, ExperimentResult result, bool compare)
    {
        if (!compare)
        {
            Render(session, "lines", LineSummaryTable.Build(result));
            if (LineSummaryTable.BuildPerDisruption(result) is { } perDisruption)
            {
                Render(session, "disruptions", perDisruption);
            }

            return null;
        }

        var comparison = Comparison.Compute(result, scenario.HoldingCostRatePerYear);
        Render(session, "policies", ComparisonTable.Build(comparison));
        Render(session, "paired", ComparisonTable.BuildPaired(comparison));
        return comparison;
    }

    /// <summary>
    /// Refuses work past <paramref name="maxEvents"/> before anything is written, and shows the estimate where someone
    /// watches or where the wait is long enough to want it.
    /// </summary>
    public static void CheckWork(CliSession session, WorkEstimate estimate, double maxEvents)
    {
        estimate.ThrowIfOver(maxEvents, "--max-events");
        if (session.ShowProgress || estimate.Seconds > 10)
        {
            session.Error("estimate: " + estimate.Describe());
        }
    }

    /// <summary>Prints a text table as a rounded grid, and its notes under it; with <c>--format csv|json</c> adds it to the document as <paramref name="name"/>.</summary>
    public static void Render(CliSession session, string name, TextTable table)
    {
        if (session.Document is { } document)
        {
            document.Add(name, table);
            return;
        }

        var grid = new Table().Border(TableBorder.Rounded);
        if (table.Title is { } title)
        {
            grid.Title(new TableTitle(title));
        }

        // Ids and numbers must not break mid-word: only the column with the longest text (a cause chain, a list of
        // lines) wraps, between words, so that the table fits the console's width.
        var widest = Enumerable.Range(0, table.Columns.Count)
            .OrderByDescending(i => table.Rows.Select(r => i < r.Count ? r[i].Length : 0).Append(table.Columns[i].Length).Max())
            .First();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = new TableColumn(new Text(table.Columns[i]));
            grid.AddColumn(i == widest ? column : column.NoWrap());
        }

        foreach (var row in table.Rows)
        {
            // Text, not markup: ids and causes may hold brackets.
            grid.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());
        }

        session.Console.Write(grid);
        foreach (var note in table.Notes)
        {
            // Through the console, so that a note wraps between words at the table's width.
            session.Console.Write(new Text(note));
            session.Console.WriteLine();
        }
    }

    /// <summary>Runs this process's shard of the jobs into a resumable shard folder for <c>merge</c>.</summary>
    private static int ExecuteShard(
        CliSession session, ExperimentSettings settings, ScenarioSpec scenario, IReadOnlyList<string> policies, bool compare, CancellationToken cancellationToken)
    {
        var (shard, problem) = ShardSpec.Parse(settings.Shard!, settings.Shards, System.Environment.GetEnvironmentVariable);
        if (shard is null)
        {
            throw new InvalidInputException($"error: {problem}");
        }

        var output = settings.Resume ?? settings.Out ?? DefaultOutput(settings.Scenario, $"-shard{shard.Index.ToString(CultureInfo.InvariantCulture)}");
        StressOutput.EnsureWritable(output, settings.Force);
        var options = settings.ToOptions(policies);
        var (journal, jobs) = OpenJournal(session, settings, scenario, options, compare, shard, output, settings.Resume is not null);
        var seconds = RunJobs(session, scenario, options, journal, jobs, $"--shard {shard.Index}/{shard.Count} --resume {output}", cancellationToken);
        journal.CompleteInto(output, seconds, settings.Force);
        session.Say(
            $"shard {shard.Index.ToString(CultureInfo.InvariantCulture)}/{shard.Count.ToString(CultureInfo.InvariantCulture)}: {journal.Records.Count.ToString(CultureInfo.InvariantCulture)} of {(options.Replications * Experiment.PoliciesOf(scenario, options).Count).ToString(CultureInfo.InvariantCulture)} replications written to {output}; when every shard is done: linesim merge --out DIR SHARD_DIR...");
        return ExitCodes.Success;
    }

    /// <summary>Continues an interrupted run or compare from its journal and writes the results it would have written.</summary>
    private static int ExecuteResume(
        CliSession session, ExperimentSettings settings, ScenarioSpec scenario, IReadOnlyList<string> policies, bool compare, CancellationToken cancellationToken)
    {
        var output = settings.Resume!;
        StressOutput.EnsureWritable(output, settings.Force);
        var options = settings.ToOptions(policies);
        var startedAt = DateTimeOffset.Now;
        var (journal, jobs) = OpenJournal(session, settings, scenario, options, compare, new ShardSpec(0, 1), output, resume: true);
        var seconds = RunJobs(session, scenario, options, journal, jobs, $"--resume {output}", cancellationToken);
        var result = ExperimentJobs.Assemble(scenario, options, journal.Records);
        var comparison = RenderResult(session, scenario, result, compare);
        var manifest = new RunManifest(
            RunManifest.CurrentToolVersion, settings.Scenario, RunManifest.Sha256OfFile(settings.Scenario), scenario.Name, result.Policies, result.Seed,
            result.ReplicationCount, result.HorizonHours, CommandLine(session.Arguments), startedAt, journal.EarlierWallTimeSeconds + seconds, result.ProcessedEvents);
        session.Progress("writing results...");
        try
        {
            ExperimentShard.WriteMerged(output, result, journal.JobFolders(), manifest, comparison, scenario.Start, settings.Force, cancellationToken, scenario);
        }
        finally
        {
            session.EndProgress();
        }

        journal.Delete();
        session.WroteResults(output);
        return ExitCodes.Success;
    }

    /// <summary>Starts or reopens the journal of <paramref name="shard"/> for <paramref name="output"/>; returns it and the jobs still to run.</summary>
    private static (ExperimentShard Journal, IReadOnlyList<int> Remaining) OpenJournal(
        CliSession session, ExperimentSettings settings, ScenarioSpec scenario, ExperimentOptions options, bool compare, ShardSpec shard, string output, bool resume)
    {
        try
        {
            var jobs = ExperimentJobs.OfShard(scenario, options, shard);
            var manifest = new ExperimentShardManifest(
                ExperimentShard.FormatName, compare ? "compare" : "run", RunManifest.CurrentToolVersion, settings.Scenario, RunManifest.Sha256OfFile(settings.Scenario),
                CommandLine(session.Arguments), Experiment.PoliciesOf(scenario, options), options.Replications, options.Seed, options.HorizonHours,
                options.AllTimeSeries, shard.Index, shard.Count);
            var journal = ExperimentShard.Open(output, manifest, scenario.Start, resume, settings.Force);
            return (journal, journal.Remaining(jobs));
        }
        catch (InvalidOptionsException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }
        catch (StressJournalException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }
    }

    /// <summary>Runs <paramref name="jobs"/> into the journal; on cancellation saves the time spent and says how to resume. Returns the seconds spent.</summary>
    private static double RunJobs(
        CliSession session, ScenarioSpec scenario, ExperimentOptions options, ExperimentShard journal, IReadOnlyList<int> jobs, string resumeHint, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            ExperimentJobs.Run(scenario, options, jobs, journal.Accept, session.StartProgress("replications", jobs.Count), cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (InvalidOptionsException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }
        catch (OperationCanceledException)
        {
            journal.SaveProgress(clock.Elapsed.TotalSeconds);
            session.EndProgress();
            session.Error($"interrupted: the finished replications are saved; continue with {resumeHint} (same scenario and options)");
            throw;
        }
        finally
        {
            session.EndProgress();
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static string Describe(PrecisionOutcome precision)
    {
        var target = precision.TargetPercent.ToString("0.###", CultureInfo.InvariantCulture);
        var count = precision.Replications.ToString(CultureInfo.InvariantCulture);
        var worst = double.IsFinite(precision.WorstHalfWidthPercent)
            ? precision.WorstHalfWidthPercent.ToString("0.##", CultureInfo.InvariantCulture) + " %"
            : "unbounded (mean lost units 0 with spread)";
        return precision.Reached
            ? $"precision reached after {count} replications per policy: the 95 % CI half-width of mean lost units is below {target} % of the mean on every line (widest: {precision.WorstPolicy} {precision.WorstPlant}/{precision.WorstLine} at {worst})"
            : $"precision NOT reached: stopped at the cap of {count} replications per policy; {precision.WorstPolicy} {precision.WorstPlant}/{precision.WorstLine} is at {worst} against a target of {target} % (raise --max-replications or relax --until-precision)";
    }

    private static string DefaultOutput(string scenarioPath, string suffix = "") =>
        Path.Combine("results", $"{Path.GetFileNameWithoutExtension(scenarioPath)}{suffix}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

    /// <summary>The command line as one string, quoting arguments with spaces or quotes.</summary>
    public static string CommandLine(IReadOnlyList<string> arguments) =>
        string.Join(' ', new[] { "linesim" }.Concat(arguments.Select(a => a.Length > 0 && !a.Any(char.IsWhiteSpace) && !a.Contains('"') ? a : "\"" + a.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")));

    /// <summary>Hands every replication to the results and to the journal that makes the run resumable.</summary>
    private sealed class JournalingSink(IReplicationSink results, ExperimentShard journal) : IReplicationSink
    {
        public void Accept(ReplicationResult replication)
        {
            results.Accept(replication);
            journal.Accept(replication);
        }
    }

    /// <summary>
    /// The bar of the replications handed to the results (all policies together); with a precision target the total is
    /// not known in advance, so it counts them.
    /// </summary>
    private static IProgress<int> StartProgress(CliSession session, ExperimentOptions options)
    {
        var policies = Math.Max(1, options.Policies.Count);
        return options.UntilPrecisionPercent is { } target
            ? session.StartProgress($"replications until lost units are within {target.ToString(CultureInfo.InvariantCulture)} %", null)
            : session.StartProgress("replications", options.Replications * policies);
    }
}
