using System.ComponentModel;
using System.Globalization;
using Simulator.Experiments;
using Simulator.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>merge --out DIR SHARD_DIR...</c>: joins the raw rows of every shard of a stress test and computes what needs all
/// of them (means, the risk exposure index, the ranking, the charts), giving the files a one-process run writes.
/// </summary>
internal sealed class MergeCommand(CliSession session) : Command<MergeCommand.Settings>
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
        catch (ArgumentException error)
        {
            throw new InvalidInputException($"error: the shards are incomplete: {error.Message}", error);
        }

        var output = settings.Out ?? Path.Combine(
            "results",
            $"{Path.GetFileNameWithoutExtension(shards.ScenarioPath ?? shards.Plan.ScenarioName)}-stress-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        StressOutput.EnsureWritable(output, settings.Force);
        var runManifest = new RunManifest(
            RunManifest.CurrentToolVersion, shards.ScenarioPath, shards.ScenarioSha256, shards.Plan.ScenarioName, [result.Policy], result.Seed,
            result.Replications, result.HorizonHours, ExperimentExecution.CommandLine(session.Arguments), startedAt, wallTime, result.ProcessedEvents);
        StressOutput.Finish(session, output, result, runManifest, settings.Top, settings.Force, cancellationToken);
        return ExitCodes.Success;
    }
}
