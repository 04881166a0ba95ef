using System.ComponentModel;
using System.Globalization;
using Simulator.Experiments;
using Simulator.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulator.Cli.Commands;

/// <summary>The options every command that runs replications shares: <c>run</c> and <c>compare</c>.</summary>
internal abstract class ExperimentSettings : FormatSettings
{
    /// <summary>Scenario file to run.</summary>
    [CommandArgument(0, "<SCENARIO>")]
    [Description("Scenario file (YAML) to run")]
    public string Scenario { get; set; } = string.Empty;

    /// <summary>Policies to add to the scenario's.</summary>
    [CommandOption("--policy-file <FILE>")]
    [Description("YAML file with a 'policies:' list (as 'linesim size-buffers' writes it) added after the scenario's policies")]
    public string? PolicyFile { get; set; }

    /// <summary>Replications per policy; null takes the command's default.</summary>
    [CommandOption("-n|--replications <N>")]
    [Description("Replications per policy, at least 1 (default: 1 for run, 20 for compare); with --until-precision, the minimum (raised to 10)")]
    public int? Replications { get; set; }

    /// <summary>Root seed.</summary>
    [CommandOption("-s|--seed <SEED>")]
    [Description("Root seed: the same seed gives the same results, bit for bit, on any number of cores")]
    [DefaultValue(typeof(ulong), "1")]
    public ulong Seed { get; set; } = 1;

    /// <summary>Results folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Results folder (default: results/<scenario>-<yyyyMMdd-HHmmss>)")]
    public string? Out { get; set; }

    /// <summary>Horizon override in hours.</summary>
    [CommandOption("--horizon <HOURS>")]
    [Description("Simulated hours, overriding the scenario's horizon")]
    public double? HorizonHours { get; set; }

    /// <summary>Replace a non-empty results folder.</summary>
    [CommandOption("-f|--force")]
    [Description("Replace the results folder if it already holds files")]
    public bool Force { get; set; }

    /// <summary>Replications run at once.</summary>
    [CommandOption("--parallel <K>")]
    [Description("Replications run at once (default: every core); the results do not depend on it")]
    public int? Parallel { get; set; }

    /// <summary>Which replications' time series are written.</summary>
    [CommandOption("--timeseries <WHICH>")]
    [Description("Time series to write: 'first' (replication 0 of each policy), 'all' (every replication; large); part stocks are those that halted a line or ran lowest, every part with 'parts' (replication 0) or 'all-parts'")]
    [DefaultValue("first")]
    public string Timeseries { get; set; } = "first";

    /// <summary>File format of the time series.</summary>
    [CommandOption("--timeseries-format <FORMAT>")]
    [Description("File of the time series: 'csv' (timeseries.csv) or 'parquet' (timeseries.parquet: the same columns, typed and compressed, for pandas, polars or DuckDB); a parquet run cannot be resumed or sharded")]
    [DefaultValue("csv")]
    public string TimeseriesFormat { get; set; } = "csv";

    /// <summary>The parsed <see cref="TimeseriesFormat"/>.</summary>
    public Output.TimeseriesFormat TimeseriesFileFormat =>
        TimeseriesFormat.Equals("parquet", StringComparison.OrdinalIgnoreCase) ? Output.TimeseriesFormat.Parquet : Output.TimeseriesFormat.Csv;

    /// <summary>Precision target in percent.</summary>
    [CommandOption("--until-precision <PERCENT>")]
    [Description("Add replications until the 95 % CI half-width of mean lost units is below PERCENT % of the mean, for every line")]
    public double? UntilPrecision { get; set; }

    /// <summary>Cap on replications with a precision target.</summary>
    [CommandOption("--max-replications <N>")]
    [Description("Most replications per policy with --until-precision")]
    [DefaultValue(ExperimentOptions.DefaultMaxReplications)]
    public int MaxReplications { get; set; } = ExperimentOptions.DefaultMaxReplications;

    /// <summary>This process's share of the replications.</summary>
    [CommandOption("--shard <I/N>")]
    [Description("Run shard I of N (from 0) of the policy x replication jobs and write its raw rows for 'linesim merge'; 'auto' reads a Slurm array's SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (with --shards)")]
    public string? Shard { get; set; }

    /// <summary>Shards in all, with <c>--shard auto</c> on a Kubernetes Indexed Job.</summary>
    [CommandOption("--shards <N>")]
    [Description("Shards in all, for --shard auto with JOB_COMPLETION_INDEX (the Job's completions)")]
    public int? Shards { get; set; }

    /// <summary>Continue an interrupted shard.</summary>
    [CommandOption("--resume <DIR>")]
    [Description("Continue the interrupted run (or shard, with --shard) whose results folder is DIR, without redoing finished replications; same scenario and options")]
    public string? Resume { get; set; }

    /// <summary>Cap on the estimated kernel events.</summary>
    [CommandOption("--max-events <N>")]
    [Description("Refuse to start when the estimated work is past N kernel events (default 2e9, about ten minutes on two cores); raise it to run a larger experiment on purpose")]
    [DefaultValue(WorkEstimate.DefaultMaxEvents)]
    public double MaxEvents { get; set; } = WorkEstimate.DefaultMaxEvents;

