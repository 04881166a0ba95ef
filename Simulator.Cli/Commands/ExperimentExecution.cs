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
        if (settings.Shard is not null)
        {
            return ExecuteShard(session, settings, scenario, policies, compare, cancellationToken);
        }

        var scenarioHash = RunManifest.Sha256OfFile(settings.Scenario);
        var output = settings.Out ?? DefaultOutput(settings.Scenario);
        ResultsStream stream;
        try
        {
            // Refuse before simulating: an hour-long run must not end on "folder not empty".
            stream = ResultsStream.Create(output, scenario.Start, settings.Force, settings.AllTimeseries);
        }
        catch (ResultsFolderNotEmptyException error)
        {
            throw new InvalidInputException($"error: {error.Message} (hint: use --force to replace it, or choose another --out)");
        }
        catch (IOException error) when (File.Exists(output))
        {
            // --out names a file: the user's argument, not a failure of the machine.
            throw new InvalidInputException($"error: {error.Message} (hint: --out takes a folder; choose another path)");
        }

        using (stream)
        {
            var options = settings.ToOptions(policies);
            var startedAt = DateTimeOffset.Now;
            var clock = Stopwatch.StartNew();
            ExperimentResult result;
            try
            {
                result = backend.Stream(scenario, options, stream, new ReplicationProgress(session, options), cancellationToken);
            }
            catch (ArgumentException error)
            {
                throw new InvalidInputException($"error: {error.Message}", error);
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
                session.Stdout.WriteLine(Describe(precision));
            }

            session.Progress("writing results...");
            var manifest = new RunManifest(
                RunManifest.CurrentToolVersion, settings.Scenario, scenarioHash, scenario.Name, result.Policies, result.Seed,
                result.ReplicationCount, result.HorizonHours, CommandLine(session.Arguments), startedAt, wallTime, result.ProcessedEvents);
            try
            {
                stream.Complete(result, manifest, comparison, cancellationToken);
            }
            finally
            {
                session.EndProgress();
            }
        }

        session.Stdout.WriteLine($"results written to {output}");
        return ExitCodes.Success;
    }

    /// <summary>Prints the per-line table, or with <paramref name="compare"/> the comparison tables, and returns the comparison.</summary>
    public static PolicyComparison? RenderResult(CliSession session, ScenarioSpec scenario, ExperimentResult result, bool compare)
    {
        if (!compare)
        {
            Render(session, LineSummaryTable.Build(result));
            if (LineSummaryTable.BuildPerDisruption(result) is { } perDisruption)
            {
                Render(session, perDisruption);
            }

            return null;
        }

        var comparison = Comparison.Compute(result, scenario.HoldingCostRatePerYear);
        Render(session, ComparisonTable.Build(comparison));
        Render(session, ComparisonTable.BuildPaired(comparison));
        return comparison;
    }

    /// <summary>Prints a text table as a rounded grid, and its notes under it.</summary>
    public static void Render(CliSession session, TextTable table)
    {
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
        IReadOnlyList<int> jobs;
        ExperimentShardManifest manifest;
        try
        {
            jobs = ExperimentJobs.OfShard(scenario, options, shard);
            manifest = new ExperimentShardManifest(
                ExperimentShard.FormatName, compare ? "compare" : "run", RunManifest.CurrentToolVersion, settings.Scenario, RunManifest.Sha256OfFile(settings.Scenario),
                CommandLine(session.Arguments), Experiment.PoliciesOf(scenario, options), options.Replications, options.Seed, options.HorizonHours,
                options.AllTimeSeries, shard.Index, shard.Count);
        }
        catch (ArgumentException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }

        ExperimentShard folder;
        try
        {
            folder = ExperimentShard.Open(output, manifest, scenario.Start, settings.Resume is not null, settings.Force);
        }
        catch (StressJournalException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }

        var remaining = folder.Remaining(jobs);
        var clock = Stopwatch.StartNew();
        try
        {
            ExperimentJobs.Run(scenario, options, remaining, folder.Accept, new ShardProgress(session, remaining.Count), cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (ArgumentException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }
        catch (OperationCanceledException)
        {
            folder.SaveProgress(clock.Elapsed.TotalSeconds);
            session.EndProgress();
            session.Error($"interrupted: the finished replications are saved; continue with --shard {shard.Index}/{shard.Count} --resume {output} (same scenario and options)");
            throw;
        }
        finally
        {
            session.EndProgress();
        }

        folder.CompleteInto(output, clock.Elapsed.TotalSeconds, settings.Force);
        session.Stdout.WriteLine(
            $"shard {shard.Index.ToString(CultureInfo.InvariantCulture)}/{shard.Count.ToString(CultureInfo.InvariantCulture)}: {folder.Records.Count.ToString(CultureInfo.InvariantCulture)} of {(options.Replications * manifest.Policies.Count).ToString(CultureInfo.InvariantCulture)} replications written to {output}; when every shard is done: linesim merge --out DIR SHARD_DIR...");
        return ExitCodes.Success;
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

    /// <summary>Reports the jobs of a shard done.</summary>
    private sealed class ShardProgress(CliSession session, int total) : IProgress<int>
    {
        public void Report(int value) =>
            session.Progress($"simulating: {value.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)} replications of this shard");
    }

    /// <summary>Reports replications handed to the results synchronously, so the line never lags behind the run.</summary>
    private sealed class ReplicationProgress(CliSession session, ExperimentOptions options) : IProgress<int>
    {
        private readonly int _policies = Math.Max(1, options.Policies.Count);

        public void Report(int value)
        {
            var done = value.ToString(CultureInfo.InvariantCulture);
            session.Progress(options.UntilPrecisionPercent is { } target
                ? $"simulating: {done} replications (until the CI of lost units is within {target.ToString(CultureInfo.InvariantCulture)} %, at most {(options.MaxReplications * _policies).ToString(CultureInfo.InvariantCulture)})"
                : $"simulating: {done}/{(options.Replications * _policies).ToString(CultureInfo.InvariantCulture)} replications");
        }
    }
}
