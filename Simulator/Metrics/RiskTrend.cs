namespace Simulator.Metrics;

/// <summary>One target's time-to-survive in a snapshot (a <c>survive</c> result folder).</summary>
/// <param name="Id">Supplier id, IT system id or provider name.</param>
/// <param name="Kind"><c>supplier</c>, <c>it_system</c> or <c>provider</c>.</param>
/// <param name="HoursToHalt">Hours from its failure to the first line halt, or null when none halts.</param>
/// <param name="NeedsMitigation">A line halts before it is back.</param>
public sealed record SurviveSnapshotRow(string Id, string Kind, double? HoursToHalt, bool NeedsMitigation);

/// <summary>Where a risk is forming: a target whose time-to-survive shrank since the previous snapshot, or that newly needs mitigation.</summary>
/// <param name="Id">Target id.</param>
/// <param name="Kind">Target kind.</param>
/// <param name="PreviousHoursToHalt">Hours to halt in the previous snapshot, or null when no line halted then (or the target was not in it).</param>
/// <param name="HoursToHalt">Hours to halt now.</param>
/// <param name="ShrankByHours">Previous minus current hours to halt, or null when the target halted no line before (it newly halts one).</param>
/// <param name="NewlyNeedsMitigation">It needs mitigation now and did not then.</param>
/// <param name="InPrevious">The previous snapshot had the target.</param>
public sealed record RiskChange(string Id, string Kind, double? PreviousHoursToHalt, double HoursToHalt, double? ShrankByHours, bool NewlyNeedsMitigation, bool InPrevious);

/// <summary>Compares two snapshots of time-to-survive.</summary>
public static class RiskTrend
{
    /// <summary>Smallest change in hours that counts as shrinking (below it the two figures are the same).</summary>
    public const double ToleranceHours = 1e-6;

    /// <summary>
    /// Every target of <paramref name="current"/> that halts a line sooner than in <paramref name="previous"/> (or halts
    /// one now and did not), or that newly needs mitigation; those newly needing mitigation first, then by how much
    /// the time shrank (newly halting first), then by id. Targets match by kind and id.
    /// </summary>
    public static IReadOnlyList<RiskChange> Of(IReadOnlyList<SurviveSnapshotRow> current, IReadOnlyList<SurviveSnapshotRow> previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var before = new Dictionary<(string Kind, string Id), SurviveSnapshotRow>();
        foreach (var row in previous)
        {
            before.TryAdd((row.Kind, row.Id), row);
        }

        var changes = new List<RiskChange>();
        foreach (var row in current)
        {
            if (row.HoursToHalt is not { } now)
            {
                continue;
            }

            var old = before.GetValueOrDefault((row.Kind, row.Id));
            var shrank = old?.HoursToHalt is { } then ? then - now : (double?)null;
            var newlyHalts = old?.HoursToHalt is null;
            var newlyMitigate = row.NeedsMitigation && old?.NeedsMitigation != true;
            if (newlyHalts || shrank > ToleranceHours || newlyMitigate)
            {
                changes.Add(new RiskChange(row.Id, row.Kind, old?.HoursToHalt, now, shrank, newlyMitigate, old is not null));
            }
        }

        return changes
            .OrderBy(c => c.NewlyNeedsMitigation ? 0 : 1)
            .ThenByDescending(c => c.ShrankByHours ?? double.PositiveInfinity)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToArray();
    }
}
