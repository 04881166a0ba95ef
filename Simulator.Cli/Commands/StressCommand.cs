using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Simulator.Experiments;
using Simulator.Model.Specs;
using Simulator.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary><c>stress SCENARIO</c>: take down every supplier, IT system and provider on its own and rank them by the production lost.</summary>
internal sealed class StressCommand(CliSession session, ISimulatorBackend backend) : Command<StressCommand.Settings>
{
    /// <summary>Arguments of <c>stress</c>.</summary>
    public sealed class Settings : CriticalityOutputSettings
    {
        /// <summary>Scenario file to stress.</summary>
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario file (YAML) to stress; its own disruptions are ignored")]
        public string Scenario { get; set; } = string.Empty;

        /// <summary>Policy to resolve the network under.</summary>
        [CommandOption("-p|--policy <POLICY>")]
        [Description("Policy (default: the scenario's first)")]
        public string? Policy { get; set; }

        /// <summary>Policies to add to the scenario's.</summary>
        [CommandOption("--policy-file <FILE>")]
        [Description("YAML file with a 'policies:' list (as 'linesim size-buffers' writes it) added after the scenario's; pick one with --policy")]
        public string? PolicyFile { get; set; }

        /// <summary>One outage duration for every target.</summary>
        [CommandOption("-d|--duration <HOURS>")]
        [Description("Outage hours for every target (default: 72)")]
        public double? Duration { get; set; }

        /// <summary>Several outage durations, comma-separated; the first ranks.</summary>
        [CommandOption("--durations <HOURS,...>")]
        [Description("Several outage durations, e.g. 24,72,168: one column set each; the ranking follows the first")]
        public string? Durations { get; set; }

        /// <summary>Runs per target and duration.</summary>
        [CommandOption("-n|--replications <N>")]
        [Description("Runs per target and duration, at least 1; results are means")]
        [DefaultValue(1)]
        public int Replications { get; set; } = 1;

        /// <summary>Root seed.</summary>
        [CommandOption("-s|--seed <SEED>")]
        [Description("Root seed: the same seed gives the same ranking, bit for bit")]
        [DefaultValue(typeof(ulong), "1")]
        public ulong Seed { get; set; } = 1;

        /// <summary>Each target down for its own recovery time.</summary>
        [CommandOption("--own-recovery")]
        [Description("Each target is down for its own recovery_hours (72 where it has none) instead of one duration")]
        public bool OwnRecovery { get; set; }

        /// <summary>Simulate every target itself, even those that share an outage.</summary>
        [CommandOption("--no-screening")]
        [Description("Simulate every target itself, also those whose outage cannot reach a line or switches off the same gates as another's (same results, more time; for checking)")]
        public bool NoScreening { get; set; }

        /// <summary>Run every outage to the horizon, even once its state has rejoined the baseline's.</summary>
        [CommandOption("--no-early-stop")]
        [Description("Run every outage to the horizon, also after its whole state has rejoined the undisrupted baseline's (same results, more time; for checking)")]
        public bool NoEarlyStop { get; set; }

        /// <summary>How each outage is measured: simulated, or simulated with the LP optimum beside it.</summary>
        [CommandOption("--method <METHOD>")]
        [Description("sim (default): simulate the network's own rules; lp: also solve the time-to-survive and least-loss LPs (stock, pipeline and capacity allocated as well as possible) and show them beside the simulated values")]
        public string Method { get; set; } = "sim";

        /// <summary>This process's share of the work.</summary>
        [CommandOption("--shard <I/N>")]
        [Description("Run shard I of N (from 0) and write its raw rows for 'linesim merge'; 'auto' reads a Slurm array's SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (with --shards)")]
        public string? Shard { get; set; }

        /// <summary>Shards in all, with <c>--shard auto</c> on a Kubernetes Indexed Job.</summary>
        [CommandOption("--shards <N>")]
        [Description("Shards in all, for --shard auto with JOB_COMPLETION_INDEX (the Job's completions)")]
        public int? Shards { get; set; }

