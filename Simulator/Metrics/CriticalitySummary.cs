namespace Simulator.Metrics;

/// <summary>What a group of stress targets adds up to, by the ranking's first duration: the headline of a stress test.</summary>
/// <param name="Targets">Targets in the group.</param>
/// <param name="NeedMitigation">Targets that stop a line before they are back (time to halt shorter than the outage).</param>
/// <param name="CostProduction">Targets whose outage loses units.</param>
/// <param name="HiddenCostProduction">Of those, the ones beyond Tier 1 (hidden).</param>
/// <param name="MostLostUnits">The largest lost units of any target in the group; 0 for an empty group.</param>
public sealed record CriticalitySummary(int Targets, int NeedMitigation, int CostProduction, int HiddenCostProduction, double MostLostUnits)
{
    /// <summary>One target as the summary counts it.</summary>
    /// <param name="NeedsMitigation">It stops a line before it is back.</param>
    /// <param name="Hidden">It is beyond Tier 1.</param>
    /// <param name="LostUnits">Units its outage loses.</param>
    public readonly record struct Target(bool NeedsMitigation, bool Hidden, double LostUnits);

    /// <summary>Counts <paramref name="targets"/>; a target costs production when it loses more than 0 units.</summary>
    public static CriticalitySummary Of(IEnumerable<Target> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        int count = 0, mitigate = 0, costly = 0, hidden = 0;
        var most = 0.0;
        foreach (var target in targets)
        {
            count++;
            mitigate += target.NeedsMitigation ? 1 : 0;
            if (target.LostUnits > 0)
            {
                costly++;
                hidden += target.Hidden ? 1 : 0;
            }

            most = Math.Max(most, target.LostUnits);
        }

        return new CriticalitySummary(count, mitigate, costly, hidden, most);
    }
}