    /// <summary>Replications when <c>--replications</c> is not given.</summary>
    protected abstract int DefaultReplications { get; }

    /// <summary>
    /// Whether the scenario draws no random number (<see cref="ScenarioRandomness"/>): set by the command once the scenario
    /// is loaded, so that an identical replication is not run twenty times unasked.
    /// </summary>
    public bool Deterministic { get; set; }

    /// <summary>Replications per policy: as given, else 1 for a deterministic scenario, else the command's default.</summary>
    public int ReplicationCount => Replications ?? (Deterministic ? 1 : DefaultReplications);

    /// <summary>What the console says about a deterministic scenario's replications, or null when there is nothing to say.</summary>
    public string? DeterminismNote()
    {
        if (!Deterministic)
        {
            return null;
        }

        const string Reason = "note: the scenario draws no random numbers (every outage duration and transit time is fixed), so every replication gives the same results";
        if (Replications is null && UntilPrecision is null && DefaultReplications > 1)
        {
            return $"{Reason}: running 1 replication per policy instead of {DefaultReplications.ToString(CultureInfo.InvariantCulture)} (ask for more with --replications N)";
        }

        return ReplicationCount > 1 || UntilPrecision is not null
            ? $"{Reason}: the replications asked for are identical"
            : null;
    }

    /// <summary>Whether every replication's time series is written.</summary>
    public bool AllTimeseries => Timeseries.ToLowerInvariant() is "all" or "all-parts";

    /// <summary>Whether every part stock's series is written, not only those that halted a line or ran lowest.</summary>
    public bool EveryPart => Timeseries.ToLowerInvariant() is "parts" or "all-parts";

    /// <summary>The experiment these settings ask for, under <paramref name="policies"/>.</summary>
    public ExperimentOptions ToOptions(IReadOnlyList<string> policies) =>
        new(policies, ReplicationCount, Seed, HorizonHours, Parallel, AllTimeseries, UntilPrecision, MaxReplications, EveryPart);

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
        if (base.Validate() is { Successful: false } format)
        {
            return format;
        }

        if (ReplicationCount < 1)
        {
            return ValidationResult.Error($"--replications must be at least 1, got {Text(ReplicationCount)}");
        }

        if (HorizonHours is { } horizon && !(horizon > 0 && double.IsFinite(horizon)))
        {
            return ValidationResult.Error($"--horizon must be a positive number of hours, got {Text(horizon)}");
        }

        if (HorizonHours > ScenarioBounds.MaxHorizonHours)
        {
            return ValidationResult.Error($"--horizon must be at most {Text(ScenarioBounds.MaxHorizonHours)} hours (see docs/reliability.md), got {Text(HorizonHours.Value)}");
        }

        if (!(MaxEvents >= 1))
        {
            return ValidationResult.Error($"--max-events must be at least 1, got {Text(MaxEvents)}");
        }

        if (Parallel is < 1)
        {
            return ValidationResult.Error($"--parallel must be at least 1, got {Text(Parallel.Value)}");
        }

        if (Timeseries.ToLowerInvariant() is not ("first" or "all" or "parts" or "all-parts"))
        {
            return ValidationResult.Error($"--timeseries must be 'first', 'all', 'parts' or 'all-parts', got '{Timeseries}'");
        }

        if (TimeseriesFormat.ToLowerInvariant() is not ("csv" or "parquet"))
        {
            return ValidationResult.Error($"--timeseries-format must be 'csv' or 'parquet', got '{TimeseriesFormat}'");
        }

        // Shards and the resume journal keep their time series as CSV parts for merge to join.
        if (TimeseriesFileFormat == Output.TimeseriesFormat.Parquet && (Shard is not null || Resume is not null))
        {
            return ValidationResult.Error($"--timeseries-format parquet cannot be combined with {(Shard is not null ? "--shard" : "--resume")}: shards and resumed runs write timeseries.csv");
        }

        if (UntilPrecision is { } percent && !(percent > 0 && double.IsFinite(percent)))
        {
            return ValidationResult.Error($"--until-precision must be a positive percentage, got {Text(percent)}");
        }

        if (Resume is not null && UntilPrecision is not null)
        {
            return ValidationResult.Error("--until-precision cannot be resumed: whether a replication runs depends on every replication before it");
        }

        if (Shard is not null && UntilPrecision is not null)
        {
            return ValidationResult.Error("--until-precision cannot be sharded: whether a replication runs depends on every replication before it");
        }

        if (Resume is not null && Out is not null && Path.GetFullPath(Resume) != Path.GetFullPath(Out))
        {
            return ValidationResult.Error("--resume DIR continues into DIR: leave out --out, or give the same folder");
        }

        if (Shards is < 1)
        {
            return ValidationResult.Error($"--shards must be at least 1, got {Text(Shards.Value)}");
        }

        if (MaxReplications < 2)
        {
            return ValidationResult.Error($"--max-replications must be at least 2, got {Text(MaxReplications)}");
        }

        return UntilPrecision is null || ReplicationCount <= MaxReplications
            ? ValidationResult.Success()
            : ValidationResult.Error($"--replications ({Text(ReplicationCount)}) exceeds --max-replications ({Text(MaxReplications)})");
    }
}
