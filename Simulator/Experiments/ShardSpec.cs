using System.Globalization;

namespace Simulator.Experiments;

/// <summary>Which share of the work units one process runs: every unit whose index is <see cref="Index"/> modulo <see cref="Count"/>.</summary>
/// <param name="Index">This shard, from 0.</param>
/// <param name="Count">Shards in all, at least 1.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>
    /// Reads <c>I/N</c> (0 &lt;= I &lt; N), or <c>auto</c>: a Slurm job array's <c>SLURM_ARRAY_TASK_ID</c> (less
    /// <c>SLURM_ARRAY_TASK_MIN</c>) of <c>SLURM_ARRAY_TASK_COUNT</c>, else a Kubernetes Indexed Job's
    /// <c>JOB_COMPLETION_INDEX</c> of <paramref name="shards"/>. Returns the shard, or the error to show.
    /// </summary>
    /// <param name="text">The value of <c>--shard</c>.</param>
    /// <param name="shards">The value of <c>--shards</c>, needed with <c>JOB_COMPLETION_INDEX</c>.</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    public static (ShardSpec? Shard, string? Error) Parse(string text, int? shards, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        if (string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
        {
            if (environment("SLURM_ARRAY_TASK_ID") is { } id && environment("SLURM_ARRAY_TASK_COUNT") is { } count)
            {
                var min = environment("SLURM_ARRAY_TASK_MIN") ?? "0";
                return Integer(id, out var i) && Integer(count, out var n) && Integer(min, out var m)
                    ? Checked(i - m, n, $"SLURM_ARRAY_TASK_ID={id} (min {min}) of SLURM_ARRAY_TASK_COUNT={count}", shards)
                    : (null, $"--shard auto: SLURM_ARRAY_TASK_ID '{id}', SLURM_ARRAY_TASK_MIN '{min}' or SLURM_ARRAY_TASK_COUNT '{count}' is not a whole number");
            }

            if (environment("JOB_COMPLETION_INDEX") is { } index)
            {
                if (shards is not { } total)
                {
                    return (null, "--shard auto with JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) needs --shards N, the Job's completions");
                }

                return Integer(index, out var i)
                    ? Checked(i, total, $"JOB_COMPLETION_INDEX={index} of --shards {total.ToString(CultureInfo.InvariantCulture)}", null)
                    : (null, $"--shard auto: JOB_COMPLETION_INDEX '{index}' is not a whole number");
            }

            return (null, "--shard auto found no SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT (Slurm job array) and no JOB_COMPLETION_INDEX (Kubernetes Indexed Job); give --shard I/N");
        }

        var parts = text.Split('/');
        return parts.Length == 2 && Integer(parts[0], out var index2) && Integer(parts[1], out var count2)
            ? Checked(index2, count2, $"--shard {text}", shards)
            : (null, $"--shard must be I/N (for example 0/4) or auto, got '{text}'");
    }

    private static (ShardSpec?, string?) Checked(int index, int count, string source, int? shards)
    {
        if (count < 1 || index < 0 || index >= count)
        {
            return (null, $"{source}: the shard index must be in [0, {count.ToString(CultureInfo.InvariantCulture)}) and the count at least 1");
        }

        return shards is { } given && given != count
            ? (null, $"{source} disagrees with --shards {given.ToString(CultureInfo.InvariantCulture)}")
            : (new ShardSpec(index, count), null);
    }

    private static bool Integer(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