        /// <summary>Continue an interrupted run.</summary>
        [CommandOption("--resume <DIR>")]
        [Description("Continue the interrupted stress test (or shard) whose results folder is DIR, without redoing finished runs; same scenario and options")]
        public string? Resume { get; set; }

        /// <summary>Outage runs at once.</summary>
        [CommandOption("--parallel <K>")]
        [Description("Outage runs at once (default: every core; on a cluster, the cores given to the task); the results do not depend on it")]
        public int? Parallel { get; set; }

        /// <summary>Cap on the estimated kernel events.</summary>
        [CommandOption("--max-events <N>")]
        [Description("Refuse to start when the estimated work is past N kernel events (default 2e9); raise it to run a larger stress test on purpose")]
        [DefaultValue(WorkEstimate.DefaultMaxEvents)]
        public double MaxEvents { get; set; } = WorkEstimate.DefaultMaxEvents;

        /// <summary>The durations given, parsed; empty when neither option was given.</summary>
        public IReadOnlyList<double> DurationList =>
            Duration is { } single ? [single]
            : Durations is null ? []
            : Durations.Split(',', StringSplitOptions.TrimEntries).Select(d => double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToList();

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (Duration is not null && Durations is not null)
            {
                return ValidationResult.Error("--duration and --durations cannot be used together");
            }

            var bad = DurationList.Where(d => !(d > 0 && double.IsFinite(d))).ToList();
            if (bad.Count > 0 || (Durations is not null && DurationList.Count == 0))
            {
                var given = Duration is { } d ? d.ToString(CultureInfo.InvariantCulture) : Durations;
                return ValidationResult.Error($"durations must be positive numbers of hours, got '{given}'");
            }

            if (OwnRecovery && (Duration is not null || Durations is not null))
            {
                return ValidationResult.Error("--own-recovery cannot be combined with --duration or --durations");
            }

            if (Resume is not null && Out is not null && Path.GetFullPath(Resume) != Path.GetFullPath(Out))
            {
                return ValidationResult.Error("--resume DIR continues into DIR: leave out --out, or give the same folder");
            }

            if (Parallel is < 1)
            {
                return ValidationResult.Error($"--parallel must be at least 1, got {Parallel.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            if (Shards is < 1)
            {
                return ValidationResult.Error($"--shards must be at least 1, got {Shards.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            if (Method is not ("sim" or "lp"))
            {
                return ValidationResult.Error($"--method must be sim or lp, got '{Method}'");
            }

            if (Replications < 1)
            {
                return ValidationResult.Error($"--replications must be at least 1, got {Replications.ToString(CultureInfo.InvariantCulture)}");
            }

            if (!(MaxEvents >= 1))
            {
                return ValidationResult.Error($"--max-events must be at least 1, got {MaxEvents.ToString(CultureInfo.InvariantCulture)}");
            }

            return base.Validate();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(backend, session, settings.Scenario, cancellationToken: cancellationToken, policyFile: settings.PolicyFile);
        var scenarioHash = RunManifest.Sha256OfFile(settings.Scenario);
        ShardSpec? shard = null;
        if (settings.Shard is { } shardText)
        {
            var (parsed, problem) = ShardSpec.Parse(shardText, settings.Shards, System.Environment.GetEnvironmentVariable);
            shard = parsed ?? throw new InvalidInputException($"error: {problem}");
        }

        var output = settings.Resume ?? settings.Out ?? Path.Combine(
            "results",
            $"{Path.GetFileNameWithoutExtension(settings.Scenario)}-stress-{(shard is null ? string.Empty : $"shard{shard.Index}-")}{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        // Claimed for the whole stress test: a second run into the same folder is refused now, not at the end.
        using var claim = StressOutput.Claim(output, settings.Force);

        var options = new StressTestOptions(
            settings.Policy, settings.DurationList, settings.Replications, settings.Seed, Parallelism: settings.Parallel, OwnRecovery: settings.OwnRecovery, Screen: !settings.NoScreening,
            Method: settings.Method == "lp" ? StressMethod.Lp : StressMethod.Simulation, EarlyStop: !settings.NoEarlyStop);
        StressPlan plan;
        try
        {
            plan = StressTest.PlanRuns(scenario, options);
        }
        catch (InvalidOptionsException error)
        {
            throw new InvalidInputException($"error: {error.Message}", error);
        }

        // The work of this shard's share (all of it without --shard), before anything is written.
        var shardUnits = plan.UnitsOfShard(shard?.Index ?? 0, shard?.Count ?? 1);
        var shardRuns = shardUnits.Count + shardUnits.Select(u => u % plan.Replications).Distinct().Count();
        ExperimentExecution.CheckWork(session, WorkEstimate.OfStress(scenario, options, shardRuns, cancellationToken), settings.MaxEvents);
        var startedAt = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var commandLine = ExperimentExecution.CommandLine(session.Arguments);
        var shardManifest = new StressShardManifest(
            StressJournal.FormatName, RunManifest.CurrentToolVersion, settings.Scenario, scenarioHash, commandLine, shard?.Index ?? 0, shard?.Count ?? 1, plan,
            Optima: options.Method == StressMethod.Lp ? [] : null);
        using var journal = StressOutput.OpenJournal(output, shardManifest, settings.Resume is not null, settings.Force);
        var units = journal.Remaining(shardUnits);
        var total = units.Count + units.Select(u => u % plan.Replications).Distinct().Count();
        try
        {
            // This shard's share of the LP optimum, kept in the journal so that a resumed run does not solve it again.
            var unsolved = journal.UnsolvedTargets();
            if (unsolved.Count > 0)
            {
                var progress = session.StartProgress("stress: LP optimum per target", unsolved.Count);
                StressTest.SolveOptimum(scenario, plan, options, unsolved, journal.Accept, progress, cancellationToken);
                journal.SaveProgress(clock.Elapsed.TotalSeconds);
                session.EndProgress();
            }

            StressTest.Execute(scenario, plan, options, units, journal, session.StartProgress("stress runs", total), cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException)
        {
            journal.SaveProgress(clock.Elapsed.TotalSeconds);
            session.EndProgress();
            session.Error($"interrupted: the finished runs are saved; continue with --resume {output} (same scenario and options)");
            throw;
        }
        finally
        {
            session.EndProgress();
        }

        var wallTime = journal.EarlierWallTimeSeconds + clock.Elapsed.TotalSeconds;
        if (shard is not null)
        {
            journal.MarkComplete(clock.Elapsed.TotalSeconds);
            journal.MoveInto(output, settings.Force);
            session.Say(
                $"shard {shard.Index.ToString(CultureInfo.InvariantCulture)}/{shard.Count.ToString(CultureInfo.InvariantCulture)}: {journal.Runs.Count.ToString(CultureInfo.InvariantCulture)} of {plan.UnitCount.ToString(CultureInfo.InvariantCulture)} runs written to {output}; when every shard is done: linesim merge --out DIR SHARD_DIR...");
            return ExitCodes.Success;
        }

        var result = StressTest.Reduce(journal.Optima is { } optima ? plan.WithOptimum(optima) : plan, journal.Runs, journal.Baselines);
        var manifest = new RunManifest(
            RunManifest.CurrentToolVersion, settings.Scenario, scenarioHash, scenario.Name, [result.Policy], result.Seed,
            result.Replications, result.HorizonHours, commandLine, startedAt, wallTime, result.ProcessedEvents);
        StressOutput.Finish(session, claim, output, result, manifest, settings.Top, cancellationToken, scenario);
        journal.Delete();
        return ExitCodes.Success;
    }
}
