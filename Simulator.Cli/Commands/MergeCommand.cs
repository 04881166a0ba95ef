using System.ComponentModel;
using System.Globalization;
using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>merge --out DIR SHARD_DIR...</c>: joins the raw rows of every shard of a stress test and computes what needs all
/// of them (means, the risk exposure index, the ranking, the charts), giving the files a one-process run writes.
/// </summary>
internal sealed class MergeCommand(CliSession session, ISimulatorBackend backend) : Command<MergeCommand.Settings>
{
    /// <summary>Arguments of <c>merge</c>.</summary>
    public sealed class Settings : CriticalityOutputSettings
    {
        /// <summary>Shard folders, one per shard.</summary>
        [CommandArgument(0, "<SHARD_DIR>")]
        [Description("Folders written by 'stress --shard I/N', one for every shard (in any order)")]
        public string[] Shards { get; set; } = [];
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Shards.Length > 0 && ExperimentShard.IsExperimentShard(settings.Shards[0]))
        {
            return MergeExperiment(settings, cancellationToken);
        }

        var startedAt = DateTimeOffset.Now;
        StressShardManifest shards;
        StressTestResult result;
        double wallTime;
        try
        {
            var (manifest, runs, baselines, wall) = StressJournal.ReadShards(settings.Shards);
            shards = manifest;
            wallTime = wall;
            result = StressTest.Reduce(manifest.Plan, runs, baselines);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }
        catch (InvalidOptionsException error)
        {
            throw new InvalidInputException($"error: the shards are incomplete: {error.Message}", error);
        }

        var output = settings.Out ?? Path.Combine(
            "results",
            $"{Path.GetFileNameWithoutExtension(shards.ScenarioPath ?? shards.Plan.ScenarioName)}-stress-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        using var claim = StressOutput.Claim(output, settings.Force);
        var runManifest = new RunManifest(
            RunManifest.CurrentToolVersion, shards.ScenarioPath, shards.ScenarioSha256, shards.Plan.ScenarioName, [result.Policy], result.Seed,
            result.Replications, result.HorizonHours, ExperimentExecution.CommandLine(session.Arguments), startedAt, wallTime, result.ProcessedEvents);
        // The report's map needs the scenario; without the very file the shards ran, the merge writes no report.
        var scenario = shards.ScenarioPath is { } path && File.Exists(path) && RunManifest.Sha256OfFile(path) == shards.ScenarioSha256
            ? ScenarioInput.Load(backend, session, path)
            : null;
        StressOutput.Finish(session, claim, output, result, runManifest, settings.Top, cancellationToken, scenario);
        return ExitCodes.Success;
    }

    /// <summary>Merges the shards of a <c>run</c> or <c>compare</c>: the per-run files joined, statistics, comparison and charts computed.</summary>
    private int MergeExperiment(Settings settings, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.Now;
        ExperimentShardManifest shards;
        List<Simulator.Experiments.ReplicationRecord> records;
        Dictionary<int, string> jobFolders;
        double wallTime;
        try
        {
            (shards, records, jobFolders, wallTime) = ExperimentShard.ReadShards(settings.Shards);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }

        // Replication 0's traces (for the charts) are simulated again, so the merge needs the very scenario file the shards ran.
        var path = shards.ScenarioPath ?? throw new InvalidInputException("error: the shards do not name their scenario file");
        if (!File.Exists(path) || RunManifest.Sha256OfFile(path) != shards.ScenarioSha256)
        {
            throw new InvalidInputException($"error: the scenario file '{path}' the shards ran is missing or has changed since (SHA-256 differs); merge where the same file is");
        }

        var scenario = ScenarioInput.Load(backend, session, path);
        var options = shards.Options();
        ExperimentResult result;
        try
        {
            result = ExperimentJobs.Assemble(scenario, options, records);
        }
        catch (InvalidOptionsException error)
        {
            throw new InvalidInputException($"error: the shards are incomplete: {error.Message}", error);
        }

        var output = settings.Out ?? Path.Combine(
            "results", $"{Path.GetFileNameWithoutExtension(path)}-merged-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        StressOutput.EnsureWritable(output, settings.Force);
        var comparison = ExperimentExecution.RenderResult(session, scenario, result, shards.Command == "compare");
        var manifest = new RunManifest(
            RunManifest.CurrentToolVersion, path, shards.ScenarioSha256, scenario.Name, result.Policies, result.Seed, result.ReplicationCount,
            result.HorizonHours, ExperimentExecution.CommandLine(session.Arguments), startedAt, wallTime, result.ProcessedEvents);
        ExperimentShard.WriteMerged(output, result, jobFolders, manifest, comparison, scenario.Start, settings.Force, cancellationToken, scenario);
        session.WroteResults(output);
        return ExitCodes.Success;
    }
}
